import { dayOf, type DatePrecision, type DateStart } from '../../shared/dates';
import { DEFAULT_STUCK_RULES, pipelineStats, type OpenHurdle, type PipelineCase, type PipelineStats, type StuckRules } from '../../shared/analytics/pipeline';
import type { Phase } from '../../shared/phases';
import type { StatsRequest } from '../../shared/api';
import { caseFilterTest } from './cases';
import { statement } from './store/database';
import type { Store } from './store/store';

/** What the figures read of the cases, in the order cases are listed. */
export const PIPELINE_CASES_SQL = 'SELECT id, title, countries, region, sector, status, project, ownerOrg FROM cases WHERE deleted = 0 ORDER BY title';

/**
 * What the figures read of the events: only that, the date's start taken apart by SQLite (decoding whole events, or
 * each date's JSON, was most of their cost).
 */
export const PIPELINE_EVENTS_SQL =
  "SELECT caseId, phase, dateSort AS sort, json_extract(date, '$.precision') AS precision, json_extract(date, '$.planned') AS planned FROM events WHERE deleted = 0";

/** Pipeline analytics over the cases the store holds (what the user may see) that the filter keeps. */
export function pipelineFigures(store: Store, { asOf, stuckMonths, yearsWithoutOrder, discoveredFrom, discoveredTo, organisation, ...filter }: StatsRequest): PipelineStats {
  const matches = caseFilterTest(filter);
  const kept = (c: Parameters<typeof matches>[0] & { ownerOrg: string | null }) => matches(c) && (organisation === undefined || c.ownerOrg === organisation);
  const events = new Map<string, { phase: Phase; date: DateStart }[]>();
  const rows = statement(store.db, PIPELINE_EVENTS_SQL).all() as { caseId: string; phase: Phase; sort: string | null; precision: DatePrecision; planned: number }[];
  for (const { caseId, phase, sort, precision, planned } of rows) {
    const timeline = events.get(caseId) ?? [];
    timeline.push({ phase, date: { sort, precision, planned: planned === 1 } });
    events.set(caseId, timeline);
  }
  const caseRows = statement(store.db, PIPELINE_CASES_SQL).all() as (Omit<PipelineCase, 'countries' | 'events'> & {
    countries: string;
    project: number | null;
    ownerOrg: string | null;
  })[];
  const cases = caseRows
    .map((row) => ({ ...row, countries: JSON.parse(row.countries) as string[] }))
    .filter(kept)
    .map((c) => ({ ...c, events: events.get(c.id) ?? [] }));
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
