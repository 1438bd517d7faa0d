import { describe, it, expect } from 'vitest';
import { compareDates, dateFromSource, formatDate, isCalendarPoint, karteDateSchema, parseDateText, unknownDate, type DateStyle, type KarteDate } from '../../shared/dates';
import { demoEvents } from '../support/demo-data';

/** parseDateText for texts that must be dates. */
function date(text: string): KarteDate {
  const parsed = parseDateText(text);
  if (parsed === null) throw new Error(`'${text}' did not parse as a date`);
  return parsed;
}

describe('parseDateText on the real dossier data (resources/demo)', () => {
  const events = demoEvents();
  // One row per distinct (date, date_text) pair: the same texts recur in many rows.
  const pairs = [...new Map(events.filter((e) => e.date_text !== '').map((e) => [`${e.date}|${e.date_text}`, e])).values()];

  it('reads the demo tables', () => {
    expect(events.length).toBeGreaterThanOrEqual(131);
    expect(pairs.length).toBeGreaterThan(40);
  });

  it.each(pairs)('$file: $date_text starts in the year of $date', ({ date: start, date_text }) => {
    const parsed = parseDateText(date_text);
    expect(parsed).not.toBeNull();
    expect(parsed!.precision).not.toBe('unknown');
    expect(parsed!.text).toBe(date_text);
    expect(parsed!.sort?.slice(0, 4)).toBe(start.slice(0, 4));
    expect(karteDateSchema.safeParse(parsed).success).toBe(true);
  });

  it.each(pairs)('$file: dateFromSource($date, $date_text) keeps the text verbatim', ({ date: start, date_text }) => {
    const built = dateFromSource(start, date_text);
    expect(built.text).toBe(date_text);
    expect(built).toEqual(parseDateText(date_text));
  });

  it('reads an empty date_text as unknown unless the machine date says more', () => {
    const empty = events.filter((e) => e.date_text === '');
    expect(empty.length).toBeGreaterThan(0);
    for (const e of empty) {
      const built = dateFromSource(e.date, e.date_text);
      expect(built.text).toBe('');
      expect(built.precision === 'unknown').toBe(e.date === '');
    }
  });

  it.each(pairs)('$file: $date_text survives a round trip through the ja style', ({ date_text }) => {
    const parsed = date(date_text);
    const again = date(formatDate(parsed, 'ja'));
    expect({ ...again, text: '' }).toEqual({ ...parsed, text: '' });
  });
});

