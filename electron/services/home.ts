import type { HomeView } from '../../shared/api';
import { dayOf } from '../../shared/dates';
import { decodeHlc } from '../../shared/hlc';
import { monthNumber } from '../../shared/timeline';
import { caseSummariesOf } from './cases';
import { statement } from './store/database';
import type { Store } from './store/store';

/** How far back "recently changed" looks in the change log. */
const RECENT_CHANGES_SCANNED = 2_000;
const RECENT_CASES = 10;
/**
 * The stuck cases the start page lists, the longest quiet first; the analytics screen lists them all. A ministry's
 * whole portfolio had 6,968: sent whole, they took the start page two seconds and 2 MB.
 */
export const STUCK_LISTED = 50;

/** The start page: what changed lately, and active cases that have gone quiet (stuck 案件). */
export function homeView(store: Store, stuckMonths: number): HomeView {
  const recentRows = statement(
    store.db,
    `SELECT coalesce(e.caseId, ch.rowId) AS caseId, ch.hlc
       FROM (SELECT tbl, rowId, hlc FROM change_log ORDER BY seq DESC LIMIT ${RECENT_CHANGES_SCANNED}) ch
       LEFT JOIN events e ON ch.tbl = 'events' AND e.id = ch.rowId
      WHERE ch.tbl IN ('cases', 'events')`,
  ).all() as { caseId: string; hlc: string }[];
  const changedAt = new Map<string, string>();
  for (const row of recentRows) if (!changedAt.has(row.caseId)) changedAt.set(row.caseId, new Date(decodeHlc(row.hlc).millis).toISOString());
  const recent = caseSummariesOf(store, [...changedAt.keys()])
    .slice(0, RECENT_CASES)
    .map((c) => ({ ...c, changedAt: changedAt.get(c.id) as string }));

  // As the analytics count them (shared/analytics/pipeline.ts): quiet for more than `stuckMonths` whole months since
  // its latest dated event up to today. A planned event counts as activity: somebody is on it.
  const today = dayOf(new Date(store.now()));
  const quiet = (
    statement(
      store.db,
      `SELECT c.id, (SELECT max(e.dateSort) FROM events e WHERE e.caseId = c.id AND e.deleted = 0 AND e.dateSort <= ?) AS last
         FROM cases c WHERE c.deleted = 0 AND c.status = 'active'`,
    ).all(today) as { id: string; last: string | null }[]
  )
    .filter((c) => c.last === null || monthNumber(today) - monthNumber(c.last) > stuckMonths)
    .sort((a, b) => (a.last ?? '').localeCompare(b.last ?? ''));
  const lastEvents = new Map(quiet.map((c) => [c.id, c.last]));
  const stuck = caseSummariesOf(
    store,
    quiet.slice(0, STUCK_LISTED).map((c) => c.id),
  ).map((c) => ({ ...c, lastEvent: lastEvents.get(c.id) ?? null }));
  return { recent, stuck, stuckCount: quiet.length, stuckMonths };
}
