// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { workbookBytes } from '../../electron/services/excel/export-workbook';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { DEMO_DIR, fixture, snapshot } from '../support/temp';

function jsonFile(file: string): File {
  return new File([fs.readFileSync(file, 'utf8')], path.basename(file), { type: 'application/json' });
}

describe('import screen', () => {
  let backEnd: TestBackEnd;
  afterEach(() => backEnd.close());

  it('names the file, case and field of a bad file and imports nothing', async () => {
    backEnd = installBackEnd({ demo: true });
    const before = snapshot(backEnd.store);
    renderApp('/import');
    await userEvent.upload(screen.getByLabelText('ファイルを選択'), [jsonFile(path.join(DEMO_DIR, 'vietnam.json')), jsonFile(fixture('bad-phase.json'))]);
    await userEvent.click(await screen.findByRole('button', { name: '2件のファイルをインポート' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/何も取り込んでいません/)).toBeTruthy();
    const [problem] = within(alert).getAllByRole('listitem');
    expect(within(problem).getByText('bad-phase.json')).toBeTruthy();
    expect(within(problem).getByTitle('cases[2].events[0].phase').textContent).toBe('3件目の案件（ケニア 郵便） › 1件目の経緯 › phase');
    // Worded in Japanese from the code: no English of the validator reaches the screen.
    expect(problem.textContent).toMatch(/次のいずれかを選んでください: consideration、/);
    expect(problem.textContent).not.toMatch(/Invalid/);
    expect(snapshot(backEnd.store)).toEqual(before);
  });

  it('imports the Vietnam table with its 9 cases, reporting its progress', async () => {
    backEnd = installBackEnd();
    renderApp('/import');
    await userEvent.upload(screen.getByLabelText('ファイルを選択'), jsonFile(path.join(DEMO_DIR, 'vietnam.json')));
    await userEvent.click(await screen.findByRole('button', { name: '1件のファイルをインポート' }));

    expect((await screen.findByRole('status')).textContent).toMatch(/^1ファイルから案件9件・経緯37件/);
    expect(backEnd.store.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 9 });
    const progress = backEnd.events.filter((e) => e.event === 'import.progress').map((e) => e.payload);
    // Told per group of up to a hundred cases written together: the table's nine are one.
    expect(progress).toEqual([{ file: 'vietnam.json', fileIndex: 0, fileCount: 1, caseIndex: 9, caseCount: 9 }]);

    // Again: nothing new, everything already present.
    await userEvent.upload(screen.getByLabelText('ファイルを選択'), jsonFile(path.join(DEMO_DIR, 'vietnam.json')));
    await userEvent.click(await screen.findByRole('button', { name: '1件のファイルをインポート' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/既に取り込み済みの案件9件・経緯37件/);
  });

  it('imports the bundled demo tables with one button', async () => {
    backEnd = installBackEnd();
    renderApp('/import');
    await userEvent.click(screen.getByRole('button', { name: 'デモデータを読み込む' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^8ファイルから案件31件・経緯131件・カルテ10件/);
  });

  it('previews an edited Excel export field by field, imports it on the button, and names a bad cell in Japanese', async () => {
    backEnd = installBackEnd({ demo: true });
    const store = backEnd.store;
    const event = store.db.prepare("SELECT id, text FROM events WHERE text LIKE '%区分機%' LIMIT 1").get() as { id: string; text: string };
    const exported = await workbookBytes(store, { countries: ['VN'] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('経緯一覧') as ExcelJS.Worksheet;
    let row = 0;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === event.id) row = r.number;
    });
    sheet.getRow(row).getCell(8).value = '郵便区分機を受注（Excelで追記）';
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    renderApp('/import');

    await userEvent.upload(screen.getByLabelText('ファイルを選択（.xlsx, .csv）'), new File([edited], 'vietnam.xlsx'));
    const changes = await screen.findByRole('table', { name: '変更される項目' });
    const cells = [...(within(changes).getAllByRole('row')[1] as HTMLTableRowElement).cells].map((cell) => cell.textContent);
    expect(cells.slice(1)).toEqual(['内容', event.text, '郵便区分機を受注（Excelで追記）']);
    expect(store.db.prepare('SELECT text FROM events WHERE id = ?').pluck().get(event.id)).toBe(event.text);
    await userEvent.click(screen.getByRole('button', { name: 'この内容で取り込む' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/取り込みました。元に戻すには Ctrl\+Z/);
    expect(store.db.prepare('SELECT text FROM events WHERE id = ?').pluck().get(event.id)).toBe('郵便区分機を受注（Excelで追記）');

    sheet.getRow(row).getCell(7).value = '2019年度末ごろ';
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    await userEvent.upload(screen.getByLabelText('ファイルを選択（.xlsx, .csv）'), new File([bad], 'vietnam-bad.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(`シート 経緯一覧 ${row}行 日付列`);
    expect(alert.textContent).toMatch('日付を読めません「2019年度末ごろ」');
    expect(alert.textContent).not.toMatch(/is not a date|Invalid/);
    expect(screen.queryByRole('button', { name: 'この内容で取り込む' })).toBeNull();
  });

  it('previews the council’s schemes sheet by what it adds, imports it, and names a bad type cell in Japanese', async () => {
    backEnd = installBackEnd();
    const csv = fs.readFileSync(fixture('council/support-schemes.csv'));
    renderApp('/import');

    await userEvent.upload(screen.getByLabelText('ファイルを選択（.xlsx, .csv）'), new File([csv], 'support-schemes.csv'));
    expect(await screen.findByText(/support-schemes\.csv › .*（支援ツールの表・12行）/)).toBeTruthy();
    const counts = screen.getByRole('row', { name: /^支援ツール/ });
    expect([...(counts as HTMLTableRowElement).cells].map((cell) => cell.textContent)).toEqual(['支援ツール', '12', '—', '0', '—']);
    expect(screen.queryByRole('row', { name: /^案件/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'この内容で取り込む' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/取り込みました。/);
    expect(backEnd.store.db.prepare('SELECT count(*) FROM schemes').pluck().get()).toBe(12);

    const bad = csv.toString('utf8').replace(',総務省,調査,', ',総務省,寄付,');
    await userEvent.upload(screen.getByLabelText('ファイルを選択（.xlsx, .csv）'), new File([bad], 'bad-schemes.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch('2行 種類列');
    // The types a sheet may name, by the words it is written in.
    expect(alert.textContent).toMatch('次のいずれかを選んでください: 無償資金、補助金、融資');
    expect(alert.textContent).not.toMatch(/Invalid|expected|subsidy/);
  });

  it('keeps the rows deleted in Excel unless the user ticks them, and shows the writing go by counts', async () => {
    backEnd = installBackEnd({ demo: true });
    const store = backEnd.store;
    const event = store.db.prepare("SELECT id, text FROM events WHERE text LIKE '%区分機%' LIMIT 1").get() as { id: string; text: string };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookBytes(store, { countries: ['VN'] })) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('経緯一覧') as ExcelJS.Worksheet;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === event.id) sheet.spliceRows(r.number, 1);
    });
    const written = Buffer.from(await book.xlsx.writeBuffer());
    renderApp('/import');

    await userEvent.upload(screen.getByLabelText('ファイルを選択（.xlsx, .csv）'), new File([written], 'vietnam.xlsx'));
    const counts = (await screen.findAllByRole('table'))[0];
    expect([...(within(counts).getAllByRole('row')[2] as HTMLTableRowElement).cells].map((c) => c.textContent)).toEqual(['経緯', '0', '0', '36', '1']);
    expect(screen.getByText('ファイルにない案件・経緯（削除を選んだときだけ削除します）')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'ファイルにない1件（表から消した行）を削除する' }));
    await userEvent.click(screen.getByRole('button', { name: 'この内容で取り込む' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/取り込みました/);
    expect(store.db.prepare('SELECT deleted FROM events WHERE id = ?').pluck().get(event.id)).toBe(1);
    const progress = backEnd.events.filter((e) => e.event === 'import.tableProgress').map((e) => e.payload);
    expect(progress.at(-1)).toEqual({ stage: 'writing', done: 1, total: 1 });
    expect(progress).toContainEqual({ stage: 'reading', done: 0, total: 1 });
  });
});
