import { z } from 'zod';

// Dossier dates are rarely days: a month, a year, a fiscal year (年度, April–March), a season, a span of years, an
// open start ("2020年1月～"), a plan, or nothing at all. A KarteDate keeps what was written and how precise it is,
// and never invents a day.

export const DATE_PRECISIONS = ['day', 'month', 'year', 'fiscal_year', 'season', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

/** A calendar point written as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; for fiscal years and seasons, 'YYYY'. */
const pointPattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const karteDateSchema = z.object({
  precision: z.enum(DATE_PRECISIONS),
  /** Start of the period; null when unknown or when only an end is known ("～2020年"). */
  from: z.string().regex(pointPattern).nullable(),
  /** End of a range, inclusive; null for a single period. */
  to: z.string().regex(pointPattern).nullable(),
  /** The period goes on from `from` with no end given ("2017年～", "2007年以降"). */
  open: z.boolean(),
  season: z.enum(SEASONS).nullable(),
  planned: z.boolean(),
  /** The date exactly as written in the source. */
  text: z.string(),
  /** Sort key derived from the rest: the earliest month the period can begin, as 'YYYY[-MM[-DD]]'. */
  sort: z.string().nullable(),
});
export type KarteDate = z.infer<typeof karteDateSchema>;

const SEASON_START_MONTH: Record<Season, string> = { spring: '03', summer: '06', autumn: '09', winter: '12' };
const SEASON_WORDS: Record<string, Season> = { 春: 'spring', 夏: 'summer', 秋: 'autumn', 冬: 'winter' };
const SEASON_JA: Record<Season, string> = { spring: '春', summer: '夏', autumn: '秋', winter: '冬' };
const ERA_START_YEAR: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
/** The one-letter era of official abbreviations: R3.5 is 令和3年5月, H31.4 平成31年4月. */
const ERA_LETTERS: Record<string, string> = { R: '令和', H: '平成', S: '昭和' };
const PLANNED_WORDS = /(予定|計画|目途|めど|見込み?|\(?planned\)?)/gi;
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES_EN = MONTHS_EN.map((m) => `${m[0].toUpperCase()}${m.slice(1)}`);

function sortKey(precision: DatePrecision, from: string | null, to: string | null, season: Season | null): string | null {
  const start = from ?? to;
  if (start === null) return null;
  if (precision === 'fiscal_year') return `${start}-04`;
  if (precision === 'season' && season) return `${start}-${SEASON_START_MONTH[season]}`;
  return start;
}

function make(fields: Omit<KarteDate, 'sort'>): KarteDate {
  return { ...fields, sort: sortKey(fields.precision, fields.from, fields.to, fields.season) };
}

export function unknownDate(text = ''): KarteDate {
  return make({ precision: 'unknown', from: null, to: null, open: false, season: null, planned: false, text });
}

/**
 * A period people name by a word rather than by its bounds (2021年5月中旬, 2020年度末, 2021年度上期, 2020年初頭,
 * 2030年代前半), for showing it by that word again; `word` is the word as written.
 */
type Named =
  | { kind: 'ten_days'; word: '上旬' | '中旬' | '下旬' | '初旬' }
  | { kind: 'fiscal_end'; fiscalYear: number }
  | { kind: 'fiscal_half'; fiscalYear: number; word: '上期' | '下期' | '上半期' | '下半期' }
  | { kind: 'year_start' }
  | { kind: 'decade'; word: '' | '前半' | '後半' };

/** A point with its precision; `end` makes it a span of that precision (2021年5月中旬 is 11 to 20 May). */
interface Point {
  precision: Exclude<DatePrecision, 'unknown'> | 'bare';
  year: number;
  month?: number;
  day?: number;
  season?: Season;
  end?: Point;
  named?: Named;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** 令和3年…, R3年…, R3.5 and H31.4.1 written with the Western year (2021年…, 2021.5, 2019.4.1); other texts as they are. */
function westernYear(s: string): string {
  const era = s.match(/^(令和|平成|昭和|[RHS])(元|\d{1,2})(年.*|\.\d.*)$/);
  if (!era) return s;
  const start = ERA_START_YEAR[ERA_LETTERS[era[1]] ?? era[1]];
  return `${start + (era[2] === '元' ? 1 : Number(era[2]))}${era[3]}`;
}

/** A month's 上旬 (days 1–10; 初旬 is the same), 中旬 (11–20) or 下旬 (21 to its last day), as a span of days. */
function tenDays(year: number, month: string, word: string): Point | null {
  const mo = Number(month);
  if (mo < 1 || mo > 12) return null;
  const lastDay = new Date(Date.UTC(year, mo, 0)).getUTCDate();
  const [first, last] = word === '中旬' ? [11, 20] : word === '下旬' ? [21, lastDay] : [1, 10];
  return {
    precision: 'day',
    year,
    month: mo,
    day: first,
    end: { precision: 'day', year, month: mo, day: last },
    named: { kind: 'ten_days', word: word as '上旬' | '中旬' | '下旬' | '初旬' },
  };
}

function monthSpan(year: number, month: number, endYear: number, endMonth: number, named: Named): Point {
  return { precision: 'month', year, month, end: { precision: 'month', year: endYear, month: endMonth }, named };
}

/** `before` is the point before it in a range, whose year "3月" in "2020年1月～3月" shares, and year and month "12日". */
function parsePoint(raw: string, before: Point | null): Point | null {
  const s = westernYear(raw.trim());
  const yearBefore = before === null ? null : (before.end ?? before).year;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(?:FY ?(\d{4})|(\d{4})年度内?)$/i))) return { precision: 'fiscal_year', year: Number(m[1] ?? m[2]) };
  // 年度末 names the close of a fiscal year but no month: its last quarter (January to March of the next calendar
  // year) is what it covers, so a span of those months rather than an invented March or 31 March.
  if ((m = s.match(/^(\d{4})年度末$/))) return monthSpan(Number(m[1]) + 1, 1, Number(m[1]) + 1, 3, { kind: 'fiscal_end', fiscalYear: Number(m[1]) });
  if ((m = s.match(/^(\d{4})年度(上期|下期|上半期|下半期)$/))) {
    const fiscalYear = Number(m[1]);
    const named: Named = { kind: 'fiscal_half', fiscalYear, word: m[2] as '上期' | '下期' | '上半期' | '下半期' };
    return m[2].startsWith('上') ? monthSpan(fiscalYear, 4, fiscalYear, 9, named) : monthSpan(fiscalYear, 10, fiscalYear + 1, 3, named);
  }
  // 初頭 is vaguer than any month: the first quarter is what it is taken to mean, a span of months claims no one of them.
  if ((m = s.match(/^(\d{4})年初頭$/))) return monthSpan(Number(m[1]), 1, Number(m[1]), 3, { kind: 'year_start' });
  // 2020年代 is the years 2020 to 2029; its 前半 the first five, its 後半 the last five.
  if ((m = s.match(/^([1-9]\d{2}0)年代(前半|後半)?$/))) {
    const first = Number(m[1]) + (m[2] === '後半' ? 5 : 0);
    const last = m[2] === '前半' ? first + 4 : Number(m[1]) + 9;
    return { precision: 'year', year: first, end: { precision: 'year', year: last }, named: { kind: 'decade', word: (m[2] ?? '') as '' | '前半' | '後半' } };
  }
  if ((m = s.match(/^(\d{4})年?(春|夏|秋|冬)$/))) return { precision: 'season', year: Number(m[1]), season: SEASON_WORDS[m[2]] };
  if ((m = s.match(/^(spring|summer|autumn|fall|winter) (\d{4})$/i))) {
    const word = m[1].toLowerCase();
    return { precision: 'season', year: Number(m[2]), season: (word === 'fall' ? 'autumn' : word) as Season };
  }
  if ((m = s.match(/^(\d{4})年(\d{1,2})月(上旬|中旬|下旬|初旬)$/))) return tenDays(Number(m[1]), m[2], m[3]);
  if ((m = s.match(/^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(?:上旬|中旬|下旬|頃|ごろ|末|初め|初旬)?$/))) return withMonthDay(Number(m[1]), m[2], m[3]);
  if ((m = s.match(/^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/))) {
    if (!m[2]) return { precision: 'bare', year: Number(m[1]) };
    return withMonthDay(Number(m[1]), m[2], m[3]);
  }
  if ((m = s.match(/^(?:(\d{1,2}) )?([a-z]{3})[a-z]*\.? (\d{4})$/i))) {
    const month = MONTHS_EN.indexOf(m[2].toLowerCase()) + 1;
    if (month === 0) return null;
    return withMonthDay(Number(m[3]), String(month), m[1]);
  }
  // Second half of a range without its year: "3月", "3月15日", "6月上旬" ("2016年度" handled above), and without
  // its month either after a day: "12日" in "2021年5月10日～12日".
  if ((m = s.match(/^(\d{1,2})月(上旬|中旬|下旬|初旬)$/))) return yearBefore === null ? null : tenDays(yearBefore, m[1], m[2]);
  if ((m = s.match(/^(\d{1,2})月(?:(\d{1,2})日)?$/))) return yearBefore === null ? null : withMonthDay(yearBefore, m[1], m[2]);
  if ((m = s.match(/^(\d{1,2})日$/))) {
    if (before?.precision !== 'day' || before.end !== undefined) return null;
    return withMonthDay(before.year, String(before.month), m[1]);
  }
  return null;
}

