import type { KarteDate } from '../dates';
import { MATCH_LIST_LABELS, CASE_STATUS_LABELS, PHASE_LABELS, SCOPE_MARKINGS } from '../labels';
import type { PackDateStyle, PackLanguage } from '../pack/pack-input';
import { asOfText, LABELS, packDate, parenthesised } from '../pack/pack-text';
import { PHASES, type Phase } from '../phases';
import { basePrintCss, type RunningHeader } from '../print/print-document';
import { countryByIso2 } from '../reference/countries';
import { sectorName } from '../reference/sectors';
import { html, joinHtml, styleElement, type SafeHtml } from '../safe-html';
import type { Scope } from '../scopes';
import { matchReasonsText } from './match-labels';
import type { MatchEntry, SectorCase, SectorOverview, SectorProject } from './matching';
import { placesByRegion } from './sector-regions';

// (ア) a sector's page: its cases by phase across countries, (イ) those and the members' projects abroad by region,
// the schemes that serve it, the members that offer it and the advisors who know it, together, printed for an
// audience (each page marked so) for a sector desk or a meeting with the sector's companies.

export interface SectorSheetInput {
  lang: PackLanguage;
  dates: PackDateStyle;
  audience: Scope;
  /** The day the page stands at. */
  asOf: KarteDate;
  /** Only what the audience may read (electron/services/council/matching.ts). */
  overview: SectorOverview;
}

const WORDS = {
  title: { ja: '分野別の取組状況', en: 'State of work by sector' },
  byCountry: { ja: '国・地域別の案件数', en: 'Cases by country and phase' },
  place: { ja: '国・地域', en: 'Country or region' },
  total: { ja: '計', en: 'Total' },
  none: { ja: '該当なし', en: 'None' },
  name: { ja: '名称', en: 'Name' },
  byRegion: { ja: '主な案件と実績（地域別）', en: 'Main cases and projects by region' },
  region: { ja: '地域', en: 'Region' },
  noRegion: { ja: '地域未設定', en: 'No region' },
  caseCount: { ja: '案件数', en: 'Cases' },
  projects: { ja: '会員企業の海外展開実績', en: "Members' projects abroad" },
} satisfies Record<string, Record<PackLanguage, string>>;

function sheetTitle(input: SectorSheetInput): string {
  const sector = sectorName(input.overview.sector, '', input.lang);
  return input.lang === 'ja' ? `${sector} ${WORDS.title.ja}` : `${sector}: ${WORDS.title.en}`;
}

export function sectorSheetRunningHeader(input: SectorSheetInput): RunningHeader {
  const asOf = asOfText(input);
  return { title: input.lang === 'ja' ? `${sheetTitle(input)}（${asOf}）` : `${sheetTitle(input)} (${asOf})`, marking: SCOPE_MARKINGS[input.audience][input.lang] };
}

function placeName(place: string, lang: PackLanguage): string {
  return countryByIso2(place)?.[lang] ?? place;
}

function noneLine(lang: PackLanguage): SafeHtml {
  return html`<p class="muted">${WORDS.none[lang]}</p>`;
}

function entryTable(lang: PackLanguage, entries: MatchEntry[]): SafeHtml {
  if (entries.length === 0) return noneLine(lang);
  const rows = entries.map((e) => html`<tr><td>${e.name}</td><td>${matchReasonsText(e.reasons, lang)}</td></tr>`);
  return html`<table class="entries">
<thead><tr><th>${WORDS.name[lang]}</th><th>${MATCH_LIST_LABELS.reasons[lang]}</th></tr></thead>
<tbody>
${joinHtml(rows, '\n')}
</tbody>
</table>`;
}

function caseRows(lang: PackLanguage, cases: SectorCase[]): SafeHtml[] {
  return cases.map((c) => {
    const where = c.countries.length > 0 ? c.countries.map((iso2) => placeName(iso2, lang)).join(lang === 'ja' ? '・' : ', ') : c.region;
    return html`<tr><td>${where}</td><td>${c.title}</td><td>${CASE_STATUS_LABELS[c.status][lang]}</td></tr>`;
  });
}

function casesPart(input: SectorSheetInput): SafeHtml {
  const { lang, overview } = input;
  const columns: (Phase | 'none')[] = [...PHASES, 'none'];
  const phaseHead = (p: Phase | 'none') => (p === 'none' ? LABELS.noPhase[lang] : PHASE_LABELS[p][lang]);
  // A country with the members' projects only is on the regions' table, not among the cases counted.
  const places = overview.countries.filter((row) => row.cases > 0);
  if (places.length === 0) return noneLine(lang);
  const counts = places.map(
    (row) =>
      html`<tr><th>${placeName(row.place, lang)}</th>${joinHtml(
        columns.map((p) => html`<td class="count">${row.byPhase[p]}</td>`),
        '',
      )}<td class="count">${row.cases}</td></tr>`,
  );
  const lists = columns
    .filter((p) => overview.byPhase[p].length > 0)
    .map(
      (p) => html`<h3>${phaseHead(p)}（${overview.byPhase[p].length}）</h3>
<table class="cases">
<colgroup><col class="where"><col><col class="status"></colgroup>
<thead><tr><th>${WORDS.place[lang]}</th><th>${LABELS.case[lang]}</th><th>${LABELS.status[lang]}</th></tr></thead>
<tbody>
${joinHtml(caseRows(lang, overview.byPhase[p]), '\n')}
</tbody>
</table>`,
    );
  return html`<h3>${WORDS.byCountry[lang]}</h3>
<table class="counts">
<thead><tr><th>${WORDS.place[lang]}</th>${joinHtml(
    columns.map((p) => html`<th>${phaseHead(p)}</th>`),
    '',
  )}<th>${WORDS.total[lang]}</th></tr></thead>
<tbody>
${joinHtml(counts, '\n')}
</tbody>
</table>
${joinHtml(lists, '\n')}`;
}

