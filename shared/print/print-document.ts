import { cssString, html, type SafeHtml } from '../safe-html';
import { fontStack, type Script } from './scripts';

// What every printed document (a briefing pack, a follow-up report) shares: the A4 page with its running header and
// page numbers, the type, tables and the contents whose page numbers the printer fills in.

/**
 * Class of the empty, fixed-width slot after each contents entry. Chromium cannot print an element's page number
 * (no target-counter()), so the printer fills these in once it knows the pages; the slot's fixed width keeps the
 * layout the same before and after.
 */
export const PAGE_NUMBER_SLOT = 'page-number';

/** The running header on every page: the document's title with its date, and the audience marking. */
export interface RunningHeader {
  title: string;
  marking: string;
}

/**
 * The styles every printed document starts from. Page margin boxes are part of the document, so they print in the
 * document's web font (Playwright's header templates are rendered apart from it, without web fonts: Japanese there
 * prints as boxes). `scripts` are those of the document's text that print in fonts of their own.
 */
export function basePrintCss(header: RunningHeader, scripts: readonly Script[] = []): string {
  return `
@page {
  size: A4;
  margin: 18mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(header.title)}; font-size: 7.5pt; color: #444; }
  @top-right { content: ${cssString(header.marking)}; font-size: 9pt; font-weight: 700; color: #a00; }
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #444; }
}
html { font-family: ${fontStack(scripts)}; font-size: 9.5pt; line-height: 1.5; color: #111; }
body { margin: 0; }
a { color: inherit; text-decoration: none; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #224; padding-bottom: 1mm; margin: 0 0 4mm; }
h3 { font-size: 10.5pt; margin: 5mm 0 2mm; }
.page { break-before: page; }
.cover { padding-top: 60mm; }
.cover .marking { display: inline-block; border: 2pt solid #a00; color: #a00; font-weight: 700; font-size: 14pt; padding: 1mm 4mm; margin-bottom: 8mm; }
.cover .distribution { margin-top: 40mm; border-top: 0.5pt solid #666; padding-top: 2mm; }
ol.contents { padding-left: 6mm; }
ol.contents li { margin: 1mm 0; }
.contents a { display: flex; align-items: last baseline; }
.contents .leader { flex: 1 1 8mm; border-bottom: 0.5pt dotted #888; margin: 0 1.5mm; }
.contents .${PAGE_NUMBER_SLOT} { flex: none; width: 9mm; text-align: right; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #666; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8ebf3; font-weight: 700; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
table.facts { width: auto; min-width: 50%; }
table.facts th { width: 45mm; }
.date { font-weight: 700; }
.muted { color: #666; }
`;
}

/** A contents entry: a link to its section and the slot its page number goes into. */
export function contentsEntry(anchor: string, title: string): SafeHtml {
  return html`<a href="#${anchor}"><span class="entry">${title}</span><span class="leader"></span><span class="${PAGE_NUMBER_SLOT}"></span></a>`;
}
