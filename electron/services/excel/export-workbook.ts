import { PassThrough, type Writable } from 'node:stream';
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

/** The cases (each with its events) the choice takes, in the 別表's order: by sector, then title. */
function chosenCases(store: Store, choice: WorkbookChoice): CaseWithEvents[] {
  const { audience } = choice;
  const codes = chosenCountries(choice);
  for (const code of codes ?? []) {
    if (!countryByIso2(code)) throw new KarteError('unknown_country', `unknown country code '${code}'`, { params: { country: code } });
  }
  const rows = (
    codes === undefined
      ? statement(store.db, `SELECT ${columnsOf('cases')} FROM cases WHERE deleted = 0 ORDER BY sector, title`).all()
      : statement(
          store.db,
          `SELECT ${columnsOf('cases')} FROM cases WHERE deleted = 0 AND id IN (SELECT caseId FROM case_countries WHERE iso2 IN (SELECT value FROM json_each(?))) ORDER BY sector, title`,
        ).all(JSON.stringify(codes))
  ) as Record<string, unknown>[];
  const cases = rows.map((raw) => decodeRow('cases', raw)).filter((c) => audience === undefined || isVisibleTo(c.scope, audience));
  const ids = cases.map((c) => c.id);
  const events = timelinesOf(
    statement(store.db, `SELECT ${columnsOf('events')} FROM events WHERE deleted = 0 AND caseId IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Record<
      string,
      unknown
    >[],
    ids,
  );
  return cases.map((c) => ({
    case: c,
    events: (events.get(c.id) ?? []).filter((e) => audience === undefined || isVisibleTo(effectiveScope(e.scope, c.scope), audience)),
  }));
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

/** The sheets of a choice: a 別表 sheet per country (those chosen, or all with cases), then the flat sheets. */
function* workbookSheets(cases: CaseWithEvents[], choice: WorkbookChoice): Generator<SheetSpec> {
  const marking = SCOPE_MARKINGS[choice.audience ?? 'internal'].ja;
  const byCountry = new Map<string, CaseWithEvents[]>();
  const chosen = chosenCountries(choice);
  for (const code of chosen ?? []) byCountry.set(code, []);
  for (const entry of cases) {
    for (const code of entry.case.countries) {
      if (chosen === undefined && !byCountry.has(code)) byCountry.set(code, []);
      byCountry.get(code)?.push(entry);
    }
  }
  const taken = new Set<string>([CASE_SHEET.name, EVENT_SHEET.name]);
  const countries = [...byCountry.keys()].sort((a, b) => (countryByIso2(a)?.ja ?? a).localeCompare(countryByIso2(b)?.ja ?? b, 'ja'));
  for (const code of countries) {
    const name = countryByIso2(code)?.ja ?? code;
    yield {
      name: sheetName(name, taken),
      title: dossierSheetTitle(name),
      columns: DOSSIER_SHEET_HEADINGS.map((heading, i) => ({ heading, width: DOSSIER_WIDTHS[i] })),
      rows: (byCountry.get(code) ?? []).map(dossierRow),
      landscape: true,
      marking,
      frozenColumns: 1,
    };
  }
  yield { name: CASE_SHEET.name, columns: CASE_SHEET.columns, rows: cases.map((c) => caseRow(c.case)), landscape: true, marking, frozenColumns: 2 };
  yield {
    name: EVENT_SHEET.name,
    columns: EVENT_SHEET.columns,
    rows: (function* () {
      for (const { case: c, events } of cases) for (const e of events) yield eventRow(c, e);
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

/** Writes the chosen dossiers as an .xlsx to `out`. */
export async function exportWorkbook(store: Store, choice: WorkbookChoice, out: Writable): Promise<ExportCounts> {
  const cases = chosenCases(store, choice);
  const sheets = [...workbookSheets(cases, choice)];
  await writeWorkbook(out, sheets);
  return { countries: sheets.length - 2, cases: cases.length, events: cases.reduce((n, c) => n + c.events.length, 0) };
}

/**
 * One flat sheet as CSV, in UTF-8 with a byte order mark: Japanese Excel opens it as UTF-8 only with the mark.
 */
export function exportCsv(store: Store, what: 'cases' | 'events', choice: WorkbookChoice): string {
  const cases = chosenCases(store, choice);
  const sheet = what === 'cases' ? CASE_SHEET : EVENT_SHEET;
  const rows = what === 'cases' ? cases.map((c) => caseRow(c.case)) : cases.flatMap(({ case: c, events }) => events.map((e) => eventRow(c, e)));
  return `\uFEFF${stringify([sheet.columns.map((c) => c.heading), ...rows], { record_delimiter: '\r\n' })}`;
}

/** The chosen dossiers as .xlsx bytes, to hand to a caller that saves them. */
export async function workbookBytes(store: Store, choice: WorkbookChoice): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportWorkbook(store, choice, out);
  return Buffer.concat(chunks);
}

/** A file name that says what the file holds: karte-VN-LA.xlsx, karte-all-events.csv. */
export function workbookFileName(choice: WorkbookChoice, extension: 'xlsx' | 'csv', what?: 'cases' | 'events'): string {
  const chosen = chosenCountries(choice);
  const countries = chosen === undefined ? 'all' : chosen.length > 8 ? `${chosen.length}-countries` : chosen.join('-');
  return `${['karte', countries, what, choice.audience].filter((part) => part !== undefined).join('-')}.${extension}`;
}
