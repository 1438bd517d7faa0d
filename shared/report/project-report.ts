import { formatDate, type KarteDate } from '../dates';
import { CASE_STATUS_LABELS, PHASE_LABELS, SCOPE_MARKINGS } from '../labels';
import type { CaseStatus } from '../model/case';
import type { Phase } from '../phases';
import { basePrintCss, contentsEntry, type RunningHeader } from '../print/print-document';
import type { PriorityProject } from '../reference/priority-projects';
import type { Scope } from '../scopes';
import { html, joinHtml, styleElement, type SafeHtml } from '../safe-html';

// The follow-up report of the 20 priority projects (「20(にいまる)」プロジェクト フォローアップ): one compact
// section per project (its policy, its cases and their phase, what moved since a chosen date, what is stuck, its
// targets), printed the way the briefing packs are, for one audience.

export type ReportLanguage = 'ja' | 'en';

/** One linked case as the audience may see it, and how it moved since the report's `since` date. */
export interface ReportCase {
  id: string;
  title: string;
  countries: string[];
  status: CaseStatus;
  currentPhase: Phase | null;
  /** The furthest phase its events dated before `since` reached: what it stood at then. */
  phaseAtSince: Phase | null;
  /** Found (its earliest dated event) on or after `since`. */
  isNew: boolean;
  /** The status a person set on or after `since`; null when it did not change. */
  statusSince: CaseStatus | null;
  /** Start of its latest dated event ('YYYY-MM'). */
  lastEvent: string | null;
  stuck: boolean;
  longWithoutOrder: boolean;
  /** How it changed since the snapshot the report compares against (empty without one). */
  sinceSnapshot: SnapshotChange[];
}

/**
 * A case's change since a snapshot: new to its project, a later phase reached, stuck since, dropped since. (A case
 * the snapshot had in the project and that left it is counted apart: ReportProject.unlinked.)
 */
export type SnapshotChange = 'new' | 'advanced' | 'stalled' | 'dropped';

/** An event of a linked case dated on or after `since`. */
export interface ReportEvent {
  caseTitle: string;
  phase: Phase;
  date: KarteDate;
  text: string;
}

export interface ReportProject {
  project: PriorityProject;
  cases: ReportCase[];
  moved: ReportEvent[];
  /** Cases the snapshot had in this project that no longer are (unlinked, or out of the audience's reach). */
  unlinked: number;
}

export interface ProjectReportInput {
  lang: ReportLanguage;
  audience: Scope;
  /** The day the report stands at. */
  asOf: KarteDate;
  /** What moved is counted from this day. */
  since: KarteDate;
  /** The snapshot the cases are compared against; null for none. */
  comparedTo: { label: string; asOf: KarteDate } | null;
  projects: ReportProject[];
}

const LABELS = {
  title: { ja: '「20(にいまる)」プロジェクト フォローアップ報告', en: 'The 20 Priority Projects: Follow-up Report' },
  distribution: { ja: '配布範囲', en: 'Distribution' },
  distributionNote: { ja: 'この範囲を超えて配布しないこと', en: 'not to be passed on beyond this audience' },
  contents: { ja: '目次', en: 'Contents' },
  since: { ja: '以降の動き', en: 'Movement since' },
  targets: { ja: '対象国・地域', en: 'Target countries and regions' },
  perspective: { ja: '視点', en: 'Perspective' },
  policy: { ja: '取組方針', en: 'Policy' },
  kpis: { ja: '目標', en: 'Targets' },
  linkedCases: { ja: '案件', en: 'Cases' },
  case: { ja: '案件', en: 'Case' },
  phase: { ja: '現在の段階', en: 'Current phase' },
  status: { ja: '状況', en: 'Status' },
  movement: { ja: '動き', en: 'Movement' },
  noCases: { ja: 'この配布範囲で示せる紐づけ済みの案件はありません。', en: 'No linked cases can be shown to this audience.' },
  moved: { ja: '動いたこと', en: 'What moved' },
  nothingMoved: { ja: 'この期間に日付のある動きはありません。', en: 'No dated movement in this period.' },
  stuck: { ja: '停滞', en: 'Stuck' },
  longWithoutOrder: { ja: '長期未受注', en: 'Long without an order' },
  isNew: { ja: '新規', en: 'New' },
  noPhase: { ja: '段階の記録なし', en: 'No stage recorded' },
  stuckNote: {
    ja: '停滞: 12か月を超えて日付のある動きがない進行中の案件。長期未受注: 発掘から3年を超えて受注のない進行中の案件。',
    en: 'Stuck: an active case with no dated event for more than 12 months. Long without an order: an active case found more than 3 years ago without an order.',
  },
  summary: { ja: '概況', en: 'Overview' },
  linked: { ja: '案件数', en: 'Cases' },
  movedCount: { ja: '動き', en: 'Moved' },
  stuckCount: { ja: '停滞', en: 'Stuck' },
  comparedTo: { ja: '比較するスナップショット', en: 'Compared with the snapshot' },
  new: { ja: '新規', en: 'New' },
  advanced: { ja: '前進', en: 'Advanced' },
  stalled: { ja: '停滞入り', en: 'Stalled' },
  unlinked: { ja: '紐づけ解除', en: 'Unlinked' },
} satisfies Record<string, Record<ReportLanguage, string>>;

