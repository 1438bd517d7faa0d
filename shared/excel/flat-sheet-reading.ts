import { CASE_SHEET, EVENT_SHEET, type FlatColumn } from './sheet-layout';

// Finds Karte's flat sheets (cases, events) in a workbook or CSV file, wherever their heading row is and whatever
// order their columns are in, by the columns' headings; and the reading by headings that other sheets' recognition
// shares (the council's, council-sheet-reading.ts).

export type FlatSheetKind = 'cases' | 'events';

/** A data row of a flat sheet: its number in the sheet (1-based, as Excel shows it) and its cells by field. */
export interface FlatRow {
  row: number;
  cells: Map<string, string>;
}

export interface FlatSheet {
  kind: FlatSheetKind;
  sheet: string;
  /** The fields the sheet has a column for, each with its heading as the sheet writes it. */
  columns: { field: string; heading: string }[];
  rows: FlatRow[];
}

/** Each flat sheet's columns, by the headings Karte writes. */
const LAYOUTS: Record<FlatSheetKind, readonly HeadedColumn[]> = {
  cases: CASE_SHEET.columns.map(headedBy),
  events: EVENT_SHEET.columns.map(headedBy),
};

function headedBy(column: FlatColumn): HeadedColumn {
  return { field: column.field, headings: [column.heading] };
}

/** Columns a sheet must have to be taken for one of Karte's: the ids, and for events their phase, date and text. */
const REQUIRED: Record<FlatSheetKind, readonly string[]> = { cases: ['id', 'title'], events: ['id', 'caseId', 'phase', 'date', 'text'] };

/** How far down a heading row is looked for. */
const HEADING_ROWS = 10;

/** A heading as compared: full-width and half-width alike, spaces and case ignored (ID, id, Ｉ Ｄ). */
function normalised(heading: string): string {
  return heading.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** A column a sheet is read by: the field it holds and the headings it may go by, the preferred first. */
export interface HeadedColumn {
  field: string;
  headings: readonly string[];
}

/** A sheet read by its headings: the columns found (each with its heading as the sheet writes it) and its data rows. */
export interface HeadedRows {
  columns: { field: string; heading: string }[];
  rows: FlatRow[];
}

/**
 * The rows of a sheet under the first of its first rows that heads every required field, wherever that row is and
 * whatever order its columns are in; null when no such row. Rows with no text are passed over.
 */
export function readByHeadings(rows: readonly (readonly string[])[], layout: readonly HeadedColumn[], required: readonly string[]): HeadedRows | null {
  for (let r = 0; r < Math.min(rows.length, HEADING_ROWS); r++) {
    const headings = rows[r].map(normalised);
    const columns = layout.flatMap((column) => {
      const index = column.headings.map((h) => headings.indexOf(normalised(h))).find((i) => i >= 0);
      return index === undefined ? [] : [{ field: column.field, heading: rows[r][index].trim(), index }];
    });
    if (!required.every((field) => columns.some((c) => c.field === field))) continue;
    const data = rows.slice(r + 1).flatMap((cells, i): FlatRow[] => {
      if (cells.every((cell) => cell.trim() === '')) return [];
      return [{ row: r + 2 + i, cells: new Map(columns.map((c) => [c.field, cells[c.index] ?? ''])) }];
    });
    return { columns: columns.map(({ field, heading }) => ({ field, heading })), rows: data };
  }
  return null;
}

/** The flat sheet a sheet's rows hold, or null when none of its first rows are the headings of one. */
export function recogniseFlatSheet(sheet: string, rows: readonly (readonly string[])[]): FlatSheet | null {
  for (const kind of ['events', 'cases'] as const) {
    const found = readByHeadings(rows, LAYOUTS[kind], REQUIRED[kind]);
    if (found) return { kind, sheet, ...found };
  }
  return null;
}
