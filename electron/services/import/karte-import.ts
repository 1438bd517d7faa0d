import fs from 'node:fs';
import type { z } from 'zod';
import type { ImportProgress, ImportReport } from '../../../shared/views';
import path from 'node:path';
import { parse as parseJson, type ParseError } from 'jsonc-parser';
import { dateFromSource, type KarteDate } from '../../../shared/dates';
import { formatPath, KarteError, type ImportProblem, type ImportProblemCode } from '../../../shared/errors';
import { isoCodesOf, karteFileSchema, type KarteCase, type KarteFile } from '../../../shared/karte-json';
import { countryByIso2, findCountry } from '../../../shared/reference/countries';
import { sectorOfLabel } from '../../../shared/reference/sectors';
import { dossierIdOfCountry } from '../dossiers';
import { idFromKey, importNamespace } from '../record-ids';
import { inTransaction, writeRows, type RowWrite, type Store } from '../store/store';
import { WriteRecorder } from '../undo';
import { decodeText } from './text-encoding';

// Import of "karte JSON" files (resources/demo/README.md). Every file is read and checked before anything is
// written; then the whole run lands in one transaction, so a bad file or a killed process leaves the store as it
// was. Ids derive from the source and the store (importNamespace), so importing the same file again adds nothing,
// and records a person has since edited or deleted are left as they are; a country's dossier is one for everyone.

/** Files that cannot be imported: every problem names the file, the case and the field (in English, one per line). */
export class ImportError extends KarteError {
  constructor(readonly problems: ImportProblem[]) {
    super('import_failed', problems.map((p) => (p.where === '' ? `${p.file}: ${p.message}` : `${p.file}: ${p.where}: ${p.message}`)).join('\n'), { problems });
    this.name = 'ImportError';
  }
}

export function problem(file: string, where: string, code: ImportProblemCode, message: string, params: ImportProblem['params'] = {}): ImportProblem {
  return { file, where, code, params, message };
}

function fail(file: string, code: ImportProblemCode, message: string, params: ImportProblem['params'] = {}): never {
  throw new ImportError([problem(file, '', code, message, params)]);
}

/** What a file holds at a path of an issue. */
function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), json);
}

/** A zod issue of a file as a problem: an impossible date by its own code, any other with what the screen needs. */
export function issueProblem(file: string, json: unknown, issue: z.core.$ZodIssue): ImportProblem {
  const where = formatPath(issue.path);
  if (issue.code === 'custom' && (issue.params as { problem?: string } | undefined)?.problem === 'impossible_date') {
    return problem(file, where, 'impossible_date', issue.message, { date: String(valueAt(json, issue.path)) });
  }
  const params: ImportProblem['params'] = { issue: issue.code };
  for (const [key, value] of Object.entries(issue)) {
    if (['minimum', 'maximum', 'origin', 'expected', 'format'].includes(key) && (typeof value === 'string' || typeof value === 'number')) params[key] = value;
  }
  if (issue.code === 'invalid_value') params.values = issue.values.map(String).join('、');
  return problem(file, where, 'invalid', issue.message, params);
}

export interface ParsedFile {
  name: string;
  data: KarteFile;
}

/**
 * Where a text that is not JSON goes wrong, as a person finds it in an editor: line and column, from 1. JSON.parse
 * says so in words that differ between engines, often without a position; jsonc-parser, in strict JSON, gives it.
 */
function jsonErrorPlace(text: string): { line: number; column: number } {
  const errors: ParseError[] = [];
  parseJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const offset = errors[0]?.offset ?? text.length;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: [...before[before.length - 1]].length + 1 };
}

/** A file's JSON value, read from its bytes (UTF-8); `name` is how errors refer to it. */
export function jsonOfFile(name: string, bytes: Uint8Array): unknown {
  const text = decodeUtf8(name, bytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPlace(text);
    fail(name, 'not_json', `not valid JSON at line ${line}, column ${column} (${(error as Error).message})`, { line, column });
  }
}

/** Checks a karte JSON value (read from a file, or from a 別表 sheet) against the schema and the reference data. */
export function checkedKarteFile(name: string, json: unknown): ParsedFile {
  const result = karteFileSchema.safeParse(json);
  if (!result.success) throw new ImportError(result.error.issues.map((issue) => issueProblem(name, json, issue)));
  const unknownCountries = result.data.cases.flatMap((c, i) =>
    isoCodesOf(c.country_iso2)
      .filter((code) => !countryByIso2(code))
      .map((code) => problem(name, `cases[${i}].country_iso2`, 'unknown_country', `'${code}' is not an ISO 3166-1 country code`, { code })),
  );
  const problems = [...unknownCountries, ...repeatedCases(name, result.data)];
  if (problems.length > 0) throw new ImportError(problems);
  return { name, data: result.data };
}

