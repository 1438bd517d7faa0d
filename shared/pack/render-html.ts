import { formatDate } from '../dates';
import { escapeHtml } from '../escape-html';
import type { Agreement } from '../model/agreement';
import { CASE_STATUS_LABELS, caseText, type TranslatableCaseField } from '../model/case';
import type { OrganisationType } from '../model/organisation';
import { VISIT_KIND_LABELS, type Visit } from '../model/visit';
import { PHASE_LABELS, PHASES, type Phase } from '../phases';
import { sdgGoalLabel } from '../reference/sdgs';
import { SCOPE_LABELS } from '../scopes';
import { bilateralHistory, type HistoryItem, type PackCase, type PackInput, type PackLanguage, type PackSection } from './pack-input';

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
  agreementsAndVisits: { ja: '協定・覚書と訪問', en: 'Agreements and visits' },
  kind: { ja: '種別', en: 'Kind' },
  visitName: { ja: '訪問', en: 'Visit' },
  noHistory: { ja: 'この配布範囲で示せる協定・覚書や訪問の記録はありません。', en: 'No agreements or visits can be shown to this audience.' },
  overview: { ja: '概況', en: 'Overview' },
  policy: { ja: '展開方針', en: 'Deployment policy' },
  relations: { ja: '二国間関係', en: 'Bilateral relations' },
  supportHistory: { ja: 'ODA・支援の経緯', en: 'ODA and support history' },
  parties: { ja: '当事者', en: 'Parties' },
  signatoryLevel: { ja: '署名レベル', en: 'Signatory level' },
  place: { ja: '場所', en: 'Place' },
  contacts: { ja: '関係者・連絡先', en: 'Contacts' },
  pastCounterparts: { ja: 'これまでの面会先', en: 'Counterparts met on previous visits' },
  organisations: { ja: '関係機関', en: 'Organisations' },
  nameJa: { ja: '名称', en: 'Name (Japanese)' },
  nameEn: { ja: '英語名称', en: 'Name (English)' },
  type: { ja: '種別', en: 'Type' },
  none: { ja: '記載なし', en: 'None recorded' },
  sdgGoals: { ja: 'SDGs（持続可能な開発目標）', en: 'Sustainable Development Goals' },
  outcomeFraming: { ja: '開発効果', en: 'Development outcomes' },
  effectExamples: { ja: '効果の事例', en: 'Examples of effects' },
  financing: { ja: '資金', en: 'Financing' },
  nextSteps: { ja: '今後の進め方', en: 'Next steps' },
  talkingPoints: { ja: '発言要領', en: 'Talking points' },
  untranslated: { ja: '（日本語原文）', en: '[Japanese original]' },
} satisfies Record<string, Record<PackLanguage, string>>;

const AGREEMENT_KIND_LABELS: Record<Agreement['kind'], Record<PackLanguage, string>> = {
  mou: { ja: '覚書（MoU）', en: 'Memorandum of understanding' },
  moc: { ja: '協力覚書（MoC）', en: 'Memorandum of cooperation' },
  joint_statement: { ja: '共同声明', en: 'Joint statement' },
  exchange_of_notes: { ja: '交換公文（E/N）', en: 'Exchange of notes' },
  moa: { ja: '合意覚書（MOA）', en: 'Memorandum of agreement' },
  other: { ja: 'その他の取決め', en: 'Other agreement' },
};

const AGREEMENT_STATUS_LABELS: Record<Agreement['status'], Record<PackLanguage, string>> = {
  negotiating: { ja: '協議中', en: 'Under negotiation' },
  signed: { ja: '署名済み', en: 'Signed' },
  upgraded: { ja: '格上げ済み', en: 'Upgraded' },
};

