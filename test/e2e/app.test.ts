import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from '../support/app-server';
import { addOrganisation, addUser } from '../../server/accounts';
import { launchChromium } from '../support/browser';
import { pdfText, squeezed } from '../support/pdf';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';

// The app as a user meets it: browser mode (what `npm start` runs here) in real Chromium, on an empty store, with
// a real sync server (PostgreSQL) to sign in to.
// Screenshots of the main screens go to test/artifacts/e2e/ for a person to look at.

const SHOTS = path.resolve(import.meta.dirname, '../artifacts/e2e');

describe('Karte in Chromium', () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let syncServer: TestSyncServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startAppServer();
    syncServer = await startSyncServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' })).newPage();
    // Any script error or CSP violation fails the run at the end.
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(app.server.openUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await syncServer?.stop();
  });

  const nav = (name: string) => page.getByRole('navigation', { name: 'main' }).getByRole('link', { name, exact: true });
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  const matrixRows = () => page.getByRole('table', { name: '案件一覧（別表）' }).getByRole('rowgroup').nth(1).getByRole('row');

  /** The matrix cell of a case row (found by its sector) under a phase column (found by its header). */
  async function matrixCell(sector: string, column: string) {
    await matrixRows().first().waitFor();
    const headers = await page.getByRole('table', { name: '案件一覧（別表）' }).getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.trim() === column);
    expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThan(0);
    const row = matrixRows()
      .filter({ has: page.getByRole('rowheader', { name: sector, exact: true }) })
      .first();
    return row.locator('[role=rowheader], [role=cell]').nth(index);
  }

  it('takes the token out of the address bar and offers the demo dossiers on first start', async () => {
    await page.getByRole('heading', { name: 'はじめに: 実際のカルテを読み込む' }).waitFor();
    expect(page.url()).not.toContain('token=');
    await shot('01-home-first-start');
    await page.getByRole('button', { name: 'デモデータ（6表と協議会データ）を読み込む' }).click();
    await page.getByText('8ファイルを読み込み、案件31件・経緯131件を追加しました。').waitFor();
    await shot('02-home-after-demo');
  });

  it('opens Vietnam from the countries list and reads an event in the 別表 matrix', async () => {
    await nav('国一覧').click();
    await page.getByRole('link', { name: 'ベトナム', exact: true }).first().waitFor();
    await shot('03-countries');
    await page.getByRole('link', { name: 'ベトナム', exact: true }).first().click();
    await matrixRows().nth(8).waitFor();
    expect(await matrixRows().count()).toBe(9);
    const cell = await matrixCell('スマートシティ', '覚書・トップセールス等');
    await expect.poll(() => cell.innerText()).toContain('大臣間で改定覚書に署名');
    await shot('04-dossier-vietnam');
  });

  it('adds an event to a case and finds it in the matrix after a reload', async () => {
    await page.getByRole('link', { name: 'ベトナム 消防: 消防用機器等の規格、認証制度構築への協力' }).click();
    await page.getByRole('heading', { name: '経緯を追加' }).waitFor();
    await page.locator('#add-event-phase').selectOption({ label: '受注・管理' });
    await page.locator('#add-event-date').fill('2021年度予定');
    await page.locator('#add-event-text').fill('消防用機器の調達を日本企業が受注（予定）');
    // The case page has other forms that add (the plan's partners, financing …): this one adds the event.
    await page.getByRole('form', { name: '経緯を追加' }).getByRole('button', { name: '追加', exact: true }).click();
    await page.getByText('消防用機器の調達を日本企業が受注（予定）').first().waitFor();
    await shot('05-case-with-new-event');

    await page.getByRole('link', { name: /ベトナムのカルテ/ }).click();
    await page.reload();
    const cell = await matrixCell('消防', '受注・管理');
    await expect.poll(() => cell.innerText()).toContain('消防用機器の調達を日本企業が受注（予定）');
    expect(await cell.innerText()).toContain('2021年度（予定）');
  });

  it('searches 覚書 and jumps to the case of a hit', async () => {
    await page.getByRole('searchbox').fill('覚書');
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('heading', { level: 2, name: 'フィリピン' }).waitFor();
    await shot('06-search');
    await page.getByRole('link', { name: '局長間で覚書に署名' }).click();
    await page.getByRole('heading', { name: '経緯を追加' }).waitFor();
    expect(page.url()).toMatch(/#\/case\/[0-9a-f-]{36}\?event=/);
    await expect.poll(() => page.getByLabel('案件名').inputValue()).toContain('統計ICT');
  });

  it('shows the change history of a case', async () => {
    await page.getByRole('link', { name: '変更履歴' }).click();
    await page.getByText('局長間で覚書に署名').first().waitFor();
    await shot('07-history');
  });

  it('makes a council pack of Vietnam: preview as A4 sheets, then a PDF download', async () => {
    await nav('説明資料').click();
    await page.locator('#pack-country').selectOption('VN');
    await page.locator('#pack-audience').selectOption('council');
    await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
    const preview = page.frameLocator('iframe');
    await preview.getByText('消防用機器等の規格、認証制度構築への協力').first().waitFor();
    await shot('09-pack-builder');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDFに書き出す' }).click()]);
    const file = path.join(SHOTS, 'vn-council.pdf');
    await download.saveAs(file);
    const text = squeezed(await pdfText(file));
    expect(text).toContain(squeezed('協議会会員限り'));
    expect(text).toContain(squeezed('消防用機器等の規格、認証制度構築への協力'));
    expect(text).toContain(squeezed('消防用機器の調達を日本企業が受注（予定）'));
  });

  it('signs in to the sync server and sends the edits made offline', async () => {
    const organisation = await addOrganisation(syncServer.db, '総務省', 'ministry');
    await addUser(syncServer.db, { login: 'tanaka', orgId: organisation, role: 'editor', password: 'e2e-password' });
    const syncBar = page.getByRole('group', { name: '同期の状態' });
    await syncBar.getByText('同期: 未設定').waitFor();
    await page.goto(`${app.server.url}/#/sync`);
    await page.getByLabel('同期サーバーのURL').fill(syncServer.url);
    await page.getByLabel('ログイン名').fill('tanaka');
    await page.getByLabel('パスワード').fill('e2e-password');
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await page.getByText(`tanaka として ${syncServer.url} にサインインしています。`).waitFor();
    await syncBar.getByText('最終同期').waitFor({ timeout: 30_000 });
    expect(await syncBar.getByText(/未送信/).count()).toBe(0);
    await shot('10-sync-signed-in');
    // Everything this device holds (the demo import and the edits above) reached the server.
    const held = await syncServer.db.query<{ n: string }>('SELECT count(*) AS n FROM changes');
    expect(Number(held.rows[0].n)).toBe(app.store.db.prepare('SELECT count(*) FROM changes').pluck().get());
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await nav('Countries').click();
    await page.getByRole('link', { name: 'Vietnam', exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Vietnam', exact: true }).first().click();
    await page.getByRole('columnheader', { name: 'MoU and top-level sales' }).waitFor();
    await page.getByRole('table', { name: 'Cases (annex table)' }).waitFor();
    await shot('08-dossier-english');
  });

  it('ran without script errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
