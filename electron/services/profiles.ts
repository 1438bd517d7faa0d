import type { Profile } from '../../shared/model/profile';
import { statement } from './store/database';
import type { Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';

// 先方要人: the counterpart's people, kept per country and linked to the visits where they were met.

/** A country's profiles, by name. */
export function profilesOfCountry(store: Store, iso2: string): Profile[] {
  const rows = statement(store.db, `SELECT ${columnsOf('profiles')} FROM profiles WHERE country = ? AND deleted = 0`).all(iso2) as Record<string, unknown>[];
  return rows.map((raw) => decodeRow('profiles', raw)).sort((a, b) => (a.nameJa || a.name).localeCompare(b.nameJa || b.name, 'ja'));
}