const ORGANISATION_TYPE_LABELS: Record<OrganisationType, Record<PackLanguage, string>> = {
  ministry: { ja: '省庁', en: 'Ministry' },
  agency: { ja: '政府関係機関', en: 'Government agency' },
  fund: { ja: 'ファンド', en: 'Fund' },
  international: { ja: '国際機関', en: 'International body' },
  local_government: { ja: '地方公共団体', en: 'Local government' },
  company: { ja: '企業', en: 'Company' },
  university: { ja: '大学', en: 'University' },
  embassy: { ja: '大使館', en: 'Embassy' },
  other: { ja: 'その他', en: 'Other' },
};

/** Where each section starts: the contents link to these, and the printer reads their pages back from the PDF. */
const SECTION_ANCHORS: Record<PackSection, string> = {
  visit: 'visit',
  snapshot: 'snapshot',
  history: 'history',
  matrix: 'matrix',
  cases: 'cases',
  talkingPoints: 'talking-points',
  contacts: 'contacts',
};

const SECTION_TITLES: Record<PackSection, keyof typeof LABELS> = {
  visit: 'visit',
  snapshot: 'snapshot',
  history: 'history',
  matrix: 'matrix',
  cases: 'casePages',
  talkingPoints: 'talkingPoints',
  contacts: 'contacts',
};

/**
 * Class of the empty, fixed-width slot after each contents entry. Chromium cannot print an element's page number
 * (no target-counter()), so the printer fills these in once it knows the pages; the slot's fixed width keeps the
 * layout the same before and after.
 */
export const PAGE_NUMBER_SLOT = 'page-number';

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

