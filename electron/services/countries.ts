import { currentPhase, PHASES, type Phase } from '../../shared/phases';
import type { CountrySummary } from '../../shared/views';
import { countryByIso2 } from '../../shared/reference/countries';
import { statement } from './store/database';
import type { Store } from './store/store';

function emptyTally(): Record<Phase | 'none', number> {
  return Object.fromEntries([...PHASES, 'none'].map((p) => [p, 0])) as Record<Phase | 'none', number>;
}

/**
 * Each live case once per country it is in, with its status and the phases its live events have reached (comma
 * separated). Only what the summary counts is read: the cases' texts stay on disk (migration 7 indexes the phases).
 */
const CASE_COUNTRIES_SQL = `SELECT cc.iso2, c.status, p.phases
    FROM cases c
    JOIN case_countries cc ON cc.caseId = c.id
    LEFT JOIN (SELECT caseId, group_concat(phase) AS phases FROM (SELECT DISTINCT caseId, phase FROM events WHERE deleted = 0) GROUP BY caseId) p
      ON p.caseId = c.id
   WHERE c.deleted = 0`;

/** Countries that have cases, with case counts (all, active, by current phase), in the order of their Japanese names. */
export function countrySummaries(store: Store): CountrySummary[] {
  const rows = statement(store.db, CASE_COUNTRIES_SQL).all() as { iso2: string; status: string; phases: string | null }[];
  const byCountry = new Map<string, CountrySummary>();
  for (const { iso2, status, phases } of rows) {
    let entry = byCountry.get(iso2);
    if (!entry) {
      const country = countryByIso2(iso2);
      entry = { iso2, ja: country?.ja ?? iso2, en: country?.en ?? iso2, cases: 0, active: 0, byPhase: emptyTally() };
      byCountry.set(iso2, entry);
    }
    entry.cases++;
    if (status === 'active') entry.active++;
    entry.byPhase[currentPhase(phases === null ? [] : (phases.split(',') as Phase[])) ?? 'none']++;
  }
  return [...byCountry.values()].sort((a, b) => a.ja.localeCompare(b.ja, 'ja'));
}
