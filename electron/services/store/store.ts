import crypto from 'node:crypto';
import { describeError, issuesOf, KarteError } from '../../../shared/errors';
import { MAX_RECORD_BYTES } from '../../../shared/model/records';
import { fitsInBytes, lengthFits, MAX_VALUE_BYTES } from '../../../shared/sync/change';
import { sameFieldValue } from '../../../shared/field-value';
import { encodeHlc, initialHlc, receiveHlc, decodeHlc, tickHlc, type Hlc } from '../../../shared/hlc';
import { openDatabase, statement, type Db, type OpenOptions } from './database';
import { markTimelinesStale } from './case-timelines';
import { reindexRecord } from './search-index';
import { TABLES, TABLE_NAMES, columnsOf, decodeRow, encodeField, fieldsOf, type RowOf, type TableName } from './tables';

/** An open local store: the database, this device's node id and clock, and who is editing. */
export interface Store {
  readonly db: Db;
  readonly file: string;
  readonly node: string;
  /** Recorded as the author of every change made through this store. */
  author: string;
  clock: Hlc;
  /** The time changes are stamped with: the device's clock, put right by clockOffsetMs. */
  readonly now: () => number;
  /** How far the device's clock is behind the sync server's (negative: ahead), as the last sync measured it. */
  clockOffsetMs: number;
  close(): void;
}

const META_CLOCK_OFFSET = 'clock.offsetMs';

/** Keeps the measured offset: edits made offline later are stamped right too. */
export function setClockOffset(store: Store, offsetMs: number): void {
  store.clockOffsetMs = offsetMs;
  statement(store.db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META_CLOCK_OFFSET, String(offsetMs));
}

export interface StoreOptions extends OpenOptions {
  author: string;
  /** Wall clock in milliseconds; tests pass their own. */
  now?: () => number;
}

export function openStore(file: string, options: StoreOptions): Store {
  const db = openDatabase(file, options);
  let node = (statement(db, "SELECT value FROM meta WHERE key = 'node'").get() as { value: string } | undefined)?.value;
  if (!node) {
    node = crypto.randomBytes(8).toString('hex');
    statement(db, "INSERT INTO meta (key, value) VALUES ('node', ?)").run(node);
  }
  const latest = statement(db, 'SELECT hlc FROM change_log ORDER BY hlc DESC LIMIT 1').get() as { hlc: string } | undefined;
  const wall = options.now ?? Date.now;
  const clock = latest ? receiveHlc(initialHlc(node), decodeHlc(latest.hlc), 0) : initialHlc(node);
  const offset = statement(db, 'SELECT value FROM meta WHERE key = ?').get(META_CLOCK_OFFSET) as { value: string } | undefined;
  const store: Store = {
    db,
    file,
    node,
    author: options.author,
    clock,
    clockOffsetMs: Number(offset?.value ?? 0),
    now: () => wall() + store.clockOffsetMs,
    close: () => db.close(),
  };
  return store;
}

/** One field-level change, as logged. The fields of one write share its timestamp. */
export interface Change {
  hlc: string;
  author: string;
  table: TableName;
  rowId: string;
  field: string;
  value: unknown;
  scope: string;
  /** The change this one overwrote (null: the default): sync tells by it whether an author had seen a value. */
  prev: string | null;
}

/** A field's value as one logged change set it. */
export type FieldChange = Pick<Change, 'hlc' | 'author' | 'value' | 'prev'>;

/** A write of some fields of one record; a record that does not exist yet is created from its defaults. */
export interface RowWrite<T extends TableName = TableName> {
  table: T;
  id: string;
  values: Partial<RowOf<T>>;
  /** Only creates: a record already stored is left as it is (an import never overwrites what a person since edited). */
  createOnly?: boolean;
}

