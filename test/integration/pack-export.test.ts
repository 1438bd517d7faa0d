import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiName, ApiResult } from '../../shared/api';
import { openBackEnd } from '../../electron/services/back-end';
import { readWorkbook } from '../../electron/services/excel/workbook';
import { startBrowserMode, type BrowserMode } from '../../electron/services/browser-mode';
import { listCases, updateCase } from '../../electron/services/cases';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/content-security-policy';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { PACK_PREVIEW_POLICY } from '../../electron/services/delivery';
import { launchChromium } from '../support/browser';
import { pdfText, squeezed } from '../support/pdf';
import { DEMO_DIR, demoFiles, useTempDir } from '../support/temp';

// Briefing packs in browser mode, over HTTP as the renderer reaches them: the preview a frame of the app shows, and
// the PDF the browser downloads, read back with pdf.js.

const MARKUP = '<img src=x onerror="parent.document.title=\'pwned\'"><script>parent.document.title="pwned"</script>';

describe('briefing packs in browser mode', () => {
  const temp = useTempDir();
  let server: BrowserMode | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /** The demo dossiers, one Vietnam case narrowed to government staff and one titled with markup. */
  const start = async () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const [narrowed, marked, ...others] = listCases(store, { country: 'VN' });
    updateCase(store, narrowed.id, { scope: 'government' });
    updateCase(store, marked.id, { title: `${MARKUP} 郵便` });
    const staticDir = path.join(temp.dir(), 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Karte</title><body></body>');
    store.close();
    server = await startBrowserMode((delivery) => openBackEnd({ store: { file: store.file, author: 'tester' }, demoDir: DEMO_DIR, version: 'test', delivery }), { staticDir });
    return { server, narrowed, marked, left: others[0], kept: others.slice(1) };
  };

  async function call<K extends ApiName>(s: BrowserMode, name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
    const response = await fetch(`${s.url}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
      body: JSON.stringify(args),
    });
    const body = (await response.json()) as { result: ApiResult<K>; error?: unknown };
    if (!response.ok) throw new Error(JSON.stringify(body.error));
    return body.result;
  }

  it('exports the chosen cases as a PDF that only the holder of the token downloads, once', async () => {
    const { server: s, marked, left, kept } = await start();
    const caseIds = [marked.id, ...kept.map((c) => c.id)];
    const exported = await call(s, 'pack.export', { country: 'VN', audience: 'council', lang: 'ja', caseIds, asOf: '2025-04-01' });
    if (exported.outcome !== 'download') throw new Error(`expected a download, got ${JSON.stringify(exported)}`);
    expect(exported.fileName).toBe('karte-pack-VN-2025-04-01-council.pdf');
    expect(exported.url).toMatch(/^\/api\/download\/[A-Za-z0-9_-]{24}$/);

    const download = (headers: Record<string, string>) => fetch(`${s.url}${exported.url}`, { headers });
    expect((await download({})).status).toBe(401);
    expect((await download({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${s.url}${exported.url}?token=${s.token}`)).status).toBe(401);
    const response = await download({ authorization: `Bearer ${s.token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${exported.fileName}"; filename*=UTF-8''${exported.fileName}`);
    const file = path.join(temp.dir(), exported.fileName);
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    const text = await pdfText(file);
    const flat = squeezed(text);
    expect(text).toContain('協議会会員限り');
    for (const c of kept) expect(flat).toContain(squeezed(c.title));
    expect(flat).toContain(squeezed(`${MARKUP} 郵便`));
    expect(flat).not.toContain(squeezed(left.title));

    // One download per export: the file is gone from the server.
    expect((await download({ authorization: `Bearer ${s.token}` })).status).toBe(404);
  });

  it('hands an Excel export over as a one-time download, leaving nothing of it in the temporary folder', async () => {
    const { server: s } = await start();
    const made = () => fs.readdirSync(os.tmpdir()).filter((f) => /^karte-[0-9a-f]{24}\.xlsx$/.test(f));
    const madeBefore = made();
    const exported = await call(s, 'export.xlsx', { countries: ['VN'] });
    if (exported.outcome !== 'download') throw new Error(`expected a download, got ${JSON.stringify(exported)}`);
    expect(exported.fileName).toBe('karte-VN.xlsx');
    expect((await fetch(`${s.url}${exported.url}`)).status).toBe(401);
    const response = await fetch(`${s.url}${exported.url}`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = await readWorkbook(exported.fileName, Buffer.from(await response.arrayBuffer()));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['ベトナム', '案件一覧', '経緯一覧']);
    expect((await fetch(`${s.url}${exported.url}`, { headers: { authorization: `Bearer ${s.token}` } })).status).toBe(404);
    expect(made()).toEqual(madeBefore);
  });

  it('refuses a case narrower than the audience, and other host names', async () => {
    const { server: s, narrowed } = await start();
    await expect(call(s, 'pack.export', { country: 'VN', audience: 'council', lang: 'en', caseIds: [narrowed.id], asOf: '2025-04-01' })).rejects.toThrow(
      /scoped 'government', narrower than the audience 'council'/,
    );
    const preview = await call(s, 'pack.preview', { country: 'VN', audience: 'council', lang: 'en', asOf: '2025-04-01' });
    const { port } = new URL(s.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: preview.url, headers: { host: `evil.example:${port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('serves the preview under a policy with no script, framed by the app: A4 sheets in the bundled font, markup as text', async () => {
    const { server: s, narrowed, marked, left, kept } = await start();
    const caseIds = [marked.id, ...kept.map((c) => c.id)];
    const preview = await call(s, 'pack.preview', { country: 'VN', audience: 'council', lang: 'ja', caseIds, sections: ['matrix', 'cases'], asOf: '2025-04-01' });
    expect(preview.cases).toBe(caseIds.length);
    // The preview's own random id opens it: the API token is never put in an address.
    const url = new URL(preview.url, s.url);
    expect(url.search).toBe('');
    expect(preview.url).not.toContain(s.token);
    expect((await fetch(new URL(url.pathname.replace(/[^/]+$/, 'not-the-id'), s.url))).status).toBe(404);
    const direct = await fetch(url);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-security-policy')).toBe(PACK_PREVIEW_POLICY);
    const app = await fetch(`${s.url}/`);
    expect(app.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-src 'self'");

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Blocked script/.test(message.text())) blocked.push(message.text());
      });
      await page.goto(`${s.url}/`);
      // As the pack builder frames it: sandboxed, scripts not allowed.
      await page.evaluate(
        (src) =>
          new Promise((resolve) => {
            const frame = document.createElement('iframe');
            frame.setAttribute('sandbox', 'allow-same-origin');
            frame.style.width = '1000px';
            frame.style.height = '800px';
            frame.addEventListener('load', resolve);
            frame.src = src;
            document.body.append(frame);
          }),
        preview.url,
      );
      const frame = page.frames().find((f) => f.url().startsWith(`${s.url}/pack-preview/`));
      if (!frame) throw new Error('the preview frame did not load');
      const seen = await frame.evaluate(async () => {
        await document.fonts.ready;
        const sheets = [...document.querySelectorAll('body > section')].map((section) => ({
          box: section.getBoundingClientRect(),
          landscape: section.classList.contains('landscape'),
        }));
        return {
          text: document.body.innerText,
          images: document.querySelectorAll('img, script').length,
          font: getComputedStyle(document.body).fontFamily,
          fontLoaded: document.fonts.check('400 12px "Noto Sans JP"', '案件一覧'),
          sheetWidths: [...new Set(sheets.filter((s) => !s.landscape).map((s) => Math.round(s.box.width)))],
          shortestSheet: Math.min(...sheets.filter((s) => !s.landscape).map((s) => Math.round(s.box.height))),
          landscapeSheets: sheets.filter((s) => s.landscape).map((s) => [Math.round(s.box.width), Math.round(s.box.height) >= 793]),
        };
      });
      const flat = squeezed(seen.text);
      for (const c of kept) expect(flat).toContain(squeezed(c.title));
      expect(flat).toContain(squeezed(`${MARKUP} 郵便`));
      expect(flat).not.toContain(squeezed(left.title));
      expect(flat).not.toContain(squeezed(narrowed.title));
      // Only the chosen sections (and the cover and contents) are there.
      expect(seen.text).toContain('案件一覧（別表）');
      expect(seen.text).not.toContain('国別概況');
      expect(seen.images).toBe(0);
      expect(await page.title()).toBe('Karte');
      expect(seen.font).toContain('Noto Sans JP');
      expect(seen.fontLoaded).toBe(true);
      // 210mm × 297mm at 96 dpi.
      expect(seen.sheetWidths).toEqual([794]);
      expect(seen.shortestSheet).toBeGreaterThanOrEqual(1122);
      // The 別表 on a landscape sheet, 297mm × 210mm, as it prints.
      expect(seen.landscapeSheets).toEqual([[1123, true]]);
      // The pack's inline styles are its own document's, allowed there; nothing was refused.
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
