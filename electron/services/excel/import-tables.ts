import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { KarteError, type ImportProblem } from '../../../shared/errors';
import type { ColumnMapping } from '../../../shared/excel/column-roles';
import { recogniseCouncilSheet, type CouncilSheet } from '../../../shared/excel/council-sheet-reading';
import { readDossierSheet, type DossierSheet } from '../../../shared/excel/dossier-sheet-reading';
import { recogniseFlatSheet, type FlatRow, type FlatSheet } from '../../../shared/excel/flat-sheet-reading';
import { EVENT_SHEET_CASE_COLUMNS } from '../../../shared/excel/sheet-layout';
import { parseDateText, type KarteDate } from '../../../shared/dates';
import { sameFieldValue } from '../../../shared/field-value';
import { isVisibleTo, SCOPES, type Scope } from '../../../shared/scopes';
import type { TableFieldPreview, TableImportProgress, TablePreview, TableRecordPreview, UnrecognisedSheet } from '../../../shared/views';
import { CASE_FIELD_PARSERS } from '../cases';
import { EVENT_FIELD_PARSERS } from '../events';
import { valuesFromText } from '../field-text';
import { checkedCouncilFile, writeJsonFiles, type ParsedCouncilFile } from '../import/council-import';
import { checkedKarteFile, ImportError, writeParsedFiles, type ParsedFile } from '../import/karte-import';
import { decodeText, detectEncoding, type TextEncoding } from '../import/text-encoding';
import { newId } from '../record-ids';
import { statement } from '../store/database';
import { inTransaction, readRow, withoutWriting, writeRows, type RowWrite, type Store } from '../store/store';
import { WriteRecorder, type Written } from '../undo';
import { readWorkbook } from './workbook';

// Import of tables (.xlsx, .csv), of two kinds:
// - Karte's flat layout (what it exports): a row per case, a row per event, recognised by their ids. Every cell goes
//   through the same reading of text as the command line's `case set` and `event set` (CASE_FIELD_PARSERS,
//   EVENT_FIELD_PARSERS); a row without an id is a new record; the preview says what changes, field by field. When a
//   workbook has these sheets, its 別表 sheets (a view of the same records) are not read.
// - The 別表 layout desk officers keep (dossier-sheet-reading.ts), read into karte JSON and imported as any karte
//   JSON table is: the same sheet imported again adds nothing.
// - Beside them, the council's two files (support schemes, track records: council-import.ts) as tables, told by
//   their headings (council-sheet-reading.ts), checked and written as the JSON files are: again, nothing is added.
// Either way the import writes everything in one transaction, or nothing when a cell cannot be read. A row left out
// of a flat sheet deletes nothing unless the user ticks it (deleteMissing); the preview lists those records.

/** A picked file: its name (its extension tells .xlsx from .csv) and bytes; a CSV file's encoding when the user chose one. */
export interface TableFile {
  name: string;
  bytes: Buffer;
  encoding?: TextEncoding;
}

/** How many records a preview lists by name, and how many changed fields. */
const PREVIEW_LIMIT = 500;

/** How many rows are compared, or records written, between two reports of progress. */
const PROGRESS_STEP = 1_000;

type Progress = (progress: TableImportProgress) => void;

interface SheetOfFile extends FlatSheet {
  file: string;
}

function fileProblem(file: string, code: ImportProblem['code'], message: string, params: ImportProblem['params'] = {}): ImportProblem {
  return { file, where: '', code, params, message };
}

/** A 別表 sheet of a file, read into karte JSON. */
interface DossierSheetOfFile extends DossierSheet {
  file: string;
  sheet: string;
}

/** A council sheet of a file. */
interface CouncilSheetOfFile extends CouncilSheet {
  file: string;
}

interface SheetsOfFile {
  flat: SheetOfFile[];
  dossiers: DossierSheetOfFile[];
  council: CouncilSheetOfFile[];
  unrecognised: UnrecognisedSheet[];
  problems: ImportProblem[];
}

/** How much of a sheet whose headings are not recognised the preview shows, for a person to say what its columns hold. */
const SHOWN_ROWS = 8;
const SHOWN_COLUMNS = 30;
const SHOWN_CHARACTERS = 60;