export function readRow<T extends TableName>(store: Store, table: T, id: string): RowOf<T> | undefined {
  const raw = statement(store.db, `SELECT ${columnsOf(table)} FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return raw ? decodeRow(table, raw) : undefined;
}

const insertSqls = new Map<TableName, string>();

/** One string per table: the statement cache finds it by its text, and built anew each time it was hashed anew. */
function insertSql(table: TableName): string {
  let sql = insertSqls.get(table);
  if (sql === undefined) {
    const columns = fieldsOf(table);
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    insertSqls.set(table, sql);
  }
  return sql;
}

function updateSql(table: TableName, fields: string[]): string {
  return `UPDATE ${table} SET ${fields.map((f) => `${f} = ?`).join(', ')} WHERE id = ?`;
}

/** The newest logged change of one field of a record: the one whose value the field holds. */
export function latestChange(store: Store, table: TableName, rowId: string, field: string): FieldChange | undefined {
  const row = statement(store.db, 'SELECT hlc, author, value, prev FROM changes WHERE tbl = ? AND rowId = ? AND field = ? ORDER BY hlc DESC LIMIT 1').get(table, rowId, field) as
    { hlc: string; author: string; value: string; prev: string | null } | undefined;
  return row && { ...row, value: JSON.parse(row.value) };
}

/** Each field's value by the record's newest change of it: what the record is, as far as the log knows. */
export function loggedValues(store: Store, table: TableName, rowId: string): Record<string, unknown> {
  // SQLite takes the bare column `value` from the row holding max(hlc).
  const rows = statement(store.db, 'SELECT field, value, max(hlc) FROM changes WHERE tbl = ? AND rowId = ? GROUP BY field').all(table, rowId) as { field: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.field, JSON.parse(r.value)]));
}

/**
 * Stores a record's new state and keeps the derived tables (countries of a case, search index) in step. `fields` are
 * the ones that differ from the stored row; `current` is undefined for a new record; `texts` holds the JSON text of
 * fields already written out, so that they are not written out again. The cases whose timelines the record is part of
 * join `staleTimelines`: the caller marks them once, after all its records (an import stores hundreds of events of a
 * case).
 */
export function storeRow(
  store: Store,
  table: TableName,
  current: Record<string, unknown> | undefined,
  next: Record<string, unknown>,
  fields: string[],
  staleTimelines: Set<unknown>,
  texts?: Record<string, string>,
): void {
  const id = next.id as string;
  if (current) statement(store.db, updateSql(table, fields)).run(...fields.map((f) => encodeField(table, f, next[f])), id);
  else statement(store.db, insertSql(table)).run(...fieldsOf(table).map((f) => encodeField(table, f, next[f], texts?.[f])));
  if (table === 'cases' && fields.includes('countries')) {
    statement(store.db, 'DELETE FROM case_countries WHERE caseId = ?').run(id);
    for (const iso2 of next.countries as string[]) statement(store.db, 'INSERT OR IGNORE INTO case_countries (iso2, caseId) VALUES (?, ?)').run(iso2, id);
  }
  if (table === 'events' && (!current || fields.some((f) => TIMELINE_FIELDS.has(f)))) {
    staleTimelines.add(current?.caseId);
    staleTimelines.add(next.caseId);
  }
  reindexRecord(store.db, table, next);
}

/** The fields of an event its case's timeline holds (case-timelines.ts). */
const TIMELINE_FIELDS = new Set(['caseId', 'phase', 'date', 'deleted']);

/**
 * What a run of writes finds before it starts, read in two queries per table rather than two per write: the stored
 * rows of its records, and which of the records not stored yet the log holds changes of. Each record's entry serves
 * its first write in the run; a second write of it reads what the first left.
 */
interface FoundBefore {
  rows: Map<string, Record<string, unknown>>;
  logged: Set<string>;
  written: Set<string>;
}

const recordKey = (table: TableName, id: string) => `${table} ${id}`;

function foundBefore(store: Store, writes: readonly RowWrite[]): FoundBefore {
  const found: FoundBefore = { rows: new Map(), logged: new Set(), written: new Set() };
  const idsByTable = new Map<TableName, string[]>();
  for (const { table, id } of writes) {
    const ids = idsByTable.get(table) ?? [];
    ids.push(id);
    idsByTable.set(table, ids);
  }
  for (const [table, ids] of idsByTable) {
    const rows = statement(store.db, `SELECT ${columnsOf(table)} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Record<string, unknown>[];
    for (const raw of rows) found.rows.set(recordKey(table, raw.id as string), decodeRow(table, raw));
    const unstored = JSON.stringify(ids.filter((id) => !found.rows.has(recordKey(table, id))));
    const logged = statement(store.db, 'SELECT DISTINCT rowId FROM change_log WHERE tbl = ? AND rowId IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(table, unstored) as string[];
    for (const id of logged) found.logged.add(recordKey(table, id));
  }
  return found;
}

function writeOne(store: Store, write: RowWrite, found: FoundBefore, staleTimelines: Set<unknown>): Change[] {
  const { table, id } = write;
  const def = TABLES[table];
  const key = recordKey(table, id);
  const first = !found.written.has(key);
  found.written.add(key);
  const current = first ? found.rows.get(key) : (readRow(store, table, id) as Record<string, unknown> | undefined);
  if (current && write.createOnly) return [];
  // A new record logs the fields that differ from its defaults: a replica builds the rest from the same defaults.
  // Synced changes of a record whose creation has not arrived yet are in the log already: it starts from them.
  const logged = current ? undefined : first && !found.logged.has(key) ? {} : loggedValues(store, table, id);
  // A record created here, with nothing in the log, has no change to point back to: no need to look one up per field.
  const firstWrite = logged !== undefined && Object.keys(logged).length === 0;
  // Every field: the stored row, or the defaults under what the log holds (only read: the defaults are not copied).
  const before: Record<string, unknown> = current ?? (firstWrite ? def.defaults : { ...def.defaults, ...logged });
  // Object.assign rather than a spread: in this V8 a spread followed by more properties takes its slow path, a
  // twentieth of an import.
  const parsed = def.schema.safeParse(Object.assign({}, before, write.values, { id }));
  if (!parsed.success) throw new KarteError('invalid_record', `${table} ${id}: ${describeError(parsed.error)}`, { table, record: id, issues: issuesOf(parsed.error) });
  const next = parsed.data as Record<string, unknown>;
  // A new record's changed fields are told by their JSON texts, which its creation logs and its row stores.
  const texts = firstWrite ? textsBesideDefaults(table, next) : undefined;
  const fields = texts ? Object.keys(texts) : fieldsOf(table).filter((f) => f !== 'id' && !sameFieldValue(before[f], next[f]));
  if (current && fields.length === 0) return [];
  // A creation is logged as one text of its fields' JSON texts, each escaped once more and so never shorter than in
  // the record's JSON, where the fields it leaves out hold their defaults: with the defaults' length it bounds the
  // record's, and a new record within the bound is not written out again to be measured.
  const creation = texts && fields.length > 0 ? JSON.stringify(texts) : null;
  const withinBound = creation !== null && lengthFits(creation.length + defaultsLength(table, id), MAX_VALUE_BYTES);
  // A field's JSON is part of its record's, and a value's limit is below a record's: only a record past a value's
  // limit can hold a field past it, or be past its own. Most records are measured once at most.
  if (!withinBound && !fitsInBytes(next, MAX_VALUE_BYTES)) {
    const oversized = fields.find((f) => !fitsInBytes(next[f], MAX_VALUE_BYTES));
    if (oversized)
      throw new KarteError('value_too_long', `${table} ${id}: ${oversized}: too long (at most ${MAX_VALUE_BYTES / 1024} KiB)`, {
        table,
        record: id,
        field: oversized,
        params: { limitKiB: MAX_VALUE_BYTES / 1024 },
      });
    if (!fitsInBytes(next, MAX_RECORD_BYTES))
      throw new KarteError('record_too_large', `${table} ${id}: the record is larger than ${MAX_RECORD_BYTES / 1024} KiB in all`, {
        table,
        record: id,
        params: { limitKiB: MAX_RECORD_BYTES / 1024 },
      });
  }
  storeRow(store, table, current, next, fields, staleTimelines, texts);

  // One timestamp per write: the fields of one edit belong together, and a record's first timestamp marks its creation.
  store.clock = tickHlc(store.clock, store.now());
  const hlc = encodeHlc(store.clock);
  const changes = fields.map((field): Change => ({
    hlc,
    author: store.author,
    table,
    rowId: id,
    field,
    value: next[field],
    scope: next.scope as string,
    prev: firstWrite ? null : (latestChange(store, table, id, field)?.hlc ?? null),
  }));
  // A local write's timestamp is new (ticked past all the log holds): nothing to look up before logging it.
  if (creation !== null) logRow(store, { hlc, author: store.author, table, rowId: id, field: CREATION_FIELD, value: null, scope: next.scope as string, prev: null }, creation);
  else for (const change of changes) logRow(store, change, JSON.stringify(change.value));
  return changes;
}

/** The field of a creation's row in change_log (migration 17). */
export const CREATION_FIELD = '';

/**
 * Appends a pulled change to the log. A change is identified by (hlc, field): one the log holds already, as a row of
 * its own or inside the creation that wrote it (a retried or repeated batch, or this device's own change coming back
 * from the server), is not taken again: false then.
 */
export function logChange(store: Store, change: Change): boolean {
  const created = statement(store.db, 'SELECT 1 FROM change_log c, json_each(c.value) f WHERE c.hlc = ? AND c.field = ? AND f.key = ?');
  if (created.get(change.hlc, CREATION_FIELD, change.field) !== undefined) return false;
  return logRow(store, change, JSON.stringify(change.value));
}

/** The one INSERT of the change log: `change` with its value as JSON text. */
function logRow(store: Store, change: Change, value: string): boolean {
  const log = statement(
    store.db,
    'INSERT INTO change_log (hlc, author, tbl, rowId, field, value, scope, prev) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hlc, field) DO NOTHING',
  );
  return log.run(change.hlc, change.author, change.table, change.rowId, change.field, value, change.scope, change.prev).changes > 0;
}

/**
 * What a record's first write (one timestamp, no previous change) logs, as one row of field '': each field that differs
 * from the defaults, by its JSON text. The view `changes` lists them field by field, and the outbox sends them so.
 */
function textsBesideDefaults(table: TableName, next: Record<string, unknown>): Record<string, string> {
  const defaultTexts = DEFAULT_TEXTS.get(table) as Record<string, string>;
  const texts: Record<string, string> = {};
  for (const field of fieldsOf(table)) {
    if (field === 'id') continue;
    // A missing value is logged as null, as a change of its own row would be.
    const text = JSON.stringify(next[field] ?? null);
    if (text !== defaultTexts[field]) texts[field] = text;
  }
  return texts;
}

/** Each table's fields by the JSON text of their default (null where a field has none). */
const DEFAULT_TEXTS = new Map(
  TABLE_NAMES.map((table) => {
    const defaults = TABLES[table].defaults as Record<string, unknown>;
    return [table, Object.fromEntries(fieldsOf(table).map((field) => [field, JSON.stringify(defaults[field] ?? null)]))];
  }),
);

/** Each table's defaults as JSON, by length. */
const DEFAULTS_LENGTHS = new Map(TABLE_NAMES.map((table) => [table, JSON.stringify(TABLES[table].defaults).length]));

/** How long a record's JSON is at most in the fields that hold their defaults, and its id. */
function defaultsLength(table: TableName, id: string): number {
  return (DEFAULTS_LENGTHS.get(table) as number) + JSON.stringify({ id }).length;
}

/**
 * The one way records change: in a single transaction, every write validates the whole record, stores the row,
 * keeps the derived tables (countries of a case, search index) in step, and appends one change per changed field
 * to the change log. Either all writes land or none does.
 */
export function writeRows(store: Store, writes: RowWrite[]): Change[] {
  return inTransaction(store, () => {
    const found = foundBefore(store, writes);
    const staleTimelines = new Set<unknown>();
    const changes = writes.flatMap((w) => writeOne(store, w, found, staleTimelines));
    markTimelinesStale(store.db, [...staleTimelines]);
    return changes;
  });
}

/**
 * Runs `work` in one transaction, so several writes (an import, an undo) land together or not at all. Inside a
 * transaction already open, the work joins it and the outermost decides what lands: a savepoint per write cost an
 * import of 20,000 cases, each written with its events, a twentieth of its time, and nothing rolls back to one.
 */
export function inTransaction<T>(store: Store, work: () => T): T {
  if (store.db.inTransaction) return work();
  const clockBefore = store.clock;
  try {
    return store.db.transaction(work).immediate();
  } catch (error) {
    store.clock = clockBefore;
    throw error;
  }
}

/**
 * Runs `work` and takes back whatever it wrote, so a caller can tell what an import would do without doing it: the
 * writes land in a savepoint that is rolled back, and the clock is put back.
 */
export function withoutWriting<T>(store: Store, work: () => T): T {
  const clockBefore = store.clock;
  store.db.exec('SAVEPOINT without_writing');
  try {
    return work();
  } finally {
    store.db.exec('ROLLBACK TO without_writing');
    store.db.exec('RELEASE without_writing');
    store.clock = clockBefore;
  }
}
