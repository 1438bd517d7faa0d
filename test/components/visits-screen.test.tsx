// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCase, listCases } from '../../electron/services/cases';
import { listVisits } from '../../electron/services/visits';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { call } from '../../renderer/api/client';

describe('visits screens', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  it('creates a visit, links a case, and records its outcome on the case in one step', async () => {
    const user = userEvent.setup();
    const router = renderApp('/visits');
    await screen.findByText('記録された訪問はありません。');
    const form = screen.getByRole('form', { name: '訪問を登録' });
    await user.type(within(form).getByLabelText('件名'), '総務大臣ベトナム訪問');
    await user.selectOptions(within(form).getByLabelText('種別'), 'トップセールス');
    await user.selectOptions(within(form).getByLabelText('国'), 'VN');
    await user.type(within(form).getByLabelText('日程'), '2021-05-10～2021-05-12');
    await user.click(within(form).getByRole('button', { name: '登録' }));

    await screen.findByRole('heading', { name: '関連案件' });
    const [visit] = listVisits(backEnd.store, { country: 'VN' });
    expect(visit).toMatchObject({ title: '総務大臣ベトナム訪問', kind: 'top_sales', caseIds: [] });
    expect(visit.dates).toMatchObject({ from: '2021-05-10', to: '2021-05-12' });
    expect(router.state.location.pathname).toBe(`/visit/${visit.id}`);

    // The delegation grows a row, whose name saves on leaving the field.
    await user.click(screen.getByRole('button', { name: '訪問団に追加' }));
    const name = await screen.findByLabelText('氏名（1人目）');
    await user.type(name, '山田太郎');
    await user.tab();
    await waitFor(() => expect(listVisits(backEnd.store)[0].delegation).toEqual([{ name: '山田太郎', title: '', level: '' }]));

    const target = listCases(backEnd.store, { country: 'VN' })[0];
    await user.click(screen.getByRole('checkbox', { name: target.title }));
    await waitFor(() => expect(listVisits(backEnd.store)[0].caseIds).toEqual([target.id]));

    const outcome = await screen.findByLabelText('1件目の成果');
    await user.selectOptions(screen.getByLabelText('1件目の段階'), '覚書・トップセールス等');
    expect((screen.getByLabelText('1件目の時期') as HTMLInputElement).value).toBe('2021-05-10～2021-05-12');
    await user.type(outcome, '大臣間で協力覚書に署名');
    await user.click(screen.getByRole('button', { name: '成果を案件の経緯に記録' }));
    await screen.findByText('1件の経緯を記録しました');
    const recorded = getCase(backEnd.store, target.id).events.find((e) => e.text === '大臣間で協力覚書に署名');
    expect(recorded).toMatchObject({ phase: 'mou_top_sales', source: '総務大臣ベトナム訪問' });

    await router.navigate(`/case/${target.id}`);
    expect(await screen.findByText('大臣間で協力覚書に署名')).toBeTruthy();
  });

  it('lists visits by date and filters them by country', async () => {
    const user = userEvent.setup();
    for (const [title, country, dates] of [
      ['後の訪問', 'VN', '2022年'],
      ['先の訪問', 'VN', '2019年度'],
      ['フィリピン訪問', 'PH', '2020年'],
    ]) {
      await call('visit.create', { title, country, dates });
    }
    renderApp('/visits');
    await screen.findByRole('link', { name: '後の訪問' });
    const titles = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.querySelectorAll('td')[3].textContent);
    expect(titles()).toEqual(['先の訪問', 'フィリピン訪問', '後の訪問']);
    await user.selectOptions(screen.getByLabelText('国', { selector: '#visits-country' }), 'PH');
    await waitFor(() => expect(titles()).toEqual(['フィリピン訪問']));
  });
});
