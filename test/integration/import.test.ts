import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCase, listCases } from '../../electron/services/cases';
import { countrySummaries } from '../../electron/services/countries';
import { openDossier } from '../../electron/services/dossiers';
import { ImportError, importKarteFiles } from '../../electron/services/import/karte-import';
import { setCaseField } from '../../electron/services/cases';
import type { Store } from '../../electron/services/store/store';
import { karteFileSchema } from '../../shared/karte-json';
import type { ImportProblem } from '../../shared/errors';
import { generateKarteFiles } from '../support/karte-generator';
import { demoFiles, fixture, snapshot, useTempDir } from '../support/temp';

function sourceCounts(files: string[]) {
  const tables = files.map((f) => karteFileSchema.parse(JSON.parse(fs.readFileSync(f, 'utf8'))));
  return {
    cases: tables.reduce((n, t) => n + t.cases.length, 0),
    events: tables.reduce((n, t) => n + t.cases.reduce((m, c) => m + c.events.length, 0), 0),
    tables,
  };
}

describe('karte JSON import', () => {
  const temp = useTempDir();

  it('imports all six real tables with every case and event', () => {
    const store = temp.store();
    const expected = sourceCounts(demoFiles());
    const report = importKarteFiles(store, demoFiles());
    expect(report).toMatchObject({ files: 6, casesAdded: expected.cases, eventsAdded: expected.events, casesKept: 0, eventsKept: 0 });
    expect(listCases(store)).toHaveLength(expected.cases);
    const vietnam = countrySummaries(store).find((c) => c.iso2 === 'VN');
    expect(vietnam).toMatchObject({ ja: 'ベトナム', cases: 9 });
  });

  it('keeps every event text, date text and OCR quirk exactly as in the source', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const { tables } = sourceCounts(demoFiles());
    const stored = store.db.prepare("SELECT text, json_extract(date, '$.text') AS dateText FROM events").all() as { text: string; dateText: string }[];
    const storedSet = new Set(stored.map((e) => `${e.text}\u0000${e.dateText}`));
    for (const table of tables) for (const c of table.cases) for (const e of c.events) expect(storedSet.has(`${e.text}\u0000${e.date_text}`), e.text).toBe(true);
    expect(stored.some((e) => e.text.includes('郵便便局') || e.dateText === '2018年夏')).toBe(true);
  });

  it('lists a Vietnam case phase by phase, then by date within a phase', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const postal = listCases(store, { country: 'VN', sector: '郵便' }).find((c) => c.summary === '区分機')!;
    const detail = getCase(store, postal.id);
    expect(detail.events.map((e) => e.phase)).toEqual(['consideration', 'consultation', 'mou_top_sales', 'mou_top_sales', 'mou_top_sales', 'survey_demo', 'order_management']);
    expect(detail.events.filter((e) => e.phase === 'mou_top_sales').map((e) => e.date.text)).toEqual(['2015年1月', '2018年4月', '2019年1月']);
    expect(detail.currentPhase).toBe('order_management');
  });

  it('writes a large table a hundred cases at a time, telling its progress after each group, and counts it whole', () => {
    const store = temp.store();
    const [table] = generateKarteFiles({ seed: 7, countries: 1, cases: 250, events: 1000 });
    const file = path.join(temp.dir(), 'large.json');
    fs.writeFileSync(file, JSON.stringify(table));
    const progress: number[] = [];
    const report = importKarteFiles(store, [file], (p) => progress.push(p.caseIndex));
    expect(progress).toEqual([100, 200, 250]);
    expect(report).toMatchObject({ casesAdded: 250, eventsAdded: 1000, casesKept: 0, eventsKept: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1000 });
    // Again: every group finds all its records stored.
    expect(importKarteFiles(store, [file])).toMatchObject({ casesAdded: 0, eventsAdded: 0, casesKept: 250, eventsKept: 1000, dossiersAdded: 0 });
  });

  it('does not duplicate anything when the same files are imported again', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const before = snapshot(store);
    const again = importKarteFiles(store, demoFiles());
    expect(again.casesAdded + again.eventsAdded + again.dossiersAdded).toBe(0);
    expect(again.casesKept).toBe(before.cases.length);
    expect(snapshot(store)).toEqual(before);
  });

  it('leaves a case a person has edited as it is on re-import', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const [first] = listCases(store, { country: 'VN' });
    setCaseField(store, first.id, 'futurePolicy', '方針を見直し');
    importKarteFiles(store, demoFiles());
    expect(getCase(store, first.id).case.futurePolicy).toBe('方針を見直し');
  });

  it('imports other tables of the same schema: multi-country, country-less and undated', () => {
    const store = temp.store();
    importKarteFiles(store, [fixture('africa-multi-country.json')]);
    const cases = listCases(store);
    expect(cases).toHaveLength(3);
    const shared = cases.find((c) => c.countries.length === 2)!;
    expect(shared.countries).toEqual(['ET', 'CI']);
    expect(openDossier(store, 'ET').cases.map((c) => c.case.id)).toContain(shared.id);
    expect(openDossier(store, 'CI').cases.map((c) => c.case.id)).toContain(shared.id);
    expect(getCase(store, shared.id).events.at(-1)).toMatchObject({ phase: 'survey_demo', date: { precision: 'unknown', text: '' } });

    const regional = cases.find((c) => c.countries.length === 0)!;
    expect(regional).toMatchObject({ region: 'アフリカ', sector: 'radio_systems', sectorLabel: '電波システム' });
    expect(listCases(store, { region: 'アフリカ' }).map((c) => c.id)).toContain(regional.id);

    const kenya = getCase(store, cases.find((c) => c.countries[0] === 'KE')!.id);
    expect(kenya.case.summary).toBe('郵便便局のネットワーク整備');
    expect(kenya.events.map((e) => e.phase)).toEqual(['consideration', 'mou_top_sales']);
    expect(kenya.events[1].text).toContain('**億円');
  });

  it.each([
    ['bad-phase.json', /bad-phase\.json: cases\[2\]\.events\[0\]\.phase: Invalid option/],
    ['bad-country.json', /bad-country\.json: cases\[0\]\.country_iso2: 'XX' is not an ISO 3166-1 country code/],
    ['missing-text.json', /missing-text\.json: cases\[1\]\.events\[0\]\.text: /],
    ['truncated.json', /truncated\.json: not valid JSON at line 1, column \d+/],
    ['no-such-file.json', /no-such-file\.json: cannot be read \(ENOENT\)/],
    ['impossible-dates.json', /impossible-dates\.json: cases\[0\]\.events\[1\]\.date: 2020-13 is not a date/],
    ['shift-jis.json', /shift-jis\.json: not UTF-8 \(it looks like Shift_JIS\): save it as UTF-8/],
    ['repeated-case.json', /repeated-case\.json: cases\[3\]: repeats cases\[0\]: remove one/],
  ])('rejects %s naming the file, case and field, and changes nothing', (name, message) => {
    const store = temp.store();
    importKarteFiles(store, [demoFiles()[0]]);
    const before = snapshot(store);
    // The good file comes first: the run is all or nothing, so it must not land either.
    expect(() => importKarteFiles(store, [fixture('africa-multi-country.json'), fixture(name)])).toThrow(message);
    expect(snapshot(store)).toEqual(before);
  });

  it('says on which line and column a file stops being JSON, as an editor counts them', () => {
    const store = temp.store();
    const file = path.join(temp.dir(), 'missing-comma.json');
    fs.writeFileSync(file, '{\n  "country": "ベトナム",\n  "cases": [\n    {"sector": "郵便" "summary": "x"}\n  ]\n}\n');
    try {
      importKarteFiles(store, [file]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      const [problem] = (error as ImportError).problems;
      expect(problem).toMatchObject({ file: 'missing-comma.json', code: 'not_json', params: { line: 4, column: 21 } });
    }
  });

  it('reports every problem of a bad file, not only the first', () => {
    const store = temp.store();
    const file = path.join(temp.dir(), 'two-problems.json');
    const data = JSON.parse(fs.readFileSync(fixture('africa-multi-country.json'), 'utf8'));
    data.cases[0].events[0].phase = 'x';
    data.cases[2].sector = 7;
    fs.writeFileSync(file, JSON.stringify(data));
    try {
      importKarteFiles(store, [file]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems.map((p) => p.where)).toEqual(['cases[0].events[0].phase', 'cases[2].sector']);
    }
  });

  it('reports the problems of every bad file of a run', () => {
    const store = temp.store();
    expect(() => importKarteFiles(store, [fixture('bad-phase.json'), demoFiles()[0], fixture('bad-country.json')])).toThrow(
      /^bad-phase\.json: cases\[2\]\.events\[0\]\.phase: .*\nbad-country\.json: cases\[0\]\.country_iso2: 'XX'/,
    );
    expect(listCases(store)).toEqual([]);
  });

  it('marks a case won when its table records an order, and active otherwise', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const vietnam = listCases(store, { country: 'VN' });
    expect(vietnam.filter((c) => c.status === 'won').map((c) => c.currentPhase)).toEqual(Array(4).fill('order_management'));
    expect(vietnam.filter((c) => c.status === 'active').every((c) => c.currentPhase !== 'order_management')).toBe(true);
  });

  it('refuses every impossible month and day, naming the case, event and field, and takes a leap day', () => {
    expect(problemsOf(temp.store(), [fixture('impossible-dates.json')])).toEqual([
      { file: 'impossible-dates.json', where: 'cases[0].events[1].date', code: 'impossible_date', params: { date: '2020-13' }, message: '2020-13 is not a date' },
      { file: 'impossible-dates.json', where: 'cases[1].events[0].date', code: 'impossible_date', params: { date: '2020-02-30' }, message: '2020-02-30 is not a date' },
    ]);
  });

  it('imports a file that starts with a UTF-8 byte order mark', () => {
    const store = temp.store();
    expect(importKarteFiles(store, [fixture('bom.json')])).toMatchObject({ casesAdded: 1, eventsAdded: 1 });
    const [only] = listCases(store);
    expect(only).toMatchObject({ countries: ['ID'], summary: 'ローカル5G' });
    expect(getCase(store, only.id).events[0]).toMatchObject({ text: 'ジャカルタでローカル5Gの説明会', date: { precision: 'month', from: '2020-01' } });
  });

  it('refuses a Shift_JIS file with one problem that says so and what to do, and takes it once saved as UTF-8', () => {
    const store = temp.store();
    expect(problemsOf(store, [fixture('shift-jis.json')])).toEqual([
      {
        file: 'shift-jis.json',
        where: '',
        code: 'not_utf8_shift_jis',
        params: {},
        message: 'not UTF-8 (it looks like Shift_JIS): save it as UTF-8 (e.g. in Notepad: Save As, Encoding UTF-8) and import it again',
      },
    ]);
    const saved = path.join(temp.dir(), 'shift-jis.json');
    fs.writeFileSync(saved, new TextDecoder('shift_jis').decode(fs.readFileSync(fixture('shift-jis.json'))), 'utf8');
    importKarteFiles(store, [saved]);
    expect(getCase(store, listCases(store)[0].id).events[0].text).toBe('ソフトウェア開発について表敬訪問');
  });

  it('refuses a file in another encoding without guessing which', () => {
    const file = path.join(temp.dir(), 'utf16.json');
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(fixture('bom.json'), 'utf8')}`, 'utf16le');
    expect(problemsOf(temp.store(), [file])).toEqual([
      { file: 'utf16.json', where: '', code: 'not_utf8', params: {}, message: 'not UTF-8: save it as UTF-8 (e.g. in Notepad: Save As, Encoding UTF-8) and import it again' },
    ]);
  });

  it('refuses a case repeated exactly, naming both, and keeps cases that only share country, sector and summary', () => {
    const store = temp.store();
    expect(problemsOf(store, [fixture('repeated-case.json')])).toEqual([
      { file: 'repeated-case.json', where: 'cases[3]', code: 'repeated_case', params: { of: 1 }, message: 'repeats cases[0]: remove one' },
    ]);
    const fixed = path.join(temp.dir(), 'repeat-removed.json');
    const data = JSON.parse(fs.readFileSync(fixture('repeated-case.json'), 'utf8'));
    data.cases.pop();
    fs.writeFileSync(fixed, JSON.stringify(data));
    expect(importKarteFiles(store, [fixed])).toMatchObject({ casesAdded: 3 });
    const smartCity = listCases(store, { country: 'ID' }).filter((c) => c.summary === 'スマートシティ');
    expect(smartCity.map((c) => getCase(store, c.id).events[0].text).sort()).toEqual(['バンドンで説明会', 'マカッサルで説明会']);
  });
});

/** The problems an import reports; it must fail, and write nothing. */
function problemsOf(store: Store, files: string[]): ImportProblem[] {
  const before = snapshot(store);
  try {
    importKarteFiles(store, files);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect(snapshot(store)).toEqual(before);
    return (error as ImportError).problems;
  }
  return expect.unreachable();
}
