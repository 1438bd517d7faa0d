import fs from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { CASE_SHEET, DOSSIER_SHEET_HEADINGS, dossierSheetTitle, EVENT_SHEET, eventLines, phaseColumn, sheetName } from '../../../shared/excel/sheet-layout';
import { KarteError } from '../../../shared/errors';
import { SCOPE_MARKINGS } from '../../../shared/labels';
import type { Case } from '../../../shared/model/case';
import type { StageEvent } from '../../../shared/model/stage-event';
import { PHASES } from '../../../shared/phases';
import { countryByIso2 } from '../../../shared/reference/countries';
import { sectorName } from '../../../shared/reference/sectors';
import { effectiveScope, isVisibleTo, type Scope } from '../../../shared/scopes';
import { timelinesOf } from '../cases';
import { statement } from '../store/database';
import type { Store } from '../store/store';
import { columnsOf, decodeRow } from '../store/tables';
import { writeWorkbook, type CellValue, type SheetSpec } from './workbook';

// Export of dossiers as Excel: one sheet per country in the 別表 layout, then the flat sheets of cases and events
// whose ids an import recognises. Scoped as packs are: with an audience, what is narrower is left out.

export interface WorkbookChoice {
  /** The countries (ISO2) whose dossiers go in; every country with cases when not given. */
  countries?: readonly string[];
  /** Who reads it: what is narrower is left out. The default is everything this store holds, marked internal. */
  audience?: Scope;
}

interface CaseWithEvents {
  case: Case;
  events: StageEvent[];
}

/** The countries chosen, in capitals; undefined for all of them (none chosen). */
function chosenCountries({ countries }: WorkbookChoice): string[] | undefined {
  return countries === undefined || countries.length === 0 ? undefined : countries.map((c) => c.toUpperCase());
}

/** The chosen countries each checked against the reference data. */
function checkedCountries(choice: WorkbookChoice): string[] | undefined {
  const codes = chosenCountries(choice);
  for (const code of codes ?? []) {
    if (!countryByIso2(code)) throw new KarteError('unknown_country', `unknown country code '${code}'`, { params: { country: code } });
  }
  return codes;
}

/** What of a case's events the audience may see (all without one). */
function visibleEvents(c: Case, events: readonly StageEvent[], audience: Scope | undefined): StageEvent[] {
  return events.filter((e) => audience === undefined || isVisibleTo(effectiveScope(e.scope, c.scope), audience));
}

/** Cases read at a time: a whole portfolio's events in memory at once would be a few hundred MB. */
const BATCH = 500;

/**
 * The cases (each with its events) the choice takes, in the 別表's order (by sector, then title), read a batch at a
 * time: only the ids of all of them are held.
 */
function* chosenCases(store: Store, choice: WorkbookChoice, { withEvents }: { withEvents: boolean }): Generator<CaseWithEvents> {
  const codes = checkedCountries(choice);
  const ids = (
    codes === undefined
      ? statement(store.db, 'SELECT id FROM cases WHERE deleted = 0 ORDER BY sector, title, id').pluck().all()
      : statement(
          store.db,
          'SELECT id FROM cases WHERE deleted = 0 AND id IN (SELECT caseId FROM case_countries WHERE iso2 IN (SELECT value FROM json_each(?))) ORDER BY sector, title, id',
        )
          .pluck()
          .all(JSON.stringify(codes))
  ) as string[];
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const json = JSON.stringify(batch);
    const rows = statement(store.db, `SELECT ${columnsOf('cases')} FROM cases WHERE id IN (SELECT value FROM json_each(?))`).all(json) as Record<string, unknown>[];
    const cases = new Map(rows.map((raw) => [raw.id as string, decodeRow('cases', raw)]));
    const events = withEvents
      ? timelinesOf(
          statement(store.db, `SELECT ${columnsOf('events')} FROM events WHERE deleted = 0 AND caseId IN (SELECT value FROM json_each(?))`).all(json) as Record<string, unknown>[],
          batch,
        )
      : new Map<string, StageEvent[]>();
    for (const id of batch) {
      const c = cases.get(id);
      if (c && (choice.audience === undefined || isVisibleTo(c.scope, choice.audience))) yield { case: c, events: visibleEvents(c, events.get(id) ?? [], choice.audience) };
    }
  }
}

