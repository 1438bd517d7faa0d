import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { openAppPage, type AppPage } from '../support/app-page';
import { demoFiles } from '../support/temp';

// A desk officer's day (issue 13) in real Chromium at a laptop's 1366×768, around the screens: an address with no
// screen is said inside the app's frame, a keyboard skips the top bar, and an import that fails says in Japanese
// where and what to fix. Screenshots go to test/artifacts/e2e/.

describe('the app frame in Chromium', () => {
  let page: Page;
  let errors: string[];
  let shot: AppPage['shot'];
  let close: AppPage['close'];

  beforeAll(async () => {
    ({ page, errors, shot, close } = await openAppPage((store) => importKarteFiles(store, demoFiles())));
  });

  afterAll(() => close?.());

  it('opens home with a way past the top bar for the keyboard', async () => {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await shot('60-home');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('says an unknown address has no page inside the app, with its navigation', async () => {
    await page.evaluate(() => (window.location.hash = '#/no/such/page'));
    await page.getByRole('heading', { name: 'このページはありません' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'main' }).isVisible()).toBe(true);
    await shot('61-not-found');
    await page.getByRole('link', { name: 'ホームに戻る' }).click();
    await page.waitForFunction(() => window.location.hash === '#/');
  });

  it('names the line and column of a file that is not JSON, in Japanese, and imports nothing', async () => {
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'インポート' }).click();
    await page.getByLabel('ファイルを選択', { exact: true }).setInputFiles({
      name: 'vietnam-edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "country": "ベトナム",\n  "cases": [\n    {"sector": "郵便" "summary": "区分機"}\n  ]\n}\n'),
    });
    await page.getByRole('button', { name: '1件のファイルをインポート' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('vietnam-edited.json');
    expect(text).toContain('JSONとして読めません（4行目の21文字目）');
    expect(text).not.toMatch(/Unexpected|position|JSON at/);
    await shot('62-import-error');
    // The refused import is answered 422, which Chromium logs as a failed load: that one is expected.
    expect(errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
  });
});
