import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Handover } from '../../shared/api';
import type { PackInput } from '../../shared/pack/pack-input';
import { directionSheetRunningHeader, renderDirectionSheetHtml, type DirectionSheetInput } from '../../shared/pack/render-direction';
import { LANDSCAPE_PAGE, packRunningHeader, renderPackHtml } from '../../shared/pack/render-html';
import type { Script } from '../../shared/print/scripts';
import { projectReportRunningHeader, renderProjectReportHtml, type ProjectReportInput } from '../../shared/report/project-report';
import { renderSectorSheetHtml, sectorSheetRunningHeader, type SectorSheetInput } from '../../shared/council/render-sector';

// How a shell hands what the back end makes to its user: a printed document (a briefing pack, a follow-up report) or
// a file the back end wrote (an Excel or CSV export); and the preview documents both shells serve on the app's own
// origin (karte://app/pack-preview/… in the desktop app, http://127.0.0.1:…/pack-preview/… in browser mode).
//
// The preview cannot be a srcdoc (or blob:) frame: such a document inherits the app's policy, whose style-src 'self'
// refuses the pack's inline <style>. So it is a document of its own, served under PACK_PREVIEW_POLICY: inline styles
// and the bundled font from the same origin only, no script at all. The app frames it (frame-src 'self') in a
// sandbox without scripts.
//
// Nothing here finds the font at run time: the desktop app's bundle has no node_modules, so each shell says where
// its font files are (the built renderer's, or the @fontsource package's).

/**
 * What the shells print and hand over, as data: it crosses from the back end's process to the host's, which renders
 * it in the fonts it has.
 */
export type PrintDocument =
  | { kind: 'pack'; input: PackInput }
  | { kind: 'projectReport'; input: ProjectReportInput }
  | { kind: 'direction'; input: DirectionSheetInput }
  | { kind: 'sector'; input: SectorSheetInput };

/**
 * A file the back end wrote for the user, in a folder of its own: the host takes it over (and removes it) rather than
 * the bytes crossing between processes, so a large workbook never sits whole in memory.
 */
export interface MadeFile {
  path: string;
  /** What it is called where it is saved. */
  fileName: string;
}

