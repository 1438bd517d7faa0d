import { PHASES, type Phase } from '../../shared/phases';
import type { CountrySummary } from '../../shared/views';
import { countryByIso2 } from '../../shared/reference/countries';
import { listCases } from './cases';
import type { Store } from './store/store';

function emptyTally(): Record<Phase | 'none', number> {
  return Object.fromEntries([...PHASES, 'none'].map((p) => [p, 0])) as Record<Phase | 'none', number>;
}

/** Countries that have cases, with case counts (all, active, by current phase), in the order of their Japanese names. */
export function countrySummaries(store: Store): CountrySummary[] {
  const byCountry = new Map<string, CountrySummary>();
  for (const c of listCases(store)) {
    for (const iso2 of c.countries) {
      let entry = byCountry.get(iso2);
      if (!entry) {
        const country = countryByIso2(iso2);
        entry = { iso2, ja: country?.ja ?? iso2, en: country?.en ?? iso2, cases: 0, active: 0, byPhase: emptyTally() };
        byCountry.set(iso2, entry);
      }
      entry.cases++;
      if (c.status === 'active') entry.active++;
      entry.byPhase[c.currentPhase ?? 'none']++;
    }
  }
  return [...byCountry.values()].sort((a, b) => a.ja.localeCompare(b.ja, 'ja'));
}
