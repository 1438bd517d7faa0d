// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCase, listCases } from '../../electron/services/cases';
import { listVisits } from '../../electron/services/visits';
import { formatDate } from '../../shared/dates';
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

    // The visit's dates read in Japanese style, not as typed in ISO; the outcome's date starts from them.
    expect((screen.getByLabelText('日程') as HTMLInputElement).value).toBe(formatDate(visit.dates, 'ja'));
    expect(screen.getByLabelText('日程')).not.toHaveProperty('value', '2021-05-10～2021-05-12');
    const recordedList = screen.getByRole('region', { name: '記録済みの成果' });
    expect(within(recordedList).getByText('この訪問の成果はまだ記録されていません。')).toBeTruthy();
    const outcome = await screen.findByLabelText('1件目の成果');
    await user.selectOptions(screen.getByLabelText('1件目の段階'), '覚書・トップセールス等');
    expect((screen.getByLabelText('1件目の時期') as HTMLInputElement).value).toBe(formatDate(visit.dates, 'ja'));
    await user.type(outcome, '大臣間で協力覚書に署名');
    await user.click(screen.getByRole('button', { name: '成果を案件の経緯に記録' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^1件の経緯を記録しました。/);
    const recorded = getCase(backEnd.store, target.id).events.find((e) => e.text === '大臣間で協力覚書に署名');
    expect(recorded).toMatchObject({ phase: 'mou_top_sales', source: '総務大臣ベトナム訪問', visitId: visit.id });
    expect(recorded!.date).toMatchObject({ from: '2021-05-10', to: '2021-05-12' });

    // The visit lists what was recorded of it, with the way to the event on its case; the case's line says so.
    const row = await within(recordedList).findByRole('row', { name: /大臣間で協力覚書に署名/ });
    expect(row.textContent).toContain('覚書・トップセールス等');
    expect(row.textContent).toContain(formatDate(recorded!.date, 'ja'));
    expect(screen.getByRole('form', { name: '訪問の成果' }).textContent).toContain('記録済み 1件');
    // The same outcome again is refused before it is sent.
    await user.type(screen.getByLabelText('1件目の成果'), '大臣間で協力覚書に署名');
    expect(screen.getByText('同じ成果がこの案件に記録済みです。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '成果を案件の経緯に記録' })).toHaveProperty('disabled', true);

    await user.click(within(row).getByRole('link', { name: target.title }));
    expect(router.state.location.pathname).toBe(`/case/${target.id}`);
    expect(router.state.location.search).toBe(`?event=${recorded!.id}`);
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

  it('lists the countries with dossiers, cases or visits first in the country filter', async () => {
    // A visit to a country with no dossier and no case puts it among the first too.
    await call('visit.create', { title: 'アイスランド訪問', country: 'IS', dates: '2022年' });
    renderApp('/visits');
    const filter = screen.getByLabelText('国', { selector: '#visits-country' });
    const group = (label: string) => filter.querySelector(`optgroup[label="${label}"]`);
    await waitFor(() => expect(group('カルテ・案件・訪問のある国')).not.toBeNull());
    const first = [...group('カルテ・案件・訪問のある国')!.querySelectorAll('option')].map((o) => o.value);
    const casesCountries = listCases(backEnd.store, {}).flatMap((c) => c.countries);
    const dossierCountries = backEnd.store.db.prepare('SELECT country FROM dossiers WHERE deleted = 0 AND country IS NOT NULL').pluck().all() as string[];
    expect(casesCountries).toContain('VN');
    expect(new Set(first)).toEqual(new Set([...casesCountries, ...dossierCountries, 'IS']));
    // The rest of the world follows, none of them twice.
    const others = [...group('その他の国')!.querySelectorAll('option')].map((o) => o.value);
    expect(others.length).toBeGreaterThan(150);
    expect(others.filter((iso2) => first.includes(iso2))).toEqual([]);
    // The options before any group: only the choice of every country.
    expect(filter.querySelectorAll(':scope > option')).toHaveLength(1);
  });
});
