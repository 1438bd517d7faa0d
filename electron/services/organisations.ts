import type { OrganisationSummary } from '../../shared/views';
import { statement } from './store/database';
import type { Store } from './store/store';

/** The organisations the store holds (those the user may see), by their Japanese name. */
export function listOrganisations(store: Store): OrganisationSummary[] {
  const rows = statement(store.db, 'SELECT id, nameJa, nameEn, type FROM organisations WHERE deleted = 0').all() as OrganisationSummary[];
  return rows.sort((a, b) => a.nameJa.localeCompare(b.nameJa, 'ja') || a.id.localeCompare(b.id));
}
