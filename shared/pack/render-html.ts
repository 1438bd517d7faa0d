import { formatDate } from '../dates';
import { escapeHtml } from '../escape-html';
import { CASE_STATUS_LABELS, caseText, type TranslatableCaseField } from '../model/case';
import { VISIT_KIND_LABELS, type Visit } from '../model/visit';
import { PHASE_LABELS, PHASES, type Phase } from '../phases';
import { sdgGoalLabel } from '../reference/sdgs';
import { SCOPE_LABELS } from '../scopes';
import type { PackCase, PackInput, PackLanguage } from './pack-input';

// The briefing pack (説明資料) as one print HTML document: Chromium's print engine turns it into an A4 PDF.

const LABELS = {
  packTitle: { ja: '海外展開カルテ 説明資料', en: 'Overseas Deployment Dossier: Briefing Pack' },
  distribution: { ja: '配布範囲', en: 'Distribution' },
  distributionNote: { ja: 'この範囲を超えて配布しないこと', en: 'not to be passed on beyond this audience' },
  contents: { ja: '目次', en: 'Contents' },
  snapshot: { ja: '国別概況', en: 'Country snapshot' },
  matrix: { ja: '案件一覧（別表）', en: 'Case matrix' },
  casePages: { ja: '案件別資料', en: 'Cases' },
  country: { ja: '国名', en: 'Country' },
  regions: { ja: '地域', en: 'Regions' },
  caseCount: { ja: '案件数', en: 'Cases' },
  byPhase: { ja: '現在の段階別の案件数', en: 'Cases by current phase' },
  phase: { ja: '段階', en: 'Phase' },
  currentPhase: { ja: '現在の段階', en: 'Current phase' },
  noPhase: { ja: '段階の記録なし', en: 'No stage recorded' },
  case: { ja: '案件', en: 'Case' },
  sector: { ja: '分野', en: 'Sector' },
  summary: { ja: '概要', en: 'Summary' },
  status: { ja: '状況', en: 'Status' },
  timeline: { ja: '経緯', en: 'Timeline' },
  date: { ja: '時期', en: 'Date' },
  event: { ja: '内容', en: 'Event' },
  futurePolicy: { ja: '今後の方針', en: 'Future policy' },
  noCases: { ja: 'この配布範囲で示せる案件はありません。', en: 'No cases can be shown to this audience.' },
  noEvents: { ja: '記録された経緯はありません。', en: 'No stage events recorded.' },
  visit: { ja: '訪問の目的と要望', en: 'Visit objectives and asks' },
  objectives: { ja: '目的', en: 'Objectives' },
  asks: { ja: '要望', en: 'Asks' },
  delegation: { ja: '訪問団', en: 'Delegation' },
  counterparts: { ja: '面会先', en: 'Counterparts' },
  name: { ja: '氏名', en: 'Name' },
  title: { ja: '役職', en: 'Title' },
  level: { ja: 'レベル', en: 'Level' },
  organisation: { ja: '所属', en: 'Organisation' },
  history: { ja: '二国間の経緯', en: 'Bilateral history' },
  previousVisits: { ja: 'これまでの訪問', en: 'Previous visits' },
  kind: { ja: '種別', en: 'Kind' },
  visitName: { ja: '訪問', en: 'Visit' },
  noVisits: { ja: 'この配布範囲で示せる訪問の記録はありません。', en: 'No visits can be shown to this audience.' },
  none: { ja: '記載なし', en: 'None recorded' },
  sdgGoals: { ja: 'SDGs（持続可能な開発目標）', en: 'Sustainable Development Goals' },
  outcomeFraming: { ja: '開発効果', en: 'Development outcomes' },
  effectExamples: { ja: '効果の事例', en: 'Examples of effects' },
  financing: { ja: '資金', en: 'Financing' },
  nextSteps: { ja: '今後の進め方', en: 'Next steps' },
  talkingPoints: { ja: '発言要領', en: 'Talking points' },
  untranslated: { ja: '（日本語原文）', en: '[Japanese original]' },
} satisfies Record<string, Record<PackLanguage, string>>;

