import { describe, expect, it } from 'vitest';
import { caseTimes, discoveredWithin, fiscalYearOf, pipelineEvent, pipelineStats, type PipelineCase, type PipelineEvent } from '../../shared/analytics/pipeline';
import { summariseDurations } from '../../shared/analytics/survival';
import { parseDateText } from '../../shared/dates';
import type { Phase } from '../../shared/phases';

function event(phase: Phase, text: string): PipelineEvent {
  const date = parseDateText(text);
  if (!date) throw new Error(`test date '${text}' does not parse`);
  return pipelineEvent({ phase, date });
}

function aCase(id: string, events: PipelineEvent[], status: PipelineCase['status'] = 'active'): PipelineCase {
  return { id, title: id, countries: ['VN'], region: 'ASEAN', sector: 'postal', status, events };
}

describe('Kaplan–Meier summary of months to a point', () => {
  it('gives the plain quartiles when every case reached it', () => {
    const s = summariseDurations([10, 20, 30, 40].map((months) => ({ months, reached: true })));
    expect(s).toEqual({ n: 4, open: 0, lowerQuartile: 10, median: 20, upperQuartile: 30 });
  });

  it('counts an open case only for the months it has run, neither dropped nor finished', () => {
    // Reached at 10 and 30; open at 20 and 40. At 10: 4 at risk → 3/4 left; at 30: 2 at risk → 3/8 left.
    const s = summariseDurations([
      { months: 10, reached: true },
      { months: 20, reached: false },
      { months: 30, reached: true },
      { months: 40, reached: false },
    ]);
    expect(s).toEqual({ n: 4, open: 2, lowerQuartile: 10, median: 30, upperQuartile: null });
    // Dropping the open cases would have said a median of 10; counting them finished, 20.
  });

  it('has no median while fewer than half reached the point', () => {
    expect(summariseDurations([{ months: 5, reached: true }, ...[6, 7, 8].map((months) => ({ months, reached: false }))]).median).toBeNull();
    expect(summariseDurations([])).toEqual({ n: 0, open: 0, lowerQuartile: null, median: null, upperQuartile: null });
  });
});

describe('a case’s time to order', () => {
  it('takes each date at the start of its period and counts whole months', () => {
    const t = caseTimes(aCase('a', [event('consideration', '2015年度'), event('order_management', '2018年9月')]), '2021-01-01');
    expect(t).toMatchObject({ discovered: '2015-04', firstOrder: '2018-09', monthsToOrder: 41, approximate: true });
    const summer = caseTimes(aCase('b', [event('consultation', '2009年9月'), event('order_management', '2018年夏')]), '2021-01-01');
    expect(summer).toMatchObject({ discovered: '2009-09', firstOrder: '2018-06', monthsToOrder: 105, approximate: true });
    const exact = caseTimes(aCase('c', [event('consideration', '2015年1月'), event('order_management', '2017年3月')]), '2021-01-01');
    expect(exact).toMatchObject({ monthsToOrder: 26, approximate: false });
  });

  it('leaves out events after the as-of date, and planned events from the times (they still count as activity)', () => {
    const t = caseTimes(aCase('a', [event('consideration', '2019年4月'), event('order_management', '2022年度予定'), event('order_management', '2023年5月')]), '2023-01-31');
    expect(t).toMatchObject({ discovered: '2019-04', firstOrder: null, monthsToOrder: null, lastEvent: '2022-04' });
  });

  it('counts the 年度 from April', () => {
    expect(fiscalYearOf('2019-04')).toBe(2019);
    expect(fiscalYearOf('2020-03')).toBe(2019);
    expect(fiscalYearOf('2020')).toBe(2019);
  });
});

