import { PHASE_LABELS } from '../labels';
import { PHASES, type Phase } from '../phases';

// The sheets Karte writes and reads: the 別表 layout desk officers know (one sheet per country) and two flat sheets
// (one row per case, one per event) whose id columns let an import recognise the records it wrote.

/** Excel refuses these in a sheet's name, and names longer than 31 characters. */
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/**
 * A sheet name Excel accepts, unique among `taken` (which it joins): forbidden characters become '・', a long name
 * is cut, a repeated one numbered.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(FORBIDDEN_IN_SHEET_NAME, '・')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, MAX_SHEET_NAME) || 'Sheet';
  let name = base;
  // Excel compares sheet names without regard to case.
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); n++) name = `${base.slice(0, MAX_SHEET_NAME - `(${n})`.length)}(${n})`;
  taken.add(name);
  return name;
}

/** The title row of a country's 別表 sheet, as the action plan words it. */
export function dossierSheetTitle(countryJa: string): string {
  return `海外展開カルテ – ${countryJa}における現状と今後の展開方針（概要）`;
}

/** The 別表 columns: 分野 | 概要 | one per phase | 今後の方針. */
export const DOSSIER_SHEET_HEADINGS = ['分野', '概要', ...PHASES.map((p) => PHASE_LABELS[p].ja), '今後の方針'] as const;

/** The 別表 column of each phase (0-based), after 分野 and 概要. */
export function phaseColumn(phase: Phase): number {
  return 2 + PHASES.indexOf(phase);
}

/** A run of a rich-text cell. */
export interface TextRun {
  text: string;
  bold?: boolean;
}

/** A phase cell of the 別表: each event on its own line, "date text + event text", the date in bold. */
export function eventLines(events: readonly { dateText: string; text: string }[]): TextRun[] {
  return events.flatMap((e, i): TextRun[] => {
    const newline = i < events.length - 1 ? '\n' : '';
    return e.dateText === '' ? [{ text: `${e.text}${newline}` }] : [{ text: e.dateText, bold: true }, { text: ` ${e.text}${newline}` }];
  });
}

/** A column of a flat sheet: the record's field it holds, its heading, its width in characters. */
export interface FlatColumn<F extends string = string> {
  field: F;
  heading: string;
  width: number;
}

/** The flat sheet of cases: one row per case; `id` recognises the case on import. Enumerations are written as codes. */
export const CASE_SHEET = {
  name: '案件一覧',
  columns: [
    { field: 'id', heading: 'ID', width: 38 },
    { field: 'title', heading: '案件名', width: 40 },
    { field: 'countries', heading: '国（ISOコード）', width: 12 },
    { field: 'region', heading: '地域', width: 10 },
    { field: 'sectorLabel', heading: '分野', width: 16 },
    { field: 'summary', heading: '概要', width: 50 },
    { field: 'futurePolicy', heading: '今後の方針', width: 50 },
    { field: 'status', heading: '状況', width: 10 },
    { field: 'scope', heading: '共有範囲', width: 12 },
  ],
} as const satisfies { name: string; columns: readonly FlatColumn[] };

/** The flat sheet of events: one row per event, with its case's place and sector to read it by. */
export const EVENT_SHEET = {
  name: '経緯一覧',
  columns: [
    { field: 'id', heading: 'ID', width: 38 },
    { field: 'caseId', heading: '案件ID', width: 38 },
    { field: 'caseTitle', heading: '案件名', width: 30 },
    { field: 'countries', heading: '国（ISOコード）', width: 12 },
    { field: 'sectorLabel', heading: '分野', width: 16 },
    { field: 'phase', heading: 'フェーズ', width: 16 },
    { field: 'date', heading: '日付', width: 16 },
    { field: 'text', heading: '内容', width: 60 },
    { field: 'organisation', heading: '組織', width: 20 },
    { field: 'scope', heading: '共有範囲', width: 12 },
  ],
} as const satisfies { name: string; columns: readonly FlatColumn[] };

/** Columns of the events sheet that tell about the event's case: written to read by, not read back. */
export const EVENT_SHEET_CASE_COLUMNS: ReadonlySet<string> = new Set(['caseTitle', 'countries', 'sectorLabel']);
