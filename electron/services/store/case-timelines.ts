import { statement, type Db } from './database';

// Each case's timeline in one row (migration 11), for the pipeline analytics: the store marks a case stale whenever
// it stores one of its events, and the analytics rebuild the stale ones before they read. A purge takes a timeline
// out at once, so none of a purged event's dates stays behind.

/** Marks the timelines of these cases for rebuilding. */
export function markTimelinesStale(db: Db, caseIds: readonly unknown[]): void {
  for (const caseId of new Set(caseIds)) {
    if (typeof caseId === 'string') statement(db, 'INSERT OR IGNORE INTO case_timelines_stale (caseId) VALUES (?)').run(caseId);
  }
}

/** Takes a case's timeline out now (an event of it is being purged); it is rebuilt from the events left. */
export function dropTimeline(db: Db, caseId: string): void {
  statement(db, 'DELETE FROM case_timelines WHERE caseId = ?').run(caseId);
  markTimelinesStale(db, [caseId]);
}

/** Rebuilds, in one statement, the stale timelines from their cases' live events (each a PipelineEvent). Inside a transaction. */
export function rebuildStaleTimelines(db: Db): void {
  statement(db, 'DELETE FROM case_timelines WHERE caseId IN (SELECT caseId FROM case_timelines_stale)').run();
  statement(
    db,
    `INSERT INTO case_timelines (caseId, events)
      SELECT caseId, json_group_array(json_array(phase, dateSort, json_extract(date, '$.precision'), json_extract(date, '$.planned')))
        FROM events WHERE deleted = 0 AND caseId IN (SELECT caseId FROM case_timelines_stale) GROUP BY caseId`,
  ).run();
  statement(db, 'DELETE FROM case_timelines_stale').run();
}
