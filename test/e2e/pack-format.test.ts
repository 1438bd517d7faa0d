import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { openAppPage, SHOTS, type AppPage } from '../support/app-page';
import { demoFiles } from '../support/temp';

// The pack builder's export format at a laptop's 1366×768: PDF or Word beside the export button, and the Word
// document downloaded as browser mode hands it over.

describe('the pack builder exports a Word document', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openAppPage((store) => importKarteFiles(store, demoFiles()));
  }, 120_000);
  afterAll(() => app?.close());

  it('offers PDF or Word next to the export button and downloads the .docx', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '説明資料' }).click();
    await page.locator('#pack-country').selectOption('VN');
    const format = page.getByRole('combobox', { name: '書き出す形式' });
    await format.waitFor();
    expect(await format.locator('option').allTextContents()).toEqual(['PDF（印刷・配布用）', 'Word（印刷前に編集する場合）']);
    await format.selectOption('docx');
    const button = page.getByRole('button', { name: 'Wordに書き出す' });
    await button.scrollIntoViewIfNeeded();
    await app.shot('pack-format-word');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^karte-pack-VN-\d{4}-\d{2}-\d{2}-council\.docx$/);
    const file = path.join(SHOTS, 'vn-council.docx');
    await download.saveAs(file);
    const document = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(document).toContain('案件一覧（別表）');
    expect(app.errors).toEqual([]);
  });
});