/** 水道公社への高効率ポンプの導入 — 横浜ウォーター株式会社（ダナン、2019年度）: the project, its member, where and when where known. */
function projectText(input: SectorSheetInput, p: SectorProject): SafeHtml {
  const { lang } = input;
  const member = lang === 'en' && p.member.nameEn !== '' ? p.member.nameEn : p.member.nameJa;
  const detail = [p.place, p.date === null ? '' : packDate(input, p.date)].filter((x) => x !== '').join(lang === 'ja' ? '、' : ', ');
  return html`<li>${p.project} — ${member}${detail === '' ? '' : parenthesised(lang, detail)}</li>`;
}

/** (イ) each region's countries with their cases and the members' projects there, the map's table in print. */
function regionsPart(input: SectorSheetInput): SafeHtml {
  const { lang, overview } = input;
  const regions = placesByRegion(overview.countries);
  if (regions.length === 0) return noneLine(lang);
  const bodies = regions.map(({ region, places }) => {
    const rows = places.map((row, i) => {
      const head = i === 0 ? html`<th rowspan="${places.length}">${region?.[lang] ?? WORDS.noRegion[lang]}</th>` : html``;
      const projects =
        row.projects.length === 0
          ? html``
          : html`<ul>${joinHtml(
              row.projects.map((p) => projectText(input, p)),
              '',
            )}</ul>`;
      return html`<tr>${head}<th>${placeName(row.place, lang)}</th><td class="count">${row.cases}</td><td>${projects}</td></tr>`;
    });
    return html`<tbody>
${joinHtml(rows, '\n')}
</tbody>`;
  });
  return html`<table class="regions">
<colgroup><col class="region"><col class="where"><col class="cases"><col></colgroup>
<thead><tr><th>${WORDS.region[lang]}</th><th>${WORDS.place[lang]}</th><th>${WORDS.caseCount[lang]}</th><th>${WORDS.projects[lang]}</th></tr></thead>
${joinHtml(bodies, '\n')}
</table>`;
}

function styles(input: SectorSheetInput): string {
  return `${basePrintCss(sectorSheetRunningHeader(input))}
h2, h3 { break-after: avoid; }
section + section { margin-top: 8mm; }
.sheet-head { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 4mm; }
.sheet-head .marking { border: 1.5pt solid #a00; color: #a00; font-weight: 700; font-size: 11pt; padding: 0.5mm 3mm; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
td.count { text-align: right; }
table.cases col.where { width: 30mm; }
table.cases col.status { width: 18mm; }
table.entries td:first-child { width: 55mm; }
table.regions col.region { width: 24mm; }
table.regions col.where { width: 28mm; }
table.regions col.cases { width: 14mm; }
table.regions th, table.regions td { vertical-align: top; text-align: left; }
table.regions td.count { text-align: right; }
table.regions ul { margin: 0; padding-left: 4mm; }
table.regions tbody { break-inside: avoid; }
`;
}

/** The sector's page as an A4 print document; `fontFaceCss` and `screenCss` as for renderPackHtml (trusted CSS, never record text). */
export function renderSectorSheetHtml(input: SectorSheetInput, options: { fontFaceCss: string; screenCss?: string }): string {
  const { lang, overview } = input;
  const screenStyle = options.screenCss === undefined ? '' : html`${styleElement(`\n${options.screenCss}\n`)}\n`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${sheetTitle(input)}</title>
${styleElement(`\n${options.fontFaceCss}\n${styles(input)}\n`)}
${screenStyle}</head>
<body>
<section class="sheet">
<div class="sheet-head"><span class="marking">${SCOPE_MARKINGS[input.audience][lang]}</span><span class="as-of">${asOfText(input)}</span></div>
<h1>${sheetTitle(input)}</h1>
<h2>${MATCH_LIST_LABELS.cases[lang]}</h2>
${casesPart(input)}
</section>
<section>
<h2>${WORDS.byRegion[lang]}</h2>
${regionsPart(input)}
</section>
<section>
<h2>${MATCH_LIST_LABELS.schemes[lang]}</h2>
${entryTable(lang, overview.schemes)}
</section>
<section>
<h2>${MATCH_LIST_LABELS.members[lang]}</h2>
${entryTable(lang, overview.members)}
</section>
<section>
<h2>${MATCH_LIST_LABELS.advisors[lang]}</h2>
${entryTable(lang, overview.advisors)}
</section>
</body>
</html>
`.toString();
}
