// npm run bench (its Excel part): export of a ministry's whole portfolio (20,000 cases, 200,000 events) as .xlsx and
// its import into an empty store, each beside exceljs doing the same work with no Karte logic, measured in the same
// run: writing the same cells from rows read ahead, and loading the same file.
// Usage: tsx test/bench/excel.ts [--scale 0.1]
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { importTables } from '../../electron/services/excel/import-tables';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { openStore, type Store } from '../../electron/services/store/store';
import { generateKarteFiles } from '../support/karte-generator';
import type { ExcelExportFigures } from './excel-export';
import { portfolioSize } from './portfolio-size';

const sizes = portfolioSize();

/** The highest resident set size seen while `work` runs, sampled every 20 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - start, peakMiB: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

/** The cells of the export, read with plain SQL ahead of the floor's timing: what exceljs alone is given to write. */
function plainCells(store: Store): { countries: Map<string, string[][]>; cases: string[][]; events: string[][] } {
  const phases = ['consideration', 'consultation', 'mou_top_sales', 'survey_demo', 'order_management'];
  const cells = new Map<string, string[]>();
  for (const row of store.db
    .prepare("SELECT caseId, phase, group_concat(json_extract(date, '$.text') || ' ' || text, char(10)) AS lines FROM events WHERE deleted = 0 GROUP BY caseId, phase")
    .all() as { caseId: string; phase: string; lines: string }[]) {
    const phaseCells = cells.get(row.caseId) ?? phases.map(() => '');
    phaseCells[phases.indexOf(row.phase)] = row.lines;
    cells.set(row.caseId, phaseCells);
  }
  const countries = new Map<string, string[][]>();
  for (const row of store.db
    .prepare(
      'SELECT cc.iso2, c.id, c.sectorLabel, c.summary, c.futurePolicy FROM case_countries cc JOIN cases c ON c.id = cc.caseId WHERE c.deleted = 0 ORDER BY c.sector, c.title',
    )
    .all() as { iso2: string; id: string; sectorLabel: string; summary: string; futurePolicy: string }[]) {
    const rows = countries.get(row.iso2) ?? [];
    rows.push([row.sectorLabel, row.summary, ...(cells.get(row.id) ?? phases.map(() => '')), row.futurePolicy]);
    countries.set(row.iso2, rows);
  }
  const cases = store.db.prepare('SELECT id, title, countries, region, sectorLabel, summary, futurePolicy, status, scope FROM cases WHERE deleted = 0').raw().all() as string[][];
  const events = store.db
    .prepare(
      "SELECT e.id, e.caseId, c.title, c.countries, c.sectorLabel, e.phase, json_extract(e.date, '$.text'), e.text, e.organisation, e.scope FROM events e JOIN cases c ON c.id = e.caseId WHERE e.deleted = 0",
    )
    .raw()
    .all() as string[][];
  return { countries, cases, events };
}

/** The export as the app makes it, in a process of its own (excel-export.ts). */
function exportInProcess(file: string, out: string): Promise<ExcelExportFigures> {
  // Forked with this process's Node options, so the TypeScript loader runs it too.
  const child = fork(fileURLToPath(new URL('./excel-export.ts', import.meta.url)), [file, out]);
  return new Promise((resolve, reject) => {
    child.once('message', (answer: ExcelExportFigures) => resolve(answer));
    child.once('exit', (code) => reject(new Error(`the export's process exited (${code}) without its figures`)));
  });
}

/** exceljs alone writing the cells, a row at a time, as the export does. */
async function writePlain(file: string, { countries, cases, events }: ReturnType<typeof plainCells>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = (name: string, rows: string[][]) => {
    const worksheet = workbook.addWorksheet(name);
    for (const row of rows) worksheet.addRow(row).commit();
    worksheet.commit();
  };
  for (const [code, rows] of countries) sheet(code, rows);
  sheet('cases', cases);
  sheet('events', events);
  await workbook.commit();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-bench-excel-'));
try {
  console.log(`Karte Excel bench: ${sizes.countries} countries, ${sizes.cases} cases, ${sizes.events} events (${os.cpus().length} cores, node ${process.version})`);
  const files = generateKarteFiles({ seed: 2020, ...sizes }).map((table, i) => {
    const file = path.join(dir, `table-${i}.json`);
    fs.writeFileSync(file, JSON.stringify(table));
    return file;
  });
  const store = openStore(path.join(dir, 'source.sqlite'), { author: 'bench' });
  importKarteFiles(store, files);

  const exported = path.join(dir, 'all.xlsx');
  const karteExport = await exportInProcess(store.file, exported);
  const cells = plainCells(store);
  const plainExport = await withPeakRss(() => writePlain(path.join(dir, 'plain.xlsx'), cells));

  const bytes = fs.readFileSync(exported);
  const target = openStore(path.join(dir, 'target.sqlite'), { author: 'bench' });
  const karteImport = await withPeakRss(() => importTables(target, [{ name: 'all.xlsx', bytes }]));
  const plainImport = await withPeakRss(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  console.log('');
  console.log(`export --all through the back end in a process of its own: ${karteExport.countries} countries, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB`);
  console.log(
    `  Karte: ${(karteExport.ms / 1000).toFixed(1)} s, peak RSS ${karteExport.peakMiB.toFixed(0)} MiB (${karteExport.openMiB.toFixed(0)} MiB once open; target < 30 s, < 500 MiB); ` +
      `exceljs alone writing the same cells: ${(plainExport.ms / 1000).toFixed(1)} s; ratio ${(karteExport.ms / plainExport.ms).toFixed(2)}×`,
  );
  console.log(`import of that file into an empty store: ${karteImport.result.preview.added.cases} cases, ${karteImport.result.preview.added.events} events`);
  console.log(
    `  Karte: ${(karteImport.ms / 1000).toFixed(1)} s, peak RSS ${karteImport.peakMiB.toFixed(0)} MiB (target < 60 s); ` +
      `exceljs alone loading the file: ${(plainImport.ms / 1000).toFixed(1)} s; ratio ${(karteImport.ms / plainImport.ms).toFixed(2)}×`,
  );
  store.close();
  target.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
