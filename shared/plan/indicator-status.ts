import { compareDates } from '../dates';
import type { Indicator, IndicatorPeriod, IndicatorValue } from '../model/plan';

// How an indicator stands against its targets (順調 / 要注意 / 遅延 / データなし), and a plan as its worst indicator.
// Read at the latest period, up to the as-of month, that has both an actual and a target: the revised target where
// there is one (the original is kept beside it, not used). A cumulative indicator's actual there is the sum of its
// actuals so far, against that period's target, a running total (TolaData's rule).

export const INDICATOR_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Short of the target by at most this share (in the indicator's direction): on track. */
export const ON_TRACK_SHORTFALL = 0.15;
/** Short by more than ON_TRACK_SHORTFALL up to this share: at risk; past it, off track. */
export const AT_RISK_SHORTFALL = 0.3;

/** Worst first: the plan's status is the first of these any indicator has. */
const SEVERITY: readonly IndicatorStatus[] = ['off_track', 'at_risk', 'no_data', 'on_track'];

export interface IndicatorReading {
  status: IndicatorStatus;
  /** The period read ('YYYY-MM' start), with its actual (summed when cumulative) and the target used. */
  period: string | null;
  actual: number | null;
  target: number | null;
  /** actual / target; null without both, or when the target is 0. */
  ratio: number | null;
}

const NO_DATA: IndicatorReading = { status: 'no_data', period: null, actual: null, target: null, ratio: null };

const numberOf = (value: IndicatorValue | null): number | null => (typeof value === 'number' ? value : null);

/** The target a period is measured against: the revised one where it was revised. */
export function targetOf(period: Pick<IndicatorPeriod, 'target' | 'revisedTarget'>): IndicatorValue | null {
  return period.revisedTarget ?? period.target;
}

/** How far short of the target an actual falls, as a share of it, in the indicator's direction (≤ 0: met). */
function shortfall(direction: Indicator['direction'], actual: number, target: number): number {
  if (target === 0) return direction === 'higher' ? (actual >= 0 ? 0 : 1) : actual <= 0 ? 0 : 1;
  const gap = direction === 'higher' ? target - actual : actual - target;
  return gap / Math.abs(target);
}

/** Periods due by a month ('YYYY-MM'; later ones are not yet due), live, in period order. */
function duePeriods(periods: readonly IndicatorPeriod[], asOf: string): IndicatorPeriod[] {
  return periods.filter((p) => !p.deleted && p.period.sort !== null && p.period.sort.slice(0, 7) <= asOf).sort((a, b) => compareDates(a.period, b.period));
}

/**
 * What an indicator achieved by a month: a cumulative one's actuals added up, another's latest actual; null without
 * a numeric actual (a qualitative indicator has none).
 */
export function actualToDate(indicator: Pick<Indicator, 'cumulative'>, periods: readonly IndicatorPeriod[], asOf: string): number | null {
  const actuals = duePeriods(periods, asOf).flatMap((p) => (typeof p.actual === 'number' ? [p.actual] : []));
  if (actuals.length === 0) return null;
  return indicator.cumulative ? actuals.reduce((sum, a) => sum + a, 0) : (actuals.at(-1) as number);
}

/**
 * The indicator's status as of a month ('YYYY-MM'; periods starting later are not yet due). A qualitative indicator
 * is read by a person, not rated: no data.
 */
export function readIndicator(indicator: Pick<Indicator, 'measure' | 'direction' | 'cumulative'>, periods: readonly IndicatorPeriod[], asOf: string): IndicatorReading {
  if (indicator.measure === 'qualitative') return NO_DATA;
  let total = 0;
  let reading = NO_DATA;
  for (const period of duePeriods(periods, asOf)) {
    const actual = numberOf(period.actual);
    if (actual === null) continue;
    total += actual;
    const target = numberOf(targetOf(period));
    if (target === null) continue;
    const measured = indicator.cumulative ? total : actual;
    const short = shortfall(indicator.direction, measured, target);
    const status: IndicatorStatus = short <= ON_TRACK_SHORTFALL ? 'on_track' : short <= AT_RISK_SHORTFALL ? 'at_risk' : 'off_track';
    reading = { status, period: period.period.sort, actual: measured, target, ratio: target === 0 ? null : measured / target };
  }
  return reading;
}

/** A plan stands as its worst indicator; a plan without indicators has no data. */
export function planStatus(statuses: readonly IndicatorStatus[]): IndicatorStatus {
  return SEVERITY.find((s) => statuses.includes(s)) ?? 'no_data';
}
