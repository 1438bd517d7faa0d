import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases, updateCase } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { startAppServer } from '../support/app-server';
import { launchChromium } from '../support/browser';
import { pdfText, squeezed } from '../support/pdf';
import { demoFiles } from '../support/temp';

// The follow-up report of the 20 priority projects in browser mode, in real Chromium: a snapshot taken from the
// screen, the report compared with it, previewed in its frame and downloaded as a PDF that pdf.js reads back.
// Screenshots go to test/artifacts/e2e/ for a person to look at.

const SHOTS = path.resolve(import.meta.dirname, '../artifacts/e2e');

describe('follow-up report in Chromium', () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startAppServer((store) => {
      importKarteFiles(store, demoFiles());
      for (const c of listCases(store, { country: 'VN', sector: '郵便' })) updateCase(store, c.id, { project: 17 });
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', acceptDownloads: true })).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(app.server.openUrl);
    await page.getByRole('navigation', { name: 'main' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('takes a snapshot, previews the report compared with it and downloads the PDF', async () => {
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '20プロジェクト', exact: true }).click();
    await page.getByRole('link', { name: 'フォローアップ報告（PDF）を作成' }).click();
    const snapshots = page.getByRole('region', { name: 'スナップショット' });
    await snapshots.getByLabel('時点').fill('2021-03-31');
    await snapshots.getByLabel('名称').fill('2020年度末');
    await snapshots.getByRole('button', { name: 'スナップショットを作成' }).click();
    await snapshots.getByRole('cell', { name: '2021年3月31日' }).waitFor();

    await page.getByLabel('比較するスナップショット').selectOption({ label: '2020年度末（2021年3月31日時点）' });
    expect(await page.locator('#report-since').inputValue()).toBe('2021-03-31');
    await page.locator('#report-audience').selectOption('council');
    await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
    const preview = page.frameLocator('iframe[title="フォローアップ報告のプレビュー"]');
    await preview.getByText('比較するスナップショット「2020年度末」').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, '12-project-report.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDFに書き出す' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^karte-projects-.*-council\.pdf$/);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(`${download.suggestedFilename()} をダウンロードしました`).waitFor();
    const text = squeezed(await pdfText(file));
    expect(text).toContain(squeezed('⑰ 郵便'));
    expect(text).toContain(squeezed('協議会会員限り'));
    expect(text).toContain(squeezed('2020年度末'));
    expect(errors).toEqual([]);
  });
});
