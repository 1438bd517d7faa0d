import { describeError } from '../../../shared/errors';
import { decodeHlc, receiveHlc } from '../../../shared/hlc';
import { syncChangeSchema, type SyncChange } from '../../../shared/sync/change';
import { unappliableReason } from '../../../shared/sync/change-rules';
import { commonAncestor, commonValue, isNarrativeField, overwroteUnseen, settle, type PrevLookup, type ValueLookup } from '../../../shared/sync/merge';
import { statement } from '../store/database';
import { inTransaction, latestChange, loggedValues, readRow, storeRow, writeRows, type FieldChange, type RowWrite, type Store } from '../store/store';
import { TABLES, fieldsOf, isTableName, type TableName } from '../store/tables';
import { keepConflict } from './conflicts';

/** A remote change that passed validation: its table is one the store knows. */
type ValidChange = SyncChange & { table: TableName };

export interface ApplyResult {
  /** Changes new to this replica, now in its log. */
  applied: number;
  /** Changes it already had (a retried or duplicated batch). */
  duplicates: number;
  /** Local values kept for a person. */
  conflicts: number;
  /** Narrative fields merged three-way, written as new local changes. */
  merged: number;
}

function label(change: Partial<Record<keyof SyncChange, unknown>>, index: number, total: number): string {
  return `change ${index + 1} of ${total} (${String(change.table)} ${String(change.rowId)} ${String(change.field)} @ ${String(change.hlc)})`;
}

function validateOne(raw: unknown): ValidChange {
  const change = syncChangeSchema.parse(raw);
  const refusal = unappliableReason(change);
  if (refusal !== null || !isTableName(change.table)) throw new Error(refusal ?? `unknown table '${change.table}'`);
  return change as ValidChange;
}

/** Checks a whole batch before anything is written, naming the first change that is not acceptable. */
export function validateBatch(batch: readonly unknown[]): ValidChange[] {
  return batch.map((raw, index) => {
    try {
      return validateOne(raw);
    } catch (error) {
      const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      throw new Error(`sync batch rejected: ${label(fields, index, batch.length)}: ${describeError(error)}`, { cause: error });
    }
  });
}

/** The changes of the batch this replica does not have yet, each once: a change is identified by (hlc, field). */
function newChanges(store: Store, changes: ValidChange[]): ValidChange[] {
  const seen = new Set<string>();
  const known = statement(store.db, 'SELECT 1 FROM changes WHERE hlc = ? AND field = ?');
  return changes.filter((c) => {
    const key = `${c.hlc} ${c.field}`;
    if (seen.has(key) || known.get(c.hlc, c.field)) return false;
    seen.add(key);
    return true;
  });
}

function prevLookup(store: Store, field: string): PrevLookup {
  const find = statement(store.db, 'SELECT prev FROM changes WHERE hlc = ? AND field = ?');
  return (hlc) => (find.get(hlc, field) as { prev: string | null } | undefined)?.prev;
}

function valueLookup(store: Store, field: string): ValueLookup {
  const find = statement(store.db, 'SELECT value FROM changes WHERE hlc = ? AND field = ?');
  return (hlc) => {
    const row = find.get(hlc, field) as { value: string } | undefined;
    return row && { value: JSON.parse(row.value) };
  };
}

/**
 * The value both sides started from: the common ancestor's; when the histories never met by timestamp, the newest
 * value both held (two imports of the same file); else the default when both began there, or unknown.
 */
function baseValue(store: Store, table: TableName, field: string, mine: FieldChange, theirs: FieldChange): unknown {
  const prevOf = prevLookup(store, field);
  const valueOf = valueLookup(store, field);
  const ancestor = commonAncestor(theirs.hlc, mine.hlc, prevOf);
  if (ancestor) return valueOf(ancestor)?.value;
  const shared = commonValue(theirs.hlc, mine.hlc, prevOf, valueOf);
  if (shared) return shared.value;
  return ancestor === null ? (TABLES[table].defaults as Record<string, unknown>)[field] : undefined;
}

/**
 * Brings a record in line with its winning changes. A record this replica has never seen is built from the
 * defaults and its whole log; if its creating change has not arrived yet (required fields missing) it waits in the
 * log and appears when that change comes.
 */
