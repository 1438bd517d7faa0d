import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { openBackEnd } from '../../electron/services/back-end';
import { startBrowserMode, type BrowserMode } from '../../electron/services/browser-mode';
import { createCase } from '../../electron/services/cases';
import { documentHtml } from '../../electron/services/delivery';
import { buildPackInput } from '../../electron/services/pack/build-input';
import { notoSansJpFontFaceCss, scriptFontFaceCss } from '../../electron/services/pack/font-face';
import { launchChromium } from '../support/browser';
import { karte } from '../support/cli';
import { pdfFonts, pdfPageImage, pdfPages, squeezed } from '../support/pdf';
import { DEMO_DIR, useTempDir } from '../support/temp';

// Counterpart translations in scripts Noto Sans JP lacks print in the bundled Noto font of their script, embedded in
// the PDF (the test machine, like a ministry laptop, may have no font for them), and only in packs that print them.

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/pack');

const THAI = { summary: 'ระบบไปรษณีย์อัตโนมัติ', talkingPoints: 'เน้นความน่าเชื่อถือของเทคโนโลยีญี่ปุ่น' };
const ARABIC = { summary: 'نظام البريد الآلي', talkingPoints: 'التأكيد على موثوقية التكنولوجيا اليابانية' };

describe('counterpart translations in scripts of their own', () => {
  const temp = useTempDir();
  let server: BrowserMode | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /** A store with one Thai and one Egyptian case, each translated into its counterpart's language. */
  const store = () => {
    const s = temp.store('scripts.sqlite');
    createCase(s, {
      title: 'タイ 郵便区分機',
      countries: ['TH'],
      scope: 'public',
      summary: '郵便区分機の導入',
      talkingPoints: '日本の技術の信頼性を強調',
      translations: { th: THAI },
    });
    createCase(s, {
      title: 'エジプト 郵便区分機',
      countries: ['EG'],
      scope: 'public',
      summary: '郵便区分機の導入',
      talkingPoints: '日本の技術の信頼性を強調',
      translations: { ar: ARABIC },
    });
    return s;
  };
  const pack = (name: string, args: string[]) => {
    const out = path.join(temp.dir(), name);
    const result = karte(['--db', path.join(temp.dir(), 'scripts.sqlite'), 'pack', '--audience', 'public', ...args, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    return out;
  };
  /** The page the case's talking points (発言要領) print on, from 1. */
  const talkingPointsPage = (pages: string[]) => pages.findLastIndex((page) => squeezed(page).includes('発言要領')) + 1;

  it('prints a Thai translation in the bundled Noto Sans Thai, and a pack without Thai text without it', async () => {
    store().close();
    const thai = pack('th.pdf', ['--country', 'TH', '--counterpart-lang', 'th']);
    const fonts = await pdfFonts(thai);
    expect(fonts).toContainEqual(expect.stringMatching(/^[A-Z]{6}\+NotoSansThai/));
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSans(JP|Thai)/);
    const pages = await pdfPages(thai);
    // pdf.js reads a tone mark stacked over an upper vowel (ื่, drawn with a glyph of its own) as U+0000, where
    // poppler reads it: the texts are compared without their tone marks.
    const toneless = (text: string) =>
      squeezed(text)
        .replaceAll('\0', '')
        .replace(/[\u0E48-\u0E4B]/g, '');
    const flat = toneless(pages.join(''));
    for (const text of Object.values(THAI)) expect(flat).toContain(toneless(text));

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const page = talkingPointsPage(pages);
    const { png, inkedShare } = await pdfPageImage(thai, page, 80);
    fs.writeFileSync(path.join(ARTIFACTS, `counterpart-th-p${page}.png`), png);
    expect(inkedShare).toBeGreaterThan(0.002);

    // The same case without its translation printed: no Thai text, so no Thai font.
    const plain = pack('th-plain.pdf', ['--country', 'TH']);
    expect(await pdfFonts(plain)).not.toContainEqual(expect.stringContaining('NotoSansThai'));
    expect(await pdfFonts(plain)).toContainEqual(expect.stringContaining('NotoSansJP'));
  });

  it('sets an Arabic translation right to left, in the bundled Noto Sans Arabic and no other script font', async () => {
    const s = store();
    const html = documentHtml(
      { kind: 'pack', input: buildPackInput(s, { country: 'EG', audience: 'public', lang: 'ja', asOf: '2025-04-01', counterpartLang: 'ar' }) },
      { fontFaceCss: notoSansJpFontFaceCss(), scriptFontFaceCss },
    );
    s.close();
    const counterparts = [...html.matchAll(/<div class="counterpart"[^>]*>/g)].map((m) => m[0]);
    expect(counterparts).toEqual(Array(2).fill('<div class="counterpart" lang="ar" dir="rtl">'));
    expect(html).toContain("font-family: 'Noto Sans Arabic'");
    expect(html).not.toContain("font-family: 'Noto Sans Thai'");
    expect(html).toContain("html { font-family: 'Noto Sans JP', 'Noto Sans Arabic', sans-serif;");

    const arabic = pack('ar.pdf', ['--country', 'EG', '--counterpart-lang', 'ar']);
    const fonts = await pdfFonts(arabic);
    expect(fonts).toContainEqual(expect.stringMatching(/^[A-Z]{6}\+NotoSansArabic/));
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSans(JP|Arabic)/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pages = await pdfPages(arabic);
    const page = talkingPointsPage(pages);
    const { png, inkedShare } = await pdfPageImage(arabic, page, 80);
    fs.writeFileSync(path.join(ARTIFACTS, `counterpart-ar-p${page}.png`), png);
    expect(inkedShare).toBeGreaterThan(0.002);
  });

  it('previews a Thai translation in browser mode in the Noto Sans Thai served beside the preview', async () => {
    const s = store();
    const file = s.file;
    s.close();
    server = await startBrowserMode((delivery) => openBackEnd({ store: { file, author: 'tester' }, demoDir: DEMO_DIR, version: 'test', delivery }), { staticDir: null });
    const response = await fetch(`${server.url}/api/call/pack.preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ country: 'TH', audience: 'public', lang: 'ja', asOf: '2025-04-01', counterpartLang: 'th' }),
    });
    const { result: preview } = (await response.json()) as { result: ApiResult<'pack.preview'> };
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(new URL(preview.url, server.url).href);
      // The faces of each family that the page's text made the browser load (check() would pass a family with none).
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...new Set([...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replaceAll('"', '')))].sort();
      });
      expect(loaded).toEqual(['Noto Sans JP', 'Noto Sans Thai']);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
