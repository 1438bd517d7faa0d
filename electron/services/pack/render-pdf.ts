import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../chromium';
import { printWithContentsNumbers } from './contents-numbers';

// One Chromium for the process, launched with the first pack, and one browser context in it: a launch costs about
// as much as printing a pack, a new context a tenth of that.
let shared: Promise<BrowserContext> | null = null;

function packContext(): Promise<BrowserContext> {
  if (shared === null) {
    const launching = launchChromium().then(async (browser) => {
      browser.on('disconnected', () => {
        if (shared === launching) shared = null;
      });
      return browser.newContext();
    });
    shared = launching;
    // A failed launch is tried again with the next pack.
    launching.catch(() => {
      if (shared === launching) shared = null;
    });
  }
  return shared;
}

/** Closes the process's Chromium, if one was launched; the next pack launches another. */
export async function closePackBrowser(): Promise<void> {
  const current = shared;
  shared = null;
  const context = await current?.catch(() => null);
  await context?.browser()?.close();
}

/** Size and margins come from the document's @page rule. */
const PRINT = { printBackground: true, preferCSSPageSize: true } as const;

/**
 * Prints a pack's HTML to an A4 PDF with Chromium, its contents numbered. The page is loaded from a file, not set as
 * content, so its file:// fonts load. `marginText` is what the page margin boxes print (running header): Chromium
 * fetches a font's unicode-range subsets for the document's text only, so the subsets for the margins are loaded
 * explicitly. Those of the document's own text (in any script's font) are loading by the load event, and
 * document.fonts.ready waits for them.
 */
export async function renderPackPdf(html: string, outFile: string, marginText: string): Promise<void> {
  const page = await (await packContext()).newPage();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-pack-'));
  try {
    const htmlFile = path.join(dir, 'pack.html');
    fs.writeFileSync(htmlFile, html);
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.evaluate(async (text) => {
      await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 12px "Noto Sans JP"`, text)));
      await document.fonts.ready;
    }, marginText);
    const pdf = await printWithContentsNumbers({ evaluate: (script) => page.evaluate(script), print: () => page.pdf(PRINT) });
    fs.writeFileSync(outFile, pdf);
  } finally {
    await page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