function materialize(store: Store, table: TableName, rowId: string, winners: Map<string, unknown>): void {
  const def = TABLES[table];
  const current = readRow(store, table, rowId) as Record<string, unknown> | undefined;
  // A stored record takes the touched fields' winning values: the cost stays that of the change, not of the record's
  // whole history.
  const values = current ? Object.fromEntries(winners) : loggedValues(store, table, rowId);
  if (!current && fieldsOf(table).some((f) => f !== 'id' && !Object.hasOwn(def.defaults, f) && !Object.hasOwn(values, f))) return;
  const parsed = def.schema.safeParse({ ...def.defaults, ...current, ...values, id: rowId });
  if (!parsed.success) throw new Error(`${table} ${rowId}: the synced values do not make a valid record: ${describeError(parsed.error)}`);
  const next = parsed.data as Record<string, unknown>;
  const changed = current ? [...winners.keys()].filter((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f])) : fieldsOf(table);
  if (!current || changed.length > 0) storeRow(store, table, current, next, changed);
}

function addMerge(merges: Map<string, RowWrite>, table: TableName, rowId: string, field: string, value: string): void {
  const key = `${table} ${rowId}`;
  const write = merges.get(key) ?? { table, id: rowId, values: {} };
  (write.values as Record<string, unknown>)[field] = value;
  merges.set(key, write);
}

/**
 * Applies a batch of remote changes in one transaction: all of it or, if any change is invalid, none of it. Every
 * new change joins the log (so each replica holds the full history); where it is the newest of its field, the
 * record takes its value. A local value overwritten by a change whose author had not seen it is merged (narrative
 * text, different passages) or kept as a conflict. Applying the same batch again changes nothing.
 */
export function applyRemoteChanges(store: Store, batch: readonly unknown[]): ApplyResult {
  const changes = validateBatch(batch);
  return inTransaction(store, () => {
    const fresh = newChanges(store, changes);
    // The winner of each touched field before the batch (the local value the batch may overwrite) and after it: the
    // newest of that and the batch's changes of the field, as the log would answer, without asking it again.
    const before = new Map<string, { table: TableName; rowId: string; field: string; mine: FieldChange | undefined; theirs: FieldChange }>();
    const log = statement(store.db, 'INSERT INTO changes (hlc, author, tbl, rowId, field, value, scope, prev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const c of fresh) {
      const key = `${c.table} ${c.rowId} ${c.field}`;
      // A missing value is logged as null: the same as the log would give back.
      const incoming: FieldChange = { hlc: c.hlc, author: c.author, value: c.value ?? null, prev: c.prev };
      const seen = before.get(key);
      if (!seen) {
        const mine = latestChange(store, c.table, c.rowId, c.field);
        before.set(key, { table: c.table, rowId: c.rowId, field: c.field, mine, theirs: mine && mine.hlc > c.hlc ? mine : incoming });
      } else if (c.hlc > seen.theirs.hlc) seen.theirs = incoming;
      store.clock = receiveHlc(store.clock, decodeHlc(c.hlc), store.now());
      log.run(c.hlc, c.author, c.table, c.rowId, c.field, JSON.stringify(c.value), c.scope, c.prev);
    }

    const rows = new Map<string, { table: TableName; rowId: string; winners: Map<string, unknown> }>();
    const merges = new Map<string, RowWrite>();
    let conflicts = 0;
    for (const { table, rowId, field, mine, theirs } of before.values()) {
      if (mine?.hlc === theirs.hlc) continue;
      const rowKey = `${table} ${rowId}`;
      if (!rows.has(rowKey)) rows.set(rowKey, { table, rowId, winners: new Map() });
      rows.get(rowKey)?.winners.set(field, theirs.value);
      if (!mine || !overwroteUnseen(mine, theirs, store.node, prevLookup(store, field), valueLookup(store, field))) continue;
      const base = baseValue(store, table, field, mine, theirs);
      const outcome = settle(mine.value, theirs.value, base, isNarrativeField(table, field));
      if (outcome.kind === 'same') continue;
      const merged = outcome.kind === 'merged';
      if (merged) addMerge(merges, table, rowId, field, outcome.value);
      else conflicts++;
      keepConflict(store, { table, rowId, field, mine, theirs, base, autoMerged: merged });
    }
    for (const { table, rowId, winners } of rows.values()) materialize(store, table, rowId, winners);
    writeRows(store, [...merges.values()]);
    return { applied: fresh.length, duplicates: changes.length - fresh.length, conflicts, merged: [...merges.values()].reduce((n, w) => n + Object.keys(w.values).length, 0) };
  });
}
