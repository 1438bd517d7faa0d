import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCases, setCaseField } from '../../electron/services/cases';
import { addEvent, deleteEvent, setEventField } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { COUNT_CAP, search } from '../../electron/services/search';
import { writeRows } from '../../electron/services/store/store';
import { unknownDate } from '../../shared/dates';
import { generateKarteFiles } from '../support/karte-generator';
import { demoFiles, fixture, useTempDir } from '../support/temp';

describe('search', () => {
  const temp = useTempDir();
  const imported = () => {
    const store = temp.store();
    importKarteFiles(store, [...demoFiles(), fixture('africa-multi-country.json')]);
    return store;
  };

  it('finds the two-character word 覚書 in events of several countries', () => {
    const store = imported();
    const result = search(store, '覚書');
    const eventHits = result.hits.filter((h) => h.kind === 'event');
    expect(eventHits.length).toBeGreaterThan(5);
    expect(eventHits.every((h) => h.text.includes('覚書'))).toBe(true);
    const countries = new Set(eventHits.flatMap((h) => h.countries));
    for (const iso2 of ['VN', 'PH', 'EC']) expect(countries.has(iso2), iso2).toBe(true);
    expect(result.total).toBe(result.hits.length);
  });

  it.each([
    ['郵便', (t: string) => t.includes('郵便')],
    ['消防', (t: string) => t.includes('消防')],
    ['区分機', (t: string) => t.includes('区分機')],
    ['地上デジタル放送', (t: string) => t.includes('地上デジタル放送')],
    ['ＫＰＩ', (t: string) => t.includes('KPI')],
  ])('finds %s as a substring, whatever its length or width', (query, contains) => {
    const store = imported();
    const result = search(store, query);
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      if (hit.kind === 'event') expect(contains(hit.text), hit.text).toBe(true);
    }
  });

  it('matches every word of a query, and finds cases by country name in Japanese or English', () => {
    const store = imported();
    const both = search(store, 'Vietnam 郵便');
    expect(both.hits.length).toBeGreaterThan(0);
    expect(both.hits.every((h) => h.kind === 'case' && h.countries.includes('VN'))).toBe(true);
    const vietnam = search(store, 'ベトナム', 200).hits;
    expect(vietnam.map((h) => h.kind)).toContain('dossier');
    expect(vietnam.every((h) => h.countries.includes('VN'))).toBe(true);
  });

  it('finds nothing for words that are not there, and for an empty query', () => {
    const store = imported();
    expect(search(store, '量子暗号').hits).toEqual([]);
    expect(search(store, '  ・ ').total).toBe(0);
  });

  it('follows edits: new, changed and deleted text', () => {
    const store = imported();
    const [vn] = listCases(store, { country: 'VN' });
    const { id } = addEvent(store, vn.id, { phase: 'consultation', date: '2021年4月', text: '量子暗号通信の協議を開始' });
    expect(search(store, '量子暗号').hits.map((h) => h.id)).toEqual([id]);
    setEventField(store, id, 'text', '衛星通信の協議を開始');
    expect(search(store, '量子暗号').hits).toEqual([]);
    expect(search(store, '衛星通信').hits.map((h) => h.id)).toContain(id);
    deleteEvent(store, id);
    expect(search(store, '衛星通信').hits.map((h) => h.id)).not.toContain(id);
    setCaseField(store, vn.id, 'summary', 'テラヘルツ通信');
    expect(search(store, 'テラヘルツ').hits.map((h) => h.id)).toEqual([vn.id]);
  });

  it('stores a new record whose id a record of another table holds (a pushed change may name any id)', () => {
    const store = imported();
    const [vn] = listCases(store, { country: 'VN' });
    // The index is keyed by id: the event takes the entry, and storing it does not fail on the case's.
    writeRows(store, [{ table: 'events', id: vn.id, values: { caseId: vn.id, phase: 'consultation', date: unknownDate(), text: '量子暗号通信の協議' } }]);
    expect(search(store, '量子暗号').hits.map((h) => [h.kind, h.id])).toEqual([['event', vn.id]]);
  });

  it('limits the hits but counts them all, newest first', () => {
    const store = imported();
    const all = search(store, '覚書', 1000);
    const limited = search(store, '覚書', 3);
    expect(limited.hits).toHaveLength(3);
    expect(limited.total).toBe(all.hits.length);
    expect(limited.totalCapped).toBe(false);

    const oldest = all.hits.at(-1)!;
    setEventField(store, oldest.id, 'text', `${oldest.text}（改訂）`);
    expect(search(store, '覚書', 3).hits[0].id).toBe(oldest.id);
  });

  it('stops counting past COUNT_CAP matches', () => {
    const store = temp.store();
    const [table] = generateKarteFiles({ seed: 3, countries: 1, cases: COUNT_CAP + 50, events: COUNT_CAP + 50 });
    const file = path.join(temp.dir(), 'many.json');
    fs.writeFileSync(file, JSON.stringify(table));
    importKarteFiles(store, [file]);
    // Every generated case summary says 案件.
    const result = search(store, '案件');
    expect(result).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(result.hits).toHaveLength(50);
  });
});