/**
 * A CSS string literal; `<` is escaped too, so the text cannot close the <style> element it sits in, and so is every
 * line break (CSS reads CR and FF as one), which would end the string and let the rest be read as rules.
 */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[<\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
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
ol.contents { padding-left: 6mm; }
ol.contents li { margin: 1mm 0; }
ol.contents a { display: flex; align-items: last baseline; }
ol.contents .leader { flex: 1 1 8mm; border-bottom: 0.5pt dotted #888; margin: 0 1.5mm; }
ol.contents .${PAGE_NUMBER_SLOT} { flex: none; width: 9mm; text-align: right; }
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
.counterpart { margin: 1.5mm 0 0; padding-left: 2.5mm; border-left: 1.5pt solid #889; }
.counterpart .language { font-size: 7pt; color: #555; }
.counterpart p { margin: 0.5mm 0; }
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

/** The sections this pack prints: those asked for, the visit's only with a visit. */
function printedSections(input: PackInput): PackSection[] {
  return input.sections.filter((s) => s !== 'visit' || input.visit !== null);
}

function contentsEntry(anchor: string, title: string): string {
  return `<a href="#${h(anchor)}"><span class="entry">${h(title)}</span><span class="leader"></span><span class="${PAGE_NUMBER_SLOT}"></span></a>`;
}

function contents(input: PackInput): string {
  const { lang } = input;
  const entries = printedSections(input).map((section) => {
    const entry = contentsEntry(SECTION_ANCHORS[section], LABELS[SECTION_TITLES[section]][lang]);
    if (section !== 'cases' || input.cases.length === 0) return `<li>${entry}</li>`;
    const cases = input.cases.map((c) => `<li>${contentsEntry(caseAnchor(c), c.case.title)}</li>`).join('\n');
    return `<li>${entry}\n<ol>\n${cases}\n</ol></li>`;
  });
  return `<section class="page">
<h2>${h(LABELS.contents[lang])}</h2>
<ol class="contents">
${entries.join('\n')}
</ol>
</section>`;
}

/** A heading and its paragraphs, or nothing when the text is empty. */
function narrative(lang: PackLanguage, label: keyof typeof LABELS, text: string): string {
  return text.trim() === '' ? '' : `<h3>${h(LABELS[label][lang])}</h3>\n${paragraphs(lang, text)}\n`;
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
${narrative(lang, 'overview', input.dossier?.overview ?? '')}${narrative(lang, 'policy', input.dossier?.policy ?? '')}</section>`;
}

/** A table of people or organisations, or a note that none were recorded. */
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

/**
 * The counterpart-language translation of a handed-over field, printed under the pack's own text and marked with
 * its language; nothing where there is none (the reader already has the pack's text).
 */
function counterpartField(input: PackInput, c: PackCase, field: TranslatableCaseField): string {
  const code = input.counterpartLang;
  const text = code === null ? undefined : c.case.translations[code]?.[field];
  if (code === null || text === undefined || text.trim() === '') return '';
  const language = new Intl.DisplayNames([input.lang], { type: 'language' }).of(code) ?? code;
  return `<div class="counterpart" lang="${h(code)}"><span class="language">${h(language)}</span>
${paragraphs(input.lang, text)}
</div>`;
}

/** A heading and the field's paragraphs, or nothing when the field is empty: a pack prints what was written. */
function caseFieldSection(lang: PackLanguage, c: PackCase, field: TranslatableCaseField & keyof typeof LABELS): string {
  const { text, original } = caseText(c.case, field, lang);
  if (text.trim() === '') return '';
  return `<h3>${h(LABELS[field][lang])}${untranslatedTag(lang, original)}</h3>
${paragraphs(lang, text)}
`;
}

/** 訪問の目的と要望: what the visit is for and what it asks; who goes and whom they meet are under the contacts. */
function visitSection(input: PackInput, visit: Visit): string {
  const { lang } = input;
  return `<section class="page" id="visit">
<h2>${h(LABELS.visit[lang])}</h2>
<p><strong>${h(visit.title)}</strong> (${h(VISIT_KIND_LABELS[visit.kind][lang])}, ${h(formatDate(visit.dates, lang))})</p>
<h3>${h(LABELS.objectives[lang])}</h3>
${paragraphs(lang, visit.objectives)}
<h3>${h(LABELS.asks[lang])}</h3>
${paragraphs(lang, visit.asks)}
</section>`;
}

function agreementDetails(lang: PackLanguage, a: Agreement): string {
  const separator = lang === 'ja' ? '、' : ', ';
  const facts = [
    a.parties.length > 0 ? `${LABELS.parties[lang]}: ${a.parties.join(separator)}` : '',
    a.signatoryLevel ? `${LABELS.signatoryLevel[lang]}: ${a.signatoryLevel}` : '',
    a.place ? `${LABELS.place[lang]}: ${a.place}` : '',
    AGREEMENT_STATUS_LABELS[a.status][lang],
  ].filter((fact) => fact !== '');
  const subject = a.subject ? `<br>${h(a.subject)}` : '';
  return `${h(a.title)}${subject}<br><span class="muted">${h(facts.join(' / '))}</span>`;
}

function historyRow(lang: PackLanguage, item: HistoryItem): string {
  if (item.kind === 'agreement') {
    const a = item.agreement;
    return `<tr><td>${h(formatDate(a.date, lang))}</td><td>${h(AGREEMENT_KIND_LABELS[a.kind][lang])}</td><td>${agreementDetails(lang, a)}</td></tr>`;
  }
  const v = item.visit;
  return `<tr><td>${h(formatDate(v.dates, lang))}</td><td>${h(VISIT_KIND_LABELS[v.kind][lang])}</td><td>${h(v.title)}${v.objectives ? `<br><span class="muted">${h(v.objectives)}</span>` : ''}</td></tr>`;
}

/** 二国間の経緯: the dossier's account of relations and ODA, then agreements and previous visits in date order. */
function history(input: PackInput): string {
  const { lang } = input;
  const items = bilateralHistory(input.agreements, input.previousVisits);
  const body = items.length === 0 ? `<p class="muted">${h(LABELS.noHistory[lang])}</p>` : `<table class="timeline">
<colgroup><col class="date"><col class="phase"><col></colgroup>
<thead><tr><th>${h(LABELS.date[lang])}</th><th>${h(LABELS.kind[lang])}</th><th>${h(LABELS.event[lang])}</th></tr></thead>
<tbody>
${items.map((item) => historyRow(lang, item)).join('\n')}
</tbody>
</table>`;
  return `<section class="page" id="history">
<h2>${h(LABELS.history[lang])}</h2>
${narrative(lang, 'relations', input.dossier?.relations ?? '')}${narrative(lang, 'supportHistory', input.dossier?.supportHistory ?? '')}<h3>${h(LABELS.agreementsAndVisits[lang])}</h3>
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
    [LABELS.summary[lang], `${caseField(lang, c, 'summary')}${counterpartField(input, c, 'summary')}`],
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

/** 案件別資料: a page per case, the section's heading on the first. */
function caseSection(input: PackInput): string {
  const { lang } = input;
  if (input.cases.length === 0) {
    return `<section class="page" id="cases">
<h2>${h(LABELS.casePages[lang])}</h2>
<p>${h(LABELS.noCases[lang])}</p>
</section>`;
  }
  return input.cases.map((c, i) => casePage(input, c, i === 0)).join('\n');
}

/** 発言要領: each case's talking points, in the pack's case order, with the counterpart's translation to hand over. */
function talkingPoints(input: PackInput): string {
  const { lang } = input;
  const body = input.cases.flatMap((c) => {
    const { text, original } = caseText(c.case, 'talkingPoints', lang);
    const counterpart = counterpartField(input, c, 'talkingPoints');
    if (text.trim() === '' && counterpart === '') return [];
    return [`<h3>${h(c.case.title)}${untranslatedTag(lang, original)}</h3>\n${paragraphs(lang, text)}\n${counterpart}`];
  });
  return `<section class="page" id="talking-points">
<h2>${h(LABELS.talkingPoints[lang])}</h2>
${body.length === 0 ? `<p class="muted">${h(LABELS.none[lang])}</p>` : body.join('\n')}
</section>`;
}

/**
 * 関係者・連絡先: the people and organisations the model holds for this country: the visit's delegation and
 * counterparts, whom previous visits met, and the organisations owning the pack's cases.
 */
function contacts(input: PackInput): string {
  const { lang, visit } = input;
  const met = input.previousVisits.flatMap((v) => v.counterparts.map((p) => [p.name, p.title, p.organisation, `${v.title} (${formatDate(v.dates, lang)})`]));
  const organisations = input.organisations.map((o) => [o.nameJa, o.nameEn, ORGANISATION_TYPE_LABELS[o.type][lang]]);
  return `<section class="page" id="contacts">
<h2>${h(LABELS.contacts[lang])}</h2>
${visit ? `<h3>${h(LABELS.delegation[lang])}</h3>
${peopleTable(lang, ['name', 'title', 'level'], visit.delegation.map((p) => [p.name, p.title, p.level]))}
<h3>${h(LABELS.counterparts[lang])}</h3>
${peopleTable(lang, ['name', 'title', 'organisation'], visit.counterparts.map((p) => [p.name, p.title, p.organisation]))}
` : ''}<h3>${h(LABELS.pastCounterparts[lang])}</h3>
${peopleTable(lang, ['name', 'title', 'organisation', 'visitName'], met)}
<h3>${h(LABELS.organisations[lang])}</h3>
${peopleTable(lang, ['nameJa', 'nameEn', 'type'], organisations)}
</section>`;
}

const SECTION_RENDERERS: Record<PackSection, (input: PackInput) => string> = {
  visit: (input) => (input.visit ? visitSection(input, input.visit) : ''),
  snapshot,
  history,
  matrix,
  cases: caseSection,
  talkingPoints,
  contacts,
};

/**
 * The whole pack as an A4 print document. `fontFaceCss` holds the @font-face rules of the bundled Japanese font
 * (trusted CSS from the caller, never record text); every record field is escaped, so markup in it prints as text.
 */
export function renderPackHtml(input: PackInput, options: { fontFaceCss: string }): string {
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
${printedSections(input).map((section) => SECTION_RENDERERS[section](input)).join('\n')}
</body>
</html>
`;
}
