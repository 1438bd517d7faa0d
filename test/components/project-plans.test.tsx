// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCases, updateCase } from '../../electron/services/cases';
import { dateOf } from '../../electron/services/events';
import { addIndicator, setPeriodValues, updatePlan } from '../../electron/services/plans';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

// A priority project's page lists its linked cases' deployment plans: each plan's status and its indicators' readings.
describe('a project page’s plan indicators', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  it('shows each indicator of a linked case’s plan with its latest actual against the target read, and its status', async () => {
    const postal = listCases(backEnd.store, { country: 'VN', sector: '郵便' }).find((c) => c.summary === '区分機')!;
    updateCase(backEnd.store, postal.id, { project: 17 });
    updatePlan(backEnd.store, postal.id, { followUpDate: dateOf('2020年4月') });
    const capacity = addIndicator(backEnd.store, postal.id, { statement: '区分センターの処理能力', level: 'output', unit: '通/時' }).id;
    setPeriodValues(backEnd.store, capacity, '2024', { target: 30_000, revisedTarget: 25_000, actual: 21_000 });
    addIndicator(backEnd.store, postal.id, { statement: '利用者の満足度', level: 'impact', measure: 'qualitative' });

    renderApp('/project/17');
    const table = await screen.findByRole('table', { name: /展開実施プランの指標/ });
    const rows = within(table).getAllByRole('row').slice(1) as HTMLTableRowElement[];
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: postal.title }).getAttribute('href')).toBe(`/case/${postal.id}`);
    expect(rows[0].cells[0].textContent).toMatch(/要注意 · 次回フォローアップ 2020年4月 期限超過/);
    expect([...rows[0].cells].slice(1).map((cell) => cell.textContent)).toEqual(['アウトプット', '区分センターの処理能力', '21,000通/時', '25,000通/時', '2024-04', '要注意']);
    expect([...rows[1].cells].map((cell) => cell.textContent)).toEqual(['インパクト', '利用者の満足度', '—', '—', '—', 'データなし']);
  });
});
