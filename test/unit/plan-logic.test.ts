import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../shared/dates';
import type { IndicatorPeriod, PlanContent } from '../../shared/model/plan';
import { planStatus, readIndicator } from '../../shared/plan/indicator-status';
import { comparePlanContents } from '../../shared/plan/revision-diff';

const ID = '00000000-0000-4000-8000-000000000000';

function period(text: string, values: Partial<Pick<IndicatorPeriod, 'target' | 'revisedTarget' | 'actual' | 'deleted'>>): IndicatorPeriod {
  return {
    id: ID,
    caseId: ID,
    indicatorId: ID,
    period: parseDateText(text)!,
    target: null,
    revisedTarget: null,
    actual: null,
    comment: '',
    evidence: '',
    scope: 'council',
    deleted: false,
    ...values,
  };
}

const higher = { measure: 'number', direction: 'higher', cumulative: false } as const;
const lower = { measure: 'number', direction: 'lower', cumulative: false } as const;

describe('an indicator against its targets', () => {
  it('is on track within 15 % short, at risk up to 30 %, off track beyond, whichever way is better', () => {
    const status = (indicator: typeof higher | typeof lower, actual: number) => readIndicator(indicator, [period('2024年度', { target: 100, actual })], '2026-01').status;
    expect([status(higher, 120), status(higher, 85), status(higher, 84), status(higher, 70), status(higher, 69)]).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'at_risk',
      'off_track',
    ]);
    // Lower is better: 115 is 15 % over a ceiling of 100.
    expect([status(lower, 60), status(lower, 115), status(lower, 120), status(lower, 140)]).toEqual(['on_track', 'on_track', 'at_risk', 'off_track']);
  });

  it('reads the latest period due with an actual and a target, against the revised target where there is one', () => {
    const periods = [
      period('2023年度', { target: 100, actual: 50 }),
      period('2024年度', { target: 200, revisedTarget: 120, actual: 110 }),
      // Not yet due at the as-of month, and without an actual: neither counts.
      period('2025年度', { target: 300 }),
      period('2026年度', { target: 400, actual: 10 }),
    ];
    expect(readIndicator(higher, periods, '2025-06')).toMatchObject({ status: 'on_track', actual: 110, target: 120, period: '2024-04' });
    // Before 2024年度 began, 2023年度 is the latest reading: half its target.
    expect(readIndicator(higher, periods, '2024-03')).toMatchObject({ status: 'off_track', actual: 50, target: 100 });
  });

  it('adds up a cumulative indicator’s actuals against the running target', () => {
    const periods = [period('2023年度', { target: 100, actual: 60 }), period('2024年度', { target: 200, actual: 90 })];
    expect(readIndicator({ ...higher, cumulative: true }, periods, '2025-06')).toMatchObject({ status: 'at_risk', actual: 150, target: 200 });
    expect(readIndicator(higher, periods, '2025-06')).toMatchObject({ status: 'off_track', actual: 90 });
  });

  it('has no data without a due period holding both values, and rates no qualitative indicator', () => {
    expect(readIndicator(higher, [], '2025-06').status).toBe('no_data');
    expect(readIndicator(higher, [period('2024年度', { target: 100 })], '2025-06').status).toBe('no_data');
    expect(readIndicator(higher, [period('2024年度', { target: 100, actual: 100, deleted: true })], '2025-06').status).toBe('no_data');
    expect(readIndicator({ ...higher, measure: 'qualitative' }, [period('2024年度', { target: '導入', actual: '導入済み' })], '2025-06').status).toBe('no_data');
  });

  it('makes the plan as good as its worst indicator', () => {
    expect(planStatus(['on_track', 'at_risk', 'no_data'])).toBe('at_risk');
    expect(planStatus(['on_track', 'no_data'])).toBe('no_data');
    expect(planStatus(['on_track', 'off_track'])).toBe('off_track');
    expect(planStatus([])).toBe('no_data');
  });
});

describe('two revisions of a plan side by side', () => {
  const base: PlanContent = {
    plan: {
      counterpartNeeds: '区分能力の不足',
      pathToOrder: '',
      problem: '',
      partners: [],
      financing: [],
      noIndicatorsReason: '',
      noHurdlesReason: '',
      followUpDate: null,
      scope: 'council',
    },
    indicators: [
      {
        id: 'a0000000-0000-4000-8000-000000000000',
        level: 'outcome',
        statement: '処理能力',
        kind: 'economic',
        unit: '通/時',
        measure: 'number',
        direction: 'higher',
        cumulative: false,
        baseline: 10_000,
        baselineDate: null,
        verification: '',
        projectKpi: null,
        scope: 'council',
        periods: [
          {
            id: 'b0000000-0000-4000-8000-000000000000',
            period: parseDateText('2024年度')!,
            target: 20_000,
            revisedTarget: null,
            actual: null,
            comment: '',
            evidence: '',
            scope: 'council',
          },
        ],
      },
    ],
    hurdles: [{ id: 'c0000000-0000-4000-8000-000000000000', description: '通関の遅れ', since: null, counterpart: '', measures: [], status: 'open', scope: 'council' }],
  };

  it('names what was added, removed and changed, field by field', () => {
    const later: PlanContent = {
      plan: { ...base.plan, pathToOrder: '円借款で' },
      indicators: [{ ...base.indicators[0], periods: [{ ...base.indicators[0].periods[0], revisedTarget: 15_000 }] }],
      hurdles: [{ id: 'd0000000-0000-4000-8000-000000000000', description: '予算の遅れ', since: null, counterpart: '', measures: [], status: 'open', scope: 'council' }],
    };
    const differences = comparePlanContents(base, later).map((d) => [d.change, d.part, d.field, d.before, d.after]);
    expect(differences).toEqual([
      ['changed', 'plan', 'pathToOrder', '', '円借款で'],
      ['changed', 'period', 'revisedTarget', null, 15_000],
      ['removed', 'hurdle', null, base.hurdles[0], null],
      ['added', 'hurdle', null, null, later.hurdles[0]],
    ]);
    expect(comparePlanContents(base, base)).toEqual([]);
  });
});
