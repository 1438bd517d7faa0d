import { CASE_FIELD, CASE_PARTS, RECORD_TABLES } from '../../../shared/model/records';
import type { Purge } from '../../../shared/sync/protocol';
import { statement, type Db } from '../store/database';
import { dropTimeline } from '../store/case-timelines';
import { removeFromIndex } from '../store/search-index';
import { inTransaction, type Store } from '../store/store';
import { resetSyncState } from './outbox';
import { isTableName } from '../store/tables';

// When a record leaves this device's reach (its scope narrowed, its case did, or the device was revoked), the server
// says so and the data must leave the disk: the row, its change log (which holds every value it ever had), its
// conflicts, its search entries and its rows in snapshots. The store overwrites whatever it deletes (secure_delete, database.ts), and the
// WAL, which still holds old page images, is emptied afterwards.

/**
 * Old page images of deleted content may still sit in the write-ahead log: fold it into the file and empty it.
 * Outside any transaction.
 */
export function emptyWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** A case's parts (its stage events, its plan and the plan's parts), stored or still waiting in the log for their case. */
function partsOfCase(db: Db, caseId: string): Purge[] {
  const stored = CASE_PARTS.flatMap((table) => (statement(db, `SELECT id FROM ${table} WHERE caseId = ?`).pluck().all(caseId) as string[]).map((rowId) => ({ table, rowId })));
  const logged = statement(db, 'SELECT DISTINCT tbl AS "table", rowId FROM changes WHERE field = ? AND value = ?').all(CASE_FIELD, JSON.stringify(caseId)) as Purge[];
  return [...new Map([...stored, ...logged].map((p) => [`${p.table} ${p.rowId}`, p])).values()];
}

/** Removes one record and everything kept about it; whether there was anything to remove. */
function removeRecord(db: Db, table: string, rowId: string): boolean {
  if (table === 'events') {
    const caseId = statement(db, 'SELECT caseId FROM events WHERE id = ?').pluck().get(rowId) as string | undefined;
    if (caseId !== undefined) dropTimeline(db, caseId);
  }
  const held =
    (isTableName(table) && statement(db, `DELETE FROM ${table} WHERE id = ?`).run(rowId).changes > 0) ||
    statement(db, 'SELECT 1 FROM change_log WHERE tbl = ? AND rowId = ?').get(table, rowId) !== undefined;
  if (table === 'cases') {
    statement(db, 'DELETE FROM case_countries WHERE caseId = ?').run(rowId);
    statement(db, 'DELETE FROM snapshot_cases WHERE caseId = ?').run(rowId);
  }
  removeFromIndex(db, rowId);
  statement(db, 'DELETE FROM change_log WHERE tbl = ? AND rowId = ?').run(table, rowId);
  statement(db, 'DELETE FROM conflicts WHERE tbl = ? AND rowId = ?').run(table, rowId);
  statement(db, 'DELETE FROM record_owners WHERE tbl = ? AND rowId = ?').run(table, rowId);
  return held;
}

/**
 * Removes the records (a case with its parts) in one transaction and returns how many were held; call emptyWal
 * once the surrounding transaction has committed.
 */
export function purgeRecords(store: Store, purges: readonly Purge[]): number {
  if (purges.length === 0) return 0;
  return inTransaction(store, () => {
    const records = purges.flatMap((p) => [p, ...(p.table === 'cases' ? partsOfCase(store.db, p.rowId) : [])]);
    return records.filter((r) => removeRecord(store.db, r.table, r.rowId)).length;
  });
}

/** What the store keeps about its records beside them: their log, index, timelines, conflicts, snapshots and owners. */
const KEPT_ABOUT_RECORDS = [
  'case_countries',
  'case_timelines',
  'case_timelines_stale',
  'search_docs',
  'change_log',
  'conflicts',
  'quarantine',
  'snapshot_cases',
  'snapshots',
  'record_owners',
];

/**
 * A revoked device keeps nothing it synced: every record, the whole change log, conflicts, the search index and
 * the account go. The device's node id stays, so the server still recognises (and refuses) it.
 */
export function wipeSyncedData(store: Store): void {
  inTransaction(store, () => {
    for (const table of RECORD_TABLES) statement(store.db, `DELETE FROM ${table}`).run();
    for (const table of KEPT_ABOUT_RECORDS) statement(store.db, `DELETE FROM ${table}`).run();
    statement(store.db, "INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
    statement(store.db, "DELETE FROM meta WHERE key LIKE 'sync.%'").run();
    resetSyncState(store);
  });
  emptyWal(store.db);
}
