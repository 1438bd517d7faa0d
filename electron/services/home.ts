import type { HomeView } from '../../shared/api';
import { decodeHlc } from '../../shared/hlc';
import { listCases } from './cases';
import { statement } from './store/database';
import type { Store } from './store/store';

/** How far back "recently changed" looks in the change log. */
const RECENT_CHANGES_SCANNED = 2_000;
const RECENT_CASES = 10;

function monthsBefore(now: number, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 7);
}

/** The start page: what changed lately, and active cases that have gone quiet (stuck 案件). */
export function homeView(store: Store, stuckMonths: number): HomeView {
  const cases = new Map(listCases(store).map((c) => [c.id, c]));

  const recentRows = statement(
    store.db,
    `SELECT coalesce(e.caseId, ch.rowId) AS caseId, ch.hlc
       FROM (SELECT tbl, rowId, hlc FROM changes ORDER BY seq DESC LIMIT ${RECENT_CHANGES_SCANNED}) ch
       LEFT JOIN events e ON ch.tbl = 'events' AND e.id = ch.rowId
      WHERE ch.tbl IN ('cases', 'events')`,
  ).all() as { caseId: string; hlc: string }[];
  const recent: HomeView['recent'] = [];
  for (const row of recentRows) {
    const summary = cases.get(row.caseId);
    if (!summary || recent.some((r) => r.id === row.caseId)) continue;
    recent.push({ ...summary, changedAt: new Date(decodeHlc(row.hlc).millis).toISOString() });
    if (recent.length === RECENT_CASES) break;
  }

  // A planned event counts as activity: somebody is on it.
  const cutoff = monthsBefore(store.now(), stuckMonths);
  const lastEvents = new Map(
    (statement(store.db, 'SELECT caseId, max(dateSort) AS last FROM events WHERE deleted = 0 GROUP BY caseId').all() as { caseId: string; last: string | null }[]).map((r) => [
      r.caseId,
      r.last,
    ]),
  );
  const stuck = [...cases.values()]
    .filter((c) => c.status === 'active')
    .map((c) => ({ ...c, lastEvent: lastEvents.get(c.id) ?? null }))
    .filter((c) => c.lastEvent === null || c.lastEvent < cutoff)
    .sort((a, b) => (a.lastEvent ?? '').localeCompare(b.lastEvent ?? ''));
  return { recent, stuck, stuckMonths };
}