describe('parseDateText', () => {
  const none = { to: null, open: false, season: null, planned: false };

  it.each([
    { text: '2020年1月', want: { ...none, precision: 'month', from: '2020-01', sort: '2020-01' } },
    { text: '２０２０年１月', want: { ...none, precision: 'month', from: '2020-01', sort: '2020-01' } },
    { text: '2020年1月頃', want: { ...none, precision: 'month', from: '2020-01', sort: '2020-01' } },
    { text: '2019年度', want: { ...none, precision: 'fiscal_year', from: '2019', sort: '2019-04' } },
    { text: '令和2年1月', want: { ...none, precision: 'month', from: '2020-01', sort: '2020-01' } },
    { text: '令和元年度', want: { ...none, precision: 'fiscal_year', from: '2019', sort: '2019-04' } },
    { text: '平成31年4月', want: { ...none, precision: 'month', from: '2019-04', sort: '2019-04' } },
    { text: '平成30年', want: { ...none, precision: 'year', from: '2018', sort: '2018' } },
    { text: '2018年夏', want: { ...none, precision: 'season', from: '2018', season: 'summer', sort: '2018-06' } },
    { text: '2019年春', want: { ...none, precision: 'season', from: '2019', season: 'spring', sort: '2019-03' } },
    { text: 'fall 2018', want: { ...none, precision: 'season', from: '2018', season: 'autumn', sort: '2018-09' } },
    { text: '2014年1月～2019年3月', want: { ...none, precision: 'month', from: '2014-01', to: '2019-03', sort: '2014-01' } },
    { text: '2020年1月～3月', want: { ...none, precision: 'month', from: '2020-01', to: '2020-03', sort: '2020-01' } },
    { text: '2015～2017年度', want: { ...none, precision: 'fiscal_year', from: '2015', to: '2017', sort: '2015-04' } },
    { text: '2015年度、2016年度', want: { ...none, precision: 'fiscal_year', from: '2015', to: '2016', sort: '2015-04' } },
    { text: '2018、2019年', want: { ...none, precision: 'year', from: '2018', to: '2019', sort: '2018' } },
    { text: '2014-2019年', want: { ...none, precision: 'year', from: '2014', to: '2019', sort: '2014' } },
    { text: '2017年～', want: { ...none, precision: 'year', from: '2017', open: true, sort: '2017' } },
    { text: '2007年以降', want: { ...none, precision: 'year', from: '2007', open: true, sort: '2007' } },
    { text: 'since 2017', want: { ...none, precision: 'year', from: '2017', open: true, sort: '2017' } },
    { text: '2018年度～', want: { ...none, precision: 'fiscal_year', from: '2018', open: true, sort: '2018-04' } },
    { text: '～2020年', want: { ...none, precision: 'year', from: null, to: '2020', sort: '2020' } },
    { text: '2021年度予定', want: { ...none, precision: 'fiscal_year', from: '2021', planned: true, sort: '2021-04' } },
    { text: '2021年（予定）', want: { ...none, precision: 'year', from: '2021', planned: true, sort: '2021' } },
    { text: '2020-01-15', want: { ...none, precision: 'day', from: '2020-01-15', sort: '2020-01-15' } },
    { text: '2020/1/15', want: { ...none, precision: 'day', from: '2020-01-15', sort: '2020-01-15' } },
    { text: '2020年2月29日', want: { ...none, precision: 'day', from: '2020-02-29', sort: '2020-02-29' } },
    { text: '2020年2月1日～2月29日', want: { ...none, precision: 'day', from: '2020-02-01', to: '2020-02-29', sort: '2020-02-01' } },
    { text: '15 Jan 2020', want: { ...none, precision: 'day', from: '2020-01-15', sort: '2020-01-15' } },
    { text: 'Jan 2020', want: { ...none, precision: 'month', from: '2020-01', sort: '2020-01' } },
    { text: 'FY2019', want: { ...none, precision: 'fiscal_year', from: '2019', sort: '2019-04' } },
    { text: 'FY 2019', want: { ...none, precision: 'fiscal_year', from: '2019', sort: '2019-04' } },
    { text: '2020', want: { ...none, precision: 'year', from: '2020', sort: '2020' } },
    { text: '平成30年夏', want: { ...none, precision: 'season', from: '2018', season: 'summer', sort: '2018-06' } },
    { text: '2020年1月-3月', want: { ...none, precision: 'month', from: '2020-01', to: '2020-03', sort: '2020-01' } },
    // A range of mixed kinds of period keeps plain years; the text keeps the rest.
    { text: '2018年夏～2019年', want: { ...none, precision: 'year', from: '2018', to: '2019', sort: '2018' } },
    { text: '2019年度～2020年', want: { ...none, precision: 'year', from: '2019', to: '2020', sort: '2019' } },
    // A range whose end shares the year (and month) of its start, written once.
    { text: '2021年5月10日～12日', want: { ...none, precision: 'day', from: '2021-05-10', to: '2021-05-12', sort: '2021-05-10' } },
    { text: '令和3年5月10日～12日', want: { ...none, precision: 'day', from: '2021-05-10', to: '2021-05-12', sort: '2021-05-10' } },
    { text: '２０２１年５月１０日〜１２日', want: { ...none, precision: 'day', from: '2021-05-10', to: '2021-05-12', sort: '2021-05-10' } },
    { text: '2021年5月10～12日', want: { ...none, precision: 'day', from: '2021-05-10', to: '2021-05-12', sort: '2021-05-10' } },
    { text: '2021年5月10日-12日', want: { ...none, precision: 'day', from: '2021-05-10', to: '2021-05-12', sort: '2021-05-10' } },
    { text: '2020年2月28日~29日', want: { ...none, precision: 'day', from: '2020-02-28', to: '2020-02-29', sort: '2020-02-28' } },
    { text: '2021年1～3月', want: { ...none, precision: 'month', from: '2021-01', to: '2021-03', sort: '2021-01' } },
    { text: '2021年1-3月', want: { ...none, precision: 'month', from: '2021-01', to: '2021-03', sort: '2021-01' } },
    { text: '令和3年1〜3月', want: { ...none, precision: 'month', from: '2021-01', to: '2021-03', sort: '2021-01' } },
    // 年度末: the last quarter of the fiscal year, January to March of the next calendar year, by months.
    { text: '2020年度末', want: { ...none, precision: 'month', from: '2021-01', to: '2021-03', sort: '2021-01' } },
    { text: '令和2年度末', want: { ...none, precision: 'month', from: '2021-01', to: '2021-03', sort: '2021-01' } },
    { text: '2020年度末予定', want: { ...none, precision: 'month', from: '2021-01', to: '2021-03', planned: true, sort: '2021-01' } },
    { text: '2019年度内', want: { ...none, precision: 'fiscal_year', from: '2019', sort: '2019-04' } },
    { text: '令和元年度内', want: { ...none, precision: 'fiscal_year', from: '2019', sort: '2019-04' } },
    // 初頭: the first quarter, by months.
    { text: '2020年初頭', want: { ...none, precision: 'month', from: '2020-01', to: '2020-03', sort: '2020-01' } },
    // 上旬, 中旬, 下旬: days 1–10, 11–20, 21 to the month's end; 初旬 is 上旬.
    { text: '2021年5月上旬', want: { ...none, precision: 'day', from: '2021-05-01', to: '2021-05-10', sort: '2021-05-01' } },
    { text: '2021年5月中旬', want: { ...none, precision: 'day', from: '2021-05-11', to: '2021-05-20', sort: '2021-05-11' } },
    { text: '2021年5月下旬', want: { ...none, precision: 'day', from: '2021-05-21', to: '2021-05-31', sort: '2021-05-21' } },
    { text: '2021年2月下旬', want: { ...none, precision: 'day', from: '2021-02-21', to: '2021-02-28', sort: '2021-02-21' } },
    { text: '2020年2月下旬', want: { ...none, precision: 'day', from: '2020-02-21', to: '2020-02-29', sort: '2020-02-21' } },
    { text: '2021年4月下旬', want: { ...none, precision: 'day', from: '2021-04-21', to: '2021-04-30', sort: '2021-04-21' } },
    { text: '2021年5月初旬', want: { ...none, precision: 'day', from: '2021-05-01', to: '2021-05-10', sort: '2021-05-01' } },
    { text: '令和3年5月中旬', want: { ...none, precision: 'day', from: '2021-05-11', to: '2021-05-20', sort: '2021-05-11' } },
    { text: '2021年5月中旬～6月上旬', want: { ...none, precision: 'day', from: '2021-05-11', to: '2021-06-10', sort: '2021-05-11' } },
    // Halves of a fiscal year: April–September and October–March.
    { text: '2021年度上期', want: { ...none, precision: 'month', from: '2021-04', to: '2021-09', sort: '2021-04' } },
    { text: '2021年度下期', want: { ...none, precision: 'month', from: '2021-10', to: '2022-03', sort: '2021-10' } },
    { text: '2021年度上半期', want: { ...none, precision: 'month', from: '2021-04', to: '2021-09', sort: '2021-04' } },
    { text: '2021年度下半期', want: { ...none, precision: 'month', from: '2021-10', to: '2022-03', sort: '2021-10' } },
    { text: '令和3年度下期', want: { ...none, precision: 'month', from: '2021-10', to: '2022-03', sort: '2021-10' } },
    // Era letters: R 令和, H 平成, S 昭和.
    { text: 'R3.5', want: { ...none, precision: 'month', from: '2021-05', sort: '2021-05' } },
    { text: 'H31.4', want: { ...none, precision: 'month', from: '2019-04', sort: '2019-04' } },
    { text: 'R3.5.10', want: { ...none, precision: 'day', from: '2021-05-10', sort: '2021-05-10' } },
    { text: 'Ｒ３．５', want: { ...none, precision: 'month', from: '2021-05', sort: '2021-05' } },
    { text: 'S64.1', want: { ...none, precision: 'month', from: '1989-01', sort: '1989-01' } },
    { text: 'R元.5', want: { ...none, precision: 'month', from: '2019-05', sort: '2019-05' } },
    { text: 'R3年度', want: { ...none, precision: 'fiscal_year', from: '2021', sort: '2021-04' } },
    { text: 'R3.5～R3.7', want: { ...none, precision: 'month', from: '2021-05', to: '2021-07', sort: '2021-05' } },
    // Decades and their halves, by years.
    { text: '2020年代', want: { ...none, precision: 'year', from: '2020', to: '2029', sort: '2020' } },
    { text: '2030年代前半', want: { ...none, precision: 'year', from: '2030', to: '2034', sort: '2030' } },
    { text: '2030年代後半', want: { ...none, precision: 'year', from: '2035', to: '2039', sort: '2035' } },
    // A named span opened or closed keeps its start or its end.
    { text: '2021年度上期～', want: { ...none, precision: 'month', from: '2021-04', open: true, sort: '2021-04' } },
    { text: '2020年代以降', want: { ...none, precision: 'year', from: '2020', open: true, sort: '2020' } },
    { text: '～2020年度末', want: { ...none, precision: 'month', from: null, to: '2021-03', sort: '2021-03' } },
    { text: '2018年度～2020年度末', want: { ...none, precision: 'year', from: '2018', to: '2021', sort: '2018' } },
  ])('$text', ({ text, want }) => {
    const parsed = parseDateText(text);
    expect(parsed).toEqual({ ...want, text });
    expect(karteDateSchema.safeParse(parsed).success).toBe(true);
  });

  it('reads 未定 (not yet decided) as an unknown date that keeps the text and is no plan', () => {
    expect(parseDateText('未定')).toEqual(unknownDate('未定'));
    expect(parseDateText('（未定）')).toMatchObject({ precision: 'unknown', from: null, to: null, sort: null, planned: false, text: '（未定）' });
  });

  it('reads an empty or blank text as an unknown date that keeps the text', () => {
    expect(parseDateText('')).toEqual(unknownDate(''));
    expect(parseDateText('')).toMatchObject({ precision: 'unknown', from: null, to: null, sort: null, text: '' });
    expect(parseDateText('  ')).toMatchObject({ precision: 'unknown', text: '  ' });
  });

  it.each([
    'hello',
    '2020年13月',
    '2020年0月',
    '2019-02-30',
    '2019年2月29日',
    'Foo 2020',
    '2020年～2019年',
    '2020年3月～2月',
    '～',
    // The second half of a range takes its year from the first, and is held to the same calendar.
    '2020年1月～13月',
    '2020年2月1日～2月30日',
    '2019年2月1日～2月29日',
    '2020年4月-4月31日',
    '3月',
    '2020-13',
    '2020-02-30',
    '令和2年13月',
    '31 Apr 2020',
    // Near misses of the forms read since: impossible months and days, a day or a decade of nothing, the wrong order.
    '2021年13月',
    '2021年13～14月',
    '2021年2月30日～31日',
    '2021年2月27日～30日',
    '2021年5月12日～10日',
    '2021年3～1月',
    '2021年5月～12日',
    '12日',
    '2021年13月中旬',
    '2021年5月中旬中旬',
    '2021年度中期',
    'R3.13',
    'R3.2.30',
    'R3',
    'X3.5',
    '2025年代',
    '2020年代中盤',
    '未定予定',
    // A 頃 after a named period stays unread, as the Excel import's example of a date it cannot read.
    '2019年度末ごろ',
  ])('returns null for %s', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('isCalendarPoint', () => {
  it.each(['2020', '2020-12', '2020-02-29', '2019-12-31'])('takes %s', (text) => {
    expect(isCalendarPoint(text)).toBe(true);
  });

  it.each(['2020-13', '2020-00', '2020-02-30', '2019-02-29', '2020-04-31', '2020-01-00', '2020-1', '2020年1月', ''])('refuses %s', (text) => {
    expect(isCalendarPoint(text)).toBe(false);
  });
});

describe('dateFromSource', () => {
  it('prefers date_text and keeps it as the text', () => {
    expect(dateFromSource('2018', '2018年夏')).toMatchObject({ precision: 'season', season: 'summer', text: '2018年夏' });
  });

  it('falls back to the machine date when date_text is not a date, keeping date_text verbatim', () => {
    expect(dateFromSource('2019-03', '年度末頃')).toMatchObject({ precision: 'month', from: '2019-03', sort: '2019-03', text: '年度末頃' });
    expect(dateFromSource('2019', '')).toMatchObject({ precision: 'year', from: '2019', text: '' });
  });

  it('is unknown when neither field is a date', () => {
    expect(dateFromSource('', '')).toEqual(unknownDate(''));
    expect(dateFromSource('', '調整中')).toEqual(unknownDate('調整中'));
  });
});

describe('formatDate', () => {
  it.each<[string, DateStyle, string]>([
    ['2020年1月', 'ja', '2020年1月'],
    ['Jan 2020', 'ja', '2020年1月'],
    ['FY2019', 'ja', '2019年度'],
    ['2018年夏', 'ja', '2018年夏'],
    ['2020-01-15', 'ja', '2020年1月15日'],
    ['2014年1月～2019年3月', 'ja', '2014年1月～2019年3月'],
    ['2015～2017年度', 'ja', '2015年度～2017年度'],
    ['2018、2019年', 'ja', '2018年～2019年'],
    ['2017年～', 'ja', '2017年～'],
    ['2007年以降', 'ja', '2007年～'],
    ['～2020年', 'ja', '～2020年'],
    ['2021年度予定', 'ja', '2021年度（予定）'],
    ['2020年1月', 'en', 'Jan 2020'],
    ['2019年度', 'en', 'FY2019'],
    ['2018年夏', 'en', 'Summer 2018'],
    ['2020-01-15', 'en', '15 Jan 2020'],
    ['2019年9月', 'en', 'Sep 2019'],
    ['2020', 'en', '2020'],
    ['2014年1月～2019年3月', 'en', 'Jan 2014 – Mar 2019'],
    ['2017年～', 'en', 'since 2017'],
    ['～2020年', 'en', 'until 2020'],
    ['2021年度予定', 'en', 'FY2021 (planned)'],
    ['2020年1月', 'wareki', '令和2年1月'],
    ['2020-01-15', 'wareki', '令和2年1月15日'],
    ['平成31年4月', 'wareki', '平成31年4月'],
    ['2019年5月', 'wareki', '令和元年5月'],
    ['2018', 'wareki', '平成30年'],
    ['2020年度', 'wareki', '令和2年度'],
    ['2018年夏', 'wareki', '平成30年夏'],
    ['2017年～', 'wareki', '平成29年～'],
    ['2021年度予定', 'wareki', '令和3年度（予定）'],
    // The fiscal year that began in April 2019 is called 令和元年度 (the era changed on 1 May 2019).
    ['2019年度', 'wareki', '令和元年度'],
    ['令和元年度', 'wareki', '令和元年度'],
    ['2019年度～2020年度', 'wareki', '令和元年度～令和2年度'],
    // Summer starts in June: summer 2019 lies wholly in 令和.
    ['2019年夏', 'wareki', '令和元年夏'],
    // A range's end leaves out the year (and month) its start has given, in the Japanese styles.
    ['2021年5月10日～12日', 'ja', '2021年5月10日～12日'],
    ['令和3年5月10日～12日', 'ja', '2021年5月10日～12日'],
    ['2021年5月10日～12日', 'wareki', '令和3年5月10日～12日'],
    ['2021年5月10日～12日', 'en', '10 May 2021 – 12 May 2021'],
    ['2021年1～3月', 'ja', '2021年1月～3月'],
    ['2021年1～3月', 'wareki', '令和3年1月～3月'],
    ['2021年1～3月', 'en', 'Jan 2021 – Mar 2021'],
    ['2020年2月1日～3月5日', 'ja', '2020年2月1日～3月5日'],
    ['2020年12月～2021年1月', 'ja', '2020年12月～2021年1月'],
    // The era changed on 1 May 2019: the year is named at both ends.
    ['2019年4月～5月', 'wareki', '平成31年4月～令和元年5月'],
    ['2019年4月～5月', 'ja', '2019年4月～5月'],
    // A period named by a word is shown by that word.
    ['2021年5月中旬', 'ja', '2021年5月中旬'],
    ['2021年5月中旬', 'en', 'mid-May 2021'],
    ['2021年5月中旬', 'wareki', '令和3年5月中旬'],
    ['2021年5月上旬', 'en', 'early May 2021'],
    ['2021年5月初旬', 'ja', '2021年5月初旬'],
    ['2021年5月下旬', 'en', 'late May 2021'],
    ['2019年4月下旬', 'wareki', '平成31年4月下旬'],
    ['2020年度末', 'ja', '2020年度末'],
    ['2020年度末', 'en', 'end of FY2020'],
    ['2020年度末', 'wareki', '令和2年度末'],
    ['2018年度末', 'wareki', '平成30年度末'],
    ['2020年度末予定', 'ja', '2020年度末（予定）'],
    ['2019年度内', 'ja', '2019年度'],
    ['2019年度内', 'wareki', '令和元年度'],
    ['2020年初頭', 'ja', '2020年初頭'],
    ['2020年初頭', 'en', 'early 2020'],
    ['2020年初頭', 'wareki', '令和2年初頭'],
    // Early 2019 was still 平成.
    ['2019年初頭', 'wareki', '平成31年初頭'],
    ['2021年度上期', 'ja', '2021年度上期'],
    ['2021年度下半期', 'ja', '2021年度下半期'],
    ['2021年度上期', 'en', 'H1 FY2021'],
    ['2021年度下期', 'en', 'H2 FY2021'],
    ['令和3年度下期', 'wareki', '令和3年度下期'],
    ['R3.5', 'ja', '2021年5月'],
    ['R3.5', 'wareki', '令和3年5月'],
    ['H31.4', 'wareki', '平成31年4月'],
    ['R3.5.10', 'en', '10 May 2021'],
    ['2020年代', 'ja', '2020年代'],
    ['2020年代', 'en', '2020s'],
    // Eras are not counted in decades.
    ['2020年代', 'wareki', '2020年代'],
    ['2030年代前半', 'ja', '2030年代前半'],
    ['2030年代前半', 'en', 'early 2030s'],
    ['2030年代後半', 'en', 'late 2030s'],
    // Open, closed or in a range, a named period is shown by its bounds.
    ['2021年度上期～', 'ja', '2021年4月～'],
    ['～2020年度末', 'ja', '～2021年3月'],
    ['2021年5月中旬～6月上旬', 'ja', '2021年5月11日～6月10日'],
  ])('%s in style %s is %s', (text, style, expected) => {
    expect(formatDate(date(text), style)).toBe(expected);
  });

  it('shows an unknown date as its text in every style', () => {
    for (const style of ['ja', 'en', 'wareki'] as const) expect(formatDate(unknownDate('調整中'), style)).toBe('調整中');
    for (const style of ['ja', 'en', 'wareki'] as const) expect(formatDate(date('未定'), style)).toBe('未定');
  });

  it('shows a date by its bounds when its text names a period it is not (a fallback keeps the text of another date)', () => {
    expect(formatDate(dateFromSource('2021-05', '2021年5月中旬'), 'ja')).toBe('2021年5月中旬');
    expect(formatDate({ ...date('2021-05'), text: '2021年5月中旬' }, 'ja')).toBe('2021年5月');
  });

  it.each(['2021年5月10日～12日', '2021年1～3月', '2020年度末', '2021年5月中旬', '2021年度下期', '2020年初頭', 'R3.5.10', '2030年代前半', '2019年4月～5月'])(
    '%s survives a round trip through the ja and wareki styles',
    (text) => {
      for (const style of ['ja', 'wareki'] as const) expect({ ...date(formatDate(date(text), style)), text: '' }).toEqual({ ...date(text), text: '' });
    },
  );
});

describe('compareDates', () => {
  const cmp = (a: string, b: string) => Math.sign(compareDates(date(a), date(b)));

  it('puts unknown dates last and treats two unknown dates as equal', () => {
    expect(cmp('', '2020年')).toBe(1);
    expect(cmp('2020年', '')).toBe(-1);
    expect(cmp('', '')).toBe(0);
  });

  it('puts a year before the months of the same year', () => {
    expect(cmp('2019年', '2019年1月')).toBe(-1);
    expect(cmp('2019年1月', '2019年')).toBe(1);
  });

  it('places fiscal year 2019 after 2019年3月 and before 2019年5月', () => {
    expect(cmp('2019年度', '2019年3月')).toBe(1);
    expect(cmp('2019年度', '2019年5月')).toBe(-1);
  });

  it('is 0 for the same period written differently', () => {
    expect(cmp('令和2年1月', 'Jan 2020')).toBe(0);
    expect(cmp('FY2019', '令和元年度')).toBe(0);
  });

  // Doc: "coarser dates before finer ones of the same start".
  it.each([
    ['2019年度', '2019年4月'],
    ['2018年夏', '2018年6月'],
  ])('puts %s before %s, the month it starts in', (coarse, fine) => {
    expect(cmp(coarse, fine)).toBe(-1);
    expect(cmp(fine, coarse)).toBe(1);
  });

  it('places the new named periods by when they begin', () => {
    expect(cmp('2021年5月', '2021年5月上旬')).toBe(-1);
    expect(cmp('2021年5月上旬', '2021年5月10日～12日')).toBe(-1);
    expect(cmp('2021年5月10日～12日', '2021年5月中旬')).toBe(-1);
    expect(cmp('2020年度', '2020年度末')).toBe(-1);
    expect(cmp('2020年度末', '2021年1月')).toBe(0);
    expect(cmp('2021年度上期', '2021年度')).toBe(1);
    expect(cmp('2020年代', '2020年')).toBe(0);
    expect(cmp('未定', '2020年代')).toBe(1);
  });

  it('sorts a mixed list by when each period begins', () => {
    const texts = ['', '2019年5月', '～2020年', '2019年度', '2018年夏', '2019年3月', '2019年', '2017年～'];
    const sorted = texts
      .map(date)
      .sort(compareDates)
      .map((d) => d.text);
    expect(sorted).toEqual(['2017年～', '2018年夏', '2019年', '2019年3月', '2019年度', '2019年5月', '～2020年', '']);
  });
});
