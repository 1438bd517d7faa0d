import path from 'node:path';
import type { CaseDetail, CaseSummary, CountrySummary, HistoryEntry, SearchResult } from '../../shared/views';
import { describe, expect, it } from 'vitest';
import { karte, karteJson } from '../support/cli';
import { demoFiles, fixture, useTempDir } from '../support/temp';

describe('bin/karte', () => {
  const temp = useTempDir();
  const importedDb = () => {
    const db = path.join(temp.dir(), 'cli.sqlite');
    const result = karte(['--db', db, 'import', ...demoFiles()]);
    expect(result.stderr).toContain('importing vietnam.json (6/6): case 9/9');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/imported 6 file\(s\): 31 cases added/);
    return db;
  };

  it('imports the real tables and shows Vietnam with 9 cases among the countries', () => {
    const db = importedDb();
    const text = karte(['--db', db, 'countries']);
    expect(text.stdout).toMatch(/VN\s+ベトナム \(Vietnam\)\s+9\b/);
    const countries = karteJson<CountrySummary[]>(['--db', db, 'countries']);
    expect(countries.find((c) => c.iso2 === 'VN')).toMatchObject({ cases: 9 });
    expect(countries.find((c) => c.iso2 === 'PH')).toMatchObject({ cases: 5 });
  });

  it('lists and filters cases, and shows a case with its events phase by phase', () => {
    const db = importedDb();
    const postal = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '郵便']);
    expect(postal).toHaveLength(2);
    const won = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--phase', 'order_management']);
    expect(won.every((c) => c.currentPhase === 'order_management')).toBe(true);

    const sorter = postal.find((c) => c.summary === '区分機')!;
    const shown = karte(['--db', db, 'case', sorter.id.slice(0, 8)]);
    expect(shown.status).toBe(0);
    const order = ['【検討】', '【実務協議等】', '【覚書・トップセールス等】', '【調査・実証】', '【受注・管理】'].map((h) => shown.stdout.indexOf(h));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(shown.stdout).toMatch(/2018年夏\s+ホーチミン新区分センターの区分機を日本企業が受注/);
    const detail = karteJson<CaseDetail>(['--db', db, 'case', sorter.id]);
    expect(detail.events.every((e) => e.id.length === 36)).toBe(true);
  });

  it('finds 覚書 in several countries', () => {
    const db = importedDb();
    const result = karteJson<SearchResult>(['--db', db, 'search', '覚書']);
    expect(new Set(result.hits.flatMap((h) => h.countries)).size).toBeGreaterThanOrEqual(3);
  });

  it('adds an event, sets fields, and shows who changed what from what in the history', () => {
    const db = importedDb();
    const [vn] = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '5G']);
    const added = karte(['--db', db, 'event', 'add', vn.id, '--phase', 'mou_top_sales', '--date', '2021年度予定', '--text', '大臣間で5G覚書に署名予定', '--scope', 'government']);
    expect(added.status, added.stderr).toBe(0);
    const eventId = added.stdout.trim();

    expect(karte(['--db', db, 'case', 'set', vn.id, 'status', 'on_hold']).status).toBe(0);
    expect(karte(['--db', db, 'event', 'set', eventId, 'date', '2021年6月']).status).toBe(0);
    // The first four characters of an id will do, wherever a command names a record (the store holds one such).
    const set = karte(['--db', db, 'event', 'set', eventId.slice(0, 4), 'text', '大臣間で5G覚書に署名']);
    expect(set.status, set.stderr).toBe(0);

    const detail = karteJson<CaseDetail>(['--db', db, 'case', vn.id]);
    expect(detail.case.status).toBe('on_hold');
    expect(detail.currentPhase).toBe('mou_top_sales');
    expect(detail.events.find((e) => e.id === eventId)).toMatchObject({ scope: 'government', text: '大臣間で5G覚書に署名', date: { text: '2021年6月', precision: 'month' } });

    const history = karteJson<HistoryEntry[]>(['--db', db, 'history', vn.id]);
    expect(history.find((h) => h.field === 'status')).toMatchObject({ author: 'cli-tester', old: 'active', value: 'on_hold', created: false });
    const text = karte(['--db', db, 'history', vn.id]).stdout;
    expect(text).toMatch(/cli-tester\s+case\.status\s+active → on_hold/);
    expect(text).toMatch(/event [0-9a-f]{8}\.date\s+2021年度予定 → 2021年6月/);
  });

  it('adds an event dated by a day range written once (2021年5月10日～12日) and shows it back as written', () => {
    const db = importedDb();
    const [vn] = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '5G']);
    const added = karte(['--db', db, 'event', 'add', vn.id, '--phase', 'consultation', '--date', '2021年5月10日～12日', '--text', '5G実務者協議をハノイで開催']);
    expect(added.status, added.stderr).toBe(0);
    const eventId = added.stdout.trim();

    const detail = karteJson<CaseDetail>(['--db', db, 'case', vn.id]);
    expect(detail.events.find((e) => e.id === eventId)?.date).toEqual({
      precision: 'day',
      from: '2021-05-10',
      to: '2021-05-12',
      open: false,
      season: null,
      planned: false,
      text: '2021年5月10日～12日',
      sort: '2021-05-10',
    });
    const shown = karte(['--db', db, 'case', vn.id]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`${eventId.slice(0, 8)}\\s+2021年5月10日～12日\\s+5G実務者協議をハノイで開催`));
  });

  it('reports errors on stderr with a non-zero exit, naming what was wrong', () => {
    const db = importedDb();
    const cases = karteJson<CaseSummary[]>(['--db', db, 'cases']);
    // The API's schemas answer a wrong option or argument (exit 2), naming it; the back end the rest (exit 1).
    const failures = [
      [['case', 'ffffffff'], 1, /no case with id 'ffffffff'/],
      [['case', 'set', cases[0].id, 'status', 'finished'], 2, /status: Invalid option/],
      [['case', 'set', cases[0].id, 'colour', 'red'], 2, /field: Invalid option: expected one of "title"\|"summary"/],
      [['event', 'add', cases[0].id, '--phase', 'signing', '--date', '2020年', '--text', 'x'], 2, /phase: Invalid option/],
      [['cases', '--phase', 'won'], 2, /phase: Invalid option/],
      [['search', '覚書', '--limit', 'x'], 2, /limit: Invalid input: expected number, received NaN/],
      [['conflict', 'resolve', 'one', 'mine'], 2, /id: Invalid input: expected number, received NaN/],
      [['app', '--port', 'eighty'], 2, /a port number from 0 to 65535/],
      [['import', fixture('bad-phase.json')], 1, /nothing was imported:\nbad-phase\.json: cases\[2\]\.events\[0\]\.phase/],
    ] as const;
    for (const [args, status, message] of failures) {
      const result = karte(['--db', db, ...args]);
      expect(result.status, args.join(' ')).toBe(status);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect(karte(['--db', db, 'no-such-command']).status).toBe(2);
  });

  it('opens an encrypted store only with its key', () => {
    const db = path.join(temp.dir(), 'secret.sqlite');
    expect(karte(['--db', db, 'import', demoFiles()[0]], { KARTE_DB_KEY: 'k1' }).status).toBe(0);
    const without = karte(['--db', db, 'countries']);
    expect(without.status).toBe(1);
    expect(without.stderr).toMatch(/encrypted \(give its key\)/);
    expect(karte(['--db', db, 'countries'], { KARTE_DB_KEY: 'k1' }).stdout).toMatch(/BR\s+ブラジル/);
  });
});
