import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, PrintToPDFOptions, Session } from 'electron';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCRIPT_FONT_FAMILIES } from '../shared/print/scripts';
import { LOCKED_DOWN_PREFERENCES, RESPONSE_HEADERS } from './main-window';
import { printWithContentsNumbers } from './services/pack/contents-numbers';
import {
  documentFileName,
  documentHtml,
  documentMarginText,
  FILE_TYPES,
  fontFaceRules,
  moveMadeFile,
  PACK_FONT_FAMILY,
  PACK_PREVIEW_POLICY,
  previewHtml,
  type PackPreviews,
  type Delivery,
  type DocumentFonts,
  type PrintDocument,
} from './services/delivery';

// Briefing packs in the desktop app. Electron is passed in (main.ts holds the only runtime import of 'electron').
// A pack prints in a hidden window of its own: sandboxed, no preload, in a session apart from the app's, loading the
// pack's HTML from a temporary file so its file:// fonts load; Chromium's print engine makes the A4 PDF.
// The fonts are those the app itself shows, from the built renderer (a packaged app has no node_modules).

/** In memory (no 'persist:'), so nothing of a pack outlives the print, and apart from the app's own session. */
export const PRINT_PARTITION = 'karte-pack-print';

export type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'close'> & { webContents: Pick<BrowserWindow['webContents'], 'executeJavaScript' | 'printToPDF'> };

export interface PackElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => PrintWindow;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  session: { fromPartition: (partition: string) => Session };
}

export function printWindowOptions(session: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      session,
      // Script runs only as the main process drives it (fonts, page numbers of the contents): the pack's HTML holds none, record text is escaped.
      javascript: true,
      ...LOCKED_DOWN_PREFERENCES,
    },
  };
}

/** Size and margins come from the pack's @page rule (A4 as well, should a rule be missing). */
export const PRINT_OPTIONS: PrintToPDFOptions = { pageSize: 'A4', preferCSSPageSize: true, printBackground: true };

/**
 * Script for the page: Chromium fetches a font's unicode-range subsets for the document's text only, so those the
 * running header (page margin boxes) needs are loaded explicitly before printing.
 */
function fontsLoadedScript(marginText: string): string {
  return `Promise.all(['400', '700'].map((weight) => document.fonts.load(weight + ' 12px "${PACK_FONT_FAMILY}"', ${JSON.stringify(marginText)}))).then(() => document.fonts.ready).then(() => true)`;
}

/** The print session: no permission ever, and no request beyond the pack's own file:// document and fonts. */
function printSession(electron: PackElectron): Session {
  const session = electron.session.fromPartition(PRINT_PARTITION);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file:') }));
  return session;
}

/**
 * The built renderer's @font-face rules of the bundled font `family`, with each file named by `url(fileName)`. Vite
 * writes them into the renderer's stylesheet with relative URLs, beside the hashed font files in assets/.
 */
export function rendererFontFaceCss(rendererDir: string, url: (fileName: string) => string, family = PACK_FONT_FAMILY): string {
  const assets = path.join(rendererDir, 'assets');
  const css = readdirSync(assets)
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(path.join(assets, file), 'utf8'))
    .join('\n');
  const rules = fontFaceRules(css, family, (relative) => url(path.basename(relative)));
  if (rules === '') throw new Error(`the bundled font ${family} is not in the built renderer's stylesheets (${assets})`);
  return rules;
}

/** The built renderer's fonts, each file named by `url(fileName)`. */
function rendererFonts(rendererDir: string, url: (fileName: string) => string): DocumentFonts {
  return {
    fontFaceCss: rendererFontFaceCss(rendererDir, url),
    scriptFontFaceCss: (script) => rendererFontFaceCss(rendererDir, url, SCRIPT_FONT_FAMILIES[script]),
  };
}

/** The document as an A4 PDF, printed by Chromium in a hidden window. */
export async function printDocumentPdf(electron: PackElectron, document: PrintDocument, rendererDir: string): Promise<Buffer> {
  const html = documentHtml(
    document,
    rendererFonts(rendererDir, (fileName) => pathToFileURL(path.join(rendererDir, 'assets', fileName)).href),
  );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'karte-pack-'));
  const window = new electron.BrowserWindow(printWindowOptions(printSession(electron)));
  try {
    const htmlFile = path.join(dir, 'pack.html');
    await fs.writeFile(htmlFile, html);
    await window.loadURL(pathToFileURL(htmlFile).href);
    await window.webContents.executeJavaScript(fontsLoadedScript(documentMarginText(document)));
    const pdf = await printWithContentsNumbers({
      evaluate: (script) => window.webContents.executeJavaScript(script),
      print: () => window.webContents.printToPDF(PRINT_OPTIONS),
    });
    return Buffer.from(pdf);
  } finally {
    window.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Written whole or not at all: a half-written PDF where the user asked for the pack would pass for a pack. */
async function writeWhole(file: string, content: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new Error(`cannot write the pack to ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * The desktop app's deliveries: pack previews kept for karte://app/pack-preview/… (their font from
 * karte://app/assets/, as the app's); pack exports asked for with the save dialog (before printing, so a cancelled
 * export prints nothing) and written where the user chose; made files (Excel, CSV) moved where the user chose.
 * `rendererDir` is the built renderer karte://app/ serves.
 */
export function electronPackDelivery(
  electron: PackElectron,
  previews: PackPreviews,
  options: { rendererDir: string; owner: () => BrowserWindow | null; folder: () => string },
): Delivery {
  let previewFonts: DocumentFonts | null = null;
  /** The path the user chose for `fileName`, or null when they cancelled. */
  const chosenPath = async (fileName: string): Promise<string | null> => {
    const owner = options.owner();
    const kind = FILE_TYPES[path.extname(fileName)];
    const dialogOptions = { defaultPath: path.join(options.folder(), fileName), filters: [{ name: kind.name, extensions: [path.extname(fileName).slice(1)] }] };
    const choice = await (owner ? electron.dialog.showSaveDialog(owner, dialogOptions) : electron.dialog.showSaveDialog(dialogOptions));
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
  return {
    preview: async (document) => {
      previewFonts ??= rendererFonts(options.rendererDir, (fileName) => `/assets/${fileName}`);
      return `karte://app${previews.publish(previewHtml(document, previewFonts))}`;
    },
    export: async (document) => {
      const file = await chosenPath(documentFileName(document));
      if (file === null) return { outcome: 'cancelled' };
      await writeWhole(file, await printDocumentPdf(electron, document, options.rendererDir));
      return { outcome: 'saved', file };
    },
    file: async (made) => {
      const file = await chosenPath(made.fileName);
      if (file === null) {
        await fs.rm(made.path, { force: true });
        return { outcome: 'cancelled' };
      }
      await moveMadeFile(made, file);
      return { outcome: 'saved', file };
    },
  };
}

/** karte://app/pack-preview/ID: a kept preview, under its own policy; null for other URLs. */
export function packPreviewResponse(url: string, previews: PackPreviews): Response | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'karte:' || parsed.host !== 'app') return null;
  const html = previews.document(parsed.pathname);
  if (html === null) return null;
  return new Response(html, {
    headers: { ...RESPONSE_HEADERS, 'Content-Security-Policy': PACK_PREVIEW_POLICY, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
