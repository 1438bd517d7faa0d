import type { KarteDate } from '../dates';
import {
  MATCH_LIST_LABELS,
  AGREEMENT_KIND_LABELS,
  CASE_STATUS_LABELS,
  DIRECTION_FIELD_LABELS,
  INDICATOR_LEVEL_LABELS,
  INDICATOR_STATUS_LABELS,
  ORGANISATION_TYPE_LABELS,
  PACK_SECTION_LABELS,
  PHASE_LABELS,
  SCOPE_MARKINGS,
  VISIT_KIND_LABELS,
} from '../labels';
import type { Agreement } from '../model/agreement';
import { DIRECTION_FIELDS, type Direction } from '../model/direction';
import type { Question } from '../model/question';
import { caseText, type TranslatableCaseField } from '../model/case';
import type { Hurdle, Plan } from '../model/plan';
import type { Visit } from '../model/visit';
import { PHASES, type Phase } from '../phases';
import { sdgGoalLabel } from '../reference/sdgs';
import { sectorName } from '../reference/sectors';
import { basePrintCss, contentsEntry } from '../print/print-document';
import { matchReasonsText } from '../council/match-labels';
import type { MatchEntry } from '../council/matching';
import { isRightToLeft, scriptsIn, type Script } from '../print/scripts';
import { html, joinHtml, styleElement, type HtmlValue, type SafeHtml } from '../safe-html';
import {
  LABELS,
  agreementFacts,
  asOfText,
  directionPlace,
  factLabel,
  factSource,
  financingText,
  hurdleFacts,
  indicatorUnit,
  languageName,
  packDate,
  packRunningHeader,
  packTitle,
  parenthesised,
  partnerText,
  profileNames,
  profilePost,
  shownPeriod,
  targetText,
  indicatorValue,
} from './pack-text';
import {
  bilateralHistory,
  counterpartText,
  opensPage,
  printedSections,
  type HistoryItem,
  type PackCase,
  type PackIndicator,
  type PackInput,
  type PackLanguage,
  type PackPlan,
  type PackSection,
} from './pack-input';

// The briefing pack (説明資料) as one print HTML document: Chromium's print engine turns it into an A4 PDF.
// Every piece is built with `html`, which escapes what it is given, so record text prints as typed. Its words are
// pack-text.ts's, which the Word export prints too.

export { asOfText, packDate, packRunningHeader } from './pack-text';

/** Where each section starts: the contents link to these, and the printer reads their pages back from the PDF. */
const SECTION_ANCHORS: Record<PackSection, string> = {
  visit: 'visit',
  snapshot: 'snapshot',
  facts: 'facts',
  history: 'history',
  matrix: 'matrix',
  cases: 'cases',
  directions: 'directions',
  plan: 'plans',
  council: 'council',
  talkingPoints: 'talking-points',
  questions: 'questions',
  profiles: 'profiles',
  contacts: 'contacts',
};

/** A section's class: 'page' when it opens a page (opensPage), else 'flow', following on the page before. */
function sectionClass(input: PackInput, section: PackSection): string {
  return opensPage(input, section) ? 'page' : 'flow';
}

/** The name of the landscape pages the 別表 prints on inside the portrait pack. */
export const LANDSCAPE_PAGE = 'landscape';