function withMonthDay(year: number, month?: string, day?: string): Point | null {
  if (!month) return { precision: 'year', year };
  const mo = Number(month);
  if (mo < 1 || mo > 12) return null;
  if (!day) return { precision: 'month', year, month: mo };
  const d = Number(day);
  if (!validDay(year, mo, d)) return null;
  return { precision: 'day', year, month: mo, day: d };
}

/** Whether a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' text names a real month and day: not 2020-13, not 2020-02-30. */
export function isCalendarPoint(text: string): boolean {
  if (!pointPattern.test(text)) return false;
  const [year, month, day] = text.split('-');
  return withMonthDay(Number(year), month, day) !== null;
}

function pointString(p: Point): string {
  const y = String(p.year);
  if (p.precision === 'month') return `${y}-${pad(p.month ?? 1)}`;
  if (p.precision === 'day') return `${y}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
  return y;
}

/** "2015～2017年度", "2018、2019年": a bare first year takes the precision of the second. */
function resolveRange(a: Point, b: Point): [Point, Point] {
  let first = a;
  let second = b;
  if (first.precision === 'bare') first = { ...first, precision: second.precision === 'fiscal_year' ? 'fiscal_year' : 'year' };
  if (second.precision === 'bare') second = { ...second, precision: first.precision === 'fiscal_year' ? 'fiscal_year' : 'year' };
  // A range keeps one kind of period: "2018年夏～2019年" and "2019年度～2020年" become plain years (the text keeps the rest).
  const special = ['fiscal_year', 'season'];
  if ((special.includes(first.precision) || special.includes(second.precision)) && (first.precision !== second.precision || first.season !== second.season)) {
    first = { precision: 'year', year: first.year };
    second = { precision: 'year', year: (second.end ?? second).year };
  }
  return [first, second];
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[〜~－—–]/g, '~')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a date as people write it in dossiers: 2020年1月, 2019年度, 令和2年1月, R3.5, 2018年夏, 2014年1月～2019年3月,
 * 2021年1～3月, 2021年5月10日～12日, 2021年5月中旬, 2020年度末, 2021年度上期, 2020年初頭, 2020年代, 2017年～,
 * 2007年以降, 2015年度、2016年度, 2021年度予定, 2020-01-15, Jan 2020, FY2019. Returns null when the text is not a
 * date; an empty text, or 未定 (not yet decided), is an unknown date.
 */
export function parseDateText(text: string): KarteDate | null {
  return readDate(text)?.date ?? null;
}

/** parseDateText, and the period it names by a word (2021年5月中旬) when the text is one such period and no more. */
function readDate(text: string): { date: KarteDate; named: Point | null } | null {
  let s = normalise(text);
  if (s === '' || /^\(?未定\)?$/.test(s)) return { date: unknownDate(text), named: null };
  const planned = PLANNED_WORDS.test(s);
  PLANNED_WORDS.lastIndex = 0;
  s = s.replace(PLANNED_WORDS, '').replace(/[()]/g, '').trim();

  let open = false;
  const openEnd = s.match(/^(.*?)(?:~|以降|以来|から|より|onwards?|since)$/i);
  if (openEnd) {
    open = true;
    s = openEnd[1].trim();
  }
  const sinceFirst = s.match(/^(?:since|from) (.*)$/i);
  if (sinceFirst) {
    open = true;
    s = sinceFirst[1];
  }

  let until = false;
  if (!open && s.startsWith('~')) {
    until = true;
    s = s.slice(1).trim();
  }

  // A range whose end shares the unit of its start: "2021年1～3月" is 1月～3月, "2021年5月10～12日" 10日～12日.
  s = s.replace(/年(\d{1,2})( ?[~-] ?)(\d{1,2})月/, '年$1月$2$3月').replace(/月(\d{1,2})( ?[~-] ?)(\d{1,2})日/, '月$1日$2$3日');

  const parts = s.split(/\s*(?:~|、|,|\s-\s|(?<=年|年度|\d)-(?=\d{4})|(?<=[月日])-(?=\d))\s*/).filter((p) => p !== '');
  if (parts.length === 0 || (parts.length > 1 && open)) return null;
  const points: Point[] = [];
  for (const part of parts) {
    const point = parsePoint(part, points.at(-1) ?? null);
    if (point === null) return null;
    points.push(point);
  }

  if (points.length === 1) {
    let p = points[0];
    if (p.precision === 'bare') p = { ...p, precision: 'year' };
    const precision = p.precision as Exclude<DatePrecision, 'unknown'>;
    // A named span (2021年5月中旬) runs from its first to its last point; open, it only begins there ("2020年代以降").
    const from = until ? null : pointString(p);
    const to = open ? null : until || p.end ? pointString(p.end ?? p) : null;
    const date = make({ precision, from, to, open, season: p.season ?? null, planned, text });
    return { date, named: p.named && !open && !until ? p : null };
  }

  const [first, last] = resolveRange(points[0], points[points.length - 1]);
  const fromKey = pointString(first);
  const toKey = pointString(last.end ?? last);
  if (fromKey > toKey) return null;
  const precision: Exclude<DatePrecision, 'unknown'> =
    first.precision === 'fiscal_year' && last.precision === 'fiscal_year' ? 'fiscal_year' : (first.precision as Exclude<DatePrecision, 'unknown'>);
  return { date: make({ precision, from: fromKey, to: toKey, open: false, season: first.season ?? null, planned, text }), named: null };
}

/**
 * Builds a date from a karte JSON pair: `date_text` when it reads as a date, else the machine `date`
 * ('YYYY[-MM[-DD]]' or ''), keeping `date_text` as the text either way.
 */
export function dateFromSource(date: string, dateText: string): KarteDate {
  const parsed = parseDateText(dateText);
  if (parsed && parsed.precision !== 'unknown') return parsed;
  const fallback = date === '' ? null : parseDateText(date);
  if (fallback && fallback.precision !== 'unknown') return { ...fallback, text: dateText };
  return unknownDate(dateText);
}

const PRECISION_ORDER: Record<DatePrecision, number> = { year: 0, fiscal_year: 1, season: 1, month: 2, day: 3, unknown: 4 };

/** What tells when a date begins and how precisely: all the pipeline's figures read of a date. */
export type DateStart = Pick<KarteDate, 'sort' | 'precision' | 'planned'>;

/** Orders dates by when they begin; unknown dates go last, coarser dates before finer ones of the same start. */
export function compareDates(a: Pick<KarteDate, 'sort' | 'precision'>, b: Pick<KarteDate, 'sort' | 'precision'>): number {
  if (a.sort !== b.sort) {
    if (a.sort === null) return 1;
    if (b.sort === null) return -1;
    return a.sort < b.sort ? -1 : 1;
  }
  return PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision];
}

export type DateStyle = 'ja' | 'en' | 'wareki';

/**
 * The era of a period as people name it: a fiscal year or a year by the era in force at its end of the calendar
 * year (2019年度 is 令和元年度), a season by its first month, a month or day by its first day.
 */
function eraParts(point: string, precision: DatePrecision, season: Season | null): { era: string; year: string } {
  const [y, mo, d] = point.split('-').map(Number);
  let date: Date;
  if (precision === 'fiscal_year' || (precision === 'year' && mo === undefined)) date = new Date(Date.UTC(y, 11, 31));
  else if (precision === 'season' && season) date = new Date(Date.UTC(y, Number(SEASON_START_MONTH[season]) - 1, 1));
  else date = new Date(Date.UTC(y, (mo ?? 1) - 1, d ?? 1));
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(date);
  return {
    era: parts.find((p) => p.type === 'era')?.value ?? '',
    year: parts.find((p) => p.type === 'year')?.value ?? String(y),
  };
}

/** The year of a point as the style names it: 2019, or its era year (令和元). */
function yearLabel(point: string, precision: DatePrecision, season: Season | null, style: DateStyle): string {
  if (style !== 'wareki') return String(Number(point.slice(0, 4)));
  const { era, year } = eraParts(point, precision, season);
  return `${era}${year}`;
}

function formatPoint(point: string, precision: DatePrecision, season: Season | null, style: DateStyle): string {
  const [y, mo, d] = point.split('-').map(Number);
  if (style === 'en') {
    if (precision === 'fiscal_year') return `FY${y}`;
    if (precision === 'season' && season) return `${season[0].toUpperCase()}${season.slice(1)} ${y}`;
    if (mo === undefined) return String(y);
    const monthName = MONTH_NAMES_EN[mo - 1];
    return d === undefined ? `${monthName} ${y}` : `${d} ${monthName} ${y}`;
  }
  const year = yearLabel(point, precision, season, style);
  if (precision === 'fiscal_year') return `${year}年度`;
  if (precision === 'season' && season) return `${year}年${SEASON_JA[season]}`;
  if (mo === undefined) return `${year}年`;
  if (d === undefined) return `${year}年${mo}月`;
  return `${year}年${mo}月${d}日`;
}

/**
 * The end of a range as a Japanese reader writes it after its start: without the year the start has already given
 * (2021年1月～3月), and without the month too when that is the same (2021年5月10日～12日).
 */
function rangeEnd(from: string, to: string, date: KarteDate, style: DateStyle): string {
  const whole = formatPoint(to, date.precision, date.season, style);
  const [fromYear, fromMonth] = from.split('-');
  const [toYear, toMonth, toDay] = to.split('-');
  if ((date.precision !== 'month' && date.precision !== 'day') || fromMonth === undefined || toMonth === undefined) return whole;
  // An era can change within a calendar year (平成31年4月～令和元年5月): the year is left out only when named alike.
  if (fromYear !== toYear || yearLabel(from, date.precision, null, style) !== yearLabel(to, date.precision, null, style)) return whole;
  if (toDay === undefined) return `${Number(toMonth)}月`;
  return fromMonth === toMonth ? `${Number(toDay)}日` : `${Number(toMonth)}月${Number(toDay)}日`;
}

/** A period named by a word (2021年5月中旬, 2020年度末), shown by that word in each style. */
function formatNamed(p: Point, style: DateStyle): string {
  const named = p.named!;
  const en = style === 'en';
  switch (named.kind) {
    case 'ten_days': {
      const month = pointString({ precision: 'month', year: p.year, month: p.month });
      if (en) return `${{ 上旬: 'early ', 初旬: 'early ', 中旬: 'mid-', 下旬: 'late ' }[named.word]}${formatPoint(month, 'month', null, style)}`;
      return `${formatPoint(month, 'month', null, style)}${named.word}`;
    }
    case 'fiscal_end':
      return en ? `end of FY${named.fiscalYear}` : `${formatPoint(String(named.fiscalYear), 'fiscal_year', null, style)}末`;
    case 'fiscal_half':
      return en ? `${named.word.startsWith('上') ? 'H1' : 'H2'} FY${named.fiscalYear}` : `${formatPoint(String(named.fiscalYear), 'fiscal_year', null, style)}${named.word}`;
    case 'year_start':
      // The era of the months it spans: early 2019 was still 平成31年.
      return en ? `early ${p.year}` : `${yearLabel(`${p.year}-01`, 'month', null, style)}年初頭`;
    case 'decade': {
      // Eras are not counted in decades: 2020年代 is written so in the wareki style too.
      const decade = p.year - (named.word === '後半' ? 5 : 0);
      if (en) return `${{ '': '', 前半: 'early ', 後半: 'late ' }[named.word]}${decade}s`;
      return `${decade}年代${named.word}`;
    }
  }
}

/** The named period a date's text is, when the date is still what its text says (its text may be a fallback's). */
function namedPeriod(date: KarteDate): Point | null {
  const read = readDate(date.text);
  if (!read?.named) return null;
  const same = read.date.precision === date.precision && read.date.from === date.from && read.date.to === date.to && read.date.open === date.open;
  return same ? read.named : null;
}

/**
 * 2020年1月 / Jan 2020 / 令和2年1月 / 2019年度 / FY2019; a period named by a word by that word (2021年5月中旬 /
 * mid-May 2021 / 令和3年5月中旬); ranges, open ends and plans marked in the same style.
 */
export function formatDate(date: KarteDate, style: DateStyle): string {
  if (date.precision === 'unknown') return date.text;
  const en = style === 'en';
  const named = namedPeriod(date);
  const from = date.from === null ? '' : formatPoint(date.from, date.precision, date.season, style);
  const to = date.to === null ? '' : formatPoint(date.to, date.precision, date.season, style);
  let out: string;
  if (named) out = formatNamed(named, style);
  else if (date.from !== null && date.to !== null) out = en ? `${from} – ${to}` : `${from}～${rangeEnd(date.from, date.to, date, style)}`;
  else if (date.to !== null) out = en ? `until ${to}` : `～${to}`;
  else if (date.open) out = en ? `since ${from}` : `${from}～`;
  else out = from;
  if (date.planned) out += en ? ' (planned)' : '（予定）';
  return out;
}

/** The calendar day of a moment, in the local time zone, as 'YYYY-MM-DD' (e.g. today: dayOf(new Date())). */
export function dayOf(moment: Date): string {
  return `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;
}
