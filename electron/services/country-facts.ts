import { COUNTRY_FACT_KINDS, type CountryFact } from '../../shared/model/country-fact';
import { statement } from './store/database';
import type { Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';

// 国情: the basic data of a country a user keeps on its dossier, each fact with its source and date.

/** A country's facts in COUNTRY_FACT_KINDS order ('other' ones by label). */
export function factsOfCountry(store: Store, iso2: string): CountryFact[] {
  const rows = statement(store.db, `SELECT ${columnsOf('country_facts')} FROM country_facts WHERE country = ? AND deleted = 0`).all(iso2) as Record<string, unknown>[];
  const rank = (f: CountryFact) => COUNTRY_FACT_KINDS.indexOf(f.kind);
  return rows.map((raw) => decodeRow('country_facts', raw)).sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, 'ja'));
}