describe('pipeline figures', () => {
  const cases = [
    aCase('quiet', [event('consideration', '2017年度')]),
    aCase('recent', [event('consideration', '2017年3月'), event('mou_top_sales', '2020年1月')]),
    aCase('won', [event('consideration', '2017年4月'), event('order_management', '2018年4月')], 'won'),
    aCase('skipped', [event('consideration', '2017年5月'), event('survey_demo', '2018年5月')], 'dropped'),
  ];
  const stats = pipelineStats(cases, '2021-01-01');

  it('calls an active case stuck only after more than N months without a dated event', () => {
    expect(stats.stuck.map((s) => s.id)).toEqual(['quiet']);
    expect(stats.stuck[0].months).toBe(45);
    expect(pipelineStats(cases, '2021-02-01').stuck.map((s) => s.id)).toEqual(['quiet', 'recent']);
  });

  it('lists active cases found more than N years ago without an order apart from the stuck ones', () => {
    expect(stats.longWithoutOrder.map((s) => s.id).sort()).toEqual(['quiet', 'recent']);
  });

  it('counts a skipped phase as passed in the cohort funnel, never above the cohort', () => {
    const cohort2016 = stats.funnel.find((f) => f.fiscalYear === 2016);
    const cohort2017 = stats.funnel.find((f) => f.fiscalYear === 2017);
    expect(cohort2016).toMatchObject({ size: 1, open: 1 });
    expect(cohort2017).toMatchObject({ size: 3, open: 1, reached: { consideration: 3, consultation: 2, mou_top_sales: 2, survey_demo: 2, order_management: 1 } });
    for (const f of stats.funnel) for (const n of Object.values(f.reached)) expect(n).toBeLessThanOrEqual(f.size);
  });

  it('keeps open cases in the time to order, a stopped one until its last event', () => {
    // won: 12 months, reached; quiet: 2017-04 → 2021-01 = 45 open; recent: 46 open; skipped (dropped): 12 open.
    expect(stats.timeToOrder.all).toEqual({ n: 4, open: 3, lowerQuartile: 12, median: null, upperQuartile: null });
  });

  it('counts cases by sector, region and current phase', () => {
    expect(stats.bySectorRegion).toEqual([
      {
        sector: 'postal',
        region: 'ASEAN',
        total: 4,
        byPhase: { consideration: 1, consultation: 0, mou_top_sales: 1, survey_demo: 1, order_management: 1, none: 0 },
      },
    ]);
  });
});

describe('the period of discovery', () => {
  const found = (discovered: string | null) => ({ discovered });

  it('keeps a case found within the 年度, both ends included, counted from April', () => {
    const fy2018 = { from: 2018, to: 2018 };
    expect(discoveredWithin(found('2018-04'), fy2018)).toBe(true);
    expect(discoveredWithin(found('2019-03'), fy2018)).toBe(true);
    expect(discoveredWithin(found('2018-03'), fy2018)).toBe(false);
    expect(discoveredWithin(found('2019-04'), fy2018)).toBe(false);
  });

  it('leaves an end open when it is not given, and a case never found out once an end is', () => {
    expect(discoveredWithin(found('2001-01'), { to: 2018 })).toBe(true);
    expect(discoveredWithin(found('2030-01'), { from: 2018 })).toBe(true);
    expect(discoveredWithin(found('2017-12'), { from: 2018 })).toBe(false);
    expect(discoveredWithin(found(null), {})).toBe(true);
    expect(discoveredWithin(found(null), { from: 2018 })).toBe(false);
  });

  it('narrows every figure to the cases found in the period', () => {
    const cases = [
      aCase('fy2016', [event('consideration', '2017年3月'), event('order_management', '2018年3月')], 'won'),
      aCase('fy2017', [event('consideration', '2017年度')]),
      aCase('fy2018', [event('consideration', '2018年5月'), event('survey_demo', '2019年1月')]),
      aCase('undated', []),
    ];
    const stats = pipelineStats(cases, '2021-01-01', { discovered: { from: 2017, to: 2018 } });
    expect(stats.cases.map((c) => c.id)).toEqual(['fy2017', 'fy2018']);
    expect(stats.funnel.map((f) => f.fiscalYear)).toEqual([2017, 2018]);
    expect(stats.timeToOrder.all).toMatchObject({ n: 2, open: 2 });
    expect(stats.stuck.map((s) => s.id)).toEqual(['fy2017', 'fy2018']);
    expect(stats.bySectorRegion).toEqual([expect.objectContaining({ total: 2 })]);
    expect(stats.timeInPhase.consideration.n).toBe(2);
    // Without a period, every case counts.
    expect(pipelineStats(cases, '2021-01-01').cases).toHaveLength(4);
  });
});