function styles(input: PackInput, scripts: readonly Script[]): string {
  return `${basePrintCss(packRunningHeader(input), scripts)}
@page ${LANDSCAPE_PAGE} { size: A4 landscape; margin: 16mm 14mm 14mm 14mm; }
section.${LANDSCAPE_PAGE} { page: ${LANDSCAPE_PAGE}; }
h2, h3, h4 { break-after: avoid; }
section.flow { margin-top: 10mm; }
.cover { padding-top: 0; }
.cover-head { display: flex; justify-content: space-between; align-items: flex-start; }
.cover-marks .handling { display: inline-block; font-weight: 700; font-size: 12pt; border: 1pt solid #111; padding: 0.5mm 3mm; margin: 0 3mm 3mm 0; }
.cover-meta { text-align: right; }
.cover-meta p { margin: 0 0 1mm; }
.cover-meta .issuer { font-size: 11pt; font-weight: 700; }
.cover h1 { margin-top: 50mm; }
.cover .country { font-size: 14pt; }
.cover-foot { margin-top: 70mm; border-top: 0.5pt solid #666; padding-top: 2mm; }
.cover-foot p { margin: 0 0 1.5mm; }
.cover-foot .distributed-to { font-size: 11pt; }
.cover .distribution { margin-top: 0; border-top: none; padding-top: 0; }
table.phase-counts { table-layout: fixed; text-align: center; }
table.phase-counts th, table.phase-counts td { text-align: center; }
.case + .case { margin-top: 8mm; padding-top: 3mm; border-top: 1pt solid #224; }
.case-head { break-inside: avoid; }
.case h2 { font-size: 12pt; border-bottom: none; margin-bottom: 2mm; }
.cases-per-page .case + .case { break-before: page; margin-top: 0; padding-top: 0; border-top: none; }
table.matrix { table-layout: fixed; font-size: 7pt; line-height: 1.3; }
table.matrix col.case { width: 16%; }
table.matrix col.phase { width: 13%; }
table.matrix col.policy { width: 19%; }
table.matrix ul { list-style: none; margin: 0; padding: 0; }
table.matrix li + li { margin-top: 1mm; }
table.timeline col.phase { width: 24%; }
table.timeline col.date { width: 20%; }
.untranslated { font-size: 7pt; font-weight: 400; color: #a00; }
.counterpart { margin: 1.5mm 0 0; padding-inline-start: 2.5mm; border-inline-start: 1.5pt solid #889; }
.counterpart .language { font-size: 7pt; color: #555; }
.counterpart p { margin: 0.5mm 0; }
ul.sdgs { margin: 0; padding-left: 5mm; }
.plan + .plan { margin-top: 6mm; border-top: 0.5pt solid #bbb; }
.plan h3 { margin-top: 3mm; }
.plan h4 { font-size: 9pt; margin: 2.5mm 0 1mm; }
.plan .meta { margin: 0 0 1.5mm; }
.plan table.facts { width: 100%; font-size: 8pt; line-height: 1.4; }
.plan table.facts th { width: 32mm; }
.plan table.facts p { margin: 0; }
table.indicators { table-layout: fixed; font-size: 7pt; line-height: 1.35; }
table.indicators col.level { width: 11%; }
table.indicators col.unit { width: 7%; }
table.indicators col.value { width: 10%; }
table.indicators col.target { width: 14%; }
table.indicators col.status { width: 9%; }
table.indicators td.number { text-align: right; }
.status-off_track { color: #a00; font-weight: 700; }
.status-at_risk { color: #a60; font-weight: 700; }
ul.hurdles { margin: 0; padding-left: 5mm; font-size: 8pt; }
ul.hurdles ul { margin: 0; padding-left: 4mm; list-style: circle; }
table.country-facts { table-layout: fixed; }
table.country-facts col.fact { width: 30mm; }
table.country-facts col.source { width: 55mm; }
${DIRECTION_CSS}
.qa p { margin: 0; }
.qa { break-inside: avoid; margin: 0 0 3mm; }
.qa .mark { display: inline-block; width: 6mm; font-weight: 700; }
.qa .q { font-weight: 700; }
.qa .a { display: flex; }
.qa .a .answer { flex: 1; }
.profile { break-inside: avoid; }
table.council { margin-bottom: 2mm; }
table.council col.name { width: 55mm; }
.profile + .profile { margin-top: 5mm; padding-top: 2mm; border-top: 0.5pt solid #bbb; }
.profile .post { margin: 0 0 1mm; }
.profile-facts { width: 100%; }
.profile-facts th { width: 32mm; }
.profile-facts p { margin: 0; }
ul.meetings { margin: 0; padding-left: 5mm; }
`;
}

/** A line of the cover, or nothing when its text is empty. */
function coverLine(className: string, text: string): SafeHtml {
  return text.trim() === '' ? html`` : html`<p class="${className}">${text}</p>\n`;
}

/**
 * The cover as ministry papers have it: the markings top left (取扱注意, the audience), the document number, date and
 * issuing office top right, the title, and at the foot to whom it is distributed and how far it may go.
 */
function cover(input: PackInput): SafeHtml {
  const { lang, audience } = input;
  const marking = SCOPE_MARKINGS[audience][lang];
  const visit = input.visit ? html`<p class="visit">${input.visit.title} (${packDate(input, input.visit.dates)})</p>\n` : '';
  const handling = input.cover.handleWithCare ? html`<div class="handling">${LABELS.handleWithCare[lang]}</div>\n` : '';
  const distributedTo = input.cover.distribution.trim() === '' ? html`` : html`<p class="distributed-to">${LABELS.distributedTo[lang]}: ${input.cover.distribution}</p>\n`;
  return html`<section class="cover">
<div class="cover-head">
<div class="cover-marks">
${handling}<div class="marking">${marking}</div>
</div>
<div class="cover-meta">
${coverLine('number', input.cover.number)}<p class="as-of">${asOfText(input)}</p>
${coverLine('issuer', input.cover.issuer)}</div>
</div>
<h1>${packTitle(input)}</h1>
<p class="country">${input.country.ja} / ${input.country.en}</p>
${visit}<div class="cover-foot">
${distributedTo}<p class="distribution">${LABELS.distribution[lang]}: ${marking} (${LABELS.distributionNote[lang]})</p>
</div>
</section>`;
}

function caseAnchor(c: PackCase): string {
  return `case-${c.case.id}`;
}