function dayText(date: KarteDate, lang: ReportLanguage): string {
  return formatDate(date, lang);
}

function reportTitle(input: ProjectReportInput): string {
  return LABELS.title[input.lang];
}

/** The running header: the report's title with its date, and the audience marking. */
export function projectReportRunningHeader(input: ProjectReportInput): RunningHeader {
  const asOf = dayText(input.asOf, input.lang);
  const title = input.lang === 'ja' ? `${reportTitle(input)}（${asOf}時点）` : `${reportTitle(input)} (as of ${asOf})`;
  return { title, marking: SCOPE_MARKINGS[input.audience][input.lang] };
}

function anchorOf(project: PriorityProject): string {
  return `project-${project.no}`;
}

function phaseText(phase: Phase | null, lang: ReportLanguage): string {
  return phase === null ? LABELS.noPhase[lang] : PHASE_LABELS[phase][lang];
}

/** A change since the snapshot in a word; a dropped case is called what its status is called everywhere. */
function changeWord(change: SnapshotChange, lang: ReportLanguage): string {
  return change === 'dropped' ? CASE_STATUS_LABELS.dropped[lang] : LABELS[change][lang];
}

/** What happened to a case since the report's date, in a few words. */
function movement(c: ReportCase, lang: ReportLanguage): string {
  const parts: string[] = [];
  if (c.isNew) parts.push(LABELS.isNew[lang]);
  for (const change of c.sinceSnapshot) if (change !== 'stalled') parts.push(changeWord(change, lang));
  if (c.currentPhase !== c.phaseAtSince && c.currentPhase !== null) parts.push(`${phaseText(c.phaseAtSince, lang)} → ${phaseText(c.currentPhase, lang)}`);
  if (c.statusSince !== null) parts.push(`${LABELS.status[lang]}: ${CASE_STATUS_LABELS[c.statusSince][lang]}`);
  if (c.stuck) parts.push(LABELS.stuck[lang]);
  if (c.longWithoutOrder) parts.push(LABELS.longWithoutOrder[lang]);
  return parts.join(lang === 'ja' ? '、' : ', ');
}

/** A project's changes since the snapshot, counted: what advanced, is new, stalled, was dropped or left it. */
function snapshotLine(input: ProjectReportInput, section: ReportProject): SafeHtml {
  const { lang, comparedTo } = input;
  if (comparedTo === null || (section.cases.length === 0 && section.unlinked === 0)) return html``;
  const count = (change: SnapshotChange) => section.cases.filter((c) => c.sinceSnapshot.includes(change)).length;
  const counts = (['advanced', 'new', 'stalled', 'dropped'] as const).map((change) => `${changeWord(change, lang)} ${count(change)}`);
  const separator = lang === 'ja' ? '、' : ', ';
  return html`<p class="compared">${LABELS.comparedTo[lang]}「${comparedTo.label}」(${dayText(comparedTo.asOf, lang)}): ${[...counts, `${LABELS.unlinked[lang]} ${section.unlinked}`].join(separator)}</p>
`;
}

function casesTable(section: ReportProject, lang: ReportLanguage): SafeHtml {
  if (section.cases.length === 0) return html`<p class="muted">${LABELS.noCases[lang]}</p>`;
  return html`<table class="cases">
<colgroup><col class="case"><col class="phase"><col class="status"><col class="movement"></colgroup>
<thead><tr><th>${LABELS.case[lang]}</th><th>${LABELS.phase[lang]}</th><th>${LABELS.status[lang]}</th><th>${LABELS.movement[lang]}</th></tr></thead>
<tbody>
${joinHtml(
  section.cases.map(
    (c) =>
      html`<tr class="${c.stuck || c.longWithoutOrder ? 'flagged' : ''}"><td>${c.title}</td><td>${phaseText(c.currentPhase, lang)}</td><td>${CASE_STATUS_LABELS[c.status][lang]}</td><td>${movement(c, lang)}</td></tr>`,
  ),
  '\n',
)}
</tbody>
</table>`;
}

