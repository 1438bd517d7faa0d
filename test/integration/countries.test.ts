import { describe, expect, it } from 'vitest';
import { createCase, listCases } from '../../electron/services/cases';
import { addEvent } from '../../electron/services/events';
import { countrySummaries } from '../../electron/services/countries';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { writeRows } from '../../electron/services/store/store';
import { PHASES, type Phase } from '../../shared/phases';
import { demoFiles, useTempDir } from '../support/temp';

// The countries screen counts each country's cases by status and current phase from an index of the phases alone
// (migration 7); the case list decodes every case and its events. Both must tell the same story, deletions included.

describe('country summaries', () => {
  const temp = useTempDir();

  it('count what the case list shows: each live case in each of its countries, by status and furthest live phase', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const cases = listCases(store);
    const events = store.db.prepare('SELECT id, caseId, phase FROM events WHERE deleted = 0 ORDER BY id').all() as { id: string; caseId: string; phase: Phase }[];
    // A case in two countries, a case gone, a case no longer active, and the furthest events of some cases deleted.
    writeRows(store, [
      { table: 'cases', id: cases[0].id, values: { countries: [...new Set([...cases[0].countries, 'LA'])] } },
      { table: 'cases', id: cases[1].id, values: { deleted: true } },
      { table: 'cases', id: cases[2].id, values: { status: 'won' } },
      ...events
        .filter((e) => e.phase === 'order_management')
        .slice(0, 5)
        .map((e) => ({ table: 'events' as const, id: e.id, values: { deleted: true } })),
      ...events.filter((e) => e.caseId === cases[3].id).map((e) => ({ table: 'events' as const, id: e.id, values: { deleted: true } })),
    ]);

    const expected = new Map<string, { cases: number; active: number; byPhase: Record<string, number> }>();
    for (const c of listCases(store))
      for (const iso2 of c.countries) {
        const entry = expected.get(iso2) ?? { cases: 0, active: 0, byPhase: Object.fromEntries([...PHASES, 'none'].map((p) => [p, 0])) };
        entry.cases++;
        if (c.status === 'active') entry.active++;
        entry.byPhase[c.currentPhase ?? 'none']++;
        expected.set(iso2, entry);
      }
    const summaries = countrySummaries(store);
    expect(new Map(summaries.map((s) => [s.iso2, { cases: s.cases, active: s.active, byPhase: s.byPhase }]))).toEqual(expected);
    expect(summaries.find((s) => s.iso2 === 'LA')?.cases).toBeGreaterThan(0);
    expect(summaries.some((s) => s.byPhase.none > 0)).toBe(true);
    expect(summaries.map((s) => s.ja)).toEqual([...summaries.map((s) => s.ja)].sort((a, b) => a.localeCompare(b, 'ja')));
  });

  it('lists the cases of a region as a whole (地域案件), in no country, apart from those of countries', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const africa = createCase(store, { title: 'アフリカ 国民ID', countries: [], region: 'africa', sectorLabel: 'デジタルガバメント' }).id;
    addEvent(store, africa, { phase: 'consultation', date: '2021年3月', text: '関心国との協議' });
    const gone = createCase(store, { title: '中南米 地デジ', countries: [], region: '中南米' }).id;
    writeRows(store, [{ table: 'cases', id: gone, values: { deleted: true } }]);
    const tied = createCase(store, { title: '東アフリカ 光海底ケーブル', countries: [], region: 'africa' }).id;
    writeRows(store, [{ table: 'cases', id: tied, values: { countries: ['KE'] } }]);

    expect(listCases(store, { regionLevel: true })).toMatchObject([{ id: africa, region: 'africa', currentPhase: 'consultation', eventCount: 1 }]);
    expect(listCases(store, { regionLevel: true, sector: 'e_government' })).toHaveLength(1);
    expect(listCases(store, { regionLevel: true, sector: 'postal' })).toEqual([]);
    // Its region is found by its code or by either of its names, however the case holds it.
    for (const name of ['アフリカ', 'Africa', 'africa']) expect(listCases(store, { region: name }).map((c) => c.id)).toContain(africa);
    const countryCases = listCases(store, { regionLevel: false });
    expect(countryCases.map((c) => c.id)).toContain(tied);
    expect(countryCases.map((c) => c.id)).not.toContain(africa);
    expect(countryCases.length + 1).toBe(listCases(store).length);
  });
});
