import { recordRefSchema, type RecordRef } from '../../../shared/sync/protocol';
import { statement } from '../store/database';
import type { Store } from '../store/store';

// Which records the organisation signed in to created. The server stamps each record's owner_org from its first
// writer and lets a company change only the member records it owns (server/permissions.ts); knowing them here, the
// app offers a company's user to edit only those, rather than letting the sync refuse the edit later. Kept in
// record_owners (migration 16), a table of this device only: nothing of it is synced.

/**
 * Records what a pull page says: each record whose changes it carries is the organisation's when the page lists it
 * in `own`, and another's when not. A page from a server that does not say (`own` absent) tells nothing. Inside the
 * pull's transaction.
 */
export function recordOwners(store: Store, changes: readonly unknown[], own: readonly RecordRef[] | undefined): void {
  if (own === undefined) return;
  const owned = new Set(own.map((r) => `${r.table} ${r.rowId}`));
  // Each record once: a page carries a change for every field of a record it creates.
  const records = new Map<string, RecordRef>();
  for (const change of changes) {
    // A change this replica cannot read is quarantined by the apply; it names no record to mark.
    const ref = recordRefSchema.safeParse(change);
    if (ref.success) records.set(`${ref.data.table} ${ref.data.rowId}`, ref.data);
  }
  const mark = statement(store.db, 'INSERT INTO record_owners (tbl, rowId, own) VALUES (?, ?, ?) ON CONFLICT (tbl, rowId) DO UPDATE SET own = excluded.own');
  for (const [key, r] of records) mark.run(r.table, r.rowId, owned.has(key) ? 1 : 0);
}

/**
 * The records of `ids` in `table` that this device's organisation owns: those the server said are its own, and those
 * the server has said nothing of whose first change was written here. A record the server never sent this device
 * came from nobody else, so it was created here, before any sync or after (its first push made it the
 * organisation's); a record created here that another organisation had already created (two imports of one file)
 * is marked another's by the pull that brings the other's changes.
 */
export function ownedRecords(store: Store, table: string, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const owned = statement(
    store.db,
    `SELECT value FROM json_each(?) AS r
      WHERE coalesce((SELECT own FROM record_owners WHERE tbl = ? AND rowId = r.value),
                     (SELECT substr(hlc, -16) = ? FROM change_log WHERE rowId = r.value AND tbl = ? ORDER BY hlc LIMIT 1), 0)`,
  )
    .pluck()
    .all(JSON.stringify(ids), table, store.node, table) as string[];
  return new Set(owned);
}

/** Forgets what a server said of every record (signing in to another server). */
export function forgetOwners(store: Store): void {
  statement(store.db, 'DELETE FROM record_owners').run();
}