/** The countries whose 別表 sheets go in, by their Japanese names: those chosen, or every one with cases. */
function sheetCountries(store: Store, choice: WorkbookChoice): string[] {
  const codes =
    checkedCountries(choice) ??
    (statement(store.db, 'SELECT DISTINCT cc.iso2 FROM case_countries cc JOIN cases c ON c.id = cc.caseId WHERE c.deleted = 0').pluck().all() as string[]);
  return codes.sort((a, b) => (countryByIso2(a)?.ja ?? a).localeCompare(countryByIso2(b)?.ja ?? b, 'ja'));
}

function sectorOf(c: Case): string {
  return sectorName(c.sector, c.sectorLabel, 'ja');
}

/** One case as a row of the 別表: 分野, 概要, each phase's events, 今後の方針. */
function dossierRow({ case: c, events }: CaseWithEvents): CellValue[] {
  const row: CellValue[] = [sectorOf(c), c.summary, ...PHASES.map(() => ''), c.futurePolicy];
  for (const phase of PHASES) {
    const lines = events.filter((e) => e.phase === phase).map((e) => ({ dateText: e.date.text, text: e.text }));
    if (lines.length > 0) row[phaseColumn(phase)] = eventLines(lines);
  }
  return row;
}

const DOSSIER_WIDTHS = [14, 36, 30, 30, 30, 30, 30, 36];

function caseRow(c: Case): string[] {
  const values: Record<(typeof CASE_SHEET.columns)[number]['field'], string> = {
    id: c.id,
    title: c.title,
    countries: c.countries.join(', '),
    region: c.region,
    sectorLabel: sectorOf(c),
    summary: c.summary,
    futurePolicy: c.futurePolicy,
    status: c.status,
    scope: c.scope,
  };
  return CASE_SHEET.columns.map((column) => values[column.field]);
}

function eventRow(c: Case, e: StageEvent): string[] {
  const values: Record<(typeof EVENT_SHEET.columns)[number]['field'], string> = {
    id: e.id,
    caseId: c.id,
    caseTitle: c.title,
    countries: c.countries.join(', '),
    sectorLabel: sectorOf(c),
    phase: e.phase,
    date: e.date.text,
    text: e.text,
    organisation: e.organisation,
    scope: e.scope,
  };
  return EVENT_SHEET.columns.map((column) => values[column.field]);
}

/** The sheets of a choice, each read as it is written: a 別表 sheet per country, then the flat sheets. */
function* workbookSheets(store: Store, choice: WorkbookChoice, counts: ExportCounts): Generator<SheetSpec> {
  const marking = SCOPE_MARKINGS[choice.audience ?? 'internal'].ja;
  const taken = new Set<string>([CASE_SHEET.name, EVENT_SHEET.name]);
  for (const code of sheetCountries(store, choice)) {
    const name = countryByIso2(code)?.ja ?? code;
    const cases = [...chosenCases(store, { ...choice, countries: [code] }, { withEvents: true })];
    counts.countries++;
    yield {
      name: sheetName(name, taken),
      title: dossierSheetTitle(name),
      columns: DOSSIER_SHEET_HEADINGS.map((heading, i) => ({ heading, width: DOSSIER_WIDTHS[i] })),
      rows: cases.map(dossierRow),
      landscape: true,
      marking,
      frozenColumns: 1,
    };
  }
  yield {
    name: CASE_SHEET.name,
    columns: CASE_SHEET.columns,
    rows: (function* () {
      for (const { case: c } of chosenCases(store, choice, { withEvents: false })) {
        counts.cases++;
        yield caseRow(c);
      }
    })(),
    landscape: true,
    marking,
    frozenColumns: 2,
  };
  yield {
    name: EVENT_SHEET.name,
    columns: EVENT_SHEET.columns,
    rows: (function* () {
      for (const { case: c, events } of chosenCases(store, choice, { withEvents: true })) {
        for (const e of events) {
          counts.events++;
          yield eventRow(c, e);
        }
      }
    })(),
    landscape: true,
    marking,
    frozenColumns: 3,
  };
}

