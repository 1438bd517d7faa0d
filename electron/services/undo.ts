import { markUndoWrites } from './history';
import { statement } from './store/database';
import { inTransaction, readRow, writeRows, type Change, type RowWrite, type Store } from './store/store';
import { TABLES, type TableName } from './store/tables';

/** One user action (an edit of some fields, a new event) as the timestamps of the writes it made. */
export type UndoStep = string[];

/**
 * Reverts one step: each field goes back to the value it had before, and a record the step created is deleted.
 * A field someone has changed again since (another edit, a synced change) is left alone: undo never clobbers newer
 * work. The revert is an ordinary logged write, so it syncs and shows in the history.
 */
export function undoStep(store: Store, step: UndoStep): { table: TableName; rowId: string; fields: string[] } | null {
  const writes: RowWrite[] = [];
  let undone: { table: TableName; rowId: string; fields: string[] } | null = null;
  for (const hlc of [...step].reverse()) {
    const changes = statement(store.db, 'SELECT tbl, rowId, field, value FROM changes WHERE hlc = ?').all(hlc) as { tbl: TableName; rowId: string; field: string; value: string }[];
    if (changes.length === 0) continue;
    const { tbl: table, rowId } = changes[0];
    const current = readRow(store, table, rowId) as Record<string, unknown> | undefined;
    if (!current) continue;
    const created = statement(store.db, 'SELECT min(hlc) AS first FROM changes WHERE rowId = ?').get(rowId) as { first: string };
    const values: Record<string, unknown> = {};
    if (created.first === hlc) values.deleted = true;
    else {
      for (const change of changes) {
        if (JSON.stringify(current[change.field]) !== change.value) continue;
        const previous = statement(store.db, 'SELECT value FROM changes WHERE rowId = ? AND field = ? AND hlc < ? ORDER BY hlc DESC LIMIT 1').get(rowId, change.field, hlc) as
          { value: string } | undefined;
        values[change.field] = previous ? JSON.parse(previous.value) : (TABLES[table].defaults as Record<string, unknown>)[change.field];
      }
    }
    if (Object.keys(values).length === 0) continue;
    writes.push({ table, id: rowId, values });
    undone = { table, rowId, fields: Object.keys(values) };
  }
  if (writes.length === 0) return null;
  // Marked for the history, which shows an undo as such rather than as somebody's edit.
  inTransaction(store, () => markUndoWrites(store, stepOf(writeRows(store, writes))));
  return undone;
}

/** The undo step of a call's changes: the distinct write timestamps, oldest first. */
export function stepOf(changes: Change[]): UndoStep {
  return new WriteRecorder().add(changes).written().step;
}

/** What a run of writes did, as the session's undo and the screens need it: its undo step and the tables it touched. */
export interface Written {
  step: UndoStep;
  tables: TableName[];
}

/**
 * Takes in what writes did without keeping their changes: an import logs a million changes, and holding them all
 * until it ended doubled its memory and cost a tenth of its time in garbage collection.
 */
export class WriteRecorder {
  private readonly hlcs = new Set<string>();
  private readonly tables = new Set<TableName>();

  add(changes: readonly Change[]): this {
    let last: Change | undefined;
    for (const c of changes) {
      // The fields of one write come together, under one timestamp and table: a million of them in an import.
      if (last?.hlc === c.hlc) continue;
      this.hlcs.add(c.hlc);
      this.tables.add(c.table);
      last = c;
    }
    return this;
  }

  written(): Written {
    return { step: [...this.hlcs], tables: [...this.tables] };
  }
}
