// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directionsOf } from '../../electron/services/directions';
import { factsOfCountry } from '../../electron/services/country-facts';
import { call } from '../../renderer/api/client';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';

// The dossier's 国情 and 分野別の方向性 panels on the real back end: what a desk officer types lands in the store,
// and what the store refuses is said in Japanese with what to do.

describe('country facts and directions on the dossier', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  it('adds a fact with its source and date, says what is missing, edits it and deletes it', async () => {
    renderApp('/dossier/VN');
    const panel = await screen.findByRole('region', { name: '国情' });
    expect(await within(panel).findByText(/国情はまだ記入されていません。/)).toBeTruthy();

    await userEvent.click(within(panel).getByRole('button', { name: '＋ 国情を追加' }));
    const form = within(panel).getByRole('form', { name: '国情を追加' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: '項目' }), '人口');
    // Blank after trimming: the back end refuses it, naming the field.
    await userEvent.type(within(form).getByRole('textbox', { name: '内容' }), '   ');
    await userEvent.type(within(form).getByRole('textbox', { name: '出典' }), '世界銀行');
    await userEvent.type(within(form).getByRole('textbox', { name: '時点' }), '2023年');
    await userEvent.click(within(form).getByRole('button', { name: '国情を追加' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('「内容」を入力してください。');

    const value = within(form).getByRole('textbox', { name: '内容' });
    await userEvent.clear(value);
    await userEvent.type(value, '約9,946万人');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: '共有範囲' }), '政府関係機関');
    await userEvent.click(within(form).getByRole('button', { name: '国情を追加' }));

    const table = await within(panel).findByRole('table');
    const row = within(table).getByRole('row', { name: /人口/ });
    expect(row.textContent).toContain('約9,946万人');
    expect(row.textContent).toContain('世界銀行');
    expect(row.textContent).toContain('2023年');
    expect(row.textContent).toContain('政府関係機関');
    expect(factsOfCountry(backEnd.store, 'VN')).toMatchObject([{ kind: 'population', value: '約9,946万人', scope: 'government', asOf: { precision: 'year' } }]);

    await userEvent.click(within(row).getByRole('button', { name: '「人口」を編集' }));
    const edit = within(panel).getByRole('form', { name: '「人口」を編集' });
    await userEvent.selectOptions(within(edit).getByRole('combobox', { name: '項目' }), 'その他');
    await userEvent.type(within(edit).getByRole('textbox', { name: '項目名' }), '人口（推計）');
    await userEvent.click(within(edit).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(table).getByRole('row', { name: /人口（推計）/ })).toBeTruthy());

    await userEvent.click(within(panel).getByRole('button', { name: '「人口（推計）」を削除' }));
    expect(await screen.findByText('国情「人口（推計）」を削除しました。Ctrl+Z で元に戻せます。')).toBeTruthy();
    await waitFor(() => expect(within(panel).queryByRole('table')).toBeNull());
  });

  it('creates a direction for a sector of the country’s cases, saves its parts as they are written, and shows the region’s read only', async () => {
    await call('direction.create', { region: 'asean', sector: 'postal', values: { situation: 'ASEAN各国で郵便の近代化が進む' } });
    renderApp('/dossier/VN');
    const panel = await screen.findByRole('region', { name: '分野別の方向性' });
    // The panel shows 読み込み中… until its directions arrive.
    expect(await within(panel).findByText(/この国の方向性はまだありません。/)).toBeTruthy();

    const sector = within(panel).getByRole('combobox', { name: '新しい方向性の分野' });
    // The sectors of Vietnam's cases come first.
    const caseSectors = within(sector).getByRole('group', { name: 'この国の案件の分野' });
    expect(within(caseSectors).getByRole('option', { name: '郵便' })).toBeTruthy();
    await userEvent.selectOptions(sector, '郵便');
    await userEvent.click(within(panel).getByRole('button', { name: '方向性を作成' }));

    const card = await within(panel).findByRole('article', { name: '郵便' });
    const labels = within(card)
      .getAllByRole('textbox')
      .map((box) => box.closest('.editable')!.querySelector('label')!.textContent);
    expect(labels).toEqual(['現状', '我が国の強み', '受注への道筋', 'ボトルネック', '対応策', '目標']);
    await userEvent.type(within(card).getByRole('textbox', { name: '目標' }), '2026年度までに受注');
    await userEvent.tab();
    await waitFor(() => expect(directionsOf(backEnd.store, { country: 'VN', regions: [] })).toMatchObject([{ sector: 'postal', target: '2026年度までに受注' }]));
    // Taken: no second 郵便 is offered.
    expect(within(within(panel).getByRole('combobox', { name: '新しい方向性の分野' })).queryByRole('option', { name: '郵便' })).toBeNull();

    // Printing offers only the audiences the direction may reach, its own (協議会) chosen.
    const audience = within(card).getByRole('combobox', { name: '郵便の方向性の配布範囲' }) as HTMLSelectElement;
    expect(
      within(audience)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['組織内', '政府関係機関', '協議会']);
    expect(audience.value).toBe('council');
    expect(within(card).getByRole('button', { name: '印刷（PDF）' })).toBeTruthy();

    const region = within(panel).getByRole('article', { name: '郵便（ASEAN）' });
    expect(within(region).queryByRole('textbox')).toBeNull();
    expect(region.textContent).toContain('ASEAN各国で郵便の近代化が進む');
    expect(within(region).getByRole('link', { name: '地域「ASEAN」の方向性を開く' }).getAttribute('href')).toBe('/countries?region=asean');
  });
});
