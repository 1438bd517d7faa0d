import { dayOf } from '../../shared/dates';
import {
  DEFAULT_STUCK_RULES,
  pipelineStats,
  pipelineView,
  type Listing,
  type OpenHurdle,
  type PipelineCase,
  type PipelineEvent,
  type PipelineStats,
  type PipelineView,
  type StuckRules,
} from '../../shared/analytics/pipeline';
import type { StatsRequest } from '../../shared/api';
import { caseFilterTest } from './cases';
import { rebuildStaleTimelines } from './store/case-timelines';
import { statement } from './store/database';
import { inTransaction, type Store } from './store/store';

/** What the figures read: each live case with its timeline (case-timelines.ts), in the order cases are listed. */
export const PIPELINE_SQL = `SELECT c.id, c.title, c.countries, c.region, c.sector, c.status, c.project, c.ownerOrg, t.events AS timeline
  FROM cases c LEFT JOIN case_timelines t ON t.caseId = c.id WHERE c.deleted = 0 ORDER BY c.title`;

type PipelineRow = Omit<PipelineCase, 'countries' | 'events'> & { countries: string; project: number | null; ownerOrg: string | null; timeline: string | null };

/** Pipeline analytics over the cases the store holds (what the user may see) that the filter keeps. */
export function pipelineFigures(
  store: Store,
  { asOf, stuckMonths, yearsWithoutOrder, discoveredFrom, discoveredTo, organisation, ...filter }: Omit<StatsRequest, keyof Listing>,
): PipelineStats {
  const matches = caseFilterTest(filter);
  // Read in a transaction with their rebuilding: no write comes between.
  const rows = inTransaction(store, () => {
    rebuildStaleTimelines(store.db);
    return statement(store.db, PIPELINE_SQL).all() as PipelineRow[];
  });
  const cases: PipelineCase[] = [];
  for (const { timeline, countries, ...row } of rows) {
    const c = { ...row, countries: JSON.parse(countries) as string[] };
    if (!matches(c) || (organisation !== undefined && c.ownerOrg !== organisation)) continue;
    cases.push({ ...c, events: timeline === null ? [] : (JSON.parse(timeline) as PipelineEvent[]) });
  }
  const rules: StuckRules = {
    monthsWithoutEvent:
      stuckMonths === undefined
        ? DEFAULT_STUCK_RULES.monthsWithoutEvent
        : (Object.fromEntries(Object.keys(DEFAULT_STUCK_RULES.monthsWithoutEvent).map((phase) => [phase, stuckMonths])) as StuckRules['monthsWithoutEvent']),
    yearsWithoutOrder: yearsWithoutOrder ?? DEFAULT_STUCK_RULES.yearsWithoutOrder,
  };
  return pipelineStats(cases, asOf ?? dayOf(new Date(store.now())), {
    rules,
    openHurdles: oldestOpenHurdles(store),
    discovered: { from: discoveredFrom, to: discoveredTo },
  });
}

/** The figures the analytics screen (and `karte stats`) read: every figure, the case lists cut to the listing. */
export function pipelineAnswer(store: Store, { limit, cell, ...filter }: StatsRequest): PipelineView {
  return pipelineView(pipelineFigures(store, filter), { limit, cell });
}

/** Each case's oldest open hurdle (by its since; one without a date after every dated one). */
function oldestOpenHurdles(store: Store): Map<string, OpenHurdle> {
  const rows = statement(
    store.db,
    `SELECT caseId, id, description, json_extract(since, '$.text') AS since FROM hurdles
      WHERE deleted = 0 AND status = 'open' ORDER BY coalesce(json_extract(since, '$.sort'), '9999') DESC, id DESC`,
  ).all() as (OpenHurdle & { caseId: string })[];
  // Ordered newest first, so the oldest of each case is the one left.
  return new Map(rows.map(({ caseId, ...hurdle }) => [caseId, hurdle]));
}
