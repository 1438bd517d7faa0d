import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../shared/dates';
import type { Phase } from '../../shared/phases';
import { phaseDurations } from '../../shared/timeline';

function event(phase: Phase, dateText: string) {
  const date = parseDateText(dateText);
  if (!date) throw new Error(`test date '${dateText}' does not parse`);
  return { phase, date };
}

describe('phaseDurations', () => {
  it('counts months from entering a phase until the next phase was entered, and until today for the furthest', () => {
    const spans = phaseDurations(
      [event('consideration', '2017年3月'), event('consideration', '2017年9月'), event('consultation', '2018年1月'), event('mou_top_sales', '2020年1月')],
      '2021-06-15',
    );
    expect(spans.map((s) => [s.phase, s.entered?.text, s.months, s.ongoing])).toEqual([
      ['consideration', '2017年3月', 10, false],
      ['consultation', '2018年1月', 24, false],
      ['mou_top_sales', '2020年1月', 17, true],
    ]);
    expect(spans.every((s) => !s.approximate)).toBe(true);
  });

  it('takes the earliest event of a phase, whatever order the events come in', () => {
    const spans = phaseDurations([event('consideration', '2019年5月'), event('consideration', '2018年度'), event('consultation', '2019年8月')], '2020-01');
    expect(spans[0].entered?.text).toBe('2018年度');
    // 2018年度 begins in April 2018.
    expect(spans[0].months).toBe(16);
  });

  it('ends a phase at the earliest later phase entered after it, skipping phases that overlap', () => {
    // Vietnam smart city: surveys (2018年度) ran before the revised MoU (2020年1月) was signed.
    const spans = phaseDurations(
      [event('consideration', '2017年3月'), event('consultation', '2018年1月'), event('mou_top_sales', '2020年1月'), event('survey_demo', '2018年度')],
      '2020-03',
    );
    const byPhase = Object.fromEntries(spans.map((s) => [s.phase, s]));
    expect(byPhase.consultation.months).toBe(3);
    // Every later phase began before the MoU: its time cannot be told.
    expect(byPhase.mou_top_sales.months).toBeNull();
    expect(byPhase.survey_demo).toMatchObject({ months: 23, ongoing: true });
  });

  it('ignores unknown and planned dates, and says when a bare year makes the count approximate', () => {
    const spans = phaseDurations(
      [event('consideration', ''), event('consultation', '2015年'), event('survey_demo', '2016年4月'), event('order_management', '2021年度予定')],
      '2020-04-01',
    );
    expect(spans.map((s) => [s.phase, s.entered?.text ?? null, s.months, s.approximate, s.ongoing])).toEqual([
      ['consideration', null, null, false, false],
      ['consultation', '2015年', 15, true, false],
      ['survey_demo', '2016年4月', 48, false, true],
      // A plan is not an entry: the case is still in its survey.
      ['order_management', null, null, false, false],
    ]);
  });

  it('returns nothing for a case without events', () => {
    expect(phaseDurations([], '2020-01')).toEqual([]);
  });
});