function unrecognised(file: string, sheet: string, rows: string[][]): UnrecognisedSheet {
  const shown = rows
    .map((cells, i) => ({ row: i + 1, cells: cells.slice(0, SHOWN_COLUMNS).map((cell) => [...cell].slice(0, SHOWN_CHARACTERS).join('')) }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
    .slice(0, SHOWN_ROWS);
  return { file, sheet, rows: shown };
}

/** The sheets of one file Karte reads; a file without any is a problem. */
async function sheetsOf(file: TableFile, options: ReadOptions): Promise<SheetsOfFile> {
  let tables: { name: string; rows: string[][] }[];
  if (path.extname(file.name).toLowerCase() === '.csv') {
    const encoding = file.encoding ?? detectEncoding(file.bytes);
    const text = encoding === null ? null : decodeText(file.bytes, encoding);
    if (text === null) return { flat: [], dossiers: [], council: [], unrecognised: [], problems: [fileProblem(file.name, 'unknown_encoding', 'neither UTF-8 nor Shift_JIS')] };
    tables = [{ name: path.basename(file.name, path.extname(file.name)), rows: parseCsv(text, { relax_column_count: true, skip_empty_lines: false }) as string[][] }];
  } else {
    tables = await readWorkbook(file.name, file.bytes);
  }
  const flat: SheetOfFile[] = [];
  const dossiers: DossierSheetOfFile[] = [];
  const council: CouncilSheetOfFile[] = [];
  const others: UnrecognisedSheet[] = [];
  for (const table of tables) {
    const sheet = recogniseFlatSheet(table.name, table.rows);
    if (sheet) {
      flat.push({ ...sheet, file: file.name });
      continue;
    }
    const councilSheet = recogniseCouncilSheet(table.name, table.rows);
    if (councilSheet) {
      council.push({ ...councilSheet, file: file.name });
      continue;
    }
    const dossier = readDossierSheet(table.name, table.rows, file.name, options);
    if (dossier) dossiers.push({ ...dossier, file: file.name, sheet: table.name });
    else if (table.rows.some((row) => row.some((cell) => cell.trim() !== ''))) others.push(unrecognised(file.name, table.name, table.rows));
  }
  const problems =
    flat.length + dossiers.length + council.length === 0
      ? [fileProblem(file.name, 'no_sheets', 'no sheet with the headings of Karte’s cases or events, of a 別表, or of the council’s support schemes or track records')]
      : [];
  return { flat, dossiers, council, unrecognised: others, problems };
}

/** Column mappings people gave, kept in the store for files of the same shape. */
const META_MAPPING = 'import.columns:';

function rememberedMappings(store: Store): ColumnMapping[] {
  const rows = statement(store.db, `SELECT value FROM meta WHERE key LIKE '${META_MAPPING}%'`).pluck().all() as string[];
  return rows.map((value) => JSON.parse(value) as ColumnMapping);
}

function remember(store: Store, mapping: ColumnMapping): void {
  statement(store.db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    `${META_MAPPING}${JSON.stringify(mapping.headings)}`,
    JSON.stringify(mapping),
  );
}

/** What one row would write, and the record as the store holds it now (none for a new one). */
interface PlannedWrite {
  write: RowWrite<'cases' | 'events'>;
  current: Record<string, unknown> | undefined;
}

/** A problem of one row of a flat sheet, at the column with this heading. */
function rowProblem(sheet: SheetOfFile, row: FlatRow, column: string, code: ImportProblem['code'], params: ImportProblem['params'], message: string): ImportProblem {
  return { file: sheet.file, where: '', cell: { sheet: sheet.sheet, row: row.row, column }, code, params, message: `${sheet.sheet} row ${row.row} ${column}: ${message}` };
}

function headingOf(sheet: SheetOfFile, field: string): string {
  return sheet.columns.find((c) => c.field === field)?.heading ?? field;
}

function cellProblem(sheet: SheetOfFile, row: FlatRow, field: string, error: unknown): ImportProblem {
  const code = error instanceof KarteError ? error.code : 'internal';
  return rowProblem(
    sheet,
    row,
    headingOf(sheet, field),
    code === 'invalid_date' ? 'cell_date' : 'cell_invalid',
    { text: row.cells.get(field) ?? '', reason: code },
    error instanceof Error ? error.message : String(error),
  );
}

/** Each row's write, read cell by cell, and the problems of the cells that cannot be read. */
function plannedWrites(store: Store, sheets: SheetOfFile[], acceptUnreadDates: boolean, progress: Progress): { planned: PlannedWrite[]; problems: ImportProblem[] } {
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const problems: ImportProblem[] = [];
  const planned: PlannedWrite[] = [];
  const firstRow = new Map<string, FlatRow>();
  // Cases first: the events of a file may name the cases it adds.
  const ordered = [...sheets.filter((s) => s.kind === 'cases'), ...sheets.filter((s) => s.kind === 'events')];
  const caseScopes = new Map<string, string>();
  for (const sheet of ordered) {
    const table = sheet.kind;
    for (const row of sheet.rows) {
      if (done++ % PROGRESS_STEP === 0) progress({ stage: 'comparing', done, total });
      const given = row.cells.get('id')?.trim() ?? '';
      const id = given === '' ? newId() : given;
      const first = firstRow.get(`${table} ${id}`);
      if (first) {
        problems.push(rowProblem(sheet, row, 'ID', 'repeated_row', { of: first.row }, `the same id as row ${first.row}`));
        continue;
      }
      firstRow.set(`${table} ${id}`, row);
      const current = readRow(store, table, id) as Record<string, unknown> | undefined;
      const values: Record<string, unknown> = {};
      let readable = true;
      for (const [field, text] of row.cells) {
        if (field === 'id' || field === 'caseId' || (table === 'events' && EVENT_SHEET_CASE_COLUMNS.has(field))) continue;
        try {
          Object.assign(values, table === 'cases' ? valuesFromText('cases', CASE_FIELD_PARSERS, field, text) : valuesFromText('events', EVENT_FIELD_PARSERS, field, text));
        } catch (error) {
          problems.push(cellProblem(sheet, row, field, error));
          readable = false;
        }
      }
      // A person typing a date is never refused (events.ts keeps what cannot be read); a file's date that reads as
      // none is most likely a mistake among many rows, so it is named unless the user accepts such dates or the
      // record already holds that very text.
      const dateText = table === 'events' ? (row.cells.get('date')?.trim() ?? '') : '';
      if (dateText !== '' && !acceptUnreadDates && parseDateText(dateText) === null && (current?.date as KarteDate | undefined)?.text !== dateText) {
        problems.push(cellProblem(sheet, row, 'date', new KarteError('invalid_date', `'${dateText}' is not a date`, { params: { text: dateText } })));
        readable = false;
      }
      if (table === 'cases') caseScopes.set(id, (values.scope ?? current?.scope ?? 'internal') as string);
      if (table === 'events') {
        const caseId = row.cells.get('caseId')?.trim() ?? '';
        const caseScope = caseScopes.get(caseId) ?? readRow(store, 'cases', caseId)?.scope;
        if (caseScope === undefined) {
          problems.push(rowProblem(sheet, row, headingOf(sheet, 'caseId'), 'unknown_case', { case: caseId }, `no case with id '${caseId}'`));
          readable = false;
        } else {
          values.caseId = caseId;
          // A new event is shared as its case is, unless the row says otherwise.
          if (!current && values.scope === undefined) values.scope = caseScope;
        }
      }
      if (readable) planned.push({ write: { table, id, values }, current });
    }
  }
  return { planned, problems };
}

/** A field's value as the preview shows it. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return JSON.stringify(value);
}

function labelOf(write: RowWrite<'cases' | 'events'>, current: Record<string, unknown> | undefined): string {
  const merged = { ...current, ...write.values } as Record<string, unknown>;
  return write.table === 'cases' ? String(merged.title ?? '') : [valueText(merged.date), String(merged.text ?? '')].filter((t) => t !== '').join(' ');
}

interface Outcome {
  preview: TablePreview;
  /** Writes what the preview says, in one transaction, taken into `recorder`; called only when it lists no problem. */
  apply: (recorder: WriteRecorder) => void;
}

function emptyPreview(files: number, problems: ImportProblem[]): TablePreview {
  return {
    files,
    sheets: [],
    added: { cases: 0, events: 0 },
    changed: { cases: 0, events: 0 },
    unchanged: { cases: 0, events: 0 },
    missing: { cases: 0, events: 0 },
    additions: [],
    removals: [],
    fieldChanges: [],
    problems,
    unrecognised: [],
    council: { sheets: [], added: { schemes: 0, trackRecords: 0, members: 0 }, unchanged: { schemes: 0, trackRecords: 0 } },
  };
}

/**
 * The records a flat file would hold were they not deleted in Excel: its cases' countries' other cases (when it has a
 * cases sheet) and its cases' other events (when it has an events sheet). A file exported for an audience leaves out
 * what is narrower, so only records as wide as the narrowest scope among its rows count: a record the file could not
 * have held is never taken for deleted.
 */
function missingRecords(store: Store, sheets: SheetOfFile[], planned: PlannedWrite[]): PlannedWrite[] {
  const merged = planned.map(({ write, current }) => ({ table: write.table, id: write.id, record: { ...current, ...write.values } as Record<string, unknown> }));
  // A loop, not Math.min(...): a portfolio's 200,000 rows are more arguments than a call takes.
  let narrowest: number = SCOPES.length;
  for (const { record } of merged) {
    const scope = SCOPES.indexOf(record.scope as Scope);
    if (scope >= 0 && scope < narrowest) narrowest = scope;
  }
  if (narrowest === SCOPES.length) return [];
  const audience = SCOPES[narrowest];
  const inFile = new Set(merged.map(({ table, id }) => `${table} ${id}`));
  const missing: PlannedWrite[] = [];
  const missingCase = new Set<string>();
  const fileCases = merged.filter((r) => r.table === 'cases');
  if (sheets.some((s) => s.kind === 'cases')) {
    const countries = [...new Set(fileCases.flatMap(({ record }) => (record.countries as string[] | undefined) ?? []))];
    const regions = [
      ...new Set(fileCases.filter(({ record }) => ((record.countries as string[] | undefined) ?? []).length === 0).map(({ record }) => String(record.region ?? ''))),
    ];
    const found = statement(
      store.db,
      `SELECT DISTINCT c.id, c.scope FROM cases c LEFT JOIN case_countries cc ON cc.caseId = c.id
       WHERE c.deleted = 0 AND (cc.iso2 IN (SELECT value FROM json_each(?)) OR (cc.iso2 IS NULL AND c.region IN (SELECT value FROM json_each(?))))`,
    ).all(JSON.stringify(countries), JSON.stringify(regions)) as { id: string; scope: Scope }[];
    for (const { id, scope } of found) {
      if (inFile.has(`cases ${id}`) || !isVisibleTo(scope, audience)) continue;
      missingCase.add(id);
      missing.push({ write: { table: 'cases', id, values: { deleted: true } }, current: readRow(store, 'cases', id) });
    }
  }
  const hasEvents = sheets.some((s) => s.kind === 'events');
  const namedCases = [...new Set([...merged.filter((r) => r.table === 'events').map(({ record }) => String(record.caseId)), ...fileCases.map(({ id }) => id), ...missingCase])];
  if (hasEvents || missingCase.size > 0) {
    const found = statement(store.db, 'SELECT id, caseId, scope FROM events WHERE deleted = 0 AND caseId IN (SELECT value FROM json_each(?))').all(JSON.stringify(namedCases)) as {
      id: string;
      caseId: string;
      scope: Scope;
    }[];
    for (const { id, caseId, scope } of found) {
      // The events of a deleted case go with it; those of a case still in the file only when the file has events.
      const gone = missingCase.has(caseId) || (hasEvents && !inFile.has(`events ${id}`) && isVisibleTo(scope, audience));
      if (gone) missing.push({ write: { table: 'events', id, values: { deleted: true } }, current: readRow(store, 'events', id) });
    }
  }
  return missing;
}

/** The flat sheets compared with the store, record by record and field by field. */
function compareFlat(
  store: Store,
  files: number,
  sheets: SheetOfFile[],
  fileProblems: ImportProblem[],
  options: { deleteMissing: boolean; acceptUnreadDates: boolean },
  progress: Progress,
): Outcome {
  const { planned, problems } = plannedWrites(store, sheets, options.acceptUnreadDates, progress);
  const preview = emptyPreview(files, [...fileProblems, ...problems]);
  preview.sheets = sheets.map((s) => ({ file: s.file, sheet: s.sheet, kind: s.kind, rows: s.rows.length }));
  const writes: RowWrite[] = [];
  for (const { write, current } of planned) {
    const record: TableRecordPreview = { table: write.table, id: write.id, label: labelOf(write, current) };
    if (!current) {
      preview.added[write.table]++;
      if (preview.additions.length < PREVIEW_LIMIT) preview.additions.push(record);
      writes.push(write);
      continue;
    }
    const changed = Object.entries(write.values).filter(([field, value]) => !sameFieldValue(current[field], value));
    if (changed.length === 0) {
      preview.unchanged[write.table]++;
      continue;
    }
    preview.changed[write.table]++;
    for (const [field, value] of changed) {
      if (preview.fieldChanges.length < PREVIEW_LIMIT)
        preview.fieldChanges.push({ ...record, field, before: valueText(current[field]), after: valueText(value) } satisfies TableFieldPreview);
    }
    writes.push({ ...write, values: Object.fromEntries(changed) });
  }
  for (const { write, current } of missingRecords(store, sheets, planned)) {
    preview.missing[write.table]++;
    if (preview.removals.length < PREVIEW_LIMIT) preview.removals.push({ table: write.table, id: write.id, label: labelOf(write, current) });
    if (options.deleteMissing) writes.push(write);
  }
  return { preview, apply: (recorder) => writeInSteps(store, writes, recorder, progress) };
}

/** The writes in one transaction, a step at a time so that the user sees them go. */
function writeInSteps(store: Store, writes: RowWrite[], recorder: WriteRecorder, progress: Progress): void {
  inTransaction(store, () => {
    for (let i = 0; i < writes.length; i += PROGRESS_STEP) {
      progress({ stage: 'writing', done: i, total: writes.length });
      recorder.add(writeRows(store, writes.slice(i, i + PROGRESS_STEP)));
    }
    progress({ stage: 'writing', done: writes.length, total: writes.length });
  });
}

/** A problem of a 別表 sheet's cell, or of the karte JSON read from it (its case by the row it came from). */
function dossierProblems(sheet: DossierSheetOfFile): ImportProblem[] {
  return sheet.problems.map((p) => ({
    file: sheet.file,
    where: '',
    cell: { sheet: sheet.sheet, row: p.row, column: p.column },
    code: p.code,
    params: p.params,
    message: `${sheet.sheet} row ${p.row} ${p.column}: ${p.message}`,
  }));
}

/** The 別表 sheets imported as karte JSON tables: what importing them would add, told by importing without writing. */
function compareDossiers(store: Store, files: number, sheets: DossierSheetOfFile[], fileProblems: ImportProblem[]): Outcome {
  const problems = [...fileProblems, ...sheets.flatMap(dossierProblems)];
  const parsed: ParsedFile[] = [];
  for (const sheet of sheets) {
    try {
      parsed.push(checkedKarteFile(`${sheet.file} › ${sheet.sheet}`, sheet.table));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(
        ...error.problems.map((p) => {
          const index = Number(p.where.match(/^cases\[(\d+)\]/)?.[1] ?? NaN);
          return { ...p, file: sheet.file, cell: Number.isNaN(index) ? undefined : { sheet: sheet.sheet, row: sheet.rows[index], column: '' } };
        }),
      );
    }
  }
  const preview = emptyPreview(files, problems);
  preview.sheets = sheets.map((s) => ({ file: s.file, sheet: s.sheet, kind: 'dossier' as const, rows: s.rows.length }));
  if (problems.length === 0) {
    const report = withoutWriting(store, () => writeParsedFiles(store, parsed, new WriteRecorder()));
    preview.added = { cases: report.casesAdded, events: report.eventsAdded };
    preview.unchanged = { cases: report.casesKept, events: report.eventsKept };
  }
  return { preview, apply: (recorder) => writeParsedFiles(store, parsed, recorder) };
}

/**
 * A council sheet's records checked as its JSON file's are; a problem of a record is put at its row, and at the column
 * of its field by the sheet's heading.
 */
function checkedCouncilSheet(sheet: CouncilSheetOfFile): ParsedCouncilFile {
  try {
    return checkedCouncilFile(`${sheet.file} › ${sheet.sheet}`, sheet.kind, sheet.json);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    throw new ImportError(
      error.problems.map((p) => {
        const at = p.where.match(/^(?:schemes|records)\[(\d+)\]\.(\w+)/);
        if (!at) return { ...p, file: sheet.file, message: `${sheet.sheet}: ${p.message}` };
        const row = sheet.rows[Number(at[1])];
        const column = sheet.columns.find((c) => c.field === at[2])?.heading ?? at[2];
        // A sheet is written in words, not codes: the screen names the scheme types it may take by their labels.
        const params = sheet.kind === 'schemes' && at[2] === 'type' ? { ...p.params, vocabulary: 'schemeType' } : p.params;
        return { ...p, params, file: sheet.file, where: '', cell: { sheet: sheet.sheet, row, column }, message: `${sheet.sheet} row ${row} ${column}: ${p.message}` };
      }),
    );
  }
}

/**
 * The outcome of the karte sheets with the council's sheets beside them: the preview says what these would add (told
 * by writing them and taking it back), and the import writes both in one transaction, or neither.
 */
function withCouncil(store: Store, outcome: Outcome, sheets: CouncilSheetOfFile[]): Outcome {
  const { preview } = outcome;
  const parsed: ParsedCouncilFile[] = [];
  for (const sheet of sheets) {
    try {
      parsed.push(checkedCouncilSheet(sheet));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      preview.problems.push(...error.problems);
    }
  }
  preview.council.sheets = sheets.map((s) => ({ file: s.file, sheet: s.sheet, kind: s.kind, rows: s.rows.length }));
  if (parsed.length === 0) return outcome;
  const write = (recorder: WriteRecorder) => writeJsonFiles(store, { karte: [], council: parsed }, recorder);
  if (preview.problems.length === 0) {
    const report = withoutWriting(store, () => write(new WriteRecorder()));
    preview.council.added = { schemes: report.schemesAdded, trackRecords: report.trackRecordsAdded, members: report.membersAdded };
    preview.council.unchanged = { schemes: report.schemesKept, trackRecords: report.trackRecordsKept };
  }
  return {
    preview,
    apply: (recorder) =>
      inTransaction(store, () => {
        outcome.apply(recorder);
        write(recorder);
      }),
  };
}

interface ReadOptions {
  acceptUnreadDates: boolean;
  mappings: ColumnMapping[];
}

/**
 * Reads the files and compares what they hold with the store; writes nothing but a mapping given, which is kept for
 * files of the same shape.
 */
async function compare(store: Store, files: TableFile[], { acceptUnreadDates = false, mapping, deleteMissing = false }: TableImportOptions, progress: Progress): Promise<Outcome> {
  if (mapping) remember(store, mapping);
  const options = { acceptUnreadDates, mappings: rememberedMappings(store) };
  const read: SheetsOfFile[] = [];
  for (const file of files) {
    progress({ stage: 'reading', done: read.length, total: files.length });
    read.push(await sheetsOf(file, options));
  }
  const problems = read.flatMap((r) => r.problems);
  const flat = read.flatMap((r) => r.flat);
  const dossiers = read.flatMap((r) => r.dossiers);
  const karte =
    flat.length > 0 ? compareFlat(store, files.length, flat, problems, { deleteMissing, acceptUnreadDates }, progress) : compareDossiers(store, files.length, dossiers, problems);
  const outcome = withCouncil(
    store,
    karte,
    read.flatMap((r) => r.council),
  );
  outcome.preview.unrecognised = read.flatMap((r) => r.unrecognised);
  return outcome;
}

export interface TableImportOptions {
  /** Keep an event whose date reads as none (2019年度末ごろ) with that text as its date, of no known time (in a 別表 or a flat sheet). */
  acceptUnreadDates?: boolean;
  /** What the columns of a sheet whose headings were not recognised hold: used, and kept for files of its shape. */
  mapping?: ColumnMapping;
  /** Delete the records of the flat sheets' cases and countries that the file no longer holds (rows deleted in Excel). */
  deleteMissing?: boolean;
}

/** What importing the files would add and change, and their problems; nothing is written. */
export async function previewTables(store: Store, files: TableFile[], options: TableImportOptions = {}, progress: Progress = () => {}): Promise<TablePreview> {
  return (await compare(store, files, options, progress)).preview;
}

/**
 * Imports the files in one transaction: every addition and change of the preview, or nothing when it lists a
 * problem (an ImportError naming the sheet, row and column of each).
 */
export async function importTables(
  store: Store,
  files: TableFile[],
  options: TableImportOptions = {},
  progress: Progress = () => {},
): Promise<{ preview: TablePreview; written: Written }> {
  const { preview, apply } = await compare(store, files, options, progress);
  if (preview.problems.length > 0) throw new ImportError(preview.problems);
  const recorder = new WriteRecorder();
  apply(recorder);
  return { preview, written: recorder.written() };
}