/** What an export wrote. */
export interface ExportCounts {
  countries: number;
  cases: number;
  events: number;
}

/** Writes the chosen dossiers as an .xlsx to `out`, a sheet and a row at a time. */
export async function exportWorkbook(store: Store, choice: WorkbookChoice, out: Writable): Promise<ExportCounts> {
  const counts: ExportCounts = { countries: 0, cases: 0, events: 0 };
  await writeWorkbook(out, workbookSheets(store, choice, counts));
  return counts;
}

/**
 * One flat sheet as CSV, in UTF-8 with a byte order mark: Japanese Excel opens it as UTF-8 only with the mark.
 */
export function exportCsv(store: Store, what: 'cases' | 'events', choice: WorkbookChoice): string {
  const sheet = what === 'cases' ? CASE_SHEET : EVENT_SHEET;
  const rows: string[][] = [];
  for (const { case: c, events } of chosenCases(store, choice, { withEvents: what === 'events' })) {
    if (what === 'cases') rows.push(caseRow(c));
    else for (const e of events) rows.push(eventRow(c, e));
  }
  return `\uFEFF${stringify([sheet.columns.map((c) => c.heading), ...rows], { record_delimiter: '\r\n' })}`;
}

/** What `write` writes, as bytes to hand to a caller that saves them. */
async function bytesOf(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

/** What `write` writes, into `file`: resolves once the file is complete on disk. */
async function fileOf(file: string, write: (out: Writable) => Promise<unknown>): Promise<void> {
  const out = fs.createWriteStream(file);
  await write(out);
  await finished(out);
}

/** The chosen dossiers as .xlsx bytes. */
export function workbookBytes(store: Store, choice: WorkbookChoice): Promise<Buffer> {
  return bytesOf((out) => exportWorkbook(store, choice, out));
}

/** The chosen dossiers as an .xlsx file, written a row at a time: the export never holds the workbook whole. */
export function writeWorkbookFile(store: Store, choice: WorkbookChoice, file: string): Promise<void> {
  return fileOf(file, (out) => exportWorkbook(store, choice, out));
}

/**
 * A table as a screen shows it (its first row the headings) as an .xlsx of one sheet: the analytics' figures, for a
 * report. Each column as wide as its longest text, within reason.
 */
export function writeTableFile(name: string, rows: readonly string[][], file: string): Promise<void> {
  const [headings, ...body] = rows;
  const width = (c: number) => Math.min(60, Math.max(8, ...rows.map((row) => [...(row[c] ?? '')].length * 1.6)));
  return fileOf(file, (out) =>
    writeWorkbook(out, [
      {
        name: sheetName(name, new Set()),
        columns: headings.map((heading, c) => ({ heading, width: width(c) })),
        rows: body,
        landscape: true,
        marking: SCOPE_MARKINGS.internal.ja,
        frozenColumns: 1,
      },
    ]),
  );
}

/** A file name that says what the file holds: karte-VN-LA.xlsx, karte-all-events.csv. */
export function workbookFileName(choice: WorkbookChoice, extension: 'xlsx' | 'csv', what?: 'cases' | 'events'): string {
  const chosen = chosenCountries(choice);
  const countries = chosen === undefined ? 'all' : chosen.length > 8 ? `${chosen.length}-countries` : chosen.join('-');
  return `${['karte', countries, what, choice.audience].filter((part) => part !== undefined).join('-')}.${extension}`;
}
