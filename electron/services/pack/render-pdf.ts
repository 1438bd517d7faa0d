import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../chromium';

/**
 * Prints a pack's HTML to an A4 PDF with Chromium. The page is loaded from a file, not set as content, so its
 * file:// fonts load. `marginText` is what the page margin boxes print (running header): Chromium fetches a font's
 * unicode-range subsets for the document's text only, so the subsets for the margins are loaded explicitly.
 */
export async function renderPackPdf(html: string, outFile: string, marginText: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-pack-'));
  const browser = await launchChromium();
  try {
    const htmlFile = path.join(dir, 'pack.html');
    fs.writeFileSync(htmlFile, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.evaluate(async (text) => {
      await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 12px "Noto Sans JP"`, text)));
      await document.fonts.ready;
    }, marginText);
    // Size and margins come from the document's @page rule.
    await page.pdf({ path: outFile, printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
