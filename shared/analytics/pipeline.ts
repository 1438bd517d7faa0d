import type { DatePrecision, DateStart } from '../dates';
import type { CaseStatus } from '../model/case';
import { phaseIndex, PHASES, type Phase } from '../phases';
import { monthNumber, spanEnds } from '../timeline';
import { summariseDurations, type Duration, type DurationSummary } from './survival';

// Pipeline analytics (the action plan's follow-up: "the time from discovering a case to winning the order, and the
// cases that have not reached an order after a given time"), computed from the cases and events a user holds. Dates
// are taken at the start of their period (their sort key: 2019年度 → 2019-04, 2018年夏 → 2018-06, 2021年 → 2021-01,
// a range → its start) and counted in whole months.

/** What the figures read of a case. */
export interface PipelineCase {
  id: string;
  title: string;
  countries: string[];
  /** The region as its table names it (ASEAN, 中南米 …). */
  region: string;
  sector: string;
  status: CaseStatus;
  events: readonly PipelineEvent[];
}

/**
 * An event as the figures read it: [phase, its date's sort key, the date's precision, 1 when planned]. A tuple, as the
 * store keeps each case's timeline (case-timelines.ts): the figures read 200,000 of them, and objects per event cost
 * more than the figures themselves.
 */
export type PipelineEvent = readonly [phase: Phase, sort: string | null, precision: DatePrecision, planned: number | null];

/** An event of the store as the figures read it. */
export function pipelineEvent({ phase, date }: { phase: Phase; date: DateStart }): PipelineEvent {
  return [phase, date.sort, date.precision, date.planned ? 1 : null];
}

/** One case's times, beside what it says of itself. */
export interface CaseTimes extends Omit<PipelineCase, 'events'> {
  currentPhase: Phase | null;
  /** Start of its earliest dated event, any phase: when the case was found ('YYYY-MM'); null without a dated event. */
  discovered: string | null;
  /** Start of its first dated 受注・管理 event ('YYYY-MM'); null without one. */
  firstOrder: string | null;
  /** Whole months from discovery to the first order; null without an order. */
  monthsToOrder: number | null;
  /** Whether either date is coarser than a month (a year, a 年度, a season), so the months are approximate. */
  approximate: boolean;
  /** Months spent in each phase entered with a dated event, the furthest one until the as-of date. */
  monthsInPhase: Partial<Record<Phase, number | null>>;
  /** Start of its latest dated event, planned ones included ('YYYY-MM'); null without one. */
  lastEvent: string | null;
}

/** When a case counts as stuck. */
export interface StuckRules {
  /** An active case is stuck (停滞) after this many months without a dated event, by its current phase. */
  monthsWithoutEvent: Record<Phase | 'none', number>;
  /** An active case found this many years ago without an order is listed as long without one (長期未受注). */
  yearsWithoutOrder: number;
}

export const DEFAULT_STUCK_RULES: StuckRules = {
  monthsWithoutEvent: { consideration: 12, consultation: 12, mou_top_sales: 12, survey_demo: 12, order_management: 12, none: 12 },
  yearsWithoutOrder: 3,
};

/** A stuck case, with how long it has been so. */
export interface StuckCase {
  id: string;
  title: string;
  currentPhase: Phase | null;
  lastEvent: string | null;
  discovered: string | null;
  /** Months since its last dated event (停滞), or since its discovery (長期未受注); null without a dated event. */
  months: number | null;
  /** The oldest of its plan's open hurdles (外的事情): often why it is stuck. */
  oldestOpenHurdle: OpenHurdle | null;
}

/** An open hurdle as a stuck case lists it. */
export interface OpenHurdle {
  id: string;
  description: string;
  /** Its `since` as written; null when not given. */
  since: string | null;
}

/** Cases found in one 年度 (their cohort) and how many of them ever reached each phase. */
export interface CohortFunnel {
  /** The 年度 of discovery (April to March), e.g. 2019 for 2019-04 … 2020-03. */
  fiscalYear: number;
  size: number;
  /** Cases that reached each phase or a later one: a skipped phase counts as passed, so no share passes 100%. */
  reached: Record<Phase, number>;
  /** Active cases of the cohort without an order. */
  open: number;
}

