import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RENDERER_DIR } from '../../bin/cli/app';
import { electronPackDelivery, packPreviewResponse, PRINT_PARTITION } from '../../electron/main-pack';
import { appFileResponse } from '../../electron/main-window';
import { listCases, updateCase } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { buildPackInput } from '../../electron/services/pack/build-input';
import { PACK_PREVIEW_POLICY, PackPreviews } from '../../electron/services/delivery';
import { electronBuild } from '../../vite.electron.config';
import { launchChromium } from '../support/browser';
import { electronStandIn, standInKeyring } from '../support/electron-stand-in';
import { packElectronStandIn } from '../support/electron-stand-in-pack';
import { pdfFonts, pdfPages, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

// The desktop app's pack export (electron/main-pack.ts) against a stand-in for Electron whose window is a real
// Chromium page: the PDF is Chromium's print of the file the main process wrote, read back with pdf.js. The font
// comes from the built renderer (dist/renderer, built by the global setup), as in the packaged app.

describe('pack export in the desktop app', () => {
  const temp = useTempDir();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  const vietnamPack = () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const [left, ...kept] = listCases(store, { country: 'VN' });
    updateCase(store, kept[0].id, { title: '<b>太字</b> & 通信' });
    const input = buildPackInput(store, { country: 'VN', audience: 'council', lang: 'ja', caseIds: kept.map((c) => c.id), asOf: '2025-04-01' });
    return { input, left, kept: listCases(store, { country: 'VN' }).filter((c) => c.id !== left.id) };
  };

  it('asks where to save, prints in a hidden sandboxed window apart from the app, and writes the A4 PDF there', async () => {
    const { input, left, kept } = vietnamPack();
    const target = path.join(temp.dir(), 'chosen.pdf');
    const standIn = packElectronStandIn(browser, () => target);
    const delivery = electronPackDelivery(standIn.electron, new PackPreviews(), { rendererDir: RENDERER_DIR, owner: () => null, folder: () => '/home/someone/Documents' });

    expect(await delivery.export({ kind: 'pack', input })).toEqual({ outcome: 'saved', file: target });

    expect(standIn.dialogs).toEqual([{ defaultPath: '/home/someone/Documents/karte-pack-VN-2025-04-01-council.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }]);
    const [window] = standIn.windows;
    expect(standIn.windows).toHaveLength(1);
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.url).toMatch(/^file:\/\/.*\/pack\.html$/);
    // A measuring print, then the pack with its contents numbered.
    expect(window.printOptions.length).toBeGreaterThanOrEqual(2);
    for (const options of window.printOptions) expect(options).toEqual({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(window.closed).toBe(true);
    // The temporary pack file is gone with the window.
    expect(fs.existsSync(new URL(window.url!))).toBe(false);

    // Its own in-memory session, which grants nothing and lets nothing out but the pack's own files.
    const [session] = standIn.sessions;
    expect(session.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    expect(window.options.webPreferences?.session).toBeDefined();
    const granted: boolean[] = [];
    session.permissionRequest!({} as never, 'media', (grant) => granted.push(grant), {} as never);
    expect(granted).toEqual([false]);
    expect(session.permissionCheck!(null, 'clipboard-read', '', {} as never)).toBe(false);
    const cancelled = (url: string) => new Promise<boolean | undefined>((resolve) => session.beforeRequest!({ url }, (r) => resolve(r.cancel)));
    expect(await cancelled('https://example.com/track.png')).toBe(true);
    expect(await cancelled('file:///tmp/karte-pack-x/pack.html')).toBe(false);

    const pages = await pdfPages(target);
    const text = pages.join('\n');
    const flat = squeezed(text);
    expect(text).toContain('協議会会員限り');
    for (const c of kept) expect(flat).toContain(squeezed(c.title));
    expect(flat).not.toContain(squeezed(left.title));
    // The running header prints on every page, in the bundled font.
    for (const page of pages) expect(page).toContain('ベトナム 海外展開カルテ 説明資料（');
    // The contents carry page numbers, filled in by the main process driving the print window.
    expect(pages[1]).toContain('目次');
    expect(pages[1]).toMatch(/案件一覧（別表）\s+\d+\s/);
    for (const name of await pdfFonts(target)) expect(name).toMatch(/^[A-Z]{6}\+NotoSansJP/);
    expect(fs.readdirSync(path.dirname(target)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints nothing and writes nothing when the save dialog is cancelled', async () => {
    const { input } = vietnamPack();
    const standIn = packElectronStandIn(browser, () => null);
    const delivery = electronPackDelivery(standIn.electron, new PackPreviews(), { rendererDir: RENDERER_DIR, owner: () => null, folder: () => temp.dir() });
    expect(await delivery.export({ kind: 'pack', input })).toEqual({ outcome: 'cancelled' });
    expect(standIn.windows).toEqual([]);
    expect(fs.readdirSync(temp.dir()).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('prints a Thai translation in the Noto Sans Thai the built renderer bundles', async () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const [postal] = listCases(store, { country: 'VN' });
    updateCase(store, postal.id, { translations: { th: { summary: 'ระบบไปรษณีย์อัตโนมัติ' } } });
    const input = buildPackInput(store, { country: 'VN', audience: 'internal', lang: 'ja', caseIds: [postal.id], asOf: '2025-04-01', counterpartLang: 'th' });
    const target = path.join(temp.dir(), 'thai.pdf');
    await electronPackDelivery(packElectronStandIn(browser, () => target).electron, new PackPreviews(), {
      rendererDir: RENDERER_DIR,
      owner: () => null,
      folder: () => temp.dir(),
    }).export({ kind: 'pack', input });
    expect(await pdfFonts(target)).toContainEqual(expect.stringMatching(/^[A-Z]{6}\+NotoSansThai/));
  });

  it('names the file it cannot write, leaving nothing half written', async () => {
    const { input } = vietnamPack();
    const target = path.join(temp.dir(), 'no-such-folder', 'pack.pdf');
    const delivery = electronPackDelivery(packElectronStandIn(browser, () => target).electron, new PackPreviews(), {
      rendererDir: RENDERER_DIR,
      owner: () => null,
      folder: () => temp.dir(),
    });
    await expect(delivery.export({ kind: 'pack', input })).rejects.toThrow(`cannot write the pack to ${target}`);
    expect(fs.existsSync(path.dirname(target))).toBe(false);
  });

  it('serves previews over karte://app/pack-preview/ under the preview policy, in the font the app itself serves', async () => {
    const { input } = vietnamPack();
    const previews = new PackPreviews();
    const delivery = electronPackDelivery(packElectronStandIn(browser, () => null).electron, previews, { rendererDir: RENDERER_DIR, owner: () => null, folder: () => temp.dir() });
    const url = await delivery.preview({ kind: 'pack', input });
    expect(url).toMatch(/^karte:\/\/app\/pack-preview\/[A-Za-z0-9_-]{24}$/);

    const document = packPreviewResponse(url, previews)!;
    expect(document.headers.get('content-security-policy')).toBe(PACK_PREVIEW_POLICY);
    const html = await document.text();
    expect(html).toContain('&lt;b&gt;太字&lt;/b&gt; &amp; 通信');
    const fontUrls = [...html.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(fontUrls.length).toBeGreaterThan(100);
    for (const fontUrl of fontUrls) expect(fontUrl).toMatch(/^\/assets\/noto-sans-jp-[\w-]+\.woff2?$/);
    // The app's own karte:// handler serves them, on the preview's origin.
    const font = await appFileResponse(new URL(fontUrls[0], url).href, { app: RENDERER_DIR, unlock: RENDERER_DIR });
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toMatch(/^font\/woff2?$/);

    for (const other of ['karte://app/pack-preview/unknown', 'karte://unlock/pack-preview/x', 'karte://app/index.html', 'not a url']) {
      expect(packPreviewResponse(other, previews), other).toBeNull();
    }
  });
});

describe('pack preview in the built main process', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  let outDir: string;
  let dir: string;
  const savedArgv = process.argv;
  beforeAll(async () => {
    // Inside dist/, where main.js finds dist/renderer by the same relative path as when built.
    outDir = fs.mkdtempSync(path.join(ROOT, 'dist', 'electron-pack-test-'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-main-pack-'));
    await build({ ...electronBuild(outDir), logLevel: 'silent' });
  });
  afterAll(() => {
    process.argv = savedArgv;
    vi.doUnmock('electron');
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers pack.preview over IPC with a karte:// address its protocol handler serves under the preview policy', async () => {
    const electron = electronStandIn({ userData: path.join(dir, 'userData'), keyring: standInKeyring() });
    process.argv = [...savedArgv.slice(0, 1), path.join(outDir, 'main.js')];
    vi.resetModules();
    vi.doMock('electron', () => electron.module);
    await import(path.join(outDir, 'main.js'));
    electron.ready();
    // The window opens once the back end's process has opened the store: seconds on a loaded machine, not vi.waitFor's one.
    await vi.waitFor(() => expect(electron.windows.length).toBeGreaterThan(0), { timeout: 20_000 });
    const [window] = electron.windows;
    // The main process answers each call's outcome: its result, or its error as data.
    const call = async (name: string, args: unknown) => {
      const outcome = (await electron.ipcHandlers.get('karte:call')!({ sender: window.webContents, senderFrame: { url: window.webContents.url, parent: null } }, name, args)) as
        { result: unknown } | { error: unknown };
      if ('error' in outcome) throw new Error(JSON.stringify(outcome.error));
      return outcome.result;
    };

    await call('demo.import', {});
    const preview = (await call('pack.preview', { country: 'VN', audience: 'public', lang: 'en', asOf: '2025-04-01' })) as { url: string; cases: number };
    expect(preview.url).toMatch(/^karte:\/\/app\/pack-preview\/[A-Za-z0-9_-]{24}$/);
    const handle = electron.protocolHandlers.get('karte')!;
    const document = await handle(new Request(preview.url));
    expect(document.status).toBe(200);
    expect(document.headers.get('content-security-policy')).toBe(PACK_PREVIEW_POLICY);
    const html = await document.text();
    expect(html).toContain('Public');
    const fontUrl = html.match(/url\("(\/assets\/[^"]+\.woff2)"\)/)![1];
    expect((await handle(new Request(new URL(fontUrl, preview.url)))).headers.get('content-type')).toBe('font/woff2');
    // The app's own pages keep the app's policy.
    expect((await handle(new Request('karte://app/index.html'))).headers.get('content-security-policy')).not.toBe(PACK_PREVIEW_POLICY);
    // Quitting closes the back end's process first.
    electron.app.emit('before-quit', { preventDefault: () => undefined });
    await vi.waitFor(() => expect(electron.quit.count).toBeGreaterThan(0), { timeout: 10_000 });
    electron.app.emit('will-quit');
  });
});
