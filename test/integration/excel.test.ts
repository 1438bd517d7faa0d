import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportCsv, workbookBytes } from '../../electron/services/excel/export-workbook';
import { importTables, previewTables } from '../../electron/services/excel/import-tables';
import { readWorkbook } from '../../electron/services/excel/workbook';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { writeRows, type Store } from '../../electron/services/store/store';
import type { Written } from '../../electron/services/undo';
import { KarteError, type ImportProblem } from '../../shared/errors';
import { isVisibleTo, type Scope } from '../../shared/scopes';
import { karte } from '../support/cli';
import { demoFiles, useTempDir } from '../support/temp';

// Excel in and out (issue 12), through the real store and real .xlsx files: what is exported comes back the same,
// a cell edited in Excel becomes a logged change of that field, a bad cell refuses the whole file.

/** Every case and event of a store, as compared between stores: what the dossier shows of them. */
function contents(store: Store) {
  const cases = store.db.prepare('SELECT id, title, countries, region, sector, sectorLabel, summary, futurePolicy, status, scope FROM cases WHERE deleted = 0 ORDER BY id').all();
  const events = store.db.prepare('SELECT id, caseId, phase, date, text, organisation, scope FROM events WHERE deleted = 0 ORDER BY id').all();
  return { cases, events };
}

function changeCount(store: Store): number {
  return store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
}

async function problemsOf(work: Promise<unknown>): Promise<ImportProblem[]> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof KarteError)) throw new Error(`expected the import to be refused, got ${String(error)}`);
  expect(error.code).toBe('import_failed');
  return error.details.problems ?? [];
}

/** The exported workbook with `edit` applied to it, as Excel would save it. */
async function edited(bytes: Buffer, edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row of a flat sheet whose first column (the id) is `id`. */
/** The changes an import logged, read back from the change log by its undo step. */
function loggedChanges(store: Store, { step }: Written) {
  const inStep = store.db.prepare('SELECT tbl, rowId, field, value FROM changes WHERE hlc = ?');
  return step.flatMap((hlc) => inStep.all(hlc) as { tbl: string; rowId: string; field: string; value: string }[]);
}

function rowOf(sheet: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === id) found = row;
  });
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/** A zip whose central directory says `name` unzips to `size` bytes, as a zip bomb's does. */
function claimedSize(zip: Buffer, name: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  // Central directory headers: signature, then the unzipped size at offset 24 and the name at offset 46.
  for (let at = patched.indexOf(CENTRAL_HEADER); at >= 0; at = patched.indexOf(CENTRAL_HEADER, at + 4)) {
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === name) patched.writeUInt32LE(size, at + 24);
  }
  return patched;
}

