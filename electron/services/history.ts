import { decodeHlc } from '../../shared/hlc';
import { CASE_PARTS } from '../../shared/model/records';
import type { HistoryEntry } from '../../shared/views';
import { resolveId } from './record-ids';
import { statement } from './store/database';
import type { Store } from './store/store';
import { TABLES, type TableName } from './store/tables';

/** The change log of a case and its parts (events, its plan and the plan's parts), oldest first, each change with the value it replaced. */
export function caseHistory(store: Store, caseIdOrPrefix: string): HistoryEntry[] {
  const caseId = resolveId(store, 'cases', caseIdOrPrefix);
  const rows = statement(
    store.db,
    `SELECT hlc, author, tbl, rowId, field, value,
            LAG(value) OVER (PARTITION BY rowId, field ORDER BY hlc) AS old,
            hlc = MIN(hlc) OVER (PARTITION BY rowId) AS created
       FROM changes
      WHERE rowId = ? OR rowId IN (${CASE_PARTS.map((table) => `SELECT id FROM ${table} WHERE caseId = ?`).join(' UNION ALL ')})
      ORDER BY hlc`,
  ).all(caseId, ...CASE_PARTS.map(() => caseId)) as {
    hlc: string;
    author: string;
    tbl: TableName;
    rowId: string;
    field: string;
    value: string;
    old: string | null;
    created: number;
  }[];
  return rows.map((row) => {
    const clock = decodeHlc(row.hlc);
    return {
      hlc: row.hlc,
      at: new Date(clock.millis).toISOString(),
      author: row.author,
      node: clock.node,
      table: row.tbl,
      rowId: row.rowId,
      field: row.field,
      created: row.created === 1,
      // A field's first change after creation replaced the default it was created with.
      old: row.old === null ? (TABLES[row.tbl].defaults as Record<string, unknown>)[row.field] : JSON.parse(row.old),
      value: JSON.parse(row.value),
    };
  });
}