/** Cases of one sector in one region, by current phase. */
export interface SectorRegionCell {
  sector: string;
  region: string;
  total: number;
  byPhase: Record<Phase | 'none', number>;
}

export interface PipelineStats {
  /** The day the figures stand at ('YYYY-MM-DD'); events dated later are not counted. */
  asOf: string;
  cases: CaseTimes[];
  timeToOrder: {
    all: DurationSummary;
    bySector: Record<string, DurationSummary>;
    byRegion: Record<string, DurationSummary>;
    /** By the 年度 of discovery. */
    byFiscalYear: Record<string, DurationSummary>;
  };
  /** Months spent in each phase before the next (the order phase is where a case ends, so it has none). */
  timeInPhase: Record<Exclude<Phase, 'order_management'>, DurationSummary>;
  stuck: StuckCase[];
  longWithoutOrder: StuckCase[];
  funnel: CohortFunnel[];
  bySectorRegion: SectorRegionCell[];
  rules: StuckRules;
}

/** A month count (timeline.ts monthNumber) as 'YYYY-MM'. */
function monthKey(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

function finerThanMonth(precision: DatePrecision): boolean {
  return precision === 'month' || precision === 'day';
}

/** The 年度 a month falls in: April to March. */
export function fiscalYearOf(month: string): number {
  const n = monthNumber(month);
  return Math.floor((n - 3) / 12);
}

/** A case's times as of `asOf` ('YYYY-MM-DD'): events that begin later tell nothing yet, planned ones (予定) no time. */
export function caseTimes(c: PipelineCase, asOf: string): CaseTimes {
  const until = monthNumber(asOf);
  // One pass over the events, each month read once, phases by their index: this runs for every event of the portfolio.
  // By phase index: the month the phase was first entered with a dated event (undefined: none).
  const entered: (number | undefined)[] = PHASES.map(() => undefined);
  // Reached by the as-of day: an undated event may have happened any time, so it counts.
  let reached = -1;
  let first: { month: number; precision: DatePrecision } | undefined;
  let order: { month: number; precision: DatePrecision } | undefined;
  let last: number | null = null;
  for (const [eventPhase, sort, precision, planned] of c.events) {
    const month = sort === null ? null : monthNumber(sort);
    if (month !== null && month > until) continue;
    const phase = phaseIndex(eventPhase);
    if (phase > reached) reached = phase;
    if (month === null) continue;
    // A planned event counts as activity, as on the home screen: somebody is on the case.
    if (last === null || month > last) last = month;
    if (planned) continue;
    const earliest = entered[phase];
    if (earliest === undefined || month < earliest) entered[phase] = month;
    if (first === undefined || month < first.month) first = { month, precision };
    if (eventPhase === 'order_management' && (order === undefined || month < order.month)) order = { month, precision };
  }
  const ends = spanEnds(entered);
  const monthsInPhase: CaseTimes['monthsInPhase'] = {};
  for (let i = 0; i < PHASES.length; i++) {
    const end = ends[i];
    if (end === undefined) continue;
    const start = entered[i] as number;
    monthsInPhase[PHASES[i]] = end === null ? null : Math.max(0, (end === 'ongoing' ? until : (entered[end] as number)) - start);
  }
  return {
    id: c.id,
    title: c.title,
    countries: c.countries,
    region: c.region,
    sector: c.sector,
    status: c.status,
    currentPhase: reached < 0 ? null : PHASES[reached],
    discovered: first ? monthKey(first.month) : null,
    firstOrder: order ? monthKey(order.month) : null,
    monthsToOrder: first && order ? order.month - first.month : null,
    approximate: first !== undefined && order !== undefined && !(finerThanMonth(first.precision) && finerThanMonth(order.precision)),
    monthsInPhase,
    lastEvent: last === null ? null : monthKey(last),
  };
}

/** The 年度 of discovery the figures cover, both ends included; an end left out is open. */
export interface DiscoveryPeriod {
  from?: number;
  to?: number;
}

/**
 * Whether a case was found (its earliest dated event) within the period. With an end given, a case never found (no
 * dated event) is left out: nothing says it belongs to those years.
 */
export function discoveredWithin(t: Pick<CaseTimes, 'discovered'>, { from, to }: DiscoveryPeriod): boolean {
  if (from === undefined && to === undefined) return true;
  if (t.discovered === null) return false;
  const year = fiscalYearOf(t.discovered);
  return (from === undefined || year >= from) && (to === undefined || year <= to);
}

/** What pipelineStats may be told besides the cases and the day. */
export interface PipelineOptions {
  rules?: StuckRules;
  /** Each case's oldest open hurdle, listed beside it when it is stuck. */
  openHurdles?: ReadonlyMap<string, OpenHurdle>;
  /** Only cases found in these 年度 count, in every figure. */
  discovered?: DiscoveryPeriod;
}

/** A case's time to its order: reached, or open for as long as it has run (a case never found is not counted). */
function orderDuration(t: CaseTimes, asOf: string): Duration | null {
  if (t.discovered === null) return null;
  if (t.monthsToOrder !== null) return { months: t.monthsToOrder, reached: true };
  // A case dropped or on hold without an order stops at its last event: it is not waiting for one any more.
  const end = t.status === 'active' ? asOf : (t.lastEvent ?? asOf);
  return { months: monthNumber(end) - monthNumber(t.discovered), reached: false };
}

function summariseBy(times: readonly CaseTimes[], asOf: string, keysOf: (t: CaseTimes) => string[]): Record<string, DurationSummary> {
  const groups = new Map<string, Duration[]>();
  for (const t of times) {
    const duration = orderDuration(t, asOf);
    if (duration === null) continue;
    for (const key of keysOf(t)) {
      const group = groups.get(key) ?? [];
      group.push(duration);
      groups.set(key, group);
    }
  }
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, durations]) => [key, summariseDurations(durations)]));
}