describe('Excel export and import', () => {
  const temp = useTempDir();
  const demoStore = (name = 'demo.sqlite') => {
    const store = temp.store(name);
    importKarteFiles(store, demoFiles());
    return store;
  };

  it('brings every case and event back the same into an empty store, every date text character for character', async () => {
    const source = demoStore();
    const bytes = await workbookBytes(source, {});
    const target = temp.store('empty.sqlite');
    const { preview } = await importTables(target, [{ name: 'all.xlsx', bytes }]);
    expect(preview.added).toEqual({ cases: 31, events: 131 });
    expect(preview.problems).toEqual([]);
    expect(contents(target)).toEqual(contents(source));

    // Imported again, into either store, it changes nothing.
    for (const store of [source, target]) {
      const before = changeCount(store);
      const again = await importTables(store, [{ name: 'all.xlsx', bytes }]);
      expect(again.preview.unchanged).toEqual({ cases: 31, events: 131 });
      expect(again.written.step).toEqual([]);
      expect(changeCount(store)).toBe(before);
    }
  });

  it('writes a sheet per country in the 別表 layout, its events one per line with the date in bold', async () => {
    const bytes = await workbookBytes(demoStore(), { countries: ['VN'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['ベトナム', '案件一覧', '経緯一覧']);
    const sheet = workbook.getWorksheet('ベトナム') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('海外展開カルテ – ベトナムにおける現状と今後の展開方針（概要）');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['分野', '概要', '検討', '実務協議等', '覚書・トップセールス等', '調査・実証', '受注・管理', '今後の方針']);
    const postal = sheet.getColumn(2).values.findIndex((v) => typeof v === 'string' && v.includes('区分機'));
    const order = sheet.getRow(postal).getCell(7).value as ExcelJS.CellRichTextValue;
    expect(order.richText[0]).toEqual({ text: '2018年夏', font: { bold: true } });
    expect(order.richText[1].text).toMatch(/^ /);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '2:2' });
    expect(sheet.headerFooter.oddHeader).toContain('組織内');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Only Vietnam's cases are in the flat sheets too.
    const cases = workbook.getWorksheet('案件一覧') as ExcelJS.Worksheet;
    expect(cases.rowCount).toBe(1 + 9);
  });

  it('leaves out of an audience’s workbook the cases and events shared more narrowly', async () => {
    const store = demoStore();
    // The demo data is shared with the council; some of it is narrowed to the government and to the ministry.
    const narrowed = store.db.prepare('SELECT id, caseId FROM events ORDER BY id LIMIT 3').all() as { id: string; caseId: string }[];
    writeRows(store, [
      { table: 'events', id: narrowed[0].id, values: { scope: 'government' } },
      { table: 'events', id: narrowed[1].id, values: { scope: 'internal' } },
      { table: 'cases', id: narrowed[2].caseId, values: { scope: 'government' } },
    ]);
    const bytes = await workbookBytes(store, { audience: 'council' });
    const sheets = await readWorkbook('council.xlsx', bytes);
    const idsOf = (name: string) => new Set((sheets.find((s) => s.name === name)?.rows ?? []).slice(1).map((row) => row[0]));
    const events = idsOf('経緯一覧');
    const held = store.db.prepare('SELECT e.id, e.scope, c.scope AS caseScope FROM events e JOIN cases c ON c.id = e.caseId WHERE e.deleted = 0').all() as {
      id: string;
      scope: Scope;
      caseScope: Scope;
    }[];
    const fit = held.filter((e) => isVisibleTo(e.scope, 'council') && isVisibleTo(e.caseScope, 'council'));
    expect(fit.length).toBeLessThan(held.length - 2);
    expect([...events].sort()).toEqual(fit.map((e) => e.id).sort());
    expect(idsOf('案件一覧').has(narrowed[2].caseId)).toBe(false);
    expect(sheets.find((s) => s.name === '案件一覧')?.rows.length).toBe(31);
  });

  it('makes a text edited in Excel a logged change of that field, never a second record', async () => {
    const store = demoStore();
    const event = store.db.prepare("SELECT id, text FROM events WHERE text LIKE '%区分機%' LIMIT 1").get() as { id: string; text: string };
    const bytes = await edited(await workbookBytes(store, {}), (workbook) => {
      rowOf(workbook.getWorksheet('経緯一覧') as ExcelJS.Worksheet, event.id).getCell(8).value = '郵便区分機を受注（追記）';
    });
    const files = [{ name: 'edited.xlsx', bytes }];
    const preview = await previewTables(store, files);
    expect(preview.changed).toEqual({ cases: 0, events: 1 });
    expect(preview.fieldChanges).toEqual([expect.objectContaining({ table: 'events', id: event.id, field: 'text', before: event.text, after: '郵便区分機を受注（追記）' })]);
    const { written } = await importTables(store, files);
    expect(loggedChanges(store, written).map((c) => [c.tbl, c.rowId, c.field])).toEqual([['events', event.id, 'text']]);
    expect(store.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(131);
    const caseId = store.db.prepare('SELECT caseId FROM events WHERE id = ?').pluck().get(event.id) as string;
    expect(karte(['--db', store.file, 'history', caseId]).stdout).toMatch(/郵便区分機を受注（追記）/);
  });

  it('deletes the rows deleted in Excel only when the user ticks it, and never what an audience’s file left out', async () => {
    const store = demoStore();
    const event = store.db.prepare("SELECT id, caseId FROM events WHERE text LIKE '%区分機%' LIMIT 1").get() as { id: string; caseId: string };
    // A Vietnamese case other than the event's: Vietnam stays in the file, one of its cases is gone.
    const gone = store.db
      .prepare(
        "SELECT c.id, c.title, count(e.id) AS events FROM cases c JOIN case_countries cc ON cc.caseId = c.id AND cc.iso2 = 'VN' JOIN events e ON e.caseId = c.id WHERE c.id <> ? GROUP BY c.id LIMIT 1",
      )
      .get(event.caseId) as { id: string; title: string; events: number };
    const rowsOfCase = (sheet: ExcelJS.Worksheet) => {
      const numbers: number[] = [];
      sheet.eachRow((row) => {
        if (row.getCell(2).value === gone.id) numbers.push(row.number);
      });
      return numbers;
    };
    const deleteRows = (workbook: ExcelJS.Workbook) => {
      const events = workbook.getWorksheet('経緯一覧') as ExcelJS.Worksheet;
      const cases = workbook.getWorksheet('案件一覧') as ExcelJS.Worksheet;
      cases.spliceRows(rowOf(cases, gone.id).number, 1);
      // The case's events went with it in Excel too, from the bottom up so that the row numbers hold.
      for (const number of [...rowsOfCase(events), rowOf(events, event.id).number].sort((a, b) => b - a)) events.spliceRows(number, 1);
    };
    const files = [{ name: 'deleted.xlsx', bytes: await edited(await workbookBytes(store, {}), deleteRows) }];
    const preview = await previewTables(store, files);
    expect(preview.missing).toEqual({ cases: 1, events: gone.events + 1 });
    expect(preview.removals).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'cases', id: gone.id, label: gone.title }), expect.objectContaining({ table: 'events', id: event.id })]),
    );
    const before = contents(store);
    expect((await importTables(store, files)).written).toEqual({ step: [], tables: [] });
    expect(contents(store)).toEqual(before);

    const changes = loggedChanges(store, (await importTables(store, files, { deleteMissing: true })).written);
    expect(changes.every((c) => c.field === 'deleted' && c.value === 'true')).toBe(true);
    expect(changes).toHaveLength(2 + gone.events);
    expect(store.db.prepare('SELECT deleted FROM cases WHERE id = ?').pluck().get(gone.id)).toBe(1);
    expect(store.db.prepare('SELECT count(*) FROM events WHERE deleted = 0 AND (id = ? OR caseId = ?)').pluck().get(event.id, gone.id)).toBe(0);

    // A council's workbook holds nothing narrower: what it could not hold is not taken for deleted.
    const narrowed = store.db.prepare('SELECT id FROM events WHERE deleted = 0 ORDER BY id LIMIT 1').pluck().get() as string;
    writeRows(store, [{ table: 'events', id: narrowed, values: { scope: 'government' } }]);
    const council = [{ name: 'council.xlsx', bytes: await workbookBytes(store, { audience: 'council' }) }];
    expect((await previewTables(store, council, { deleteMissing: true })).missing).toEqual({ cases: 0, events: 0 });
  });

  it('refuses a file with a bad row whole, naming the sheet, row and column, and leaves the store as it was', async () => {
    const store = demoStore();
    const [first, second] = store.db.prepare('SELECT id FROM events ORDER BY id LIMIT 2').pluck().all() as string[];
    let badRow = 0;
    const bytes = await edited(await workbookBytes(store, {}), (workbook) => {
      const sheet = workbook.getWorksheet('経緯一覧') as ExcelJS.Worksheet;
      rowOf(sheet, first).getCell(8).value = 'この行は正しい変更';
      const row = rowOf(sheet, second);
      row.getCell(7).value = '2019年度末ごろ';
      badRow = row.number;
    });
    const before = { contents: contents(store), changes: changeCount(store) };
    const problems = await problemsOf(importTables(store, [{ name: 'bad.xlsx', bytes }]));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'bad.xlsx',
        code: 'cell_date',
        cell: { sheet: '経緯一覧', row: badRow, column: '日付' },
        params: expect.objectContaining({ text: '2019年度末ごろ' }),
      }),
    ]);
    expect(contents(store)).toEqual(before.contents);
    expect(changeCount(store)).toBe(before.changes);
  });

  it('reads CSV in UTF-8 with its byte order mark and in Shift_JIS (CP932), as Japanese Excel saves it', async () => {
    const store = demoStore();
    const csv = exportCsv(store, 'cases', {});
    expect(csv.startsWith('\uFEFFID,案件名')).toBe(true);
    const utf8 = await previewTables(store, [{ name: 'cases.csv', bytes: Buffer.from(csv) }]);
    expect(utf8.unchanged.cases).toBe(31);
    // Saved again by Excel in Shift_JIS, with one summary changed (㈱ and ① are CP932's own characters).
    const lines = csv.slice(1).split('\r\n');
    // Ids differ from store to store: a case whose summary is no other column's text too (a summary of one word can be
    // its sector's, in the column before it), so that replacing that cell changes the summary only.
    const candidates = store.db.prepare(`SELECT id, summary FROM cases WHERE summary != '' AND summary NOT LIKE '%,%' AND summary NOT LIKE '%"%' ORDER BY id`).all() as {
      id: string;
      summary: string;
    }[];
    const cellsOf = (id: string) => (lines.find((line) => line.startsWith(id)) ?? '').split(',');
    const { id: caseId, summary } = candidates.find((c) => cellsOf(c.id).filter((cell) => cell === c.summary).length === 1) as { id: string; summary: string };
    const index = lines.findIndex((line) => line.startsWith(caseId));
    const cells = cellsOf(caseId);
    cells[cells.indexOf(summary)] = '㈱日本電気の①提案';
    lines[index] = cells.join(',');
    const shiftJis = iconv.encode(lines.join('\r\n'), 'cp932');
    const preview = await previewTables(store, [{ name: 'cases-sjis.csv', bytes: shiftJis }]);
    expect(preview.problems).toEqual([]);
    expect(preview.fieldChanges).toEqual([expect.objectContaining({ id: caseId, field: 'summary', after: '㈱日本電気の①提案' })]);
  });

  it('reads every Japanese character of a large workbook as written, wherever the unzipped XML is cut in chunks', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('長文');
    const texts = Array.from({ length: 3000 }, (_, i) => `${i}行目：地上デジタル放送日本方式の採用に向けた協力覚書に署名し、共同作業部会を開催した`);
    for (const text of texts) sheet.addRow([text]);
    const [read] = await readWorkbook('long.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.rows.map((row) => row[0])).toEqual(texts);
  });

  it('refuses a password-protected workbook, one with macros and one that is no workbook, before reading it', async () => {
    const store = demoStore();
    const refusal = async (name: string, bytes: Buffer) => {
      const error = await previewTables(store, [{ name, bytes }]).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(KarteError);
      expect((error as KarteError).code).toBe('workbook_refused');
      return (error as KarteError).details.params?.reason;
    };
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect(await refusal('secret.xlsx', compound)).toBe('encrypted');
    const zip = await JSZip.loadAsync(await workbookBytes(store, { countries: ['VN'] }));
    zip.file('xl/vbaProject.bin', Buffer.alloc(64));
    expect(await refusal('macro.xlsx', await zip.generateAsync({ type: 'nodebuffer' }))).toBe('macros');
    expect(await refusal('notes.xlsx', Buffer.from('not a workbook at all'))).toBe('not_xlsx');
    // A zip whose entries unzip to more than the limit is refused from its directory, without unzipping it.
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/huge.xml', 'x'.repeat(1000));
    expect(await refusal('bomb.xlsx', claimedSize(await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'xl/huge.xml', 600 * 1024 * 1024))).toBe('too_large');
  });

  it('exports and imports from the command line, the dry run writing nothing', () => {
    const db = demoStore().file;
    const out = path.join(temp.dir(), 'vietnam.xlsx');
    expect(karte(['--db', db, 'export', 'xlsx', '--country', 'VN', '--out', out]).status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    const empty = path.join(temp.dir(), 'empty.sqlite');
    const dry = karte(['--db', empty, 'import', out, '--dry-run']);
    expect(dry.stdout).toMatch(/cases: 9 added, 0 changed, 0 unchanged/);
    const applied = karte(['--db', empty, 'import', out]);
    expect(applied.stdout).toMatch(/^imported /);
    expect(applied.stderr).toMatch(/^writing \d+\/\d+$/m);
    expect(karte(['--db', empty, 'import', out, '--dry-run']).stdout).toMatch(/cases: 0 added, 0 changed, 9 unchanged, 0 not in the file/);
    // A case's row deleted from the CSV: kept unless --delete-missing says otherwise.
    const csv = path.join(temp.dir(), 'cases.csv');
    expect(karte(['--db', db, 'export', 'csv', '--what', 'cases', '--country', 'VN', '--out', csv]).status).toBe(0);
    const [heading, first, ...rest] = parseCsv(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '')) as string[][];
    fs.writeFileSync(csv, stringifyCsv([heading, ...rest]));
    expect(karte(['--db', db, 'import', csv]).stdout).toMatch(/cases: 0 added, 0 changed, 8 unchanged, 1 not in the file \(kept/);
    const deleted = karte(['--db', db, 'import', csv, '--delete-missing']);
    expect(deleted.stdout).toMatch(/cases: 0 added, 0 changed, 8 unchanged, 1 not in the file \(deleted\)/);
    expect(deleted.stdout).toContain(`deleted: cases ${first[0].slice(0, 8)}`);
    const neither = karte(['--db', db, 'export', 'xlsx', '--out', out]);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toMatch(/--country ISO2 \(one or more\) or --all/);
  });
});
