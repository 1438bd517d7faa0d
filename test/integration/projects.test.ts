import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addIndicator, setPeriodValues, updatePlan } from '../../electron/services/plans';
import { dateOf } from '../../electron/services/events';
import type { CaseSummary, ProjectDetail, ProjectSummary } from '../../shared/views';
import { karte, karteJson } from '../support/cli';
import { demoFiles, useTempDir } from '../support/temp';

describe('karte projects', () => {
  const temp = useTempDir();

  it('lists all 20, shows Vietnam’s postal cases under ⑰ once linked, and unlinks them', () => {
    const db = path.join(temp.dir(), 'projects.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const before = karteJson<ProjectSummary[]>(['--db', db, 'projects']);
    expect(before).toHaveLength(20);
    const postal = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '郵便']);
    expect(postal).toHaveLength(2);
    // Suggested by sector and country, linked only when a person says so.
    expect(
      before
        .find((p) => p.no === 17)
        ?.suggested.map((c) => c.id)
        .sort(),
    ).toEqual(postal.map((c) => c.id).sort());
    expect(before.find((p) => p.no === 17)?.cases).toEqual([]);

    for (const [i, c] of postal.entries()) expect(karte(['--db', db, 'case', 'set', c.id.slice(0, 8), 'project', i === 0 ? '17' : '⑰']).status).toBe(0);
    const after = karteJson<ProjectSummary[]>(['--db', db, 'projects']);
    const seventeen = after.find((p) => p.no === 17) as ProjectSummary;
    expect(seventeen.cases.map((c) => c.id).sort()).toEqual(postal.map((c) => c.id).sort());
    expect(seventeen.cases.every((c) => c.project === 17 && c.currentPhase === 'order_management')).toBe(true);
    expect(seventeen.suggested).toEqual([]);
    expect(karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN']).filter((c) => c.project === 17)).toHaveLength(2);

    const detail = karteJson<ProjectDetail>(['--db', db, 'project', '17']);
    expect(detail).toMatchObject({ no: 17, mark: '⑰', sector: '郵便' });
    expect(detail.policy).toMatch(/電子マネー/);
    expect(detail.cases).toHaveLength(2);
    expect(karte(['--db', db, 'project', '17']).stdout).toMatch(/linked cases \(2\)/);

    expect(karte(['--db', db, 'case', 'set', postal[0].id, 'project', 'none']).status).toBe(0);
    expect(karteJson<ProjectDetail>(['--db', db, 'project', '17']).cases.map((c) => c.id)).toEqual([postal[1].id]);
  });

  it("shows its linked cases' deployment plans: each plan's status and its indicators' latest readings", () => {
    const db = path.join(temp.dir(), 'plans.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const postal = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '郵便']);
    for (const c of postal) expect(karte(['--db', db, 'case', 'set', c.id, 'project', '17']).status).toBe(0);
    const planned = postal.find((c) => c.summary === '区分機')!;
    const unplanned = postal.find((c) => c !== planned)!;
    const store = temp.store(path.basename(db));
    updatePlan(store, planned.id, { problem: '手作業区分による配達遅延', followUpDate: dateOf('2020年4月') });
    const capacity = addIndicator(store, planned.id, { statement: '区分センターの処理能力', level: 'output', unit: '通/時' }).id;
    setPeriodValues(store, capacity, '2024', { target: 20_000, actual: 19_000 });
    setPeriodValues(store, capacity, '2025', { target: 30_000, revisedTarget: 25_000, actual: 21_000 });
    const delay = addIndicator(store, planned.id, { statement: '配達遅延の割合', level: 'outcome', measure: 'percent', direction: 'lower', unit: '%' }).id;
    setPeriodValues(store, delay, '2024', { target: 8, actual: 11 });
    addIndicator(store, planned.id, { statement: '利用者の満足度', level: 'impact', measure: 'qualitative' });

    const detail = karteJson<ProjectDetail>(['--db', db, 'project', '17']);
    // Only the case with a plan; the other linked case has none.
    expect(detail.plans.map((p) => p.caseId)).toEqual([planned.id]);
    expect(detail.plans.map((p) => p.caseId)).not.toContain(unplanned.id);
    const [plan] = detail.plans;
    expect(plan).toMatchObject({ caseTitle: planned.title, status: 'off_track', followUpDate: { text: '2020年4月' }, followUpOverdue: true });
    expect(plan.indicators.map((i) => [i.level, i.statement, i.reading.status, i.reading.actual, i.reading.target])).toEqual([
      // The revised target is the one read.
      ['output', '区分センターの処理能力', 'at_risk', 21_000, 25_000],
      ['outcome', '配達遅延の割合', 'off_track', 11, 8],
      ['impact', '利用者の満足度', 'no_data', null, null],
    ]);

    const text = karte(['--db', db, 'project', '17']).stdout;
    expect(text).toContain('deployment plans (1):');
    expect(text).toMatch(/ベトナム 郵便: 区分機\s+\[遅延\]\s+follow-up 2020年4月 \(overdue\)/);
    expect(text).toMatch(/アウトプット 区分センターの処理能力: 21,000 \/ 25,000通\/時 \(2025-04\)\s+\[要注意\]/);
    expect(text).toMatch(/インパクト 利用者の満足度\s+\[データなし\]/);
  });

  it('refuses a project that is not one of the 20', () => {
    const db = path.join(temp.dir(), 'refused.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const [c] = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '5G']);
    const refused = karte(['--db', db, 'case', 'set', c.id, 'project', '21']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not one of the 20 priority projects/);
    expect(karte(['--db', db, 'project', '0']).status).toBe(2);
  });
});

describe('a priority project’s numeric targets', () => {
  const temp = useTempDir();

  // A dozen runs of the command line, each starting Node: a minute or more on a loaded machine.
  it('adds up what the indicators of its cases’ plans that count toward a target achieved', () => {
    const db = path.join(temp.dir(), 'kpi.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const [cyber] = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', 'サイバー']);
    expect(karte(['--db', db, 'case', 'set', cyber.id, 'project', '10']).status).toBe(0);
    const before = karteJson<ProjectDetail>(['--db', db, 'project', '10']);
    expect(before.kpiProgress).toEqual([{ ...before.kpis[0], achieved: null, share: null, indicators: 0 }]);

    // Two indicators count toward ⑩'s target of 650 people: a cumulative one adds its actuals, the other its latest;
    // a third, not counted, is left out.
    const trained = karte(['--db', db, 'plan', 'indicator', 'add', cyber.id, '育成したセキュリティ人材', '--unit', '人', '--cumulative']).stdout.trim();
    const certified = karte(['--db', db, 'plan', 'indicator', 'add', cyber.id, '資格取得者', '--unit', '人']).stdout.trim();
    const other = karte(['--db', db, 'plan', 'indicator', 'add', cyber.id, '演習回数', '--unit', '回']).stdout.trim();
    for (const id of [trained, certified]) expect(karte(['--db', db, 'plan', 'indicator', 'set', id, 'projectKpi', '1']).status).toBe(0);
    for (const [id, period, actual] of [
      [trained, '2020', '200'],
      [trained, '2021', '250'],
      [certified, '2020', '30'],
      [certified, '2021', '40'],
      [other, '2021', '12'],
    ])
      expect(karte(['--db', db, 'plan', 'period', id, period, '--actual', actual]).status).toBe(0);

    const after = karteJson<ProjectDetail>(['--db', db, 'project', '10']);
    expect(after.kpiProgress).toEqual([{ ...after.kpis[0], achieved: 490, share: 490 / 650, indicators: 2 }]);
    expect(karte(['--db', db, 'project', '10']).stdout).toMatch(
      /target 1: ASEANを対象に育成するセキュリティ人材 650人以上 \(2022年\); achieved 490人以上 \(75%\) from 2 indicator/,
    );
    expect(karte(['--db', db, 'plan', 'indicator', 'set', other, 'projectKpi', '10']).status).not.toBe(0);
  }, 180_000);
});
