import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseSummary, HistoryEntry, PlanComparison, PlanFollowUp, PlanView, SearchResult } from '../../shared/views';
import { karte, karteJson } from '../support/cli';
import { demoFiles, useTempDir } from '../support/temp';

// `karte plan`: a case's deployment plan (展開実施プラン) from the command line, through the app's API and store.

describe('karte plan', () => {
  const temp = useTempDir();

  function vietnamPostal(db: string): string {
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    return karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '郵便'])[0].id;
  }

  it('builds a plan field by field: needs, partners, financing, an indicator with periods, a hurdle with a measure, revisions compared', () => {
    const db = path.join(temp.dir(), 'plan.sqlite');
    const caseId = vietnamPostal(db);
    const empty = karteJson<PlanView>(['--db', db, 'plan', caseId.slice(0, 8)]);
    expect(empty.plan).toBeNull();

    expect(karte(['--db', db, 'plan', 'set', caseId, 'counterpartNeeds', '郵便物の増加に区分能力が追いつかない']).status).toBe(0);
    expect(karte(['--db', db, 'plan', 'set', caseId, 'partners', '日本郵便 / domestic / 日本郵便株式会社 / 運用指導; VNPost / foreign / ベトナム郵便総公社 / 発注者']).status).toBe(
      0,
    );
    expect(karte(['--db', db, 'plan', 'set', caseId, 'financing', 'jica_loan:considering; jbic:applied:輸出金融']).status).toBe(0);
    const indicator = karte(['--db', db, 'plan', 'indicator', 'add', caseId, '区分処理能力', '--unit', '通/時', '--baseline', '10,000', '--baseline-date', '2020年']).stdout.trim();
    expect(karte(['--db', db, 'plan', 'period', indicator, '2024', '--target', '20000', '--actual', '15000']).stdout).toMatch(/2024年度 target 20000 actual 15000 \[要注意\]/);
    const hurdle = karte(['--db', db, 'plan', 'hurdle', 'add', caseId, '通関手続の遅延', '--since', '2023年4月', '--counterpart', '財務省']).stdout.trim();
    expect(karte(['--db', db, 'plan', 'hurdle', 'measure', hurdle, '大使館から申し入れ', '--actor', '在ベトナム大使館']).status).toBe(0);
    const revision = karte(['--db', db, 'plan', 'revision', caseId, '--label', '当初']).stdout.trim();
    expect(karte(['--db', db, 'plan', 'period', indicator.slice(0, 8), '2024年度', '--revised-target', '17000']).status).toBe(0);
    expect(karte(['--db', db, 'plan', 'hurdle', 'set', hurdle, 'status', 'resolved']).status).toBe(0);

    const plan = karteJson<PlanView>(['--db', db, 'plan', caseId]);
    expect(plan.plan).toMatchObject({
      counterpartNeeds: '郵便物の増加に区分能力が追いつかない',
      partners: [
        { name: '日本郵便', origin: 'domestic', organisation: '日本郵便株式会社', role: '運用指導' },
        { name: 'VNPost', origin: 'foreign', organisation: 'ベトナム郵便総公社', role: '発注者' },
      ],
      financing: [
        { scheme: 'jica_loan', status: 'considering', note: '' },
        { scheme: 'jbic', status: 'applied', note: '輸出金融' },
      ],
    });
    expect(plan.indicators).toHaveLength(1);
    expect(plan.indicators[0]).toMatchObject({ baseline: 10_000, baselineDate: { text: '2020年' } });
    // The revised target stands beside the original: 15,000 is within 15 % of 17,000.
    expect(plan.indicators[0].periods[0]).toMatchObject({ target: 20_000, revisedTarget: 17_000, actual: 15_000 });
    expect(plan.status).toBe('on_track');
    expect(plan.hurdles[0]).toMatchObject({ status: 'resolved', measures: [{ text: '大使館から申し入れ', actor: '在ベトナム大使館' }] });

    const comparison = karteJson<PlanComparison>(['--db', db, 'plan', 'compare', caseId, revision]);
    expect(comparison.differences.map((d) => [d.change, d.part, d.field, d.after])).toEqual([
      ['changed', 'period', 'revisedTarget', 17_000],
      ['changed', 'hurdle', 'status', 'resolved'],
    ]);
    expect(karte(['--db', db, 'plan', 'compare', caseId, revision]).stdout).toMatch(/当初 .* → current:\n {2}changed period 区分処理能力 2024年度 revisedTarget: ∅ → 17000/);

    // In the case's history and found by search, as any part of a case.
    const history = karteJson<HistoryEntry[]>(['--db', db, 'history', caseId]);
    expect(history.filter((e) => e.table === 'indicator_periods' && e.field === 'revisedTarget').map((e) => e.value)).toEqual([17_000]);
    const found = karteJson<SearchResult>(['--db', db, 'search', '通関手続']);
    expect(found.hits.map((h) => [h.kind, h.caseId])).toEqual([['plan', caseId]]);
  });

  it('lists overdue follow-ups, and says which field is wrong', () => {
    const db = path.join(temp.dir(), 'follow-up.sqlite');
    const caseId = vietnamPostal(db);
    expect(karte(['--db', db, 'plan', 'set', caseId, 'followUpDate', '2024年4月']).status).toBe(0);
    expect(karteJson<PlanFollowUp[]>(['--db', db, 'plans']).map((p) => [p.caseId, p.followUpDate.text])).toEqual([[caseId, '2024年4月']]);
    expect(karteJson<PlanView>(['--db', db, 'plan', caseId]).followUpOverdue).toBe(true);

    const indicator = karte(['--db', db, 'plan', 'indicator', 'add', caseId, '処理能力']).stdout.trim();
    const notNumber = karte(['--db', db, 'plan', 'period', indicator, '2024', '--actual', 'たくさん']);
    expect(notNumber.status).toBe(1);
    expect(notNumber.stderr).toMatch(/actual: 'たくさん' is not a number/);
    const badField = karte(['--db', db, 'plan', 'set', caseId, 'budget', '1']);
    expect(badField.status).not.toBe(0);
    expect(badField.stderr).toMatch(/field: .*counterpartNeeds/);
    const badFinancing = karte(['--db', db, 'plan', 'set', caseId, 'financing', 'imf:applied']);
    expect(badFinancing.stderr).toMatch(/financing: 'imf' is not one of jica_loan/);
    expect(karte(['--db', db, 'plan', 'period', indicator, 'いつか', '--target', '1']).stderr).toMatch(/'いつか' is not/);
    // Nothing of the refused edits was written.
    const plan = karteJson<PlanView>(['--db', db, 'plan', caseId]);
    expect(plan.indicators[0].periods).toEqual([]);
    expect(plan.plan?.financing).toEqual([]);
  });
});
