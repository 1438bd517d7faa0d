import { z } from 'zod';
import { phasesOfStages } from '../../../shared/council/scheme-stages';
import { sectorsOfWords } from '../../../shared/council/sector-words';
import { SCHEME_TYPES } from '../../../shared/model/support-scheme';
import { countryByIso2 } from '../../../shared/reference/countries';
import { sectorsInText } from '../../../shared/reference/sectors';
import type { ImportProblem } from '../../../shared/errors';
import type { ImportProgress, ImportReport } from '../../../shared/views';
import { idFromKey, importNamespace } from '../record-ids';
import { statement } from '../store/database';
import { inTransaction, type Store } from '../store/store';
import { WriteRecorder } from '../undo';
import { checkedKarteFile, createRecords, fileSource, ImportError, issueProblem, jsonOfFile, problem, writeParsedFiles, type ParsedFile } from './karte-import';

// The council's two source files (resources/demo/council) as they are transcribed: support schemes (支援ツール) and
// Yokohama companies' track records abroad (海外展開実績). They are told from karte JSON tables by their shape, read
// and checked whole before anything is written, and imported as karte JSON is: all or nothing, with ids derived from
// the source and the store (importNamespace), so importing them again adds nothing and leaves edited records as
// they are.

const schemesFileSchema = z.object({
  source: z.string().default(''),
  schemes: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        owner: z.string(),
        type: z.enum(SCHEME_TYPES),
        stages: z.array(z.string()),
        sectors: z.array(z.string()),
        /** Eligible countries as written (JCMパートナー国 …). */
        countries: z.string(),
        budget: z.string(),
        terms: z.string(),
        /** The seed documents it was transcribed from, by number (003, 004), named in the file's source. */
        source: z.string(),
      }),
    )
    .max(10_000),
});

const trackRecordsFileSchema = z.object({
  source: z.string().default(''),
  records: z
    .array(
      z.object({
        company: z.string().trim().min(1),
        /** 区: the source is 横浜市's (Y-PORT), so a ward of Yokohama. */
        ward: z.string(),
        project: z.string().trim().min(1),
        country_iso2: z.string(),
        place: z.string(),
        /** The scheme, YUSA or 大企業: how the source groups its table. */
        category: z.string(),
      }),
    )
    .max(10_000),
});

type SchemesFile = z.infer<typeof schemesFileSchema>;
type TrackRecordsFile = z.infer<typeof trackRecordsFileSchema>;

export type ParsedCouncilFile = { name: string; kind: 'schemes'; data: SchemesFile } | { name: string; kind: 'trackRecords'; data: TrackRecordsFile };

/** The council file a JSON value is by its shape, or null for any other (a karte JSON table). */
function councilKind(json: unknown): ParsedCouncilFile['kind'] | null {
  if (typeof json !== 'object' || json === null || 'cases' in json) return null;
  if ('schemes' in json) return 'schemes';
  if ('records' in json) return 'trackRecords';
  return null;
}

/**
 * A council file's content checked as its kind: the JSON file as read, or a sheet of that shape read into it
 * (council-sheet-reading.ts), so that both are refused for the same reasons; problems name the record by its index.
 */
export function checkedCouncilFile(name: string, kind: ParsedCouncilFile['kind'], json: unknown): ParsedCouncilFile {
  if (kind === 'schemes') {
    const result = schemesFileSchema.safeParse(json);
    if (!result.success) throw new ImportError(result.error.issues.map((issue) => issueProblem(name, json, issue)));
    return { name, kind, data: result.data };
  }
  const result = trackRecordsFileSchema.safeParse(json);
  if (!result.success) throw new ImportError(result.error.issues.map((issue) => issueProblem(name, json, issue)));
  const unknownCountries = result.data.records.flatMap((r, i) =>
    countryByIso2(r.country_iso2)
      ? []
      : [problem(name, `records[${i}].country_iso2`, 'unknown_country', `'${r.country_iso2}' is not an ISO 3166-1 country code`, { code: r.country_iso2 })],
  );
  if (unknownCountries.length > 0) throw new ImportError(unknownCountries);
  return { name, kind, data: result.data };
}

/** JSON files to import, each read and checked as what its shape says: a karte JSON table or a council file. */
export interface JsonImport {
  karte: ParsedFile[];
  council: ParsedCouncilFile[];
}