function contents(input: PackInput): SafeHtml {
  const { lang } = input;
  const entries = printedSections(input).map((section) => {
    const entry = contentsEntry(SECTION_ANCHORS[section], PACK_SECTION_LABELS[section][lang]);
    if (section !== 'cases' || input.cases.length === 0) return html`<li>${entry}</li>`;
    const cases = input.cases.map((c) => html`<li>${contentsEntry(caseAnchor(c), c.case.title)}</li>`);
    return html`<li>${entry}\n<ol>\n${joinHtml(cases, '\n')}\n</ol></li>`;
  });
  const noCases = input.cases.length === 0 ? html`<p class="muted">${LABELS.noCases[lang]}</p>\n` : '';
  return html`<section class="page">
<h2>${LABELS.contents[lang]}</h2>
<ol class="contents">
${joinHtml(entries, '\n')}
</ol>
${noCases}</section>`;
}

/** A heading and its paragraphs, or nothing when the text is empty. */
function narrative(lang: PackLanguage, label: keyof typeof LABELS, text: string): SafeHtml {
  return text.trim() === '' ? html`` : html`<h3>${LABELS[label][lang]}</h3>\n${paragraphs(text)}\n`;
}

function snapshot(input: PackInput): SafeHtml {
  const { lang } = input;
  const count = (phase: Phase | null) => input.cases.filter((c) => c.currentPhase === phase).length;
  const phaseRows = [...PHASES.map((p) => [PHASE_LABELS[p][lang], count(p)] as const), [LABELS.noPhase[lang], count(null)] as const];
  return html`<section class="${sectionClass(input, 'snapshot')}" id="snapshot">
<h2>${PACK_SECTION_LABELS.snapshot[lang]}</h2>
<table class="facts">
<tr><th>${LABELS.country[lang]}</th><td>${input.country[lang]} (${input.country.iso2})</td></tr>
<tr><th>${LABELS.regions[lang]}</th><td>${input.regions.map((r) => r[lang]).join(lang === 'ja' ? '、' : ', ')}</td></tr>
<tr><th>${LABELS.caseCount[lang]}</th><td>${input.cases.length}</td></tr>
</table>
<h3>${LABELS.byPhase[lang]}</h3>
<table class="phase-counts">
<thead><tr>${phaseRows.map(([label]) => html`<th>${label}</th>`)}</tr></thead>
<tbody><tr>${phaseRows.map(([, n]) => html`<td>${n}</td>`)}</tr></tbody>
</table>
${narrative(lang, 'overview', input.dossier?.overview ?? '')}${narrative(lang, 'policy', input.dossier?.policy ?? '')}</section>`;
}

/** A table of people or organisations under its heading, or nothing when none were recorded. */
function peopleTable(lang: PackLanguage, heading: keyof typeof LABELS, columns: (keyof typeof LABELS)[], rows: string[][]): SafeHtml {
  if (rows.length === 0) return html``;
  return html`<h3>${LABELS[heading][lang]}</h3>
<table>
<thead><tr>${columns.map((c) => html`<th>${LABELS[c][lang]}</th>`)}</tr></thead>
<tbody>
${joinHtml(
  rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`),
  '\n',
)}
</tbody>
</table>
`;
}

/** The text's paragraphs, or nothing when it is empty: a pack prints what was written. */
function paragraphs(text: string): SafeHtml {
  if (text.trim() === '') return html``;
  const lines = text.split(/\n+/).filter((line) => line.trim() !== '');
  return joinHtml(
    lines.map((line) => html`<p>${line}</p>`),
    '\n',
  );
}

/** Marks text printed in Japanese because its translation is missing. */
function untranslatedTag(lang: PackLanguage, original: boolean): SafeHtml {
  return original ? html` <span class="untranslated">${LABELS.untranslated[lang]}</span>` : html``;
}

/** A narrative field of a case in the pack's language, marked where the Japanese stands in. */
function caseField(lang: PackLanguage, c: PackCase, field: TranslatableCaseField): SafeHtml {
  const { text, original } = caseText(c.case, field, lang);
  return html`${text}${untranslatedTag(lang, original)}`;
}

/**
 * The counterpart-language translation of a handed-over field, printed under the pack's own text and marked with
 * its language; nothing where there is none (the reader already has the pack's text). Its language tag picks the
 * script's shaping and line breaking; a right-to-left language is set so, its paragraphs and their punctuation.
 */
function counterpartField(input: PackInput, c: PackCase, field: TranslatableCaseField): SafeHtml {
  const code = input.counterpartLang;
  const text = counterpartText(input, c, field);
  if (code === null || text === undefined) return html``;
  const language = languageName(input.lang, code);
  const open = isRightToLeft(code) ? html`<div class="counterpart" lang="${code}" dir="rtl">` : html`<div class="counterpart" lang="${code}">`;
  return html`${open}<span class="language">${language}</span>