function movedList(input: ProjectReportInput, section: ReportProject): SafeHtml {
  const { lang } = input;
  if (section.moved.length === 0) return html`<p class="muted">${LABELS.nothingMoved[lang]}</p>`;
  return html`<ul class="moved">
${joinHtml(
  section.moved.map((e) => html`<li><span class="date">${dayText(e.date, lang)}</span> ${phaseText(e.phase, lang)}: ${e.caseTitle}: ${e.text}</li>`),
  '\n',
)}
</ul>`;
}

function projectSection(input: ProjectReportInput, section: ReportProject): SafeHtml {
  const { lang } = input;
  const { project } = section;
  const kpis = project.kpis.map((k) => html`<li>${k.metric}: ${k.target.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')}${k.unit} (${k.target_date})</li>`);
  return html`<section class="project" id="${anchorOf(project)}">
<div class="head">
<h2>${project.mark} ${project.sector}</h2>
<table class="facts">
<tr><th>${LABELS.targets[lang]}</th><td>${project.targets}</td></tr>
<tr><th>${LABELS.perspective[lang]}</th><td>${project.perspective}</td></tr>
</table>
<h3>${LABELS.policy[lang]}</h3>
<p>${project.policy}</p>
</div>
${kpis.length === 0 ? html`` : html`<h3>${LABELS.kpis[lang]}</h3>\n<ul>${kpis}</ul>\n`}<h3>${LABELS.linkedCases[lang]}</h3>
${snapshotLine(input, section)}${casesTable(section, lang)}
<h3>${LABELS.moved[lang]} (${dayText(input.since, lang)}–)</h3>
${movedList(input, section)}
</section>`;
}

function summaryTable(input: ProjectReportInput): SafeHtml {
  const { lang } = input;
  return html`<table class="contents summary">
<thead><tr><th></th><th>${LABELS.linked[lang]}</th><th>${LABELS.movedCount[lang]}</th><th>${LABELS.stuckCount[lang]}</th></tr></thead>
<tbody>
${joinHtml(
  input.projects.map(
    (s) =>
      html`<tr><td>${contentsEntry(anchorOf(s.project), `${s.project.mark} ${s.project.sector}`)}</td><td>${s.cases.length}</td><td>${s.moved.length}</td><td>${s.cases.filter((c) => c.stuck).length}</td></tr>`,
  ),
  '\n',
)}
</tbody>
</table>`;
}

function styles(input: ProjectReportInput): string {
  return `${basePrintCss(projectReportRunningHeader(input))}
.cover { padding-top: 50mm; }
section.project { margin-top: 6mm; }
section.project h2, section.project h3 { break-after: avoid; }
section.project .head { break-inside: avoid; }
table.summary td:not(:first-child), table.summary th:not(:first-child) { width: 14mm; text-align: right; }
table.cases { font-size: 8pt; table-layout: fixed; }
table.cases col.case { width: 44%; }
table.cases col.phase { width: 18%; }
table.cases col.status { width: 10%; }
tr.flagged td:last-child { color: #a00; }
ul.moved { font-size: 8pt; padding-left: 5mm; margin: 0; }
.note { font-size: 7.5pt; }
.compared { font-size: 8pt; margin: 0 0 1.5mm; }
`;
}

/**
 * The whole report as an A4 print document. `fontFaceCss` holds the @font-face rules of the bundled Japanese font,
 * `screenCss` how the app's preview lays the pages out (trusted CSS from the caller, never record text).
 */
export function renderProjectReportHtml(input: ProjectReportInput, options: { fontFaceCss: string; screenCss?: string }): string {
  const { lang } = input;
  const marking = SCOPE_MARKINGS[input.audience][lang];
  const screenStyle = options.screenCss === undefined ? '' : html`${styleElement(`\n${options.screenCss}\n`)}\n`;
  // The summary is the contents: each project's line links to its section, with the page it starts on.
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${reportTitle(input)}</title>
${styleElement(`\n${options.fontFaceCss}\n${styles(input)}\n`)}
${screenStyle}</head>
<body>
<section class="cover">
<div class="marking">${marking}</div>
<h1>${reportTitle(input)}</h1>
<p>${projectReportRunningHeader(input).title}</p>
<p>${LABELS.since[lang]}: ${dayText(input.since, lang)}</p>
<p class="distribution">${LABELS.distribution[lang]}: ${marking} (${LABELS.distributionNote[lang]})</p>
</section>
<section class="page">
<h2>${LABELS.summary[lang]}</h2>
${summaryTable(input)}
<p class="note muted">${LABELS.stuckNote[lang]}</p>
</section>
${joinHtml(
  input.projects.map((s) => projectSection(input, s)),
  '\n',
)}
</body>
</html>
`.toString();
}
