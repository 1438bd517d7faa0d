import { parseDateText } from '../dates';
import type { KarteCase, KarteFile } from '../karte-json';
import { findCountry } from '../reference/countries';
import { regionsOfCountry } from '../reference/regions';
import type { ColumnMapping, ColumnRole } from './column-roles';

// Reads a 別表 sheet as desk officers keep it (海外展開カルテ概要版) into karte JSON, the form every dossier table
// is imported from: a title row naming the country or region, a heading row (or two, 覚書・協議フェーズ merged over
// 実務協議等 | 覚書等), then a row per case whose phase cells hold its events one per line, each line a date and
// what happened. In a region's table the first column names the countries before the sector: 【ブラジル】 放送システム.

/** A heading row's texts as a mapping knows them: without spaces, in one width. */
function mappingKey(headings: readonly string[]): string {
  return JSON.stringify(headings.map((h) => h.normalize('NFKC').replace(/\s+/g, '')));
}

/**
 * Headings as ministries write them, tried in order against a heading without spaces and without what is in
 * brackets: 検討フェーズ (きっかけ、国内検討等) reads as 検討フェーズ.
 */
const HEADINGS: readonly [RegExp, ColumnRole][] = [
  [/^(分野|案件|セクター|分野・案件)$/, 'sector'],
  [/概要/, 'summary'],
  [/^(国|国名|国・地域|対象国)$/, 'country'],
  [/^検討(フェーズ)?$/, 'consideration'],
  [/^実務協議(等)?$/, 'consultation'],
  [/^(覚書|MOU|MoU|TS|トップセールス)/i, 'mou_top_sales'],
  // 覚書・協議フェーズ over its two columns: alone (not split) its events are the consultations.
  [/^覚書・協議(フェーズ)?$/, 'consultation'],
  [/^(調査・実証|調査|実証)(フェーズ)?$/, 'survey_demo'],
  [/^(受注・管理|受注|管理)(フェーズ)?$/, 'order_management'],
  [/方針/, 'futurePolicy'],
  [/^(備考|注記)$/, 'notes'],
];

function roleOf(heading: string): ColumnRole | null {
  const bare = heading
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\s+/g, '');
  if (bare === '') return null;
  return HEADINGS.find(([pattern]) => pattern.test(bare))?.[1] ?? null;
}

/** How far down a title and headings are looked for. */
const HEADING_ROWS = 15;

/** A problem of one cell, as data; the caller adds the file. */
export interface SheetCellProblem {
  row: number;
  column: string;
  code: 'cell_date' | 'unknown_country';
  params: Record<string, string>;
  message: string;
}

export interface DossierSheet {
  table: KarteFile;
  /** The sheet's row (1-based) each case came from. */
  rows: number[];
  problems: SheetCellProblem[];
}

/**
 * The heading rows: the row of the headings (0-based), whether a second row splits some, and each column's role; by
 * a mapping a person gave for a sheet of this shape, else by the headings' usual wordings.
 */
function headingsOf(rows: readonly (readonly string[])[], mappings: readonly ColumnMapping[]): { at: number; depth: 1 | 2; roles: (ColumnRole | null)[] } | null {
  const known = new Map(mappings.map((m) => [mappingKey(m.headings), m.roles]));
  for (let r = 0; r < Math.min(rows.length, HEADING_ROWS); r++) {
    const roles = known.get(mappingKey(rows[r]));
    if (roles && roles.includes('sector')) return { at: r, depth: 1, roles };
  }
  for (let r = 0; r < Math.min(rows.length, HEADING_ROWS); r++) {
    const upper = rows[r].map(roleOf);
    if (!upper.includes('sector') || upper.filter((role) => role !== null && role !== 'sector').length < 2) continue;
    const lower = (rows[r + 1] ?? []).map(roleOf);
    const split = lower.some((role) => role !== null);
    // A merged heading repeats over its columns (or, saved as CSV, heads only the first): the second row says which.
    const roles = Array.from({ length: Math.max(upper.length, lower.length) }, (_, c) => (split ? (lower[c] ?? upper[c] ?? null) : (upper[c] ?? null)));
    return { at: r, depth: split ? 2 : 1, roles };
  }
  return null;
}

/** The country or region a title names: 「海外展開カルテ - 中南米における現状と…」 → 中南米. */
function titlePlace(title: string): string {
  const match = title.normalize('NFKC').match(/カルテ\s*[-–—ー]\s*(.+?)における/);
  return match ? match[1].trim() : '';
}

/** A country by a name as written, also in its long form (ベトナム社会主義共和国). */
function countryNamed(name: string) {
  return findCountry(name) ?? findCountry(name.replace(/(社会主義共和国|民主共和国|連邦共和国|共和国|連邦|王国|首長国連邦)$/, ''));
}

const DATE_LIKE = /^(\d{4}|令和|平成|昭和|R\d|H\d)/;
const BULLETS = /^[・○●◯■□◆◇\-–—*]\s*/;

/**
 * One line of a phase cell as an event: its leading date text (the longest start of the line the date parser reads
 * as a date, ending before a space or a colon) and the rest. `unread` holds a start that looks like a date but is
 * none (2019年度末ごろ), for the caller to report.
 */
