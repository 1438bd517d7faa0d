import { SCHEME_TYPE_LABELS } from '../labels';
import { SCHEME_TYPES, type SchemeType } from '../model/support-scheme';
import { findCountry } from '../reference/countries';
import { readByHeadings, type HeadedColumn } from './flat-sheet-reading';

// The council's two source files as sheets (a CSV file or a workbook's sheet): support schemes (支援ツール) and
// companies' track records abroad (海外展開実績), told by their heading row, which may name the JSON file's fields
// or use the words a desk officer writes. Each row is read into the record the JSON file would hold, and no more:
// whether it is a good one is for the JSON file's checks to say (council-import.ts), so that a sheet and a JSON file
// are refused for the same reasons. A cell that cannot be read as its field is passed on as written, to be refused
// there by its row and column.

export type CouncilSheetKind = 'schemes' | 'trackRecords';

/** A row as a JSON file's record: its fields' text, a scheme's stages and sectors as lists. */
type SheetRecord = Record<string, string | string[]>;

/** A council sheet read: its rows as the JSON file's records, and the sheet's row and heading of each. */
export interface CouncilSheet {
  kind: CouncilSheetKind;
  sheet: string;
  /** The fields the sheet has a column for, each with its heading as the sheet writes it. */
  columns: { field: string; heading: string }[];
  /** Each record's row in the sheet (1-based, as Excel numbers it), in the order of the records. */
  rows: number[];
  /** What the JSON file of this shape would hold: `{ schemes: [...] }` or `{ records: [...] }`. */
  json: { schemes: SheetRecord[] } | { records: SheetRecord[] };
}

/** A scheme sheet's columns: the JSON file's field names first, then the Japanese headings. */
const SCHEME_COLUMNS: readonly HeadedColumn[] = [
  { field: 'name', headings: ['name', '名称', '制度名', '支援ツール名', '支援ツール'] },
  { field: 'owner', headings: ['owner', '所管', '実施機関', '所管・実施機関', '所管省庁'] },
  { field: 'type', headings: ['type', '種類', '種別'] },
  { field: 'stages', headings: ['stages', '対象段階', '段階', '展開ステージ'] },
  { field: 'sectors', headings: ['sectors', '対象分野', '分野'] },
  { field: 'countries', headings: ['countries', '対象国', '対象国・地域'] },
  { field: 'budget', headings: ['budget', '予算'] },
  { field: 'terms', headings: ['terms', '条件', '支援内容'] },
  { field: 'source', headings: ['source', '出典'] },
];

const TRACK_RECORD_COLUMNS: readonly HeadedColumn[] = [
  { field: 'company', headings: ['company', '企業名', '会社名'] },
  { field: 'ward', headings: ['ward', '区', '所在区'] },
  { field: 'project', headings: ['project', '案件名', 'プロジェクト', 'プロジェクト名', '事業名'] },
  // A code, else a country's name (ベトナム): a code column is preferred when a sheet has both.
  { field: 'country_iso2', headings: ['country_iso2', '国コード', 'country', '国', '国名'] },
  { field: 'place', headings: ['place', '場所', '地域', '都市'] },
  { field: 'category', headings: ['category', '区分', '分類'] },
];

/**
 * The columns that make a sheet one of these: what tells it from other lists with a 名称 or 案件名 column. Any other
 * column may be left out, and reads as empty.
 */
const REQUIRED: Record<CouncilSheetKind, readonly string[]> = { schemes: ['name', 'owner', 'type'], trackRecords: ['company', 'project', 'country_iso2'] };

const LAYOUTS: Record<CouncilSheetKind, readonly HeadedColumn[]> = { schemes: SCHEME_COLUMNS, trackRecords: TRACK_RECORD_COLUMNS };

/** The fields a scheme holds as lists (stages, sectors), written in one cell. */
const LIST_FIELDS = new Set(['stages', 'sectors']);

/** A list cell's items: one a line, or separated by 、 , ; (full-width or not). */
export function listItems(text: string): string[] {
  return text
    .split(/[、,，;；\r\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A scheme type as a sheet writes it: its code (loan), or its label in Japanese (融資) or English; else as written. */
export function schemeTypeOf(text: string): SchemeType | string {
  const word = text.normalize('NFKC').trim();
  const code = SCHEME_TYPES.find((t) => t === word.toLowerCase());
  if (code) return code;
  const labelled = SCHEME_TYPES.find((t) => SCHEME_TYPE_LABELS[t].ja.normalize('NFKC') === word || SCHEME_TYPE_LABELS[t].en.toLowerCase() === word.toLowerCase());
  return labelled ?? text.trim();
}

/** A country as a sheet writes it: its code (VN), or its name (ベトナム, Viet Nam), as the code; else as written. */
export function countryCodeOf(text: string): string {
  return findCountry(text)?.iso2 ?? text.trim();
}

function cellValue(kind: CouncilSheetKind, field: string, text: string): SheetRecord[string] {
  if (kind === 'schemes' && LIST_FIELDS.has(field)) return listItems(text);
  if (kind === 'schemes' && field === 'type') return schemeTypeOf(text);
  if (kind === 'trackRecords' && field === 'country_iso2') return countryCodeOf(text);
  return text;
}

/** The council sheet a sheet's rows hold, or null when none of its first rows are the headings of one. */
export function recogniseCouncilSheet(sheet: string, rows: readonly (readonly string[])[]): CouncilSheet | null {
  for (const kind of ['schemes', 'trackRecords'] as const) {
    const found = readByHeadings(rows, LAYOUTS[kind], REQUIRED[kind]);
    if (!found) continue;
    const records = found.rows.map((row) => Object.fromEntries(LAYOUTS[kind].map(({ field }) => [field, cellValue(kind, field, row.cells.get(field) ?? '')])));
    return { kind, sheet, columns: found.columns, rows: found.rows.map((row) => row.row), json: kind === 'schemes' ? { schemes: records } : { records } };
  }
  return null;
}
