// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeRows } from '../../electron/services/store/store';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

// パイプライン分析 on the demo dossiers as of 2021-01-01: the figures README.md defines, on the screen.
describe('analytics screen', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
    // jsdom has no canvas and says so on every call: the charts measure their text by ECharts' own table instead.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await backEnd.close();
  });

  const cells = (row: HTMLElement) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent);
  const rowOf = (table: HTMLElement, name: string | RegExp) => within(table).getByRole('link', { name }).closest('tr') as HTMLTableRowElement;

  it('shows the (about) 105 months of Vietnam’s postal sorting machines, and Peru’s medical ICT as stuck', async () => {
    renderApp('/analytics?asOf=2021-01-01');
    expect(await screen.findByText('2021年1月1日時点: 案件31件（うち受注に至った案件10件）')).toBeTruthy();

    const times = screen.getByRole('table', { name: '案件ごとの期間' });
    expect(cells(rowOf(times, 'ベトナム 郵便: 区分機'))).toEqual(['ベトナム 郵便: 区分機', 'ベトナム', '郵便', '受注・管理', '受注', '2009年9月', '2018年6月', '約105']);

    const stuck = screen.getByRole('table', { name: /^停滞案件/ });
    expect(cells(rowOf(stuck, 'ペルー 医療ICT'))).toEqual(['ペルー 医療ICT', '調査・実証', '2017年4月', '45', '—']);
    expect(screen.getByRole('region', { name: /^停滞案件/ }).textContent).toContain('日付のある経緯が12か月を超えて途絶えている案件');

    const all = within(screen.getByRole('table', { name: '受注までの期間' }))
      .getByRole('rowheader', { name: '全体' })
      .closest('tr') as HTMLElement;
    expect(cells(all)).toEqual(['全体', '31', '21', '41', '105', '—']);
    // The funnel: the 2018年度 cohort of nine, eight still without an order.
    const funnel = screen.getByRole('table', { name: '発掘年度別の到達状況（ファネル）' });
    expect(cells(within(funnel).getByRole('rowheader', { name: '2018年度' }).closest('tr') as HTMLElement)).toEqual(['2018年度', '9', '9', '8', '8', '6', '1', '8']);
  });

  it('narrows the case list to a cell of the sector × region matrix, and the figures to a country', async () => {
    const user = userEvent.setup();
    const router = renderApp('/analytics?asOf=2021-01-01');
    const matrix = await screen.findByRole('table', { name: '分野 × 地域' });
    await user.click(within(matrix).getByRole('link', { name: '郵便 × ASEAN: 2件' }));
    expect(router.state.location.search).toBe('?asOf=2021-01-01&cellSector=postal&cellRegion=ASEAN');
    const times = await screen.findByRole('table', { name: '案件ごとの期間' });
    await waitFor(() => expect(within(times).getAllByRole('row')).toHaveLength(3));
    expect(screen.getByText('郵便 × ASEAN の案件（2件）')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: '国' }), 'PE');
    expect(router.state.location.search).toBe('?asOf=2021-01-01&country=PE');
    expect(await screen.findByText('2021年1月1日時点: 案件4件（うち受注に至った案件1件）')).toBeTruthy();
  });

  it('narrows every figure to the cases discovered in the 年度 chosen, kept in the address', async () => {
    const user = userEvent.setup();
    const router = renderApp('/analytics?asOf=2021-01-01');
    await screen.findByText(/案件31件/);
    await user.selectOptions(screen.getByRole('combobox', { name: '発掘年度（から）' }), '2017');
    expect(router.state.location.search).toBe('?asOf=2021-01-01&discoveredFrom=2017');
    // The last year offers none before the first.
    const to = screen.getByRole('combobox', { name: '発掘年度（まで）' });
    expect(within(to).queryByRole('option', { name: '2016年度' })).toBeNull();
    await user.selectOptions(to, '2018');
    expect(router.state.location.search).toBe('?asOf=2021-01-01&discoveredFrom=2017&discoveredTo=2018');
    expect(await screen.findByText(/^2021年1月1日時点: 案件11件/)).toBeTruthy();
    const funnel = screen.getByRole('table', { name: '発掘年度別の到達状況（ファネル）' });
    expect(
      within(funnel)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['2017年度', '2018年度']);
    // No organisation is held here (the demo data has none): no organisation to choose.
    expect(screen.queryByRole('combobox', { name: '担当組織' })).toBeNull();
  });

  it('offers the organisations the store holds, and narrows the figures to one', async () => {
    const orgId = 'a1b2c3d4-0000-4000-8000-000000000001';
    const vietnam = backEnd.store.db.prepare("SELECT id FROM cases WHERE countries LIKE '%VN%' ORDER BY title LIMIT 3").all() as { id: string }[];
    writeRows(backEnd.store, [
      { table: 'organisations', id: orgId, values: { nameJa: '総務省', nameEn: 'MIC', type: 'ministry' } },
      ...vietnam.map(({ id }) => ({ table: 'cases' as const, id, values: { ownerOrg: orgId } })),
    ]);
    const user = userEvent.setup();
    const router = renderApp('/analytics?asOf=2021-01-01');
    await user.selectOptions(await screen.findByRole('combobox', { name: '担当組織' }), '総務省');
    expect(router.state.location.search).toBe(`?asOf=2021-01-01&organisation=${orgId}`);
    expect(await screen.findByText(/^2021年1月1日時点: 案件3件/)).toBeTruthy();
  });

  it('charts the time to order by sector, region or 年度, each bar named with its cases and those still open', async () => {
    const user = userEvent.setup();
    renderApp('/analytics?asOf=2021-01-01');
    const chart = await screen.findByRole('img', { name: '受注までの期間（分野別、か月）' });
    const grouping = screen.getByRole('combobox', { name: 'グラフの区分' });
    await user.selectOptions(grouping, 'byFiscalYear');
    expect(screen.getByRole('img', { name: '受注までの期間（発掘年度別、か月）' })).toBe(chart);
    await waitFor(() => expect(chart.textContent).toContain('2018年度（9件・未受注8）'));
    expect(chart.textContent).toContain('全体（31件・未受注21）');
    expect(screen.getByRole('button', { name: '「受注までの期間（発掘年度別、か月）」をPNGで保存' })).toBeTruthy();
  });

  it('says in Japanese why figures cannot be had for a project that is not one of the 20', async () => {
    renderApp('/analytics?project=21');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^読み込めませんでした。/);
    expect(alert.textContent).not.toMatch(/[Tt]oo big|expected|project/);
  });
});