export function splitEventLine(line: string): { dateText: string; text: string; unread: string | null } {
  const content = line.trim().replace(BULLETS, '');
  let best: { dateText: string; text: string } | null = null;
  for (const boundary of content.matchAll(/[\s\u3000:：]/g)) {
    const end = boundary.index;
    if (end === 0 || end > 40) continue;
    const candidate = content.slice(0, end);
    const date = parseDateText(candidate);
    if (date && date.precision !== 'unknown') best = { dateText: candidate, text: content.slice(end + 1).replace(/^[\s\u3000:：]+/, '') };
  }
  if (best && best.text !== '') return { ...best, unread: null };
  const whole = parseDateText(content);
  if (whole && whole.precision !== 'unknown') return { dateText: content, text: content, unread: null };
  const start = content.split(/[\s\u3000:：]/)[0];
  return { dateText: '', text: content, unread: DATE_LIKE.test(content) ? start : null };
}

/** The countries 【…】 names before a sector: several separated by 、・, none for 【検討中】. */
function bracketedCountries(cell: string): { names: string[]; rest: string } | null {
  const match = cell.trim().match(/^【([^】]*)】\s*([\s\S]*)$/);
  if (!match) return null;
  const names = match[1]
    .split(/[、,，・/／]/)
    .map((n) => n.trim())
    .filter((n) => n !== '' && !/^(検討中|未定|調整中)$/.test(n));
  return { names, rest: match[2].trim() };
}

/**
 * The sheet as a karte JSON file, or null when it has no 別表 headings (recognised, or as a mapping gives them).
 * `source` is recorded with each event. Cells that cannot be read are problems; with `acceptUnreadDates`, a date
 * that reads as none is kept as written instead.
 */
export function readDossierSheet(
  sheet: string,
  rows: readonly (readonly string[])[],
  source: string,
  { acceptUnreadDates = false, mappings = [] }: { acceptUnreadDates?: boolean; mappings?: readonly ColumnMapping[] } = {},
): DossierSheet | null {
  const headings = headingsOf(rows, mappings);
  if (!headings) return null;
  const { at, depth, roles } = headings;
  const title = rows
    .slice(0, at)
    .flatMap((row) => row)
    .find((cell) => cell.includes('カルテ'))
    ?.trim();
  const place = titlePlace(title ?? '');
  const titleCountry = place === '' ? undefined : countryNamed(place);
  const problems: SheetCellProblem[] = [];
  const cases: KarteCase[] = [];
  const caseRows: number[] = [];
  const columnName = (c: number) => (depth === 2 ? rows[at + 1]?.[c] || rows[at][c] : rows[at][c]) ?? '';
  const columnsOf = (role: ColumnRole) => roles.flatMap((r, c) => (r === role ? [c] : []));
  const cell = (row: readonly string[], role: ColumnRole) =>
    columnsOf(role)
      .map((c) => row[c] ?? '')
      .filter((text, i, all) => text !== '' && all.indexOf(text) === i)
      .join('\n');
  // A row of a region's table with only 【国】 in it heads the rows below.
  let heldCountries: string[] | null = null;
  for (let r = at + depth; r < rows.length; r++) {
    const row = rows[r];
    const rowNumber = r + 1;
    if (row.every((text) => text.trim() === '')) continue;
    const sectorCell = cell(row, 'sector');
    const bracket = bracketedCountries(sectorCell);
    const countryCell = cell(row, 'country');
    let names =
      bracket?.names ??
      (countryCell === ''
        ? null
        : countryCell
            .split(/[、,，・/／\n]/)
            .map((n) => n.trim())
            .filter((n) => n !== ''));
    const rest = roles.flatMap((role, c) => (role !== null && role !== 'sector' && role !== 'country' ? [row[c] ?? ''] : []));
    if (bracket && bracket.rest === '' && rest.every((text) => text.trim() === '')) {
      heldCountries = bracket.names;
      continue;
    }
    names ??= heldCountries;
    const codes: string[] = [];
    for (const name of names ?? []) {
      const country = countryNamed(name);
      if (country) codes.push(country.iso2);
      else
        problems.push({
          row: rowNumber,
          column: columnName(columnsOf(bracket ? 'sector' : 'country')[0] ?? 0),
          code: 'unknown_country',
          params: { code: name, text: name },
          message: `'${name}' is no country Karte knows`,
        });
    }
    if (names === null && titleCountry) codes.push(titleCountry.iso2);
    const events: KarteCase['events'] = [];
    for (const phase of ['consideration', 'consultation', 'mou_top_sales', 'survey_demo', 'order_management'] as const) {
      for (const c of columnsOf(phase)) {
        for (const line of (row[c] ?? '').split(/\r?\n/)) {
          if (line.trim() === '') continue;
          const { dateText, text, unread } = splitEventLine(line);
          if (unread !== null) {
            if (!acceptUnreadDates) problems.push({ row: rowNumber, column: columnName(c), code: 'cell_date', params: { text: unread }, message: `'${unread}' is not a date` });
            // Accepted, it stays the event's date as written, of no known time.
            else events.push({ phase, date: '', date_text: unread, text: text.slice(unread.length).trim() || text });
            continue;
          }
          const date = parseDateText(dateText);
          events.push({ phase, date: date?.sort ?? '', date_text: dateText, text });
        }
      }
    }
    cases.push({
      country: codes.length > 0 ? '' : (names ?? []).join('、'),
      country_iso2: codes.join(','),
      sector: bracket ? bracket.rest : sectorCell,
      summary: cell(row, 'summary'),
      events,
      future_policy: cell(row, 'futurePolicy'),
      notes: cell(row, 'notes'),
    });
    caseRows.push(rowNumber);
  }
  return {
    table: { title: title ?? sheet, region: titleCountry ? (regionsOfCountry(titleCountry.iso2)[0]?.ja ?? '') : place, source, cases },
    rows: caseRows,
    problems,
  };
}
