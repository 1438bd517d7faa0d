import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importTables, previewTables, type TableFile } from '../../electron/services/excel/import-tables';
import { importCouncilFiles } from '../../electron/services/import/council-import';
import { ImportError } from '../../electron/services/import/karte-import';
import type { Store } from '../../electron/services/store/store';
import { decodeRow } from '../../electron/services/store/tables';
import type { ImportProblem } from '../../shared/errors';
import { countryByIso2 } from '../../shared/reference/countries';
import { karte } from '../support/cli';
import { DEMO_DIR, fixture, useTempDir } from '../support/temp';

// The council's two files as tables (issue 15, item 6): support schemes as a CSV file with a desk officer's
// headings, track records as a workbook, read as the JSON files are and written by the same writer, so that a sheet
// and a JSON file of the same records add nothing to each other; a bad cell refuses everything, by file, sheet, row
// and heading.

const SCHEMES_JSON = path.join(DEMO_DIR, 'council', 'support-schemes.json');
const TRACK_RECORDS_JSON = path.join(DEMO_DIR, 'council', 'track-records.json');
const SCHEMES_CSV = fixture('council/support-schemes.csv');

interface TrackRecordJson {
  company: string;
  ward: string;
  project: string;
  country_iso2: string;
  place: string;
  category: string;
}

const demoTrackRecords = (): TrackRecordJson[] => (JSON.parse(fs.readFileSync(TRACK_RECORDS_JSON, 'utf8')) as { records: TrackRecordJson[] }).records;

/** The demo's track records as a desk officer's workbook: Japanese headings, each country by its Japanese name. */
async function trackRecordsWorkbook(records = demoTrackRecords(), sheetName = '海外展開実績'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(['企業名', '区', '案件名', '国', '場所', '区分']);
  for (const r of records) sheet.addRow([r.company, r.ward, r.project, countryByIso2(r.country_iso2)?.ja ?? r.country_iso2, r.place, r.category]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const schemesCsv = (): TableFile => ({ name: 'support-schemes.csv', bytes: fs.readFileSync(SCHEMES_CSV) });

/** Everything the council's records touch, to compare before and after an import. */
function councilSnapshot(store: Store) {
  const tables = ['schemes', 'track_records', 'organisations', 'changes'];
  return Object.fromEntries(tables.map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]));
}

function rows<T extends 'schemes' | 'track_records' | 'organisations'>(store: Store, table: T) {
  return (store.db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).map((raw) => decodeRow(table, raw));
}

/** The problems an import was refused for. */
async function problemsOf(work: Promise<unknown>): Promise<ImportProblem[]> {
  const error = await work.then(
    () => expect.unreachable(),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).problems;
}