/** The kinds of files handed over, by extension, as the save dialog filters them and the browser is told. */
export const FILE_TYPES: Record<string, { name: string; type: string }> = {
  '.pdf': { name: 'PDF', type: 'application/pdf' },
  '.docx': { name: 'Word', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.xlsx': { name: 'Excel', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  '.csv': { name: 'CSV', type: 'text/csv; charset=utf-8' },
};

export interface Delivery {
  /** Keeps the document's preview; resolves with the address the app frames it from. */
  preview(document: PrintDocument): Promise<string>;
  /** Prints the document to an A4 PDF and hands it over: a save dialog in the desktop app, a download in browser mode. */
  export(document: PrintDocument): Promise<Handover>;
  /** Hands a made file over as `export` does a PDF; the file is the host's from then on, and gone once handed over. */
  file(made: MadeFile): Promise<Handover>;
}

/** A new place for a made file: in the system's temporary folder, under an unguessable name with the file's extension. */
export function madeFile(fileName: string): MadeFile {
  return { path: path.join(os.tmpdir(), `karte-${crypto.randomBytes(12).toString('hex')}${path.extname(fileName)}`), fileName };
}

/**
 * Moves a made file to where the user chose, whole or not at all (a half-copied workbook there would pass for one),
 * and removes it from the temporary folder either way.
 */
export async function moveMadeFile(made: MadeFile, destination: string): Promise<void> {
  const temporary = `${destination}.${process.pid}.tmp`;
  try {
    await fs.copyFile(made.path, temporary);
    await fs.rename(temporary, destination);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new Error(`cannot write ${destination}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await fs.rm(made.path, { force: true });
  }
}

/** What the back end asks of its host's delivery, as data: it crosses between their processes. */
export type DeliveryRequest = { method: 'preview' | 'export'; document: PrintDocument } | { method: 'file'; made: MadeFile };

/** Runs a request on a delivery. */
export function deliver(delivery: Delivery, request: DeliveryRequest): Promise<unknown> {
  if (request.method === 'file') return delivery.file(request.made);
  return request.method === 'preview' ? delivery.preview(request.document) : delivery.export(request.document);
}

export const PACK_PREVIEW_PATH = '/pack-preview/';

/** The preview document's policy: its own inline styles and the font files beside it, nothing else; no script. */
export const PACK_PREVIEW_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "font-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

// On screen each part of the pack shows as an A4 sheet, a landscape one for a part printed on landscape pages (print
// keeps the pack's own @page rules).
const SCREEN_CSS = `@media screen {
html { background: #8a8f98; }
body { display: flex; flex-direction: column; align-items: center; margin: 0; padding: 6mm 0; }
body > section { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 0 6mm; padding: 18mm 14mm 16mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4); }
body > section.${LANDSCAPE_PAGE} { width: 297mm; min-height: 210mm; padding: 16mm 14mm 14mm; }
}`;

/** The family of the bundled Japanese font, as the pack's styles and the app's name it. */
export const PACK_FONT_FAMILY = 'Noto Sans JP';

/**
 * The @font-face rules of `family` in a stylesheet, each url() rewritten by `rewrite`: where a pack's font files
 * load from depends on where it is shown (file:// to print, the app's origin to preview).
 */
export function fontFaceRules(css: string, family: string, rewrite: (url: string) => string): string {
  return [...css.matchAll(/@font-face\s*\{[^}]*\}/g)]
    .map((m) => m[0])
    .filter((rule) => new RegExp(`font-family\\s*:\\s*['"]?${family}['"]?\\s*[;}]`).test(rule))
    .map((rule) => rule.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (_whole, _quote, url: string) => `url("${rewrite(url)}")`))
    .join('\n');
}

/**
 * The fonts a shell prints and previews in, as @font-face rules whose files load from where it shows the document:
 * the Japanese font's, and those of a counterpart script's font, asked for only when a document's text needs them.
 */
export interface DocumentFonts {
  fontFaceCss: string;
  scriptFontFaceCss: (script: Script) => string;
}

/** The document's print HTML in the `fonts`; `screenCss` lays it out as sheets on screen. */
export function documentHtml(document: PrintDocument, fonts: DocumentFonts & { screenCss?: string }): string {
  if (document.kind === 'direction') return renderDirectionSheetHtml(document.input, fonts);
  if (document.kind === 'sector') return renderSectorSheetHtml(document.input, fonts);
  return document.kind === 'pack' ? renderPackHtml(document.input, fonts) : renderProjectReportHtml(document.input, fonts);
}

/** The document as the app previews it: in the shell's fonts, each part an A4 sheet on screen. */
export function previewHtml(document: PrintDocument, fonts: DocumentFonts): string {
  return documentHtml(document, { ...fonts, screenCss: SCREEN_CSS });
}

/** What the page margin boxes print (the running header): the font subsets of that text load before printing. */
export function documentMarginText(document: PrintDocument): string {
  const header =
    document.kind === 'pack'
      ? packRunningHeader(document.input)
      : document.kind === 'direction'
        ? directionSheetRunningHeader(document.input)
        : document.kind === 'sector'
          ? sectorSheetRunningHeader(document.input)
          : projectReportRunningHeader(document.input);
  return `${header.title}${header.marking}`;
}

/**
 * What a document should be called where it is saved: what it is, its date and audience, so documents sort and tell
 * apart; `extension` is its format's (a pack's Word export is .docx).
 */
export function documentFileName(document: PrintDocument, extension = '.pdf'): string {
  // The as-of dates are days: `from` is their 'YYYY-MM-DD'.
  if (document.kind === 'projectReport') return `karte-projects-${document.input.asOf.from}-since-${document.input.since.from}-${document.input.audience}.pdf`;
  if (document.kind === 'direction') {
    const { input } = document;
    const sector = input.directions.length === 1 ? `-${input.directions[0].sector}` : '';
    return `karte-direction-${input.place.code}${sector}-${input.asOf.from}-${input.audience}.pdf`;
  }
  if (document.kind === 'sector') return `karte-sector-${document.input.overview.sector}-${document.input.asOf.from}-${document.input.audience}.pdf`;
  const { input } = document;
  return `karte-pack-${input.country.iso2}${input.visit ? '-visit' : ''}-${input.asOf.from ?? 'undated'}-${input.audience}${extension}`;
}

/** Preview documents kept for the frames that show them: the last few, by unguessable id. */
export class PackPreviews {
  private static readonly KEPT = 8;
  private readonly documents = new Map<string, string>();

  /** Keeps the document; returns its path on the app's origin. */
  publish(html: string): string {
    const id = crypto.randomBytes(18).toString('base64url');
    this.documents.set(id, html);
    for (const old of this.documents.keys()) {
      if (this.documents.size <= PackPreviews.KEPT) break;
      this.documents.delete(old);
    }
    return `${PACK_PREVIEW_PATH}${id}`;
  }

  /** The kept preview document a path names, or null. */
  document(pathname: string): string | null {
    if (!pathname.startsWith(PACK_PREVIEW_PATH)) return null;
    return this.documents.get(pathname.slice(PACK_PREVIEW_PATH.length)) ?? null;
  }
}
