import fs from 'node:fs/promises';
import { matchReasonsText } from '../../../shared/council/match-labels';
import type { MatchEntry } from '../../../shared/council/matching';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
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
} from '../../../shared/labels';
import { caseText, type TranslatableCaseField } from '../../../shared/model/case';
import { DIRECTION_FIELDS } from '../../../shared/model/direction';
import type { Question } from '../../../shared/model/question';
import { PHASES, type Phase } from '../../../shared/phases';
import { isRightToLeft, scriptsIn, SCRIPT_FONT_FAMILIES } from '../../../shared/print/scripts';
import { sdgGoalLabel } from '../../../shared/reference/sdgs';
import { sectorName } from '../../../shared/reference/sectors';
import { bilateralHistory, counterpartText, opensPage, printedSections, type PackCase, type PackInput, type PackPlan, type PackSection } from '../../../shared/pack/pack-input';
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
  indicatorValue,
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
} from '../../../shared/pack/pack-text';
import { PACK_FONT_FAMILY } from '../delivery';

// The briefing pack as a Word document, for an office to edit its last lines before it prints: the sections the PDF
// prints, in its order and words (pack-text.ts), from the same PackInput, already filtered to the audience. Headings
// are Word's own styles, so the navigation pane and a table of contents Word inserts find them; the 別表 is a
// landscape section of its own, as the PDF's landscape pages. docx escapes the text it is given: record text is text.

type Block = Paragraph | Table;
type Cell = Paragraph[];

// A4, with the PDF's @page margins; lengths in twentieths of a point.
const MM = 56.7;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(18 * MM), right: Math.round(14 * MM), bottom: Math.round(16 * MM), left: Math.round(14 * MM) };
const PORTRAIT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_WIDTH = A4.height - MARGIN.left - MARGIN.right;

const MUTED = '666666';
const MARKING = 'AA0000';
const HEADING_FILL = 'E8EBF3';
const STATUS_COLOURS: Partial<Record<PackPlan['status'], string>> = { off_track: 'AA0000', at_risk: 'AA6600' };

/** Every script's run in the Japanese font but the complex scripts', which print in their own Noto font. */
const FONT = { ascii: PACK_FONT_FAMILY, hAnsi: PACK_FONT_FAMILY, eastAsia: PACK_FONT_FAMILY, cs: PACK_FONT_FAMILY };

const CONTENTS_LIST = 'contents';
const BULLETS = 'bullets';

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, ...options });
}

function muted(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return run(text, { color: MUTED, ...options });
}

function paragraph(children: (TextRun | string)[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ ...options, children: children.map((c) => (typeof c === 'string' ? run(c) : c)) });
}

function heading(level: 1 | 2 | 3, children: (TextRun | string)[], options: Omit<IParagraphOptions, 'children' | 'heading'> = {}): Paragraph {
  const styles = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return paragraph(children, { ...options, heading: styles[level], keepNext: true });
}

/** The text's paragraphs, none when it is empty: a pack prints what was written (as the PDF splits them). */
function paragraphs(text: string, runOptions: Omit<IRunOptions, 'text'> = {}, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph[] {
  return text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => paragraph([run(line, runOptions)], options));
}

/** A heading and its paragraphs, or nothing when the text is empty. */
function narrative(input: PackInput, label: keyof typeof LABELS, text: string): Block[] {
  return text.trim() === '' ? [] : [heading(2, [LABELS[label][input.lang]]), ...paragraphs(text)];
}

function bullet(children: (TextRun | string)[], level = 0): Paragraph {
  return paragraph(children, { numbering: { reference: BULLETS, level } });
}

/** Marks text printed in Japanese because its translation is missing. */
function untranslatedTag(input: PackInput, original: boolean): TextRun[] {
  return original ? [run(` ${LABELS.untranslated[input.lang]}`, { size: 14, bold: false, color: MARKING })] : [];
}

/**
 * The counterpart-language translation of a handed-over field, under the pack's own text: its language set (Word
 * checks its spelling, picks its fonts), a complex script in its own Noto font, a right-to-left one set so.
 */