/** Reads and checks every file before any is imported, and reports the problems of all of them at once. */
export function parseJsonFiles(sources: { name: string; read: () => Uint8Array }[]): JsonImport {
  const problems: ImportProblem[] = [];
  const parsed: JsonImport = { karte: [], council: [] };
  for (const source of sources) {
    try {
      const json = jsonOfFile(source.name, source.read());
      const kind = councilKind(json);
      if (kind === null) parsed.karte.push(checkedKarteFile(source.name, json));
      else parsed.council.push(checkedCouncilFile(source.name, kind, json));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ImportError(problems);
  return parsed;
}

/** The seed documents a file's source line names (`003 (環境省 JPRSI/JCM)`), by number. */
function seedNames(fileSource: string): Map<string, string> {
  return new Map([...fileSource.matchAll(/(\d{3}) \(([^()]*)\)/g)].map((m) => [m[1], m[2]]));
}

/** A record's source numbers (`003, 004`) as the documents they stand for; a number the file does not name, as written. */
function sourceText(numbers: string, seeds: Map<string, string>): string {
  return numbers
    .split(/[,、]\s*/)
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => seeds.get(n) ?? n)
    .join('; ');
}

function foldName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

// Schemes and track records come from documents their owners publish: public.
const PUBLISHED = 'public';

function importSchemes(store: Store, namespace: string, file: SchemesFile, report: ImportReport, recorder: WriteRecorder): void {
  const seeds = seedNames(file.source);
  for (const s of file.schemes) {
    const id = idFromKey(namespace, 'council-scheme', foldName(s.name));
    const values = {
      name: s.name.trim(),
      owner: s.owner,
      type: s.type,
      stages: s.stages,
      phases: phasesOfStages(s.stages),
      sectorLabels: s.sectors,
      sectors: sectorsOfWords(s.sectors),
      countriesText: s.countries,
      budget: s.budget,
      terms: s.terms,
      source: sourceText(s.source, seeds),
      scope: PUBLISHED,
    } as const;
    if (createRecords(store, recorder, [{ table: 'schemes', id, values }]).size > 0) report.schemesAdded++;
    else report.schemesKept++;
  }
}

/** The live scheme a track record's category names, by its name as written; none when the category is no scheme (YUSA, 大企業). */
function schemeNamed(store: Store, name: string): string | null {
  const rows = statement(store.db, 'SELECT id, name FROM schemes WHERE deleted = 0 ORDER BY id').all() as { id: string; name: string }[];
  return rows.find((r) => foldName(r.name) === foldName(name))?.id ?? null;
}

/**
 * The member a track record names: an organisation of that name the store holds (entered by hand or synced), else
 * one made once per company. Its ward is Yokohama's, the source being 横浜市's.
 */
function memberOf(store: Store, namespace: string, r: TrackRecordsFile['records'][number], report: ImportReport, recorder: WriteRecorder): string {
  const name = r.company.trim();
  const held = statement(store.db, 'SELECT id FROM organisations WHERE deleted = 0 AND nameJa = ? ORDER BY id LIMIT 1').pluck().get(name) as string | undefined;
  if (held !== undefined) return held;
  const id = idFromKey(namespace, 'council-member', foldName(name));
  const values = {
    nameJa: name,
    type: 'company',
    // The source groups the large companies apart (大企業); of the others it says nothing.
    size: r.category.trim() === '大企業' ? 'large' : 'unknown',
    location: r.ward.trim() === '' ? '横浜市' : `横浜市${r.ward.trim()}`,
    councilMember: true,
    scope: PUBLISHED,
  } as const;
  if (createRecords(store, recorder, [{ table: 'organisations', id, values }]).size > 0) report.membersAdded++;
  return id;
}

function importTrackRecords(store: Store, namespace: string, file: TrackRecordsFile, report: ImportReport, recorder: WriteRecorder): void {
  const seen = new Map<string, number>();
  for (const r of file.records) {
    const organisationId = memberOf(store, namespace, r, report, recorder);
    const key = [foldName(r.company), r.project, r.country_iso2, r.place].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const id = idFromKey(namespace, 'council-track-record', key, String(n));
    const values = {
      organisationId,
      project: r.project.trim(),
      country: r.country_iso2,
      place: r.place,
      schemeId: schemeNamed(store, r.category),
      category: r.category,
      sectors: sectorsInText(r.project),
      scope: PUBLISHED,
    } as const;
    if (createRecords(store, recorder, [{ table: 'track_records', id, values }]).size > 0) report.trackRecordsAdded++;
    else report.trackRecordsKept++;
  }
}

/** Writes council files in the caller's transaction: the schemes first, so track records find the schemes they name. */
function writeCouncilFiles(store: Store, files: ParsedCouncilFile[], report: ImportReport, recorder: WriteRecorder): void {
  const namespace = importNamespace(store);
  for (const file of files) if (file.kind === 'schemes') importSchemes(store, namespace, file.data, report, recorder);
  for (const file of files) if (file.kind === 'trackRecords') importTrackRecords(store, namespace, file.data, report, recorder);
}

/** Imports checked JSON files of both kinds in one transaction, what it wrote taken into `recorder`; the report. */
export function writeJsonFiles(store: Store, files: JsonImport, recorder: WriteRecorder, onProgress?: (p: ImportProgress) => void): ImportReport {
  return inTransaction(store, () => {
    const report = writeParsedFiles(store, files.karte, recorder, onProgress);
    report.files += files.council.length;
    writeCouncilFiles(store, files.council, report, recorder);
    return report;
  });
}

/** Imports JSON files on disk, karte JSON tables and council files alike, all or nothing. */
export function importJsonFiles(store: Store, filePaths: string[], onProgress?: (p: ImportProgress) => void): ImportReport {
  return writeJsonFiles(store, parseJsonFiles(filePaths.map(fileSource)), new WriteRecorder(), onProgress);
}

/**
 * Imports the council's files (support-schemes.json, track-records.json) as they are, all or nothing; importing them
 * again adds nothing. A karte JSON table among them is refused: this is the council's door.
 */
export function importCouncilFiles(store: Store, filePaths: string[]): ImportReport {
  const files = parseJsonFiles(filePaths.map(fileSource));
  if (files.karte.length > 0)
    throw new ImportError(files.karte.map((f) => problem(f.name, '', 'invalid', 'not a council file (support schemes or track records)', { issue: 'council_file' })));
  return writeJsonFiles(store, files, new WriteRecorder());
}