${paragraphs(text)}
</div>`;
}

/** A heading and the field's paragraphs, or nothing when the field is empty: a pack prints what was written. */
function caseFieldSection(lang: PackLanguage, c: PackCase, field: TranslatableCaseField & keyof typeof LABELS): SafeHtml {
  const { text, original } = caseText(c.case, field, lang);
  if (text.trim() === '') return html``;
  return html`<h3>${LABELS[field][lang]}${untranslatedTag(lang, original)}</h3>
${paragraphs(text)}
`;
}

/** 訪問の目的と要望: what the visit is for and what it asks; who goes and whom they meet are under the contacts. */
function visitSection(input: PackInput, visit: Visit): SafeHtml {
  const { lang } = input;
  return html`<section class="${sectionClass(input, 'visit')}" id="visit">
<h2>${PACK_SECTION_LABELS.visit[lang]}</h2>
<p><strong>${visit.title}</strong> (${VISIT_KIND_LABELS[visit.kind][lang]}, ${packDate(input, visit.dates)})</p>
${narrative(lang, 'objectives', visit.objectives)}${narrative(lang, 'asks', visit.asks)}</section>`;
}

function agreementDetails(lang: PackLanguage, a: Agreement): SafeHtml {
  const subject = a.subject ? html`<br>${a.subject}` : '';
  return html`${a.title}${subject}<br><span class="muted">${agreementFacts(lang, a)}</span>`;
}

function historyRow(lang: PackLanguage, item: HistoryItem, dateText: (date: KarteDate) => string): SafeHtml {
  if (item.kind === 'agreement') {
    const a = item.agreement;
    return html`<tr><td>${dateText(a.date)}</td><td>${AGREEMENT_KIND_LABELS[a.kind][lang]}</td><td>${agreementDetails(lang, a)}</td></tr>`;
  }
  const v = item.visit;
  const objectives = v.objectives ? html`<br><span class="muted">${v.objectives}</span>` : '';
  return html`<tr><td>${dateText(v.dates)}</td><td>${VISIT_KIND_LABELS[v.kind][lang]}</td><td>${v.title}${objectives}</td></tr>`;
}

/** 二国間の経緯: the dossier's account of relations and ODA, then agreements and previous visits in date order. */
function history(input: PackInput): SafeHtml {
  const { lang } = input;
  const items = bilateralHistory(input.agreements, input.previousVisits);
  const body =
    items.length === 0
      ? html`<p class="muted">${LABELS.noHistory[lang]}</p>`
      : html`<table class="timeline">
<colgroup><col class="date"><col class="phase"><col></colgroup>
<thead><tr><th>${LABELS.date[lang]}</th><th>${LABELS.kind[lang]}</th><th>${LABELS.event[lang]}</th></tr></thead>
<tbody>
${joinHtml(
  items.map((item) => historyRow(lang, item, (date) => packDate(input, date))),
  '\n',
)}
</tbody>
</table>`;
  return html`<section class="${sectionClass(input, 'history')}" id="history">
<h2>${PACK_SECTION_LABELS.history[lang]}</h2>
${narrative(lang, 'relations', input.dossier?.relations ?? '')}${narrative(lang, 'supportHistory', input.dossier?.supportHistory ?? '')}<h3>${LABELS.agreementsAndVisits[lang]}</h3>
${body}
</section>`;
}

function datedText(date: string, text: string): SafeHtml {
  return date === '' ? html`${text}` : html`<span class="date">${date}</span> ${text}`;
}

function matrixRow(input: PackInput, c: PackCase): SafeHtml {
  const cells = PHASES.map((phase) => {
    const items = c.events.filter((e) => e.phase === phase).map((e) => html`<li>${datedText(packDate(input, e.date), e.text)}</li>`);
    return html`<td>${items.length > 0 ? html`<ul>${items}</ul>` : ''}</td>`;
  });
  return html`<tr><td><a href="#${caseAnchor(c)}">${c.case.title}</a></td>${cells}<td>${caseField(input.lang, c, 'futurePolicy')}</td></tr>`;
}

/** The 別表 layout: a row per case, a column per phase with its dated events, then 今後の方針. */
function matrix(input: PackInput): SafeHtml {
  const { lang } = input;
  const head = [LABELS.case[lang], ...PHASES.map((p) => PHASE_LABELS[p][lang]), LABELS.futurePolicy[lang]];
  const body =
    input.cases.length === 0
      ? html`<p>${LABELS.noCases[lang]}</p>`
      : html`<table class="matrix">
<colgroup><col class="case">${PHASES.map(() => html`<col class="phase">`)}<col class="policy"></colgroup>
<thead><tr>${head.map((label) => html`<th>${label}</th>`)}</tr></thead>
<tbody>
${joinHtml(
  input.cases.map((c) => matrixRow(input, c)),
  '\n',
)}
</tbody>
</table>`;
  return html`<section class="page ${LANDSCAPE_PAGE}" id="matrix">