const h = escapeHtml;

function countryName(input: PackInput): string {
  return input.country[input.lang];
}

function asOfText(input: PackInput): string {
  const date = formatDate(input.asOf, input.lang);
  return input.lang === 'ja' ? `${date}時点` : `As of ${date}`;
}

function packTitle(input: PackInput): string {
  return `${countryName(input)} ${LABELS.packTitle[input.lang]}`;
}

/** Text of the running header on every page: the pack's title with its "as of" date, and the audience marking. */
export function packRunningHeader(input: PackInput): { title: string; marking: string } {
  const title = input.lang === 'ja' ? `${packTitle(input)}（${asOfText(input)}）` : `${packTitle(input)} (${asOfText(input)})`;
  return { title, marking: SCOPE_LABELS[input.audience].marking[input.lang] };
}

/** A CSS string literal; `<` is escaped too, so the text cannot close the <style> element it sits in. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/\n/g, '\\a ')}"`;
}

function styles(input: PackInput): string {
  const header = packRunningHeader(input);
  // Page margin boxes are part of the document, so they print in the document's web font (Playwright's header
  // templates are rendered apart from it, without web fonts: Japanese there prints as boxes).
  return `
@page {
  size: A4;
  margin: 18mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(header.title)}; font-size: 7.5pt; color: #444; }
  @top-right { content: ${cssString(header.marking)}; font-size: 9pt; font-weight: 700; color: #a00; }
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #444; }
}
html { font-family: 'Noto Sans JP', sans-serif; font-size: 9.5pt; line-height: 1.5; color: #111; }
body { margin: 0; }
a { color: inherit; text-decoration: none; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #224; padding-bottom: 1mm; margin: 0 0 4mm; }
h3 { font-size: 10.5pt; margin: 5mm 0 2mm; }
.page { break-before: page; }
.cover { padding-top: 60mm; }
.cover .marking { display: inline-block; border: 2pt solid #a00; color: #a00; font-weight: 700; font-size: 14pt; padding: 1mm 4mm; margin-bottom: 8mm; }
.cover .country { font-size: 14pt; }
.cover .distribution { margin-top: 40mm; border-top: 0.5pt solid #666; padding-top: 2mm; }
ol.contents li { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #666; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8ebf3; font-weight: 700; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
table.facts { width: auto; min-width: 50%; }
table.facts th { width: 45mm; }
table.matrix { table-layout: fixed; font-size: 6.5pt; line-height: 1.35; }
table.matrix col.case { width: 16%; }
table.matrix col.phase { width: 13%; }
table.matrix col.policy { width: 19%; }
table.matrix ul { list-style: none; margin: 0; padding: 0; }
table.matrix li + li { margin-top: 1mm; }
.date { font-weight: 700; }
table.timeline col.phase { width: 24%; }
table.timeline col.date { width: 20%; }
.muted { color: #666; }
.untranslated { font-size: 7pt; font-weight: 400; color: #a00; }
ul.sdgs { margin: 0; padding-left: 5mm; }
`;
}

function cover(input: PackInput): string {
  const { lang, audience } = input;
  const marking = SCOPE_LABELS[audience].marking[lang];
  return `<section class="cover">
<div class="marking">${h(marking)}</div>
<h1>${h(packTitle(input))}</h1>
<p class="country">${h(input.country.ja)} / ${h(input.country.en)}</p>
${input.visit ? `<p class="visit">${h(input.visit.title)} (${h(formatDate(input.visit.dates, lang))})</p>\n` : ''}<p>${h(asOfText(input))}</p>
<p class="distribution">${h(LABELS.distribution[lang])}: ${h(marking)} (${h(LABELS.distributionNote[lang])})</p>
</section>`;
}

function caseAnchor(c: PackCase): string {
  return `case-${c.case.id}`;
}

function contents(input: PackInput): string {
  const { lang } = input;
  const cases = input.cases.map((c) => `<li><a href="#${h(caseAnchor(c))}">${h(c.case.title)}</a></li>`).join('\n');
  return `<section class="page">
<h2>${h(LABELS.contents[lang])}</h2>
<ol class="contents">
${input.visit ? `<li><a href="#visit">${h(LABELS.visit[lang])}</a></li>\n` : ''}<li><a href="#snapshot">${h(LABELS.snapshot[lang])}</a></li>
<li><a href="#history">${h(LABELS.history[lang])}</a></li>
<li><a href="#matrix">${h(LABELS.matrix[lang])}</a></li>
<li><a href="#cases">${h(LABELS.casePages[lang])}</a>${cases ? `\n<ol>\n${cases}\n</ol>` : ''}</li>
<li><a href="#talking-points">${h(LABELS.talkingPoints[lang])}</a></li>
</ol>
</section>`;
}

function snapshot(input: PackInput): string {
  const { lang } = input;
  const count = (phase: Phase | null) => input.cases.filter((c) => c.currentPhase === phase).length;
  const phaseRows = [...PHASES.map((p) => [PHASE_LABELS[p][lang], count(p)] as const), [LABELS.noPhase[lang], count(null)] as const];
  return `<section class="page" id="snapshot">
<h2>${h(LABELS.snapshot[lang])}</h2>
<table class="facts">
<tr><th>${h(LABELS.country[lang])}</th><td>${h(input.country[lang])} (${h(input.country.iso2)})</td></tr>
<tr><th>${h(LABELS.regions[lang])}</th><td>${h(input.regions.map((r) => r[lang]).join(lang === 'ja' ? '、' : ', '))}</td></tr>
<tr><th>${h(LABELS.caseCount[lang])}</th><td>${h(String(input.cases.length))}</td></tr>
</table>
<h3>${h(LABELS.byPhase[lang])}</h3>
<table class="facts">
${phaseRows.map(([label, n]) => `<tr><th>${h(label)}</th><td>${h(String(n))}</td></tr>`).join('\n')}
</table>
</section>`;
}

/** A table of people (delegation or counterparts), or a note that none were recorded. */
function peopleTable(lang: PackLanguage, columns: (keyof typeof LABELS)[], rows: string[][]): string {
  if (rows.length === 0) return `<p class="muted">${h(LABELS.none[lang])}</p>`;
  return `<table>
<thead><tr>${columns.map((c) => `<th>${h(LABELS[c][lang])}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((row) => `<tr>${row.map((cell) => `<td>${h(cell)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

function paragraphs(lang: PackLanguage, text: string): string {
  if (text.trim() === '') return `<p class="muted">${h(LABELS.none[lang])}</p>`;
  return text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${h(line)}</p>`)
    .join('\n');
}

/** Marks text printed in Japanese because its translation is missing. */
function untranslatedTag(lang: PackLanguage, original: boolean): string {
  return original ? ` <span class="untranslated">${h(LABELS.untranslated[lang])}</span>` : '';
}

/** A narrative field of a case in the pack's language, escaped, marked where the Japanese stands in. */
function caseField(lang: PackLanguage, c: PackCase, field: TranslatableCaseField): string {
  const { text, original } = caseText(c.case, field, lang);
  return `${h(text)}${untranslatedTag(lang, original)}`;
}

/** A heading and the field's paragraphs, or nothing when the field is empty: a pack prints what was written. */
function caseFieldSection(lang: PackLanguage, c: PackCase, field: TranslatableCaseField & keyof typeof LABELS): string {
  const { text, original } = caseText(c.case, field, lang);
  if (text.trim() === '') return '';
  return `<h3>${h(LABELS[field][lang])}${untranslatedTag(lang, original)}</h3>
${paragraphs(lang, text)}
`;
}

/** 訪問の目的と要望: what the visit is for, who goes and whom they meet. */
function visitSection(input: PackInput, visit: Visit): string {
  const { lang } = input;
  return `<section class="page" id="visit">
<h2>${h(LABELS.visit[lang])}</h2>
<p><strong>${h(visit.title)}</strong> (${h(VISIT_KIND_LABELS[visit.kind][lang])}, ${h(formatDate(visit.dates, lang))})</p>
<h3>${h(LABELS.objectives[lang])}</h3>
${paragraphs(lang, visit.objectives)}
<h3>${h(LABELS.asks[lang])}</h3>
${paragraphs(lang, visit.asks)}
<h3>${h(LABELS.delegation[lang])}</h3>
${peopleTable(lang, ['name', 'title', 'level'], visit.delegation.map((p) => [p.name, p.title, p.level]))}
<h3>${h(LABELS.counterparts[lang])}</h3>
${peopleTable(lang, ['name', 'title', 'organisation'], visit.counterparts.map((p) => [p.name, p.title, p.organisation]))}
</section>`;
}

/** 二国間の経緯: the country's previous visits, oldest first. */
function history(input: PackInput): string {
  const { lang } = input;
  const body = input.previousVisits.length === 0 ? `<p class="muted">${h(LABELS.noVisits[lang])}</p>` : `<table class="timeline">
<colgroup><col class="date"><col class="phase"><col></colgroup>
<thead><tr><th>${h(LABELS.date[lang])}</th><th>${h(LABELS.kind[lang])}</th><th>${h(LABELS.visitName[lang])}</th></tr></thead>
<tbody>
${input.previousVisits
  .map((v) => `<tr><td>${h(formatDate(v.dates, lang))}</td><td>${h(VISIT_KIND_LABELS[v.kind][lang])}</td><td>${h(v.title)}${v.objectives ? `<br><span class="muted">${h(v.objectives)}</span>` : ''}</td></tr>`)
  .join('\n')}
</tbody>
</table>`;
  return `<section class="page" id="history">
<h2>${h(LABELS.history[lang])}</h2>
<h3>${h(LABELS.previousVisits[lang])}</h3>
${body}
</section>`;
}

function datedText(date: string, text: string): string {
  return date === '' ? h(text) : `<span class="date">${h(date)}</span> ${h(text)}`;
}

function matrixRow(input: PackInput, c: PackCase): string {
  const cells = PHASES.map((phase) => {
    const items = c.events
      .filter((e) => e.phase === phase)
      .map((e) => `<li>${datedText(formatDate(e.date, input.lang), e.text)}</li>`)
      .join('');
    return `<td>${items ? `<ul>${items}</ul>` : ''}</td>`;
  });
  return `<tr><td><a href="#${h(caseAnchor(c))}">${h(c.case.title)}</a></td>${cells.join('')}<td>${caseField(input.lang, c, 'futurePolicy')}</td></tr>`;
}

/** The 別表 layout: a row per case, a column per phase with its dated events, then 今後の方針. */
function matrix(input: PackInput): string {
  const { lang } = input;
  const head = [LABELS.case[lang], ...PHASES.map((p) => PHASE_LABELS[p][lang]), LABELS.futurePolicy[lang]];
  const body = input.cases.length === 0 ? `<p>${h(LABELS.noCases[lang])}</p>` : `<table class="matrix">
<colgroup><col class="case">${PHASES.map(() => '<col class="phase">').join('')}<col class="policy"></colgroup>
<thead><tr>${head.map((label) => `<th>${h(label)}</th>`).join('')}</tr></thead>
<tbody>
${input.cases.map((c) => matrixRow(input, c)).join('\n')}
</tbody>
</table>`;
  return `<section class="page" id="matrix">
<h2>${h(LABELS.matrix[lang])}</h2>
${body}
</section>`;
}

function casePage(input: PackInput, c: PackCase, first: boolean): string {
  const { lang } = input;
  // Cells as HTML: the summary carries its untranslated tag.
  const facts: [string, string][] = [
    [LABELS.sector[lang], h(c.case.sectorLabel)],
    [LABELS.summary[lang], caseField(lang, c, 'summary')],
    [LABELS.status[lang], h(CASE_STATUS_LABELS[c.case.status][lang])],
    [LABELS.currentPhase[lang], h(c.currentPhase === null ? LABELS.noPhase[lang] : PHASE_LABELS[c.currentPhase][lang])],
  ];
  const policy = caseText(c.case, 'futurePolicy', lang);
  const sdgs = c.case.sdgGoals.length === 0 ? '' : `<h3>${h(LABELS.sdgGoals[lang])}</h3>
<ul class="sdgs">
${c.case.sdgGoals.map((goal) => `<li>${h(sdgGoalLabel(goal, lang))}</li>`).join('\n')}
</ul>
`;
  const timeline = c.events.length === 0 ? `<p class="muted">${h(LABELS.noEvents[lang])}</p>` : `<table class="timeline">
<colgroup><col class="phase"><col class="date"><col></colgroup>
<thead><tr><th>${h(LABELS.phase[lang])}</th><th>${h(LABELS.date[lang])}</th><th>${h(LABELS.event[lang])}</th></tr></thead>
<tbody>
${c.events.map((e) => `<tr><td>${h(PHASE_LABELS[e.phase][lang])}</td><td>${h(formatDate(e.date, lang))}</td><td>${h(e.text)}</td></tr>`).join('\n')}
</tbody>
</table>`;
  return `<section class="page" id="${h(caseAnchor(c))}">
${first ? `<h2 id="cases">${h(LABELS.casePages[lang])}</h2>\n` : ''}<h2>${h(c.case.title)}</h2>
<table class="facts">
${facts.map(([label, value]) => `<tr><th>${h(label)}</th><td>${value}</td></tr>`).join('\n')}
</table>
<h3>${h(LABELS.timeline[lang])}</h3>
${timeline}
${sdgs}${caseFieldSection(lang, c, 'outcomeFraming')}${caseFieldSection(lang, c, 'effectExamples')}${caseFieldSection(lang, c, 'financing')}${caseFieldSection(lang, c, 'nextSteps')}<h3>${h(LABELS.futurePolicy[lang])}${untranslatedTag(lang, policy.original)}</h3>
${paragraphs(lang, policy.text)}
</section>`;
}

/** 発言要領: each case's talking points, in the pack's case order. */
function talkingPoints(input: PackInput): string {
  const { lang } = input;
  const withPoints = input.cases.filter((c) => c.case.talkingPoints.trim() !== '');
  const body = withPoints.length === 0 ? `<p class="muted">${h(LABELS.none[lang])}</p>` : withPoints.map((c) => {
    const { text, original } = caseText(c.case, 'talkingPoints', lang);
    return `<h3>${h(c.case.title)}${untranslatedTag(lang, original)}</h3>\n${paragraphs(lang, text)}`;
  }).join('\n');
  return `<section class="page" id="talking-points">
<h2>${h(LABELS.talkingPoints[lang])}</h2>
${body}
</section>`;
}

/**
 * The whole pack as an A4 print document. `fontFaceCss` holds the @font-face rules of the bundled Japanese font
 * (trusted CSS from the caller, never record text); every record field is escaped, so markup in it prints as text.
 */
export function renderPackHtml(input: PackInput, options: { fontFaceCss: string }): string {
  const casePages = input.cases.map((c, i) => casePage(input, c, i === 0)).join('\n');
  return `<!doctype html>
<html lang="${h(input.lang)}">
<head>
<meta charset="utf-8">
<title>${h(packTitle(input))}</title>
<style>
${options.fontFaceCss}
${styles(input)}
</style>
</head>
<body>
${cover(input)}
${contents(input)}
${input.visit ? `${visitSection(input, input.visit)}\n` : ''}${snapshot(input)}
${history(input)}
${matrix(input)}
${casePages}
${talkingPoints(input)}
</body>
</html>
`;
}
