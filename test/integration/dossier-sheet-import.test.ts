import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackEnd } from '../../electron/services/back-end';
import { importTables, previewTables } from '../../electron/services/excel/import-tables';
import type { Store } from '../../electron/services/store/store';
import { KarteError } from '../../shared/errors';
import { DEMO_DIR, useTempDir } from '../support/temp';

// A region table in the government's own 別表 layout, of data Karte has never seen: a title row, a two-row merged
// heading (覚書・協議フェーズ over 実務協議等 | 覚書・TS), the countries in 【】 before the sector (several, none yet,
// and the names ministries write: UAE, 米国, 英国). Saved as .xlsx and as a CP932 CSV, it must import the same.

const TITLE = '●海外展開カルテ - 中東・アフリカ等における現状と今後の展開方針 (概要) ③防災・放送';
const UPPER = [
  '分野',
  '展開を目指すインフラ・サービスの概要',
  '検討フェーズ (きっかけ、国内検討等)',
  '覚書・協議フェーズ',
  '',
  '調査・実証 フェーズ',
  '受注・管理 フェーズ',
  '今後の方針',
];
const LOWER = ['', '', '', '実務協議等', '覚書・TS', '', '', ''];
const ROWS = [
  [
    '【ケニア】 防災ICT',
    '洪水早期警報システム',
    '2018年 ケニア政府から要請',
    '2019年3月 第1回合同作業部会',
    '2019年9月 大臣間で覚書に署名',
    '2020年度 実証実験を実施',
    '',
    '実証結果を踏まえ受注を目指す',
  ],
  [
    '【エチオピア、コートジボワール】 放送システム',
    '地上デジタル放送日本方式',
    '2017年度 検討開始\n2018年夏 現地調査の打診',
    '',
    '2019年2月 放送大臣と覚書に署名',
    '2019年～2020年 JICA専門家派遣',
    '2021年1月 送信機受注',
    'デジタル移行を支援',
  ],
  ['【UAE】 5G', '', '令和元年12月 先方通信規制庁と意見交換', '・2020年2月：政府間対話', '', '', '', '協議を継続'],
  ['【米国】 海底ケーブル', '太平洋横断ケーブル', '2016年 事業者から相談', '', '', '', '2019年10月 敷設を受注', ''],
  ['【英国】 サイバーセキュリティ', '', '2019年 共同研究の提案', '2020年1月～ 作業部会', '', '', '', ''],
  ['【検討中】 スマートシティ', '都市OS', '2020年1月～ 国内検討中', '', '', '', '', '候補国を選定'],
];

