import { PHASES, type Phase } from '../../shared/phases';
import type { CountrySummary } from '../../shared/views';
import { countryByIso2 } from '../../shared/reference/countries';
import { sectorOfLabel } from '../../shared/reference/sectors';
import { KarteError } from '../../shared/errors';
import { statement } from './store/database';
import type { Store } from './store/store';

/** An ISO 3166-1 code as a record keeps it (upper case), or the error naming the code that is none. */
export function countryCode(text: string): string {
  const country = countryByIso2(text.toUpperCase());
  if (!country) throw new KarteError('unknown_country', `unknown country code '${text}'`, { params: { country: text } });
  return country.iso2;
}

function emptyTally(): Record<Phase | 'none', number> {
  return Object.fromEntries([...PHASES, 'none'].map((p) => [p, 0])) as Record<Phase | 'none', number>;
}

/** A phase's place in the order, in SQL: the current phase of a case is the furthest its live events reached. */
const PHASE_INDEX_SQL = `CASE phase ${PHASES.map((phase, i) => `WHEN '${phase}' THEN ${i}`).join(' ')} END`;

/**
 * Live cases counted per country, status and current phase (the index of the furthest phase its live events reached,
 * NULL for none), in SQL: only the counts leave the database, read from the cases' status and the index of the
 * events' phases (migration 7), never the cases' texts or the events' rows. `where` narrows the cases counted.
 */
const countryCountsSql = (where: string) => `WITH furthest AS (SELECT caseId, max(${PHASE_INDEX_SQL}) AS phase FROM events WHERE deleted = 0 GROUP BY caseId)
  SELECT cc.iso2, f.phase, count(*) AS cases, sum(c.status = 'active') AS active
    FROM cases c
    JOIN case_countries cc ON cc.caseId = c.id
    LEFT JOIN furthest f ON f.caseId = c.id
   WHERE c.deleted = 0${where}
   GROUP BY cc.iso2, f.phase`;
const COUNTRY_COUNTS_SQL = countryCountsSql('');
const SECTOR_COUNTRY_COUNTS_SQL = countryCountsSql(' AND c.sector = ?');

/**
 * Countries that have cases, with case counts (all, active, by current phase), in the order of their Japanese names;
 * only the cases of `sector` (a code or a label, as the case filters take it) when it is given.
 */
export function countrySummaries(store: Store, sector?: string): CountrySummary[] {
  const counts = sector === undefined ? statement(store.db, COUNTRY_COUNTS_SQL).all() : statement(store.db, SECTOR_COUNTRY_COUNTS_SQL).all(sectorOfLabel(sector));
  const rows = counts as { iso2: string; phase: number | null; cases: number; active: number }[];
  const byCountry = new Map<string, CountrySummary>();
  for (const { iso2, phase, cases, active } of rows) {
    let entry = byCountry.get(iso2);
    if (!entry) {
      const country = countryByIso2(iso2);
      entry = { iso2, ja: country?.ja ?? iso2, en: country?.en ?? iso2, cases: 0, active: 0, byPhase: emptyTally() };
      byCountry.set(iso2, entry);
    }
    entry.cases += cases;
    entry.active += active;
    entry.byPhase[phase === null ? 'none' : PHASES[phase]] += cases;
  }
  return [...byCountry.values()].sort((a, b) => a.ja.localeCompare(b.ja, 'ja'));
}