function counterpartField(input: PackInput, c: PackCase, field: TranslatableCaseField): Paragraph[] {
  const code = input.counterpartLang;
  const text = counterpartText(input, c, field);
  if (code === null || text === undefined) return [];
  const rtl = isRightToLeft(code);
  const [script] = scriptsIn(text);
  const runOptions: Omit<IRunOptions, 'text'> = {
    language: { value: code, bidirectional: rtl ? code : undefined },
    rightToLeft: rtl,
    ...(script ? { font: { ...FONT, cs: SCRIPT_FONT_FAMILIES[script] } } : {}),
  };
  const indent = { indent: { left: 140 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '888899', space: 4 } }, bidirectional: rtl };
  return [paragraph([muted(languageName(input.lang, code), { size: 14 })], { ...indent, spacing: { before: 80 } }), ...paragraphs(text, runOptions, indent)];
}

function cellParagraphs(content: Cell | string): Cell {
  if (typeof content !== 'string') return content.length === 0 ? [paragraph([])] : content;
  return [paragraph([content])];
}

/** A Word table across the text width, its columns in shares of it; the heading row repeats on every page. */
function table(options: {
  width: number;
  columns: number[];
  head?: string[];
  rows: (Cell | string)[][];
  /** The first cell of each row is a heading (a label beside its value). */
  rowHeads?: boolean;
  size?: number;
}): Table {
  const total = options.columns.reduce((a, b) => a + b, 0);
  const widths = options.columns.map((share) => Math.floor((options.width * share) / total));
  const cell = (content: Cell | string, head: boolean, i: number) =>
    new TableCell({
      children: cellParagraphs(content).map((p) => p),
      width: { size: widths[i], type: WidthType.DXA },
      margins: { top: 57, bottom: 57, left: 85, right: 85 },
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADING_FILL } } : {}),
    });
  const headRow = options.head
    ? [new TableRow({ tableHeader: true, cantSplit: true, children: options.head.map((text, i) => cell([paragraph([run(text, { bold: true, size: options.size })])], true, i)) })]
    : [];
  const bodyRows = options.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((content, i) => {
          const head = options.rowHeads === true && i === 0;
          const sized = typeof content === 'string' ? [paragraph([run(content, { bold: head || undefined, size: options.size })])] : content;
          return cell(sized, head, i);
        }),
      }),
  );
  const border = { style: BorderStyle.SINGLE, size: 4, color: MUTED };
  return new Table({
    rows: [...headRow, ...bodyRows],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/** Label | value rows, the PDF's table.facts. */
function factsTable(rows: [string, Cell | string][], width = PORTRAIT_WIDTH): Table {
  return table({ width, columns: [28, 72], rows: rows.map(([label, value]) => [label, value]), rowHeads: true });
}

function cover(input: PackInput): Block[] {
  const { lang } = input;
  const marking = SCOPE_MARKINGS[input.audience][lang];
  const boxed = (color: string, size: number) => ({
    top: { style: BorderStyle.SINGLE, size, color, space: 2 },
    bottom: { style: BorderStyle.SINGLE, size, color, space: 2 },
    left: { style: BorderStyle.SINGLE, size, color, space: 4 },
    right: { style: BorderStyle.SINGLE, size, color, space: 4 },
  });
  const right = (text: string, options: Omit<IRunOptions, 'text'> = {}) => (text.trim() === '' ? [] : [paragraph([run(text, options)], { alignment: AlignmentType.RIGHT })]);
  return [
    ...(input.cover.handleWithCare ? [paragraph([run(LABELS.handleWithCare[lang], { bold: true, size: 24 })], { border: boxed('111111', 8), spacing: { after: 160 } })] : []),
    paragraph([run(marking, { bold: true, size: 28, color: MARKING })], { border: boxed(MARKING, 16), spacing: { after: 160 } }),
    ...right(input.cover.number),
    ...right(asOfText(input)),
    ...right(input.cover.issuer, { bold: true, size: 22 }),
    paragraph([packTitle(input)], { heading: HeadingLevel.TITLE, spacing: { before: Math.round(50 * MM) } }),
    paragraph([run(`${input.country.ja} / ${input.country.en}`, { size: 28 })]),
    ...(input.visit ? [paragraph([`${input.visit.title} (${packDate(input, input.visit.dates)})`])] : []),
    ...(input.cover.distribution.trim() === ''
      ? []
      : [paragraph([run(`${LABELS.distributedTo[lang]}: ${input.cover.distribution}`, { size: 22 })], { spacing: { before: Math.round(60 * MM) } })]),
    paragraph([`${LABELS.distribution[lang]}: ${marking} (${LABELS.distributionNote[lang]})`], {
      border: { top: { style: BorderStyle.SINGLE, size: 4, color: MUTED, space: 4 } },
      spacing: { before: input.cover.distribution.trim() === '' ? Math.round(70 * MM) : 80 },
    }),
  ];
}

function contents(input: PackInput): Block[] {
  const { lang } = input;
  const entries = printedSections(input).flatMap((section) => [
    paragraph([PACK_SECTION_LABELS[section][lang]], { numbering: { reference: CONTENTS_LIST, level: 0 } }),
    ...(section === 'cases' ? input.cases.map((c) => paragraph([c.case.title], { numbering: { reference: CONTENTS_LIST, level: 1 } })) : []),
  ]);
  const noCases = input.cases.length === 0 ? [paragraph([muted(LABELS.noCases[lang])])] : [];
  return [heading(1, [LABELS.contents[lang]], { pageBreakBefore: true }), ...entries, ...noCases];
}

function visitSection(input: PackInput): Block[] {
  const { lang, visit } = input;
  if (visit === null) return [];
  return [
    paragraph([run(visit.title, { bold: true }), ` (${VISIT_KIND_LABELS[visit.kind][lang]}, ${packDate(input, visit.dates)})`]),
    ...narrative(input, 'objectives', visit.objectives),
    ...narrative(input, 'asks', visit.asks),
  ];
}

function snapshot(input: PackInput): Block[] {
  const { lang } = input;
  const count = (phase: Phase | null) => input.cases.filter((c) => c.currentPhase === phase).length;
  const phaseRows = [...PHASES.map((p) => [PHASE_LABELS[p][lang], count(p)] as const), [LABELS.noPhase[lang], count(null)] as const];
  return [
    factsTable([
      [LABELS.country[lang], `${input.country[lang]} (${input.country.iso2})`],
      [LABELS.regions[lang], input.regions.map((r) => r[lang]).join(lang === 'ja' ? '、' : ', ')],
      [LABELS.caseCount[lang], String(input.cases.length)],
    ]),
    heading(2, [LABELS.byPhase[lang]]),
    table({
      width: PORTRAIT_WIDTH,
      columns: phaseRows.map(() => 1),
      head: phaseRows.map(([label]) => label),
      rows: [phaseRows.map(([, n]) => [paragraph([String(n)], { alignment: AlignmentType.CENTER })])],
    }),
    ...narrative(input, 'overview', input.dossier?.overview ?? ''),
    ...narrative(input, 'policy', input.dossier?.policy ?? ''),
  ];
}

function facts(input: PackInput): Block[] {
  const { lang } = input;
  return [
    table({
      width: PORTRAIT_WIDTH,
      columns: [30, 97, 55],
      head: [LABELS.fact[lang], LABELS.value[lang], LABELS.source[lang]],
      rows: input.facts.map((f) => [[paragraph([run(factLabel(lang, f), { bold: true })])], f.value, [paragraph([muted(factSource(input, f))])]]),
    }),
  ];
}

function history(input: PackInput): Block[] {
  const { lang } = input;
  const items = bilateralHistory(input.agreements, input.previousVisits);
  const rows = items.map((item): Cell[] => {
    if (item.kind === 'agreement') {
      const a = item.agreement;
      const details = [paragraph([a.title]), ...(a.subject ? [paragraph([a.subject])] : []), paragraph([muted(agreementFacts(lang, a))])];
      return [[paragraph([packDate(input, a.date)])], [paragraph([AGREEMENT_KIND_LABELS[a.kind][lang]])], details];
    }
    const v = item.visit;
    return [
      [paragraph([packDate(input, v.dates)])],
      [paragraph([VISIT_KIND_LABELS[v.kind][lang]])],
      [paragraph([v.title]), ...(v.objectives ? [paragraph([muted(v.objectives)])] : [])],
    ];
  });
  return [
    ...narrative(input, 'relations', input.dossier?.relations ?? ''),
    ...narrative(input, 'supportHistory', input.dossier?.supportHistory ?? ''),
    heading(2, [LABELS.agreementsAndVisits[lang]]),
    items.length === 0
      ? paragraph([muted(LABELS.noHistory[lang])])
      : table({ width: PORTRAIT_WIDTH, columns: [20, 24, 56], head: [LABELS.date[lang], LABELS.kind[lang], LABELS.event[lang]], rows }),
  ];
}

/** A field of a case in the pack's language, marked where the Japanese stands in. */
function caseFieldRuns(input: PackInput, c: PackCase, field: TranslatableCaseField, options: Omit<IRunOptions, 'text'> = {}): TextRun[] {
  const { text, original } = caseText(c.case, field, input.lang);
  return [run(text, options), ...untranslatedTag(input, original)];
}

/** The 別表 layout: a row per case, a column per phase with its dated events, then 今後の方針. */
function matrix(input: PackInput): Block[] {
  const { lang } = input;
  if (input.cases.length === 0) return [paragraph([LABELS.noCases[lang]])];
  const size = 14;
  const rows = input.cases.map((c): Cell[] => [
    [paragraph([run(c.case.title, { size })])],
    ...PHASES.map((phase) =>
      c.events
        .filter((e) => e.phase === phase)
        .map((e) => {
          const date = packDate(input, e.date);
          return paragraph(date === '' ? [run(e.text, { size })] : [run(date, { size, bold: true }), run(` ${e.text}`, { size })], { spacing: { after: 60 } });
        }),
    ),
    [paragraph(caseFieldRuns(input, c, 'futurePolicy', { size }))],
  ]);
  return [
    table({
      width: LANDSCAPE_WIDTH,
      columns: [16, ...PHASES.map(() => 13), 19],
      head: [LABELS.case[lang], ...PHASES.map((p) => PHASE_LABELS[p][lang]), LABELS.futurePolicy[lang]],
      rows,
      size,
    }),
  ];
}

/** A heading and the field's paragraphs, or nothing when the field is empty. */
function caseFieldSection(input: PackInput, c: PackCase, field: TranslatableCaseField & keyof typeof LABELS): Block[] {
  const { text, original } = caseText(c.case, field, input.lang);
  if (text.trim() === '') return [];
  return [heading(3, [LABELS[field][input.lang], ...untranslatedTag(input, original)]), ...paragraphs(text)];
}

function caseBlock(input: PackInput, c: PackCase, newPage: boolean): Block[] {
  const { lang } = input;
  const timeline =
    c.events.length === 0
      ? paragraph([muted(LABELS.noEvents[lang])])
      : table({
          width: PORTRAIT_WIDTH,
          columns: [24, 20, 56],
          head: [LABELS.phase[lang], LABELS.date[lang], LABELS.event[lang]],
          rows: c.events.map((e) => [PHASE_LABELS[e.phase][lang], packDate(input, e.date), e.text]),
        });
  return [
    heading(2, [c.case.title], { pageBreakBefore: newPage, spacing: { before: newPage ? 0 : 360 } }),
    factsTable([
      [LABELS.sector[lang], sectorName(c.case.sector, c.case.sectorLabel, lang)],
      [LABELS.summary[lang], [paragraph(caseFieldRuns(input, c, 'summary')), ...counterpartField(input, c, 'summary')]],
      [LABELS.status[lang], CASE_STATUS_LABELS[c.case.status][lang]],
      [LABELS.currentPhase[lang], c.currentPhase === null ? LABELS.noPhase[lang] : PHASE_LABELS[c.currentPhase][lang]],
    ]),
    heading(3, [LABELS.timeline[lang]]),
    timeline,
    ...(c.case.sdgGoals.length === 0 ? [] : [heading(3, [LABELS.sdgGoals[lang]]), ...c.case.sdgGoals.map((goal) => bullet([sdgGoalLabel(goal, lang)]))]),
    ...caseFieldSection(input, c, 'outcomeFraming'),
    ...caseFieldSection(input, c, 'effectExamples'),
    ...caseFieldSection(input, c, 'financing'),
    ...caseFieldSection(input, c, 'nextSteps'),
    ...caseFieldSection(input, c, 'futurePolicy'),
  ];
}

function caseSection(input: PackInput): Block[] {
  return input.cases.flatMap((c, i) => caseBlock(input, c, input.casePerPage && i > 0));
}

function statusRun(input: PackInput, status: PackPlan['status']): TextRun {
  const colour = STATUS_COLOURS[status];
  return run(INDICATOR_STATUS_LABELS[status][input.lang], colour ? { color: colour, bold: true } : {});
}

function planBlock(input: PackInput, c: PackCase, plan: PackPlan): Block[] {
  const { lang } = input;
  const facts: [string, Cell][] = [];
  if (plan.plan !== null) {
    for (const field of ['counterpartNeeds', 'pathToOrder', 'problem'] as const) {
      if (plan.plan[field].trim() !== '') facts.push([LABELS[field][lang], paragraphs(plan.plan[field])]);
    }
    if (plan.plan.partners.length > 0) facts.push([LABELS.partners[lang], plan.plan.partners.map((p) => paragraph([partnerText(lang, p)]))]);
    if (plan.plan.financing.length > 0) facts.push([LABELS.financingOptions[lang], plan.plan.financing.map((f) => paragraph([financingText(lang, f)]))]);
  }
  const small = 14;
  const indicatorRows = plan.indicators.map((indicator): Cell[] => {
    const { reading } = indicator;
    const shown = shownPeriod(input, indicator);
    const align = indicator.measure === 'qualitative' ? AlignmentType.LEFT : AlignmentType.RIGHT;
    const number = (lines: TextRun[][]) => lines.map((line) => paragraph(line, { alignment: align }));
    const text = (value: string) => [run(value, { size: small })];
    const actual =
      shown && reading.period !== null && indicator.cumulative
        ? number([text(indicatorValue(lang, reading.actual)), [muted(`(${LABELS.cumulative[lang]})`, { size: small })]])
        : number([text(shown ? indicatorValue(lang, shown.actual) : '—')]);
    const baseline = indicator.baselineDate
      ? number([text(indicatorValue(lang, indicator.baseline)), [muted(`(${packDate(input, indicator.baselineDate)})`, { size: small })]])
      : number([text(indicatorValue(lang, indicator.baseline))]);
    return [
      [paragraph(text(INDICATOR_LEVEL_LABELS[indicator.level][lang]))],
      [paragraph(text(indicator.statement))],
      [paragraph(text(indicatorUnit(indicator)))],
      baseline,
      [paragraph(text(shown ? packDate(input, shown.period) : '—'))],
      number([text(shown ? targetText(lang, shown.target, shown.revisedTarget) : '—')]),
      actual,
      [paragraph([statusRun(input, reading.status)])],
    ];
  });
  const followUp = plan.plan?.followUpDate ? [` / ${LABELS.followUp[lang]}: ${packDate(input, plan.plan.followUpDate)}`] : [];
  return [
    heading(2, [c.case.title]),
    paragraph([`${LABELS.indicatorStatus[lang]}: `, statusRun(input, plan.status), ...followUp]),
    ...(facts.length === 0 ? [] : [factsTable(facts)]),
    ...(plan.indicators.length === 0
      ? []
      : [
          heading(3, [LABELS.indicatorHeading[lang]]),
          table({
            width: PORTRAIT_WIDTH,
            columns: [11, 29, 7, 10, 10, 14, 10, 9],
            head: (['level', 'indicator', 'unit', 'baseline', 'period', 'periodTarget', 'actual', 'status'] as const).map((label) => LABELS[label][lang]),
            rows: indicatorRows,
            size: small,
          }),
        ]),
    ...(plan.hurdles.length === 0
      ? []
      : [
          heading(3, [LABELS.openHurdles[lang]]),
          ...plan.hurdles.flatMap((h) => {
            const about = hurdleFacts(input, h);
            return [
              bullet([h.description, ...(about === '' ? [] : [muted(parenthesised(lang, about))])]),
              ...h.measures.map((m) => bullet([`${LABELS.measure[lang]}: ${m.text}${m.actor ? parenthesised(lang, m.actor) : ''}`], 1)),
            ];
          }),
        ]),
  ];
}

function planSection(input: PackInput): Block[] {
  const note = LABELS.planTextsAsWritten[input.lang];
  return [...(note === '' ? [] : [paragraph([muted(note)])]), ...input.cases.flatMap((c) => (c.plan === null ? [] : planBlock(input, c, c.plan)))];
}

function talkingPoints(input: PackInput): Block[] {
  return input.cases.flatMap((c) => {
    const { text, original } = caseText(c.case, 'talkingPoints', input.lang);
    if (text.trim() === '' && counterpartText(input, c, 'talkingPoints') === undefined) return [];
    return [heading(2, [c.case.title, ...untranslatedTag(input, original)]), ...paragraphs(text), ...counterpartField(input, c, 'talkingPoints')];
  });
}

function directions(input: PackInput): Block[] {
  const { lang } = input;
  return input.directions.flatMap((d) => {
    const rows = DIRECTION_FIELDS.filter((field) => d[field].trim() !== '').map((field): [string, Cell] => [DIRECTION_FIELD_LABELS[field][lang], paragraphs(d[field])]);
    return [heading(2, [`${sectorName(d.sector, '', lang)}${parenthesised(lang, directionPlace(input, d))}`]), factsTable(rows)];
  });
}

function questionList(input: PackInput, questions: Question[]): Block[] {
  const { lang } = input;
  return questions.flatMap((q) => [
    paragraph([run(`${LABELS.question[lang]}\u3000`, { bold: true }), run(q.question, { bold: true })], { keepNext: true, spacing: { before: 120 } }),
    ...(q.answer.trim() === ''
      ? [paragraph([run(`${LABELS.answer[lang]}\u3000`, { bold: true }), muted(LABELS.noAnswer[lang])])]
      : q.answer
          .split(/\n+/)
          .filter((line) => line.trim() !== '')
          .map((line, i) => paragraph([run(i === 0 ? `${LABELS.answer[lang]}\u3000` : '\u3000\u3000', { bold: true }), line]))),
  ]);
}

function questions(input: PackInput): Block[] {
  const visitPart = input.visit === null || input.visitQuestions.length === 0 ? [] : [heading(2, [input.visit.title]), ...questionList(input, input.visitQuestions)];
  const caseParts = input.cases.flatMap((c) => (c.questions.length === 0 ? [] : [heading(2, [c.case.title]), ...questionList(input, c.questions)]));
  return [...visitPart, ...caseParts];
}

function profiles(input: PackInput): Block[] {
  const { lang } = input;
  return input.profiles.flatMap(({ profile: p, meetings }) => {
    const post = profilePost(lang, p);
    const met = meetings.map((m) =>
      m.kind === 'visit'
        ? bullet([run(packDate(input, m.date), { bold: true }), ` ${m.visit.title}`])
        : bullet([run(packDate(input, m.date), { bold: true }), ` ${m.event.text}`, muted(parenthesised(lang, m.caseTitle))]),
    );
    return [
      heading(2, [profileNames(lang, p)]),
      ...(post === '' ? [] : [paragraph([post])]),
      ...(p.career.trim() === '' ? [] : [heading(3, [LABELS.career[lang]]), ...paragraphs(p.career)]),
      ...(p.notes.trim() === '' ? [] : [heading(3, [LABELS.notes[lang]]), ...paragraphs(p.notes)]),
      ...(met.length === 0 ? [] : [heading(3, [LABELS.meetings[lang]]), ...met]),
    ];
  });
}

/** A table of people or organisations under its heading, or nothing when none were recorded. */
function peopleTable(input: PackInput, label: keyof typeof LABELS, columns: (keyof typeof LABELS)[], rows: string[][]): Block[] {
  if (rows.length === 0) return [];
  return [heading(2, [LABELS[label][input.lang]]), table({ width: PORTRAIT_WIDTH, columns: columns.map(() => 1), head: columns.map((c) => LABELS[c][input.lang]), rows })];
}

function contacts(input: PackInput): Block[] {
  const { lang, visit } = input;
  const met = input.previousVisits.flatMap((v) => v.counterparts.map((p) => [p.name, p.title, p.organisation, `${v.title} (${packDate(input, v.dates)})`]));
  const organisations = input.organisations.map((o) => [o.nameJa, o.nameEn, ORGANISATION_TYPE_LABELS[o.type][lang]]);
  return [
    ...peopleTable(
      input,
      'delegation',
      ['name', 'title', 'level'],
      (visit?.delegation ?? []).map((p) => [p.name, p.title, p.level]),
    ),
    ...peopleTable(
      input,
      'counterparts',
      ['name', 'title', 'organisation'],
      (visit?.counterparts ?? []).map((p) => [p.name, p.title, p.organisation]),
    ),
    ...peopleTable(input, 'pastCounterparts', ['name', 'title', 'organisation', 'visitName'], met),
    ...peopleTable(input, 'relatedOrganisations', ['nameJa', 'nameEn', 'type'], organisations),
  ];
}

/** Per case, the schemes and members that fit it, each with why: the PDF's council tables. */
function council(input: PackInput): Block[] {
  const { lang } = input;
  const entries = (list: 'schemes' | 'members', fits: MatchEntry[]): Block[] =>
    fits.length === 0
      ? []
      : [
          table({
            width: PORTRAIT_WIDTH,
            columns: [2, 3],
            head: [MATCH_LIST_LABELS[list][lang], MATCH_LIST_LABELS.reasons[lang]],
            rows: fits.map((e) => [e.name, matchReasonsText(e.reasons, lang)]),
          }),
        ];
  return input.council.flatMap((c) => [heading(2, [c.caseTitle]), ...entries('schemes', c.schemes), ...entries('members', c.members)]);
}

const SECTION_BODIES: Record<PackSection, (input: PackInput) => Block[]> = {
  visit: visitSection,
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

/** The running header (title left, marking right) and the page number, as the PDF's page margins print them. */
function pageFurniture(input: PackInput, width: number): Pick<ISectionOptions, 'headers' | 'footers'> {
  const { title, marking } = packRunningHeader(input);
  return {
    headers: {
      default: new Header({
        children: [
          paragraph([run(title, { size: 15, color: '444444' }), run(`\t${marking}`, { size: 18, bold: true, color: MARKING })], {
            tabStops: [{ type: TabStopType.RIGHT, position: width }],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [paragraph([new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16, color: '444444' })], { alignment: AlignmentType.CENTER })],
      }),
    },
  };
}

/**
 * The pack's Word sections: the portrait pages, the 別表 on landscape pages of its own, then portrait again. A
 * printed section opens a new page where the PDF's does (opensPage); the first of a Word section opens one by the
 * section break.
 */
function documentSections(input: PackInput): ISectionOptions[] {
  const parts: { landscape: boolean; children: Block[] }[] = [{ landscape: false, children: [...cover(input), ...contents(input)] }];
  for (const section of printedSections(input)) {
    const landscape = section === 'matrix';
    const current = parts[parts.length - 1];
    const startsPart = current.landscape !== landscape;
    const part = startsPart ? { landscape, children: [] as Block[] } : current;
    if (startsPart) parts.push(part);
    part.children.push(heading(1, [PACK_SECTION_LABELS[section][input.lang]], { pageBreakBefore: !startsPart && opensPage(input, section) }), ...SECTION_BODIES[section](input));
  }
  return parts.map(({ landscape, children }) => ({
    properties: {
      page: {
        size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...MARGIN, header: Math.round(8 * MM), footer: Math.round(8 * MM) },
      },
    },
    ...pageFurniture(input, landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH),
    children,
  }));
}

/** The pack as a .docx file's bytes. */
export function renderPackDocx(input: PackInput): Promise<Buffer> {
  const language = { value: input.lang === 'ja' ? 'ja-JP' : 'en-GB', eastAsia: 'ja-JP' };
  const headingRun = (size: number) => ({ run: { font: FONT, size, bold: true, color: '111111' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });
  const document = new Document({
    title: packTitle(input),
    creator: 'Karte',
    styles: {
      default: {
        document: { run: { font: FONT, size: 19, language }, paragraph: { spacing: { after: 60, line: 300 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '111111' }, paragraph: { spacing: { after: 240 } } },
        heading1: {
          ...headingRun(26),
          paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '222244', space: 2 } } },
        },
        heading2: headingRun(22),
        heading3: headingRun(19),
      },
    },
    numbering: {
      config: [
        {
          reference: CONTENTS_LIST,
          levels: [0, 1].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 400 + level * 400, hanging: 400 } } },
          })),
        },
        {
          reference: BULLETS,
          levels: ['•', '◦'].map((text, level) => ({
            level,
            format: LevelFormat.BULLET,
            text,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 300 + level * 300, hanging: 220 } } },
          })),
        },
      ],
    },
    sections: documentSections(input),
  });
  return Packer.toBuffer(document);
}

/** Renders a pack (already filtered to its audience by buildPackInput) and writes it as a .docx file. */
export async function writePackDocx(input: PackInput, outFile: string): Promise<void> {
  await fs.writeFile(outFile, await renderPackDocx(input));
}
