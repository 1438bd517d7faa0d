import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Store } from '../../electron/services/store/store';
import { startAppServer } from './app-server';
import { launchChromium } from './browser';

// The app as the end-to-end tests meet it: browser mode on its own store, and a Chromium page at a laptop's
// 1366×768 in Japanese, signed in by the address `npm start` opens. Script errors and CSP violations are collected,
// for a test to fail on; screenshots go to test/artifacts/e2e/ for a person to look at.

export const SHOTS = path.resolve(import.meta.dirname, '../artifacts/e2e');
export const LAPTOP = { width: 1366, height: 768 };

export interface AppPage {
  app: Awaited<ReturnType<typeof startAppServer>>;
  page: Page;
  /** Every script error and console error the page met. */
  errors: string[];
  /** Saves what the page shows as test/artifacts/e2e/NAME.png (the whole page with `fullPage`). */
  shot: (name: string, fullPage?: boolean) => Promise<Buffer>;
  close: () => Promise<void>;
}

/** Whether anything on the page is wider than the window (a table or a long name pushing it sideways). */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Starts the app on a store `prepare` fills, and opens it in Chromium until the main navigation shows. */
export async function openAppPage(prepare?: (store: Store) => void): Promise<AppPage> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const app = await startAppServer(prepare);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: LAPTOP, locale: 'ja-JP' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(app.server.openUrl);
    await page.getByRole('navigation', { name: 'main' }).waitFor();
    const opened = browser;
    return {
      app,
      page,
      errors,
      shot: (name, fullPage = false) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage }),
      close: async () => {
        await opened.close();
        await app.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.stop();
    throw error;
  }
}
