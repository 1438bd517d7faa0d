import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, writeRows } from '../../electron/services/store/store';
import { fiscalYearOf, type PipelineStats } from '../../shared/analytics/pipeline';
import { karte, karteJson } from '../support/cli';
import { demoFiles, useTempDir } from '../support/temp';

// `karte stats` on the real tables: the figures the action plan asks for, by the rules README.md states.
describe('karte stats', () => {
  const temp = useTempDir();
  const demoDb = () => {
    const db = path.join(temp.dir(), 'stats.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    return db;
  };

  it('gives the months from discovery to the first order of Vietnam’s cases', () => {
    const stats = karteJson<PipelineStats>(['--db', demoDb(), 'stats', '--country', 'VN']);
    const bySummary = (summary: string) => stats.cases.find((c) => c.title.includes(summary));
    expect(bySummary('サイバーセキュリティ')).toMatchObject({ discovered: '2015-04', firstOrder: '2018-09', monthsToOrder: 41, approximate: true });
    expect(bySummary('統計ICT')).toMatchObject({ discovered: '2017-01', firstOrder: '2021-01', monthsToOrder: 48 });
    expect(bySummary('区分機')).toMatchObject({ discovered: '2009-09', firstOrder: '2018-06', monthsToOrder: 105 });
    expect(bySummary('金融サービス電子化')).toMatchObject({ discovered: '2015-01', firstOrder: '2017-03', monthsToOrder: 26, approximate: false });
    expect(bySummary('ローカル5G')).toMatchObject({ monthsToOrder: null, firstOrder: null });
    expect(stats.cases).toHaveLength(9);
    expect(stats.timeToOrder.all).toMatchObject({ n: 9, open: 5 });
  });

  it('calls Peru’s medical ICT case stuck as of 2021-01-01, and not Vietnam’s smart-city and 5G cases, with its oldest open hurdle', () => {
    const db = demoDb();
    const peru = karteJson<PipelineStats>(['--db', db, 'stats', '--country', 'PE']).cases.find((c) => c.title === 'ペルー 医療ICT')!;
    // Two open hurdles and a resolved older one: the oldest open one is listed.
    for (const [text, since, status] of [
      ['病院側の予算不足', '2019年', 'open'],
      ['保健省の担当交代', '2018年度', 'open'],
      ['通信規制', '2016年', 'resolved'],
    ]) {
      const id = karte(['--db', db, 'plan', 'hurdle', 'add', peru.id, text, '--since', since]).stdout.trim();
      if (status === 'resolved') expect(karte(['--db', db, 'plan', 'hurdle', 'set', id, 'status', 'resolved']).status).toBe(0);
    }
    const stats = karteJson<PipelineStats>(['--db', db, 'stats', '--as-of', '2021-01-01']);
    const stuck = stats.stuck.map((s) => s.title);
    expect(stuck).toContain('ペルー 医療ICT');
    expect(stuck.some((title) => title.startsWith('ベトナム スマートシティ') || title.startsWith('ベトナム 5G'))).toBe(false);
    expect(stats.stuck.find((s) => s.title === 'ペルー 医療ICT')).toMatchObject({
      lastEvent: '2017-04',
      months: 45,
      oldestOpenHurdle: { description: '保健省の担当交代', since: '2018年度' },
    });
    expect(karte(['--db', db, 'stats', '--as-of', '2021-01-01']).stdout).toMatch(/ペルー 医療ICT +保健省の担当交代 \(2018年度～\)/);
  });

  it('keeps only the cases discovered in the 年度 asked for, in every figure', () => {
    const db = demoDb();
    const all = karteJson<PipelineStats>(['--db', db, 'stats', '--as-of', '2021-01-01']);
    const inPeriod = all.cases.filter((c) => c.discovered !== null && [2017, 2018].includes(fiscalYearOf(c.discovered)));
    const stats = karteJson<PipelineStats>(['--db', db, 'stats', '--as-of', '2021-01-01', '--from-fy', '2017', '--to-fy', '2018']);
    // Two cases found in 2017年度 and nine in 2018年度 (April 2017 to March 2019).
    expect(stats.cases.map((c) => c.id)).toEqual(inPeriod.map((c) => c.id));
    expect(stats.cases).toHaveLength(11);
    expect(stats.funnel.map((f) => [f.fiscalYear, f.size])).toEqual([
      [2017, 2],
      [2018, 9],
    ]);
    expect(stats.timeToOrder.all.n).toBe(11);
    expect(Object.keys(stats.timeToOrder.byFiscalYear)).toEqual(['2017', '2018']);
    const kept = new Set(inPeriod.map((c) => c.id));
    expect([...stats.stuck, ...stats.longWithoutOrder].every((s) => kept.has(s.id))).toBe(true);
    expect(stats.bySectorRegion.reduce((sum, cell) => sum + cell.total, 0)).toBe(11);
    // One end only: the cases found from 2018年度 on.
    const since2018 = karteJson<PipelineStats>(['--db', db, 'stats', '--as-of', '2021-01-01', '--from-fy', '2018']);
    expect(since2018.funnel.map((f) => f.fiscalYear)).toEqual([2018, 2019]);
    expect(karte(['--db', db, 'stats', '--as-of', '2021-01-01', '--from-fy', '2018', '--to-fy', '2018']).stdout).toMatch(/as of 2021-01-01: 9 cases discovered in 2018年度, /);
  });

  it('keeps only the cases of the organisation asked for, named by the first characters of its id', () => {
    const db = demoDb();
    const orgId = 'a1b2c3d4-0000-4000-8000-000000000001';
    const vietnam = karteJson<PipelineStats>(['--db', db, 'stats', '--country', 'VN']).cases.slice(0, 3);
    const store = openStore(db, { author: 'tester' });
    writeRows(store, [
      { table: 'organisations', id: orgId, values: { nameJa: '総務省', nameEn: 'MIC', type: 'ministry' } },
      ...vietnam.map((c) => ({ table: 'cases' as const, id: c.id, values: { ownerOrg: orgId } })),
    ]);
    store.close();
    const stats = karteJson<PipelineStats>(['--db', db, 'stats', '--organisation', 'a1b2c3']);
    expect(stats.cases.map((c) => c.id).sort()).toEqual(vietnam.map((c) => c.id).sort());
    const unknown = karte(['--db', db, 'stats', '--organisation', 'ffff0000']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no organisation with id 'ffff0000'/);
  });

  it('refuses a 年度 that is no number, or a period that ends before it starts, naming the field', () => {
    const db = demoDb();
    const notNumber = karte(['--db', db, 'stats', '--from-fy', '2018年度']);
    expect(notNumber.status).toBe(2);
    expect(notNumber.stderr).toMatch(/discoveredFrom/);
    const notYear = karte(['--db', db, 'stats', '--to-fy', '18.5']);
    expect(notYear.status).toBe(2);
    expect(notYear.stderr).toMatch(/discoveredTo/);
    const backwards = karte(['--db', db, 'stats', '--from-fy', '2019', '--to-fy', '2018']);
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toMatch(/discoveredTo: the first 年度 must not come after the last/);
  });

  it('prints a readable summary, and refuses an impossible date or a count that is no number', () => {
    const db = demoDb();
    const text = karte(['--db', db, 'stats', '--as-of', '2021-01-01']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/as of 2021-01-01: 31 cases/);
    expect(text.stdout).toMatch(/ペルー 医療ICT/);
    const badDate = karte(['--db', db, 'stats', '--as-of', '2021-02-30']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/asOf/);
    const badCount = karte(['--db', db, 'stats', '--stuck-months', 'x']);
    expect(badCount.status).toBe(2);
    expect(badCount.stderr).toMatch(/stuckMonths/);
  });
});