<h2>${PACK_SECTION_LABELS.matrix[lang]}</h2>
${body}
</section>`;
}

/**
 * A case: its title and facts kept together (never a title alone at the foot of a page), its timeline, the briefing
 * fields written and 今後の方針.
 */
function caseBlock(input: PackInput, c: PackCase): SafeHtml {
  const { lang } = input;
  const facts: [string, HtmlValue][] = [
    [LABELS.sector[lang], sectorName(c.case.sector, c.case.sectorLabel, lang)],
    [LABELS.summary[lang], html`${caseField(lang, c, 'summary')}${counterpartField(input, c, 'summary')}`],
    [LABELS.status[lang], CASE_STATUS_LABELS[c.case.status][lang]],
    [LABELS.currentPhase[lang], c.currentPhase === null ? LABELS.noPhase[lang] : PHASE_LABELS[c.currentPhase][lang]],
  ];
  const sdgs =
    c.case.sdgGoals.length === 0
      ? ''
      : html`<h3>${LABELS.sdgGoals[lang]}</h3>
<ul class="sdgs">
${joinHtml(
  c.case.sdgGoals.map((goal) => html`<li>${sdgGoalLabel(goal, lang)}</li>`),
  '\n',
)}
</ul>
`;
  const timeline =
    c.events.length === 0
      ? html`<p class="muted">${LABELS.noEvents[lang]}</p>`
      : html`<table class="timeline">
<colgroup><col class="phase"><col class="date"><col></colgroup>
<thead><tr><th>${LABELS.phase[lang]}</th><th>${LABELS.date[lang]}</th><th>${LABELS.event[lang]}</th></tr></thead>
<tbody>
${joinHtml(
  c.events.map((e) => html`<tr><td>${PHASE_LABELS[e.phase][lang]}</td><td>${packDate(input, e.date)}</td><td>${e.text}</td></tr>`),
  '\n',
)}
</tbody>
</table>`;
  return html`<section class="case" id="${caseAnchor(c)}">
