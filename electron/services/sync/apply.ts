import { decodeHlc, receiveHlc } from '../../../shared/hlc';
import { fitsInBytes, MAX_VALUE_BYTES, type SyncChange } from '../../../shared/sync/change';
import { appliedChange } from '../../../shared/sync/change-rules';
import { commonAncestor, commonValue, isNarrativeField, overwroteUnseen, settle, type PrevLookup, type ValueLookup } from '../../../shared/sync/merge';
import { markTimelinesStale } from '../store/case-timelines';
import { statement } from '../store/database';
import { removeFromIndex } from '../store/search-index';
import { inTransaction, latestChange, logChange, loggedValues, readRow, storeRow, writeRows, type FieldChange, type RowWrite, type Store } from '../store/store';
import { TABLES, fieldsOf, isTableName, type TableName } from '../store/tables';
import { keepConflict } from './conflicts';
import { quarantine } from './quarantine';

/** A remote change that passed the check: its table is one the store knows. */
type ValidChange = SyncChange & { table: TableName };

export interface ApplyResult {
  /** Changes new to this replica, now in its log. */
  applied: number;
  /** Changes it already had (a retried or duplicated batch). */
  duplicates: number;
  /** Changes no replica could apply, kept aside (quarantine) instead of stopping the sync. */
  quarantined: number;
  /** Local values kept for a person. */
  conflicts: number;
  /** Narrative fields merged three-way, written as new local changes. */
  merged: number;
}

/**
 * Splits a batch into the changes this replica can apply and the ones it cannot. The server takes only changes that
 * pass this same check, so the second part stays empty unless a server or a newer client disagrees with this one;
 * then those changes wait in quarantine, listed, and everything else goes on.
 */
function checkBatch(batch: readonly unknown[]): { valid: ValidChange[]; unappliable: { raw: unknown; reason: string }[] } {
  const valid: ValidChange[] = [];
  const unappliable: { raw: unknown; reason: string }[] = [];
  for (const raw of batch) {
    const checked = appliedChange(raw);
    if (checked.ok && isTableName(checked.change.table)) valid.push(checked.change as ValidChange);
    else unappliable.push({ raw, reason: checked.ok ? `unknown table '${checked.change.table}'` : checked.reason });
  }
  return { valid, unappliable };
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

/** A record's state as its winning changes make it, to be stored over `current` (undefined: a new record). */
interface RecordWrite {
  table: TableName;
  current: Record<string, unknown> | undefined;
  next: Record<string, unknown>;
  /** The fields that differ from `current`. */
  changed: string[];
}

/**
 * The state a record takes from its winning changes, or null when it stays as it is. A record this replica has never
 * seen is built from the defaults and its whole log; if its creating change has not arrived yet (required fields
 * missing) it waits in the log and appears when that change comes.
 */
function materialized(store: Store, table: TableName, rowId: string, winners: Map<string, unknown>): RecordWrite | null {
  const def = TABLES[table];
  const current = readRow(store, table, rowId) as Record<string, unknown> | undefined;
  // A stored record takes the touched fields' winning values: the cost stays that of the change, not of the record's
  // whole history.
  const values = current ? Object.fromEntries(winners) : loggedValues(store, table, rowId);
  if (!current && fieldsOf(table).some((f) => f !== 'id' && !Object.hasOwn(def.defaults, f) && !Object.hasOwn(values, f))) return null;
  // Every value passed its field's schema (checkBatch) and no record schema has a rule across fields: this holds.
  const next = def.schema.parse({ ...def.defaults, ...current, ...values, id: rowId }) as Record<string, unknown>;
  const changed = current ? [...winners.keys()].filter((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f])) : fieldsOf(table);
  return !current || changed.length > 0 ? { table, current, next, changed } : null;
}

function addMerge(merges: Map<string, RowWrite>, table: TableName, rowId: string, field: string, value: string): void {
  const key = `${table} ${rowId}`;
  const write = merges.get(key) ?? { table, id: rowId, values: {} };
  (write.values as Record<string, unknown>)[field] = value;
  merges.set(key, write);
}

/**
 * Applies a batch of remote changes in one transaction: all of it or nothing. Every new change joins the log (so
 * each replica holds the full history); where it is the newest of its field, the record takes its value. A local
 * value overwritten by a change whose author had not seen it is merged (narrative text, different passages) or kept
 * as a conflict. A change no replica could apply is kept aside in quarantine, not applied. Applying the same batch
 * again changes nothing.
 */
export function applyRemoteChanges(store: Store, batch: readonly unknown[]): ApplyResult {
  const { valid: changes, unappliable } = checkBatch(batch);
  return inTransaction(store, () => {
    quarantine(store, unappliable);
    // The winner of each touched field before the batch (the local value the batch may overwrite) and after it: the
    // newest of that and the batch's changes of the field, as the log would answer, without asking it again.
    const before = new Map<string, { table: TableName; rowId: string; field: string; mine: FieldChange | undefined; theirs: FieldChange }>();
    let fresh = 0;
    let newest = '';
    for (const c of changes) {
      const key = `${c.table} ${c.rowId} ${c.field}`;
      const seen = before.get(key);
      // Read before the change joins the log: the value it may overwrite.
      const mine = seen ? undefined : latestChange(store, c.table, c.rowId, c.field);
      if (!logChange(store, c)) continue;
      fresh++;
      if (c.hlc > newest) newest = c.hlc;
      // A missing value is logged as null: the same as the log would give back.
      const incoming: FieldChange = { hlc: c.hlc, author: c.author, value: c.value ?? null, prev: c.prev };
      if (!seen) before.set(key, { table: c.table, rowId: c.rowId, field: c.field, mine, theirs: mine && mine.hlc > c.hlc ? mine : incoming });
      else if (c.hlc > seen.theirs.hlc) seen.theirs = incoming;
    }
    // Timestamps sort in causal order: having seen the newest of the batch, the clock has seen them all.
    if (newest) store.clock = receiveHlc(store.clock, decodeHlc(newest), store.now());

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
      // A merge longer than a value may be is left to a person, like any conflict.
      const merged = outcome.kind === 'merged' && fitsInBytes(outcome.value, MAX_VALUE_BYTES) ? outcome.value : null;
      if (merged !== null) addMerge(merges, table, rowId, field, merged);
      else conflicts++;
      keepConflict(store, { table, rowId, field, mine, theirs, base, autoMerged: merged !== null });
    }
    const writes = [...rows.values()].flatMap(({ table, rowId, winners }) => materialized(store, table, rowId, winners) ?? []);
    // Every record the batch changes leaves the search index before any comes back (storing it indexes it anew): FTS5
    // writes out the documents it holds in memory whenever an older one is deleted, once per record when interleaved.
    for (const { next } of writes) removeFromIndex(store.db, next.id as string);
    const staleTimelines = new Set<unknown>();
    for (const { table, current, next, changed } of writes) storeRow(store, table, current, next, changed, staleTimelines);
    markTimelinesStale(store.db, [...staleTimelines]);
    writeRows(store, [...merges.values()]);
    return {
      applied: fresh,
      duplicates: changes.length - fresh,
      quarantined: unappliable.length,
      conflicts,
      merged: [...merges.values()].reduce((n, w) => n + Object.keys(w.values).length, 0),
    };
  });
}
