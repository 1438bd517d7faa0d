import type { Indicator, IndicatorPeriod } from '../model/plan';
import type { ProjectKpi } from '../reference/priority-projects';
import { actualToDate } from './indicator-status';

// A priority project's numeric targets (数値目標) against what its cases' plans achieved: each indicator that says it
// counts toward a target (Indicator.projectKpi) adds what it achieved to date. Units are the plans' to keep in step
// with the target's; the page shows how many indicators a figure adds up.

export interface KpiProgress extends ProjectKpi {
  /** The sum of what its indicators achieved to date; null while none of them has an actual. */
  achieved: number | null;
  /** achieved / target; null without an achieved figure. */
  share: number | null;
  /** How many live indicators of the project's cases count toward it. */
  indicators: number;
}

export function kpiProgress(
  kpis: readonly ProjectKpi[],
  indicators: readonly (Pick<Indicator, 'projectKpi' | 'cumulative'> & { periods: readonly IndicatorPeriod[] })[],
  asOf: string,
): KpiProgress[] {
  return kpis.map((kpi, index) => {
    const counted = indicators.filter((i) => i.projectKpi === index + 1);
    const actuals = counted.flatMap((i) => {
      const actual = actualToDate(i, i.periods, asOf);
      return actual === null ? [] : [actual];
    });
    const achieved = actuals.length === 0 ? null : actuals.reduce((sum, a) => sum + a, 0);
    return { ...kpi, achieved, share: achieved === null || kpi.target === 0 ? null : achieved / kpi.target, indicators: counted.length };
  });
}