/**
 * A case copied twice into one table is a slip, not a second case: imported, it would show twice in the dossier.
 * Cases that share country, sector and summary but differ anywhere else stay separate cases.
 */
function repeatedCases(name: string, file: KarteFile): ImportProblem[] {
  const firstIndex = new Map<string, number>();
  return file.cases.flatMap((c, i) => {
    // The schema's output lists fields in its own order, so equal cases give equal text.
    const key = JSON.stringify(c);
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, i);
      return [];
    }
    return [problem(name, `cases[${i}]`, 'repeated_case', `repeats cases[${first}]: remove one`, { of: first + 1 })];
  });
}

function countriesOf(c: KarteCase): string[] {
  const codes = isoCodesOf(c.country_iso2);
  if (codes.length > 0) return codes;
  // A case may name its country without a code.
  const byName = findCountry(c.country);
  return byName ? [byName.iso2] : [];
}

function caseTitle(c: KarteCase, place: string): string {
  const summary = c.summary.trim();
  const short = summary.length > 40 ? `${summary.slice(0, 40)}…` : summary;
  return [place, c.sector.trim() || '分野未定', short === '' ? '' : `: ${short}`].join(' ').replace(/ :/, ':').trim();
}

/** A key per case that is the same whenever the same table is imported, and unique within it. */
function caseKeys(file: KarteFile): string[] {
  const seen = new Map<string, number>();
  return file.cases.map((c) => {
    const base = [file.title, c.country_iso2, c.country, c.sector, c.summary].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}

function dossierWrite(country: string | null, region: string): RowWrite<'dossiers'> {
  const name = country ? (countryByIso2(country)?.ja ?? country) : region;
  return {
    table: 'dossiers',
    id: country ? dossierIdOfCountry(country) : idFromKey('dossier-region', region),
    values: { country, region: country ? '' : region, title: name },
  };
}

/**
 * What one import run writes into, and what it has worked out once for all its cases: the dossiers it knows are
 * stored (a country's cases come one after another), and each date as written (tables repeat 2021年5月 hundreds of
 * times, and reading one took a thirtieth of an import).
 */
interface ImportRun {
  store: Store;
  namespace: string;
  report: ImportReport;
  recorder: WriteRecorder;
  storedDossiers: Set<string>;
  dates: Map<string, KarteDate>;
}

function eventDate(run: ImportRun, date: string, dateText: string): KarteDate {
  const key = `${date}\u0000${dateText}`;
  let read = run.dates.get(key);
  if (read === undefined) {
    read = dateFromSource(date, dateText);
    run.dates.set(key, read);
  }
  return read;
}

/**
 * Writes the records an import brings, creating each that is not stored yet: a stored one is kept as it is, whatever a
 * person has done to it since. The ids of the records created (a record's changes come together).
 */
export function createRecords(store: Store, recorder: WriteRecorder, writes: readonly RowWrite[]): Set<string> {
  const changes = writeRows(
    store,
    writes.map(({ table, id, values }) => ({ table, id, values, createOnly: true })),
  );
  recorder.add(changes);
  const created = new Set<string>();
  let last = '';
  for (const { rowId } of changes) if (rowId !== last) created.add((last = rowId));
  return created;
}

/** A case's record and its events' records, as an import writes them. */
interface CaseWrites {
  record: RowWrite<'cases'>;
  events: RowWrite<'events'>[];
}

function caseWrites(run: ImportRun, data: KarteFile, c: KarteCase, countries: string[], key: string): CaseWrites {
  const caseId = idFromKey(run.namespace, 'karte-case', key);
  const place = c.country.trim() || countries.map((iso2) => countryByIso2(iso2)?.ja ?? iso2).join('・') || data.region;
  const record: RowWrite<'cases'> = {
    table: 'cases',
    id: caseId,
    values: {
      title: caseTitle(c, place),
      countries,
      region: data.region,
      sector: sectorOfLabel(c.sector),
      sectorLabel: c.sector,
      summary: c.summary,
      // A case whose table records an order (受注・管理) has been won.
      status: c.events.some((e) => e.phase === 'order_management') ? 'won' : 'active',
      futurePolicy: c.future_policy,
      notes: c.notes,
    },
  };
  const events: RowWrite<'events'>[] = [];
  const eventSeen = new Map<string, number>();
  for (const e of c.events) {
    const base = [e.phase, e.date, e.date_text, e.text].join('\u0000');
    const n = eventSeen.get(base) ?? 0;
    eventSeen.set(base, n + 1);
    const id = idFromKey('karte-event', caseId, base, String(n));
    events.push({ table: 'events', id, values: { caseId, phase: e.phase, date: eventDate(run, e.date, e.date_text), text: e.text, source: data.source } });
  }
  return { record, events };
}

/**
 * Cases written together, with their events and the dossiers they are the first of: what is stored of them is looked
 * up at once (looked up case by case, the lookups took a tenth of an import), and progress is told per group.
 */
const CASES_PER_WRITE = 100;

function importFile(run: ImportRun, file: ParsedFile, progress: (caseIndex: number) => void): void {
  const { store, report, recorder, storedDossiers } = run;
  const { data } = file;
  const keys = caseKeys(data);
  for (let start = 0; start < data.cases.length; start += CASES_PER_WRITE) {
    const dossiers: RowWrite[] = [];
    const cases = data.cases.slice(start, start + CASES_PER_WRITE).map((c, i) => {
      const countries = countriesOf(c);
      for (const dossier of countries.length > 0 ? countries.map((iso2) => dossierWrite(iso2, '')) : [dossierWrite(null, data.region)]) {
        if (storedDossiers.has(dossier.id)) continue;
        storedDossiers.add(dossier.id);
        dossiers.push(dossier);
      }
      return caseWrites(run, data, c, countries, keys[start + i]);
    });
    // One write for the group: what is stored already is kept.
    const created = createRecords(store, recorder, [...dossiers, ...cases.flatMap((c) => [c.record, ...c.events])]);
    report.dossiersAdded += dossiers.filter((d) => created.has(d.id)).length;
    for (const { record, events } of cases) {
      if (created.has(record.id)) report.casesAdded++;
      else report.casesKept++;
      const eventsAdded = events.filter((e) => created.has(e.id)).length;
      report.eventsAdded += eventsAdded;
      report.eventsKept += events.length - eventsAdded;
    }
    progress(start + cases.length);
  }
}

/** A file's text; Japanese tables are often saved as Shift_JIS, which must be saved again rather than guessed at. */
function decodeUtf8(name: string, bytes: Uint8Array): string {
  const text = decodeText(bytes, 'utf-8');
  if (text !== null) return text;
  const shiftJis = decodeText(bytes, 'shift_jis') !== null;
  fail(
    name,
    shiftJis ? 'not_utf8_shift_jis' : 'not_utf8',
    `not UTF-8${shiftJis ? ' (it looks like Shift_JIS)' : ''}: save it as UTF-8 (e.g. in Notepad: Save As, Encoding UTF-8) and import it again`,
  );
}

/**
 * Imports karte JSON files, all or nothing: a file that cannot be read or checked stops the run before anything is
 * written, and a failure while writing rolls everything back.
 */
export function importKarteFiles(store: Store, filePaths: string[], onProgress?: (p: ImportProgress) => void): ImportReport {
  return importParsedFiles(store, parseKarteFiles(filePaths.map(fileSource)), onProgress);
}

/** A file on disk as an import reads it: by its name, failing as 'unreadable' when it cannot be read. */
export function fileSource(filePath: string): { name: string; read: () => Uint8Array } {
  const name = path.basename(filePath);
  return {
    name,
    read: () => {
      try {
        return fs.readFileSync(filePath);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        fail(name, 'unreadable', `cannot be read (${reason})`, { reason });
      }
    },
  };
}

/** Reads and checks every file (its bytes) before any is imported, and reports the problems of all of them at once. */
export function parseKarteFiles(sources: { name: string; read: () => Uint8Array }[]): ParsedFile[] {
  const problems: ImportProblem[] = [];
  const files: ParsedFile[] = [];
  for (const source of sources) {
    try {
      files.push(checkedKarteFile(source.name, jsonOfFile(source.name, source.read())));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ImportError(problems);
  return files;
}

/** A report of nothing imported yet, of this many files. */
function emptyImportReport(files: number): ImportReport {
  return {
    files,
    casesAdded: 0,
    casesKept: 0,
    eventsAdded: 0,
    eventsKept: 0,
    dossiersAdded: 0,
    schemesAdded: 0,
    schemesKept: 0,
    trackRecordsAdded: 0,
    trackRecordsKept: 0,
    membersAdded: 0,
  };
}

export function importParsedFiles(store: Store, files: ParsedFile[], onProgress?: (p: ImportProgress) => void): ImportReport {
  return writeParsedFiles(store, files, new WriteRecorder(), onProgress);
}

/** Imports checked files in one transaction, what it wrote taken into `recorder`; the report. */
export function writeParsedFiles(store: Store, files: ParsedFile[], recorder: WriteRecorder, onProgress?: (p: ImportProgress) => void): ImportReport {
  const report = emptyImportReport(files.length);
  inTransaction(store, () => {
    const run: ImportRun = { store, namespace: importNamespace(store), report, recorder, storedDossiers: new Set(), dates: new Map() };
    files.forEach((file, fileIndex) => {
      importFile(run, file, (caseIndex) => onProgress?.({ file: file.name, fileIndex, fileCount: files.length, caseIndex, caseCount: file.data.cases.length }));
    });
  });
  return report;
}
