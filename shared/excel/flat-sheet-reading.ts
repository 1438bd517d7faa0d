import { CASE_SHEET, EVENT_SHEET, type FlatColumn } from './sheet-layout';

// Finds Karte's flat sheets (cases, events) in a workbook or CSV file, wherever their heading row is and whatever
// order their columns are in, by the columns' headings.

export type FlatSheetKind = 'cases' | 'events';

/** A data row of a flat sheet: its number in the sheet (1-based, as Excel shows it) and its cells by field. */
export interface FlatRow {
  row: number;
  cells: Map<string, string>;
}

export interface FlatSheet {
  kind: FlatSheetKind;
  sheet: string;
  /** The fields the sheet has a column for, each with the heading it was found by. */
  columns: { field: string; heading: string }[];
  rows: FlatRow[];
}

const LAYOUTS: Record<FlatSheetKind, readonly FlatColumn[]> = { cases: CASE_SHEET.columns, events: EVENT_SHEET.columns };

/** Columns a sheet must have to be taken for one of Karte's: the ids, and for events their phase, date and text. */
const REQUIRED: Record<FlatSheetKind, readonly string[]> = { cases: ['id', 'title'], events: ['id', 'caseId', 'phase', 'date', 'text'] };

/** How far down a heading row is looked for. */
const HEADING_ROWS = 10;

function normalised(heading: string): string {
  return heading.normalize('NFKC').replace(/\s+/g, '');
}

/** The flat sheet a sheet's rows hold, or null when none of its first rows are the headings of one. */
export function recogniseFlatSheet(sheet: string, rows: readonly (readonly string[])[]): FlatSheet | null {
  for (let r = 0; r < Math.min(rows.length, HEADING_ROWS); r++) {
    const headings = rows[r].map(normalised);
    for (const kind of ['events', 'cases'] as const) {
      const columns = LAYOUTS[kind].flatMap((column) => {
        const index = headings.indexOf(normalised(column.heading));
        return index < 0 ? [] : [{ field: column.field, heading: column.heading, index }];
      });
      if (!REQUIRED[kind].every((field) => columns.some((c) => c.field === field))) continue;
      const data = rows.slice(r + 1).flatMap((cells, i): FlatRow[] => {
        if (cells.every((cell) => cell.trim() === '')) return [];
        return [{ row: r + 2 + i, cells: new Map(columns.map((c) => [c.field, cells[c.index] ?? ''])) }];
      });
      return { kind, sheet, columns: columns.map(({ field, heading }) => ({ field, heading })), rows: data };
    }
  }
  return null;
}