/**
 * Every figure of the pipeline over `cases` (those found in the `discovered` 年度 when it is given), as of `asOf`
 * ('YYYY-MM-DD'), a case stuck by the `rules`.
 */
export function pipelineStats(
  cases: readonly PipelineCase[],
  asOf: string,
  { rules = DEFAULT_STUCK_RULES, openHurdles = new Map(), discovered = {} }: PipelineOptions = {},
): PipelineStats {
  const stuckCase = (t: CaseTimes, months: number | null): StuckCase => ({
    id: t.id,
    title: t.title,
    currentPhase: t.currentPhase,
    lastEvent: t.lastEvent,
    discovered: t.discovered,
    months,
    oldestOpenHurdle: openHurdles.get(t.id) ?? null,
  });
  const until = monthNumber(asOf);
  const times = cases.map((c) => caseTimes(c, asOf)).filter((t) => discoveredWithin(t, discovered));
  const active = times.filter((t) => t.status === 'active');

  const stuck = active
    .map((t) => ({ t, months: t.lastEvent === null ? null : until - monthNumber(t.lastEvent) }))
    .filter(({ t, months }) => months === null || months > rules.monthsWithoutEvent[t.currentPhase ?? 'none'])
    .sort((a, b) => (b.months ?? Infinity) - (a.months ?? Infinity))
    .map(({ t, months }) => stuckCase(t, months));
  const longWithoutOrder = active
    .filter((t) => t.firstOrder === null && t.discovered !== null && until - monthNumber(t.discovered) > rules.yearsWithoutOrder * 12)
    .map((t) => stuckCase(t, until - monthNumber(t.discovered as string)))
    .sort((a, b) => (b.months as number) - (a.months as number));

  const timeInPhase = Object.fromEntries(
    PHASES.filter((p) => p !== 'order_management').map((phase) => {
      const durations = times.flatMap((t): Duration[] => {
        const months = t.monthsInPhase[phase];
        if (months === undefined || months === null) return [];
        // The furthest phase a case reached is still running, unless the case has stopped.
        const later = PHASES.slice(phaseIndex(phase) + 1).some((p) => t.monthsInPhase[p] !== undefined);
        return [{ months, reached: later }];
      });
      return [phase, summariseDurations(durations)];
    }),
  ) as PipelineStats['timeInPhase'];

  const cohorts = new Map<number, CaseTimes[]>();
  for (const t of times) {
    if (t.discovered === null) continue;
    const year = fiscalYearOf(t.discovered);
    const cohort = cohorts.get(year) ?? [];
    cohort.push(t);
    cohorts.set(year, cohort);
  }
  const funnel = [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, members]) => ({
      fiscalYear,
      size: members.length,
      reached: Object.fromEntries(
        PHASES.map((phase) => [phase, members.filter((t) => t.currentPhase !== null && phaseIndex(t.currentPhase) >= phaseIndex(phase)).length]),
      ) as Record<Phase, number>,
      open: members.filter((t) => t.status === 'active' && t.firstOrder === null).length,
    }));

  const cells = new Map<string, SectorRegionCell>();
  for (const t of times) {
    const key = `${t.sector}\u0000${t.region}`;
    const cell = cells.get(key) ?? {
      sector: t.sector,
      region: t.region,
      total: 0,
      byPhase: { consideration: 0, consultation: 0, mou_top_sales: 0, survey_demo: 0, order_management: 0, none: 0 },
    };
    cell.total++;
    cell.byPhase[t.currentPhase ?? 'none']++;
    cells.set(key, cell);
  }

  return {
    asOf,
    cases: times,
    timeToOrder: {
      all: summariseBy(times, asOf, () => ['all']).all ?? summariseDurations([]),
      bySector: summariseBy(times, asOf, (t) => [t.sector]),
      byRegion: summariseBy(times, asOf, (t) => [t.region]),
      byFiscalYear: summariseBy(times, asOf, (t) => [String(fiscalYearOf(t.discovered as string))]),
    },
    timeInPhase,
    stuck,
    longWithoutOrder,
    funnel,
    bySectorRegion: [...cells.values()].sort((a, b) => a.sector.localeCompare(b.sector) || a.region.localeCompare(b.region)),
    rules,
  };
}