<div class="case-head">
<h2>${c.case.title}</h2>
<table class="facts">
${joinHtml(
  facts.map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`),
  '\n',
)}
</table>
</div>
<h3>${LABELS.timeline[lang]}</h3>
${timeline}
${sdgs}${caseFieldSection(lang, c, 'outcomeFraming')}${caseFieldSection(lang, c, 'effectExamples')}${caseFieldSection(lang, c, 'financing')}${caseFieldSection(
    lang,
    c,
    'nextSteps',
  )}${caseFieldSection(lang, c, 'futurePolicy')}</section>`;
}

/** 案件別資料: the cases one after another, each as long as it needs, or each on a page of its own when so chosen. */
function caseSection(input: PackInput): SafeHtml {
  const { lang } = input;
  return html`<section class="page ${input.casePerPage ? 'cases-per-page' : 'cases-flow'}" id="cases">
<h2>${PACK_SECTION_LABELS.cases[lang]}</h2>
${joinHtml(
  input.cases.map((c) => caseBlock(input, c)),
  '\n',
)}
</section>`;
}

function statusLabel(lang: PackLanguage, status: PackPlan['status']): SafeHtml {
  return html`<span class="status-${status}">${INDICATOR_STATUS_LABELS[status][lang]}</span>`;
}

/**
 * An indicator's row: the period its status was read at (else the latest one due by the pack's date, else its first),
 * that period's target and actual (a cumulative indicator's running total where read), and the status.
 */
function indicatorRow(input: PackInput, indicator: PackIndicator): SafeHtml {
  const { lang } = input;
  const { reading } = indicator;
  const shown = shownPeriod(input, indicator);
  const unit = indicatorUnit(indicator);
  let actual: HtmlValue = shown ? indicatorValue(lang, shown.actual) : '—';
  if (shown && reading.period !== null && indicator.cumulative) {
    actual = html`${indicatorValue(lang, reading.actual)}<br><span class="muted">(${LABELS.cumulative[lang]})</span>`;
  }
  const number = indicator.measure === 'qualitative' ? '' : 'number';
  const baseline = indicator.baselineDate
    ? html`${indicatorValue(lang, indicator.baseline)}<br><span class="muted">(${packDate(input, indicator.baselineDate)})</span>`
    : indicatorValue(lang, indicator.baseline);
  return html`<tr><td>${INDICATOR_LEVEL_LABELS[indicator.level][lang]}</td><td>${indicator.statement}</td><td>${unit}</td><td class="${number}">${baseline}</td><td>${
    shown ? packDate(input, shown.period) : '—'
  }</td><td class="${number}">${shown ? targetText(lang, shown.target, shown.revisedTarget) : '—'}</td><td class="${number}">${actual}</td><td>${statusLabel(lang, reading.status)}</td></tr>`;
}

function indicatorTable(input: PackInput, plan: PackPlan): SafeHtml {
  const { lang } = input;
  const head = (['level', 'indicator', 'unit', 'baseline', 'period', 'periodTarget', 'actual', 'status'] as const).map((label) => html`<th>${LABELS[label][lang]}</th>`);
  return html`<table class="indicators">
<colgroup><col class="level"><col><col class="unit"><col class="value"><col class="value"><col class="target"><col class="value"><col class="status"></colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${joinHtml(
  plan.indicators.map((i) => indicatorRow(input, i)),
  '\n',
)}
</tbody>
</table>
`;
}

/** The plan's own fields as facts, only those written. */
function planFacts(lang: PackLanguage, plan: Plan): SafeHtml {
  const partners = plan.partners.map((p) => html`${partnerText(lang, p)}`);
  const financing = plan.financing.map((f) => html`${financingText(lang, f)}`);
  const rows: [keyof typeof LABELS, HtmlValue][] = [];
  for (const field of ['counterpartNeeds', 'pathToOrder', 'problem'] as const) {
    if (plan[field].trim() !== '') rows.push([field, paragraphs(plan[field])]);
  }
  if (partners.length > 0) rows.push(['partners', lines(partners)]);
  if (financing.length > 0) rows.push(['financingOptions', lines(financing)]);
  if (rows.length === 0) return html``;
  return html`<table class="facts">
${joinHtml(
  rows.map(([label, value]) => html`<tr><th>${LABELS[label][lang]}</th><td>${value}</td></tr>`),
  '\n',
)}
</table>
`;
}

/** Pieces of markup, one per line. */
function lines(parts: SafeHtml[]): SafeHtml {
  return joinHtml(
    parts.map((part, i) => (i === 0 ? part : html`<br>${part}`)),
    '',
  );
}

function hurdleItem(input: PackInput, hurdle: Hurdle): SafeHtml {
  const { lang } = input;
  const facts = hurdleFacts(input, hurdle);
  const about = facts === '' ? '' : html`<span class="muted">${parenthesised(lang, facts)}</span>`;
  const measures =
    hurdle.measures.length === 0
      ? ''
      : html`<ul>${hurdle.measures.map((m) => html`<li>${LABELS.measure[lang]}: ${m.text}${m.actor ? parenthesised(lang, m.actor) : ''}</li>`)}</ul>`;
  return html`<li>${hurdle.description}${about}${measures}</li>`;
}

/** One case's plan: its status and follow-up, its fields, its indicators and its open hurdles. */
function planBlock(input: PackInput, c: PackCase, plan: PackPlan): SafeHtml {
  const { lang } = input;
  const followUp = plan.plan?.followUpDate ? html` / ${LABELS.followUp[lang]}: ${packDate(input, plan.plan.followUpDate)}` : '';
  const indicators = plan.indicators.length === 0 ? '' : html`<h4>${LABELS.indicatorHeading[lang]}</h4>\n${indicatorTable(input, plan)}`;
  const hurdles =
    plan.hurdles.length === 0
      ? ''
      : html`<h4>${LABELS.openHurdles[lang]}</h4>
<ul class="hurdles">
${joinHtml(
  plan.hurdles.map((h) => hurdleItem(input, h)),
  '\n',
)}
</ul>
`;
  return html`<div class="plan">
<h3>${c.case.title}</h3>
<p class="meta">${LABELS.indicatorStatus[lang]}: ${statusLabel(lang, plan.status)}${followUp}</p>
${plan.plan === null ? '' : planFacts(lang, plan.plan)}${indicators}${hurdles}</div>`;
}

/** 展開実施プラン: the plan of each case that has one fit for the audience, in the pack's case order. */
function planSection(input: PackInput): SafeHtml {
  const { lang } = input;
  const blocks = input.cases.flatMap((c) => (c.plan === null ? [] : [planBlock(input, c, c.plan)]));
  const note = LABELS.planTextsAsWritten[lang] === '' ? '' : html`<p class="muted">${LABELS.planTextsAsWritten[lang]}</p>\n`;
  return html`<section class="${sectionClass(input, 'plan')}" id="${SECTION_ANCHORS.plan}">
<h2>${PACK_SECTION_LABELS.plan[lang]}</h2>
${note}${joinHtml(blocks, '\n')}
</section>`;
}

/** 発言要領: each case's talking points, in the pack's case order, with the counterpart's translation to hand over. */
function talkingPoints(input: PackInput): SafeHtml {
  const { lang } = input;
  const body = input.cases.flatMap((c) => {
    const { text, original } = caseText(c.case, 'talkingPoints', lang);
    if (text.trim() === '' && counterpartText(input, c, 'talkingPoints') === undefined) return [];
    return [html`<h3>${c.case.title}${untranslatedTag(lang, original)}</h3>\n${paragraphs(text)}\n${counterpartField(input, c, 'talkingPoints')}`];
  });
  return html`<section class="${sectionClass(input, 'talkingPoints')}" id="talking-points">
<h2>${PACK_SECTION_LABELS.talkingPoints[lang]}</h2>
${joinHtml(body, '\n')}
</section>`;
}

/**
 * 関係者・連絡先: the people and organisations the model holds for this country: the visit's delegation and
 * counterparts, whom previous visits met, and the organisations owning the pack's cases.
 */
function contacts(input: PackInput): SafeHtml {
  const { lang, visit } = input;
  const met = input.previousVisits.flatMap((v) => v.counterparts.map((p) => [p.name, p.title, p.organisation, `${v.title} (${packDate(input, v.dates)})`]));
  const organisations = input.organisations.map((o) => [o.nameJa, o.nameEn, ORGANISATION_TYPE_LABELS[o.type][lang]]);
  // Each table only where somebody is recorded: the section is left out when nobody is (omittedSections).
  return html`<section class="${sectionClass(input, 'contacts')}" id="contacts">
<h2>${PACK_SECTION_LABELS.contacts[lang]}</h2>
${peopleTable(
  lang,
  'delegation',
  ['name', 'title', 'level'],
  (visit?.delegation ?? []).map((p) => [p.name, p.title, p.level]),
)}${peopleTable(
    lang,
    'counterparts',
    ['name', 'title', 'organisation'],
    (visit?.counterparts ?? []).map((p) => [p.name, p.title, p.organisation]),
  )}${peopleTable(lang, 'pastCounterparts', ['name', 'title', 'organisation', 'visitName'], met)}${peopleTable(lang, 'relatedOrganisations', ['nameJa', 'nameEn', 'type'], organisations)}</section>`;
}

/** 国情: the country's basic data, each fact with its source and the date it is as of. */
function facts(input: PackInput): SafeHtml {
  const { lang } = input;
  const rows = input.facts.map((f) => {
    return html`<tr><th>${factLabel(lang, f)}</th><td>${f.value}</td><td class="muted">${factSource(input, f)}</td></tr>`;
  });
  return html`<section class="${sectionClass(input, 'facts')}" id="${SECTION_ANCHORS.facts}">
<h2>${PACK_SECTION_LABELS.facts[lang]}</h2>
<table class="country-facts">
<colgroup><col class="fact"><col><col class="source"></colgroup>
<thead><tr><th>${LABELS.fact[lang]}</th><th>${LABELS.value[lang]}</th><th>${LABELS.source[lang]}</th></tr></thead>
<tbody>
${joinHtml(rows, '\n')}
</tbody>
</table>
</section>`;
}

/** How a directionBlock prints, in a pack and on its own one-pager alike. */
export const DIRECTION_CSS = `.direction + .direction { margin-top: 6mm; }
.direction-parts th { width: 32mm; }
.direction-parts p { margin: 0; }`;

/** One sector's 方向性: the parts written, under the sector and the place it is kept for. */
export function directionBlock(lang: PackLanguage, direction: Direction, place: string): SafeHtml {
  const rows = DIRECTION_FIELDS.filter((field) => direction[field].trim() !== '').map(
    (field) => html`<tr><th>${DIRECTION_FIELD_LABELS[field][lang]}</th><td>${paragraphs(direction[field])}</td></tr>`,
  );
  return html`<div class="direction">
<h3>${sectorName(direction.sector, '', lang)}${parenthesised(lang, place)}</h3>
<table class="facts direction-parts">
${joinHtml(rows, '\n')}
</table>
</div>`;
}

/** 分野別の方向性: the one-pager of each sector of the pack's cases, the country's before its regions'. */
function directions(input: PackInput): SafeHtml {
  const { lang } = input;
  return html`<section class="${sectionClass(input, 'directions')}" id="${SECTION_ANCHORS.directions}">
<h2>${PACK_SECTION_LABELS.directions[lang]}</h2>
${joinHtml(
  input.directions.map((d) => directionBlock(lang, d, directionPlace(input, d))),
  '\n',
)}
</section>`;
}

function questionList(lang: PackLanguage, questions: Question[]): SafeHtml {
  return joinHtml(
    questions.map(
      (q) => html`<div class="qa">
<p class="q"><span class="mark">${LABELS.question[lang]}</span>${q.question}</p>
<div class="a"><span class="mark">${LABELS.answer[lang]}</span><div class="answer">${q.answer.trim() === '' ? html`<p class="muted">${LABELS.noAnswer[lang]}</p>` : paragraphs(q.answer)}</div></div>
</div>`,
    ),
    '\n',
  );
}

/** 想定問答: the visit's questions, then each case's, in the pack's case order. */
function questions(input: PackInput): SafeHtml {
  const { lang } = input;
  const visitPart = input.visit === null || input.visitQuestions.length === 0 ? [] : [html`<h3>${input.visit.title}</h3>\n${questionList(lang, input.visitQuestions)}`];
  const caseParts = input.cases.flatMap((c) => (c.questions.length === 0 ? [] : [html`<h3>${c.case.title}</h3>\n${questionList(lang, c.questions)}`]));
  return html`<section class="${sectionClass(input, 'questions')}" id="${SECTION_ANCHORS.questions}">
<h2>${PACK_SECTION_LABELS.questions[lang]}</h2>
${joinHtml([...visitPart, ...caseParts], '\n')}
</section>`;
}

/** 先方要人: each person, with title, career and the times they met Japan before. */
function profiles(input: PackInput): SafeHtml {
  const { lang } = input;
  const blocks = input.profiles.map(({ profile: p, meetings }) => {
    const names = profileNames(lang, p);
    const post = profilePost(lang, p);
    const met = meetings.map((m) =>
      m.kind === 'visit'
        ? html`<li><span class="date">${packDate(input, m.date)}</span> ${m.visit.title}</li>`
        : html`<li><span class="date">${packDate(input, m.date)}</span> ${m.event.text}<span class="muted">${parenthesised(lang, m.caseTitle)}</span></li>`,
    );
    const rows: [keyof typeof LABELS, HtmlValue][] = [];
    if (p.career.trim() !== '') rows.push(['career', paragraphs(p.career)]);
    if (p.notes.trim() !== '') rows.push(['notes', paragraphs(p.notes)]);
    if (met.length > 0) rows.push(['meetings', html`<ul class="meetings">\n${joinHtml(met, '\n')}\n</ul>`]);
    const table =
      rows.length === 0
        ? ''
        : html`<table class="facts profile-facts">
${joinHtml(
  rows.map(([label, value]) => html`<tr><th>${LABELS[label][lang]}</th><td>${value}</td></tr>`),
  '\n',
)}
</table>
`;
    return html`<div class="profile">
<h3>${names}</h3>
${post === '' ? '' : html`<p class="post">${post}</p>\n`}${table}</div>`;
  });
  return html`<section class="${sectionClass(input, 'profiles')}" id="${SECTION_ANCHORS.profiles}">
<h2>${PACK_SECTION_LABELS.profiles[lang]}</h2>
${joinHtml(blocks, '\n')}
</section>`;
}

function councilTable(lang: PackLanguage, list: 'schemes' | 'members', entries: MatchEntry[]): SafeHtml {
  if (entries.length === 0) return html``;
  const rows = entries.map((e) => html`<tr><td>${e.name}</td><td>${matchReasonsText(e.reasons, lang)}</td></tr>`);
  return html`<table class="council">
<colgroup><col class="name"><col></colgroup>
<thead><tr><th>${MATCH_LIST_LABELS[list][lang]}</th><th>${MATCH_LIST_LABELS.reasons[lang]}</th></tr></thead>
<tbody>
${joinHtml(rows, '\n')}
</tbody>
</table>
`;
}

/** 活用できる支援ツール・会員企業: for each case, the schemes and members that fit it, each with why. */
function council(input: PackInput): SafeHtml {
  const { lang } = input;
  const blocks = input.council.map(
    (c) => html`<div class="council-case">
<h3>${c.caseTitle}</h3>
${councilTable(lang, 'schemes', c.schemes)}${councilTable(lang, 'members', c.members)}</div>`,
  );
  return html`<section class="${sectionClass(input, 'council')}" id="${SECTION_ANCHORS.council}">
<h2>${PACK_SECTION_LABELS.council[lang]}</h2>
${joinHtml(blocks, '\n')}
</section>`;
}

const SECTION_RENDERERS: Record<PackSection, (input: PackInput) => SafeHtml> = {
  visit: (input) => (input.visit ? visitSection(input, input.visit) : html``),
  snapshot,
  facts,
  history,
  matrix,
  cases: caseSection,
  directions,
  plan: planSection,
  council,
  talkingPoints,
  questions,
  profiles,
  contacts,
};

/**
 * The whole pack as an A4 print document, as text to write to a file or serve. `fontFaceCss` holds the @font-face
 * rules of the bundled Japanese font, `scriptFontFaceCss` those of a script's bundled font (asked only for the
 * scripts the pack's text is written in), and `screenCss` how the app's preview lays the pages out on screen
 * (trusted CSS from the caller, never record text).
 */
export function renderPackHtml(input: PackInput, options: { fontFaceCss: string; scriptFontFaceCss?: (script: Script) => string; screenCss?: string }): string {
  const screenStyle = options.screenCss === undefined ? '' : html`${styleElement(`\n${options.screenCss}\n`)}\n`;
  const body = html`${cover(input)}
${contents(input)}
${joinHtml(
  printedSections(input).map((section) => SECTION_RENDERERS[section](input)),
  '\n',
)}`;
  // The head's text (the title, the running header) is the pack's language's, in the Japanese font.
  const scripts = scriptsIn(body.toString());
  const scriptFontFaceCss = scripts.map((script) => options.scriptFontFaceCss?.(script) ?? '').join('\n');
  return html`<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<title>${packTitle(input)}</title>
${styleElement(`\n${options.fontFaceCss}\n${scriptFontFaceCss}\n${styles(input, scripts)}\n`)}
${screenStyle}</head>
<body>
${body}
</body>
</html>
`.toString();
}