describe('council sheets (support schemes, track records as CSV and .xlsx)', () => {
  const temp = useTempDir();

  it('imports the 12 demo schemes from a CSV file with Japanese headings (UTF-8 with BOM), then again adds nothing', async () => {
    const store = temp.store();
    const preview = await previewTables(store, [schemesCsv()]);
    expect(preview.problems).toEqual([]);
    expect(preview.council).toEqual({
      sheets: [{ file: 'support-schemes.csv', sheet: 'support-schemes', kind: 'schemes', rows: 12 }],
      added: { schemes: 12, trackRecords: 0, members: 0 },
      unchanged: { schemes: 0, trackRecords: 0 },
    });
    expect(rows(store, 'schemes')).toHaveLength(0);

    const { preview: imported } = await importTables(store, [schemesCsv()]);
    expect(imported.council.added.schemes).toBe(12);
    // Each scheme as the JSON file's gives it, but for its source: the sheet names the documents the file numbers.
    const fromJson = temp.store('json.sqlite');
    importCouncilFiles(fromJson, [SCHEMES_JSON]);
    const fields = ({ id: _id, source: _source, ...scheme }: Record<string, unknown>) => scheme;
    expect(rows(store, 'schemes').map(fields)).toEqual(rows(fromJson, 'schemes').map(fields));
    expect(rows(store, 'schemes').find((s) => s.name === 'JCM設備補助事業')?.source).toBe('環境省 JPRSI/JCM; 横浜市 Y-PORT');

    const before = councilSnapshot(store);
    const { preview: again, written } = await importTables(store, [schemesCsv()]);
    expect(again.council).toMatchObject({ added: { schemes: 0 }, unchanged: { schemes: 12 } });
    expect(written).toEqual({ step: [], tables: [] });
    expect(councilSnapshot(store)).toEqual(before);
  });

  it('imports the track records from a workbook: 9 records, 8 member companies, linked to the schemes they name', async () => {
    const store = temp.store();
    await importTables(store, [schemesCsv()]);
    const { preview } = await importTables(store, [{ name: 'track-records.xlsx', bytes: await trackRecordsWorkbook() }]);
    expect(preview.council.sheets).toEqual([{ file: 'track-records.xlsx', sheet: '海外展開実績', kind: 'trackRecords', rows: 9 }]);
    expect(preview.council.added).toEqual({ schemes: 0, trackRecords: 9, members: 8 });
    expect(rows(store, 'track_records')).toHaveLength(9);
    expect(rows(store, 'organisations')).toHaveLength(8);
    const water = rows(store, 'organisations').find((o) => o.nameJa === '横浜ウォーター株式会社')!;
    expect(water).toMatchObject({ location: '横浜市中区', councilMember: true });
    const jcm = rows(store, 'schemes').find((s) => s.name === 'JCM設備補助事業')!;
    expect(rows(store, 'track_records').find((r) => r.organisationId === water.id)).toMatchObject({ country: 'VN', place: 'ダナン', schemeId: jcm.id });
  });

  it('adds nothing to what the JSON files brought, nor they to what the sheets brought', async () => {
    const sheets = async (): Promise<TableFile[]> => [schemesCsv(), { name: 'track-records.xlsx', bytes: await trackRecordsWorkbook() }];

    const fromJson = temp.store('json-first.sqlite');
    importCouncilFiles(fromJson, [SCHEMES_JSON, TRACK_RECORDS_JSON]);
    const before = councilSnapshot(fromJson);
    const { preview } = await importTables(fromJson, await sheets());
    expect(preview.council.added).toEqual({ schemes: 0, trackRecords: 0, members: 0 });
    expect(preview.council.unchanged).toEqual({ schemes: 12, trackRecords: 9 });
    expect(councilSnapshot(fromJson)).toEqual(before);

    const fromSheets = temp.store('sheets-first.sqlite');
    await importTables(fromSheets, await sheets());
    const afterSheets = councilSnapshot(fromSheets);
    expect(importCouncilFiles(fromSheets, [SCHEMES_JSON, TRACK_RECORDS_JSON])).toMatchObject({ schemesAdded: 0, trackRecordsAdded: 0, membersAdded: 0 });
    expect(councilSnapshot(fromSheets)).toEqual(afterSheets);
  });

  it('refuses the whole import for a scheme type it does not know, naming the file, sheet, row and heading', async () => {
    const store = temp.store();
    const text = fs.readFileSync(SCHEMES_CSV, 'utf8');
    // The third scheme (row 4 under the headings) given a type no scheme has.
    const bad = text.replace('デジタル海外展開プラットフォーム,総務省,ネットワーク・マッチング,', 'デジタル海外展開プラットフォーム,総務省,寄付,');
    expect(bad).not.toBe(text);
    const files = [{ name: 'schemes-bad.csv', bytes: Buffer.from(bad) }];
    const problems = await problemsOf(importTables(store, files));
    expect(problems).toEqual([expect.objectContaining({ file: 'schemes-bad.csv', where: '', cell: { sheet: 'schemes-bad', row: 4, column: '種類' } })]);
    expect(problems[0].message).toMatch(/^schemes-bad row 4 種類: /);
    expect(rows(store, 'schemes')).toHaveLength(0);
    // The preview names the same problem and says nothing would be added.
    const preview = await previewTables(store, files);
    expect(preview.problems).toEqual(problems);
    expect(preview.council.added.schemes).toBe(0);
  });

  it('refuses a workbook whose track record names no country Karte knows, writing not even its good sheet', async () => {
    const store = temp.store();
    const records = demoTrackRecords();
    records[4] = { ...records[4], country_iso2: 'ナルニア' };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await trackRecordsWorkbook(records)) as unknown as ExcelJS.Buffer);
    // A good sheet of schemes beside it, in the field names of the JSON file.
    const schemes = book.addWorksheet('支援ツール');
    schemes.addRow(['name', 'owner', 'type', 'stages']);
    schemes.addRow(['テスト支援事業', '総務省', 'grant', '案件形成; 事業化']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const before = councilSnapshot(store);
    const problems = await problemsOf(importTables(store, [{ name: 'council.xlsx', bytes }]));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'council.xlsx', code: 'unknown_country', cell: { sheet: '海外展開実績', row: 6, column: '国' }, params: { code: 'ナルニア' } }),
    ]);
    expect(councilSnapshot(store)).toEqual(before);

    records[4] = demoTrackRecords()[4];
    const good = new ExcelJS.Workbook();
    await good.xlsx.load((await trackRecordsWorkbook(records)) as unknown as ExcelJS.Buffer);
    good.addWorksheet('支援ツール').addRows([
      ['name', 'owner', 'type', 'stages'],
      ['テスト支援事業', '総務省', 'grant', '案件形成; 事業化'],
    ]);
    const { preview } = await importTables(store, [{ name: 'council.xlsx', bytes: Buffer.from(await good.xlsx.writeBuffer()) }]);
    expect(preview.council.added).toEqual({ schemes: 1, trackRecords: 9, members: 8 });
    expect(rows(store, 'schemes')[0]).toMatchObject({ type: 'grant', stages: ['案件形成', '事業化'] });
  });

  it('reads the schemes CSV saved in Shift_JIS (CP932), as Japanese Excel saves it', async () => {
    const store = temp.store();
    const text = fs.readFileSync(SCHEMES_CSV, 'utf8').replace(/^\uFEFF/, '');
    const { preview } = await importTables(store, [{ name: 'schemes-sjis.csv', bytes: iconv.encode(text, 'cp932') }]);
    expect(preview.council.added.schemes).toBe(12);
    expect(rows(store, 'schemes').map((s) => s.name)).toContain('株式会社海外通信・放送・郵便事業支援機構（JICT）による出資等');
  });

  it('imports the sheets from the command line, the dry run writing nothing', async () => {
    const db = path.join(temp.dir(), 'cli.sqlite');
    const workbook = path.join(temp.dir(), 'track-records.xlsx');
    fs.writeFileSync(workbook, await trackRecordsWorkbook());
    const dryRun = karte(['--db', db, 'import', SCHEMES_CSV, workbook, '--dry-run']);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain('would import support-schemes.csv › support-schemes (schemes, 12 rows), track-records.xlsx › 海外展開実績 (trackRecords, 9 rows)');
    expect(dryRun.stdout).toContain('council: 12 support schemes added (0 already there), 9 track records added (0 already there), 8 members added');
    expect(dryRun.stdout).not.toContain('cases:');
    const imported = karte(['--db', db, 'import', SCHEMES_CSV, workbook]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('council: 12 support schemes added (0 already there), 9 track records added (0 already there), 8 members added');
    const again = karte(['--db', db, 'import', SCHEMES_CSV, workbook]);
    expect(again.stdout).toContain('council: 0 support schemes added (12 already there), 0 track records added (9 already there), 0 members added');
  });
});