/** What a view of the figures lists of the cases. */
export interface Listing {
  /** At most this many of each list (the per-case times, the stuck and the long without an order); all when not given. */
  limit?: number;
  /** The per-case times of this sector × region cell of the matrix only. */
  cell?: { sector: string; region: string };
}

/** The figures with their case lists as a screen shows them, and how many each holds in all. */
export interface PipelineView extends PipelineStats {
  totals: {
    /** Cases counted in the figures. */
    cases: number;
    /** Of those, the ones that reached an order. */
    won: number;
    /** Cases of the per-case list before the limit: those of the chosen cell, or all. */
    listed: number;
    stuck: number;
    longWithoutOrder: number;
  };
}

/**
 * Cuts the case lists to `listing`: a portfolio of 20,000 cases is 10 MB of case times, which no screen shows and no
 * one reads in one table.
 */
export function pipelineView(stats: PipelineStats, { limit, cell }: Listing): PipelineView {
  const listed = cell === undefined ? stats.cases : stats.cases.filter((c) => c.sector === cell.sector && c.region === cell.region);
  const cut = <T>(list: T[]) => (limit === undefined ? list : list.slice(0, limit));
  return {
    ...stats,
    cases: cut(listed),
    stuck: cut(stats.stuck),
    longWithoutOrder: cut(stats.longWithoutOrder),
    totals: {
      cases: stats.cases.length,
      won: stats.cases.filter((c) => c.monthsToOrder !== null).length,
      listed: listed.length,
      stuck: stats.stuck.length,
      longWithoutOrder: stats.longWithoutOrder.length,
    },
  };
}