/** The table as Excel holds it: merged title and headings. */
async function workbook(rows = ROWS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('中東・アフリカ');
  sheet.addRow([TITLE]);
  sheet.mergeCells('A1:H1');
  sheet.addRow(UPPER);
  sheet.addRow(LOWER);
  for (const column of ['A', 'B', 'C', 'F', 'G', 'H']) sheet.mergeCells(`${column}2:${column}3`);
  sheet.mergeCells('D2:E2');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same table saved by Japanese Excel as CSV: a merged cell's value in its first cell only, in CP932. */
function cp932Csv(): Buffer {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [[TITLE, '', '', '', '', '', '', ''], UPPER, LOWER, ...ROWS].map((row) => row.map(quote).join(','));
  return iconv.encode(lines.join('\r\n'), 'cp932');
}

function stored(store: Store) {
  const cases = store.db.prepare('SELECT id, countries, region, sector, sectorLabel, summary, futurePolicy FROM cases ORDER BY sectorLabel').all() as {
    id: string;
    countries: string;
    sectorLabel: string;
  }[];
  const events = store.db
    .prepare(
      "SELECT c.sectorLabel, e.phase, json_extract(e.date, '$.text') AS dateText, e.text FROM events e JOIN cases c ON c.id = e.caseId ORDER BY c.sectorLabel, e.phase, e.text",
    )
    .all() as { sectorLabel: string; phase: string; dateText: string; text: string }[];
  return { cases, events };
}

describe('a 別表 sheet in the government’s own layout', () => {
  const temp = useTempDir();

  it('imports every case into its countries and every event into its case and phase, and again adds nothing', async () => {
    const store = temp.store();
    const bytes = await workbook();
    const preview = await previewTables(store, [{ name: 'middle-east-africa.xlsx', bytes }]);
    expect(preview.problems).toEqual([]);
    expect(preview.sheets).toEqual([{ file: 'middle-east-africa.xlsx', sheet: '中東・アフリカ', kind: 'dossier', rows: 6 }]);
    expect(preview.added).toEqual({ cases: 6, events: 16 });
    expect(store.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);

    await importTables(store, [{ name: 'middle-east-africa.xlsx', bytes }]);
    const { cases, events } = stored(store);
    expect(cases.map((c) => [c.sectorLabel, JSON.parse(c.countries)])).toEqual([
      ['5G', ['AE']],
      ['サイバーセキュリティ', ['GB']],
      ['スマートシティ', []],
      ['放送システム', ['ET', 'CI']],
      ['海底ケーブル', ['US']],
      ['防災ICT', ['KE']],
    ]);
    expect(events.filter((e) => e.sectorLabel === '放送システム')).toEqual([
      { sectorLabel: '放送システム', phase: 'consideration', dateText: '2017年度', text: '検討開始' },
      { sectorLabel: '放送システム', phase: 'consideration', dateText: '2018年夏', text: '現地調査の打診' },
      { sectorLabel: '放送システム', phase: 'mou_top_sales', dateText: '2019年2月', text: '放送大臣と覚書に署名' },
      { sectorLabel: '放送システム', phase: 'order_management', dateText: '2021年1月', text: '送信機受注' },
      { sectorLabel: '放送システム', phase: 'survey_demo', dateText: '2019年～2020年', text: 'JICA専門家派遣' },
    ]);
    expect(events.filter((e) => e.sectorLabel === '5G')).toEqual([
      { sectorLabel: '5G', phase: 'consideration', dateText: '令和元年12月', text: '先方通信規制庁と意見交換' },
      { sectorLabel: '5G', phase: 'consultation', dateText: '2020年2月', text: '政府間対話' },
    ]);
    expect(events.filter((e) => e.sectorLabel === '防災ICT').map((e) => e.phase)).toEqual(['consideration', 'consultation', 'mou_top_sales', 'survey_demo']);

    const again = await importTables(store, [{ name: 'middle-east-africa.xlsx', bytes }]);
    expect(again.preview.added).toEqual({ cases: 0, events: 0 });
    expect(again.preview.unchanged).toEqual({ cases: 6, events: 16 });
    expect(again.written).toEqual({ step: [], tables: [] });
  });

  it('is undone as one step by Ctrl+Z in the app: every case and event it added is deleted again', async () => {
    const backEnd = openBackEnd({ store: { file: path.join(temp.dir(), 'karte.sqlite'), author: 'desk' }, demoDir: DEMO_DIR, version: 'test' });
    try {
      const data = Buffer.from(await workbook()).toString('base64');
      await backEnd.call('import.tables', { files: [{ name: 'middle-east-africa.xlsx', data }] });
      const live = () =>
        backEnd.store.db.prepare('SELECT (SELECT count(*) FROM cases WHERE deleted = 0) AS cases, (SELECT count(*) FROM events WHERE deleted = 0) AS events').get();
      expect(live()).toEqual({ cases: 6, events: 16 });
      await backEnd.call('undo', {});
      expect(live()).toEqual({ cases: 0, events: 0 });
    } finally {
      await backEnd.close();
    }
  });

  it('imports the same table saved as a CP932 CSV to the same cases and events', async () => {
    const fromXlsx = temp.store('xlsx.sqlite');
    await importTables(fromXlsx, [{ name: 'table.xlsx', bytes: await workbook() }]);
    const fromCsv = temp.store('csv.sqlite');
    const { preview } = await importTables(fromCsv, [{ name: 'table.csv', bytes: cp932Csv() }]);
    expect(preview.added).toEqual({ cases: 6, events: 16 });
    const strip = (s: ReturnType<typeof stored>) => ({ cases: s.cases.map(({ id: _id, ...c }) => c), events: s.events });
    expect(strip(stored(fromCsv))).toEqual(strip(stored(fromXlsx)));
  });

  it('refuses a date it cannot read, naming sheet, row and column; accepted, keeps it as the event’s date text', async () => {
    const store = temp.store();
    const rows = ROWS.map((row) => [...row]);
    rows[0][5] = '2019年度末ごろ 実証実験を実施';
    const bytes = await workbook(rows);
    const refused = await importTables(store, [{ name: 'bad.xlsx', bytes }]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(KarteError);
    expect((refused as KarteError).details.problems).toEqual([
      expect.objectContaining({
        file: 'bad.xlsx',
        code: 'cell_date',
        cell: { sheet: '中東・アフリカ', row: 4, column: '調査・実証 フェーズ' },
        params: { text: '2019年度末ごろ' },
      }),
    ]);
    expect(store.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);

    await importTables(store, [{ name: 'bad.xlsx', bytes }], { acceptUnreadDates: true });
    const survey = stored(store).events.find((e) => e.sectorLabel === '防災ICT' && e.phase === 'survey_demo');
    expect(survey).toEqual({ sectorLabel: '防災ICT', phase: 'survey_demo', dateText: '2019年度末ごろ', text: '実証実験を実施' });
  });

  it('reads a sheet whose headings it does not know by the columns a person names, and knows its shape again', async () => {
    const store = temp.store();
    const odd = async (rows: string[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('案件メモ');
      sheet.addRow(['2020年度 案件メモ（国際戦略局）']);
      sheet.addRow(['事業分野', 'きっかけ', '先方との交渉', '成果']);
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const first = await odd([['【タイ】 郵便', '2018年 先方から要請', '2019年5月 覚書に署名', '2021年2月 区分機を受注']]);
    const unknown = await previewTables(store, [{ name: 'memo.xlsx', bytes: first }]);
    expect(unknown.problems.map((p) => p.code)).toEqual(['no_sheets']);
    expect(unknown.unrecognised).toEqual([
      {
        file: 'memo.xlsx',
        sheet: '案件メモ',
        rows: [
          { row: 1, cells: ['2020年度 案件メモ（国際戦略局）'] },
          { row: 2, cells: ['事業分野', 'きっかけ', '先方との交渉', '成果'] },
          { row: 3, cells: ['【タイ】 郵便', '2018年 先方から要請', '2019年5月 覚書に署名', '2021年2月 区分機を受注'] },
        ],
      },
    ]);
    const mapping = { headings: ['事業分野', 'きっかけ', '先方との交渉', '成果'], roles: ['sector', 'consideration', 'mou_top_sales', 'order_management'] as const };
    const mapped = await importTables(store, [{ name: 'memo.xlsx', bytes: first }], { mapping: { ...mapping, roles: [...mapping.roles] } });
    expect(mapped.preview.added).toEqual({ cases: 1, events: 3 });
    expect(stored(store).events.map((e) => [e.phase, e.dateText])).toEqual([
      ['consideration', '2018年'],
      ['mou_top_sales', '2019年5月'],
      ['order_management', '2021年2月'],
    ]);
    // Next year's memo, of the same shape: read without being told again.
    const next = await odd([['【ラオス】 防災', '2021年4月 先方から相談', '', '']]);
    const known = await previewTables(store, [{ name: 'memo-2021.xlsx', bytes: next }]);
    expect(known.problems).toEqual([]);
    expect(known.unrecognised).toEqual([]);
    expect(known.added).toEqual({ cases: 1, events: 1 });
  });
});
