// A briefing pack of 40+ pages, from the request to the PDF file, beside the floor: Chromium printing the same
// pack's HTML, already rendered and on disk, with the browser and its context already up (a new page, loading the
// file and its fonts, one print to a file), measured in the same run. The pack does all that too, plus reading the
// store, rendering the HTML and the extra layout pass that numbers the contents. The first pack of the process
// also launches the process's Chromium: reported on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../electron/services/chromium';
import { dateOf } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { buildPackInput, type PackRequest } from '../../electron/services/pack/build-input';
import { writeDocumentPdf } from '../../electron/services/pack/export-pack';
import { notoSansJpFontFaceCss } from '../../electron/services/pack/font-face';
import { closePackBrowser } from '../../electron/services/pack/render-pdf';
import { newId } from '../../electron/services/record-ids';
import { openStore, writeRows } from '../../electron/services/store/store';
import { createVisit, updateVisit } from '../../electron/services/visits';
import { packRunningHeader, renderPackHtml } from '../../shared/pack/render-html';
import { generateKarteFiles } from '../support/karte-generator';
import { percentile } from './percentile';

const RUNS = 7;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-pack-bench-'));
const store = openStore(path.join(dir, 'karte.sqlite'), { author: 'bench' });
const files = generateKarteFiles({ seed: 2020, countries: 5, cases: 120, events: 1_200, focus: { iso2: 'VN', cases: 34, events: 400 } }).map((table, i) => {
  const file = path.join(dir, `t${i}.json`);
  fs.writeFileSync(file, JSON.stringify(table));
  return file;
});
importKarteFiles(store, files);
for (let i = 0; i < 6; i++) {
  createVisit(store, { title: `官民ミッション ${2010 + i}`, kind: 'public_private_mission', country: 'VN', dates: `${2010 + i}年${i + 3}月` });
  writeRows(store, [
    {
      table: 'agreements',
      id: newId(),
      values: {
        title: `情報通信分野の協力覚書 ${i + 1}`,
        kind: 'moc',
        parties: ['総務省', '越・情報通信省'],
        signatoryLevel: '大臣間',
        date: dateOf(`${2011 + i}年${i + 1}月`),
        countries: ['VN'],
      },
    },
  ]);
}
const { id: visitId } = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021-05-10～2021-05-12' });
updateVisit(store, visitId, {
  objectives: '郵便区分機の追加受注に向けた働きかけ',
  asks: '次期入札への日本企業の参加機会の確保',
  delegation: [{ name: '山田太郎', title: '総務大臣', level: '大臣' }],
  counterparts: [{ name: 'Nguyen Manh Hung', title: 'Minister', organisation: 'Ministry of Information and Communications' }],
  caseIds: [],
});
// All of Vietnam's cases (a visit pack would take only the visit's linked ones).
const request: PackRequest = { country: 'VN', audience: 'council', lang: 'ja', asOf: '2026-11-24' };

const pageCount = (file: string) =>
  (
    fs
      .readFileSync(file)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;

async function pack(file: string): Promise<number> {
  const start = performance.now();
  await writeDocumentPdf({ kind: 'pack', input: buildPackInput(store, request) }, file);
  return performance.now() - start;
}

const input = buildPackInput(store, request);
const htmlFile = path.join(dir, 'pack.html');
fs.writeFileSync(htmlFile, renderPackHtml(input, { fontFaceCss: notoSansJpFontFaceCss() }));
const header = packRunningHeader(input);
const floorBrowser = await launchChromium();
const floorContext = await floorBrowser.newContext();

async function floor(file: string): Promise<number> {
  const start = performance.now();
  const page = await floorContext.newPage();
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
  await page.evaluate(async (text) => {
    await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 12px "Noto Sans JP"`, text)));
    await document.fonts.ready;
  }, `${header.title}${header.marking}`);
  await page.pdf({ path: file, printBackground: true, preferCSSPageSize: true });
  const ms = performance.now() - start;
  await page.close();
  return ms;
}

try {
  const packFile = path.join(dir, 'pack.pdf');
  const floorFile = path.join(dir, 'floor.pdf');
  const first = await pack(packFile);
  await floor(floorFile);
  const packs: number[] = [];
  const floors: number[] = [];
  // Interleaved, so both see the same load on a shared machine.
  for (let i = 0; i < RUNS; i++) {
    packs.push(await pack(packFile));
    floors.push(await floor(floorFile));
  }
  const p50 = percentile(packs, 50);
  const floor50 = percentile(floors, 50);
  console.log(`briefing pack VN (${input.cases.length} cases): ${pageCount(packFile)} pages (floor print: ${pageCount(floorFile)} pages), ${RUNS} runs`);
  console.log(`  request → PDF file:        p50 ${(p50 / 1000).toFixed(2)} s, max ${(Math.max(...packs) / 1000).toFixed(2)} s (target < 5 s)`);
  console.log(`  first pack (launches Chromium): ${(first / 1000).toFixed(2)} s`);
  console.log(`  floor, Chromium printing the pre-rendered HTML: p50 ${(floor50 / 1000).toFixed(2)} s`);
  console.log(`  ratio p50 ${(p50 / floor50).toFixed(2)}× (target ≤ 1.5×)`);
} finally {
  await floorBrowser.close();
  await closePackBrowser();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
