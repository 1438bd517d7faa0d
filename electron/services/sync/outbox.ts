import type { Scope } from '../../../shared/scopes';
import { countWithinBytes, type SyncChange } from '../../../shared/sync/change';
import { statement } from '../store/database';
import { CREATION_FIELD, type Store } from '../store/store';
import type { TableName } from '../store/tables';

// What this device has to push: its own changes after the last pushed one. Remote changes are in the log too (every
// replica holds the full history) but never go back out: a change's HLC ends with the node that made it.

export interface SyncState {
  /** change_log.seq of the last own change the server acknowledged. */
  lastPushedSeq: number;
  /** The server's cursor after the last pull; null before the first. */
  lastPulledCursor: string | null;
}

interface LoggedRow {
  seq: number;
  hlc: string;
  author: string;
  tbl: TableName;
  rowId: string;
  field: string;
  value: string;
  scope: Scope;
  prev: string | null;
}

/**
 * This device's changes after `sinceSeq`, oldest first, at most `limit` and at most about `maxBytes` of values (at
 * least one row of the log, whatever its size); `lastSeq` is the cursor for the next call. A record's creation is
 * one row of the log holding its fields: it goes out whole, so the cursor never stops inside one.
 */
export function localChangesSince(store: Store, sinceSeq: number, limit = 1000, maxBytes = Number.POSITIVE_INFINITY): { changes: SyncChange[]; lastSeq: number } {
  const rows = statement(
    store.db,
    'SELECT seq, hlc, author, tbl, rowId, field, value, scope, prev FROM change_log WHERE seq > ? AND substr(hlc, -16) = ? ORDER BY seq LIMIT ?',
  ).all(sinceSeq, store.node, limit) as LoggedRow[];
  const kept = rows.slice(
    0,
    countWithinBytes(
      rows.map((row) => Buffer.byteLength(row.value)),
      maxBytes,
    ),
  );
  const changes: SyncChange[] = [];
  let lastSeq = sinceSeq;
  for (const row of kept) {
    const fields = row.field === CREATION_FIELD ? Object.entries(JSON.parse(row.value) as Record<string, string>) : [[row.field, row.value]];
    if (changes.length > 0 && changes.length + fields.length > limit) break;
    // Built field by field: a rest spread per row cost as much as reading the rows.
    for (const [field, value] of fields)
      changes.push({ hlc: row.hlc, author: row.author, table: row.tbl, rowId: row.rowId, field, value: JSON.parse(value), scope: row.scope, prev: row.prev });
    lastSeq = row.seq;
  }
  return { changes, lastSeq };
}

export function readSyncState(store: Store): SyncState {
  return statement(store.db, 'SELECT lastPushedSeq, lastPulledCursor FROM sync_state WHERE id = 1').get() as SyncState;
}

/** Most bytes of values one push carries: well under the server's request limit (8 MiB by default). */
const PUSH_BYTES = 2 * 1024 * 1024;

/** The next batch to push: own changes not yet acknowledged. */
export function outbox(store: Store, limit = 1000): { changes: SyncChange[]; lastSeq: number } {
  return localChangesSince(store, readSyncState(store).lastPushedSeq, limit, PUSH_BYTES);
}

/** How many changes the outbox holds: a creation counts its fields (read here in half the time the view takes). */
export function outboxCount(store: Store): number {
  return statement(
    store.db,
    `SELECT coalesce(sum(CASE WHEN field = ? THEN (SELECT count(*) FROM json_each(change_log.value)) ELSE 1 END), 0)
       FROM change_log WHERE seq > ? AND substr(hlc, -16) = ?`,
  )
    .pluck()
    .get(CREATION_FIELD, readSyncState(store).lastPushedSeq, store.node) as number;
}

/** After the server acknowledged a push up to `seq`; never moves back (a late acknowledgement of an older push). */
export function recordPushed(store: Store, seq: number): void {
  statement(store.db, 'UPDATE sync_state SET lastPushedSeq = max(lastPushedSeq, ?) WHERE id = 1').run(seq);
}

export function recordPulled(store: Store, cursor: string): void {
  statement(store.db, 'UPDATE sync_state SET lastPulledCursor = ? WHERE id = 1').run(cursor);
}

/** Nothing pushed, nothing pulled: the state of a store that has never synced with its server. */
export function resetSyncState(store: Store): void {
  statement(store.db, 'UPDATE sync_state SET lastPushedSeq = 0, lastPulledCursor = NULL WHERE id = 1').run();
}
