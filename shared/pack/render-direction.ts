import type { KarteDate } from '../dates';
import { PACK_SECTION_LABELS, SCOPE_MARKINGS } from '../labels';
import type { Direction } from '../model/direction';
import { basePrintCss, type RunningHeader } from '../print/print-document';
import { html, joinHtml, styleElement } from '../safe-html';
import type { Scope } from '../scopes';
import type { PackDateStyle, PackLanguage } from './pack-input';
import { asOfText, DIRECTION_CSS, directionBlock } from './render-html';

// 方向性 printed on its own: each direction on one A4 page, as the pack prints it, marked with its audience, for a
// minister's folder or a meeting with the companies of one sector.

export interface DirectionSheetInput {
  lang: PackLanguage;
  dates: PackDateStyle;
  audience: Scope;
  /** The day the sheet stands at. */
  asOf: KarteDate;
  /** The country or region the directions are kept for, in both languages. */
  place: { code: string; ja: string; en: string };
  /** Only those fit for the audience (electron/services/directions.ts), in print order. */
  directions: Direction[];
}

function sheetTitle(input: DirectionSheetInput): string {
  return `${input.place[input.lang]} ${PACK_SECTION_LABELS.directions[input.lang]}`;
}

export function directionSheetRunningHeader(input: DirectionSheetInput): RunningHeader {
  const asOf = asOfText(input);
  return { title: input.lang === 'ja' ? `${sheetTitle(input)}（${asOf}）` : `${sheetTitle(input)} (${asOf})`, marking: SCOPE_MARKINGS[input.audience][input.lang] };
}

// The marking stands on the page as on a pack's cover: a page taken out of the folder still says who may read it.
function styles(input: DirectionSheetInput): string {
  return `${basePrintCss(directionSheetRunningHeader(input))}
${DIRECTION_CSS}
.sheet-head { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 4mm; }
.sheet-head .marking { border: 1.5pt solid #a00; color: #a00; font-weight: 700; font-size: 11pt; padding: 0.5mm 3mm; }
.sheet h1 { font-size: 15pt; margin: 0 0 2mm; }
.sheet h3 { font-size: 12pt; border-bottom: 1.5pt solid #224; padding-bottom: 1mm; margin: 0 0 3mm; }
.sheet table.direction-parts { width: 100%; font-size: 10pt; line-height: 1.6; }
.sheet table.direction-parts th { width: 34mm; }
`;
}

/**
 * The directions as an A4 print document, one page each. `fontFaceCss` and `screenCss` as for renderPackHtml
 * (trusted CSS from the caller, never record text).
 */
export function renderDirectionSheetHtml(input: DirectionSheetInput, options: { fontFaceCss: string; screenCss?: string }): string {
  const { lang } = input;
  const place = input.place[lang];
  const marking = SCOPE_MARKINGS[input.audience][lang];
  const pages = input.directions.map(
    (direction, i) => html`<section class="sheet${i === 0 ? '' : ' page'}">
<div class="sheet-head"><span class="marking">${marking}</span><span class="as-of">${asOfText(input)}</span></div>
<h1>${sheetTitle(input)}</h1>
${directionBlock(lang, direction, place)}
</section>`,
  );
  const screenStyle = options.screenCss === undefined ? '' : html`${styleElement(`\n${options.screenCss}\n`)}\n`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${sheetTitle(input)}</title>
${styleElement(`\n${options.fontFaceCss}\n${styles(input)}\n`)}
${screenStyle}</head>
<body>
${joinHtml(pages, '\n')}
</body>
</html>
`.toString();
}
