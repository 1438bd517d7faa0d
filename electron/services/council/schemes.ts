import { KarteError } from '../../../shared/errors';
import type { SupportScheme } from '../../../shared/model/support-scheme';
import type { Phase } from '../../../shared/phases';
import { regionsOfCountry } from '../../../shared/reference/regions';
import { sectorOfLabel } from '../../../shared/reference/sectors';
import { countryCode } from '../countries';
import { regionCode, sectorCode } from '../directions';
import { newId, resolveId } from '../record-ids';
import { statement } from '../store/database';
import { readRow, writeRows, type Change, type RowWrite, type Store } from '../store/store';
import { columnsOf, decodeRow } from '../store/tables';

// 支援ツール: the government bodies' support schemes, kept as their owners state them.

/** The fields a person edits. */
export type SchemeValues = Partial<Omit<SupportScheme, 'id' | 'deleted'>>;

export interface SchemeFilter {
  /** A sector code or label (郵便, waste_to_energy). */
  sector?: string;
  phase?: Phase;
  /** ISO code. */
  country?: string;
}

/**
 * Whether a scheme may serve a sector and a country. A scheme that names no sectors is open to every sector, and one
 * that names neither countries nor regions to every country: its limits, if any, are in its terms as written.
 */
export function schemeServes(scheme: Pick<SupportScheme, 'sectors' | 'countries' | 'regions'>, sector: string | undefined, country: string | undefined): boolean {
  const bySector = sector === undefined || scheme.sectors.length === 0 || scheme.sectors.includes(sector);
  const unlimited = scheme.countries.length === 0 && scheme.regions.length === 0;
  const byCountry = country === undefined || unlimited || scheme.countries.includes(country) || regionsOfCountry(country).some((r) => scheme.regions.includes(r.code));
  return bySector && byCountry;
}

/** The live schemes that fit the filter, by owner and name. */
export function listSchemes(store: Store, filter: SchemeFilter = {}): SupportScheme[] {
  const sector = filter.sector === undefined ? undefined : sectorOfLabel(filter.sector);
  const country = filter.country === undefined ? undefined : countryCode(filter.country);
  const rows = statement(store.db, `SELECT ${columnsOf('schemes')} FROM schemes WHERE deleted = 0`).all() as Record<string, unknown>[];
  return rows
    .map((raw) => decodeRow('schemes', raw))
    .filter((s) => (filter.phase === undefined || s.phases.includes(filter.phase)) && schemeServes(s, sector, country))
    .sort((a, b) => a.owner.localeCompare(b.owner, 'ja') || a.name.localeCompare(b.name, 'ja') || a.id.localeCompare(b.id));
}

export function getScheme(store: Store, idOrPrefix: string): SupportScheme {
  const found = readRow(store, 'schemes', resolveId(store, 'schemes', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `support scheme ${idOrPrefix} has been deleted`, { table: 'schemes', record: idOrPrefix });
  return found;
}

/** The codes of a scheme's values checked against the vocabularies; countries as ISO codes in capitals. */
function checkedValues(values: SchemeValues): SchemeValues {
  values.sectors?.forEach((code) => sectorCode(code, 'schemes', 'sectors'));
  values.regions?.forEach(regionCode);
  return values.countries === undefined ? values : { ...values, countries: [...new Set(values.countries.map(countryCode))] };
}

function nameRequired(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw new KarteError('text_required', 'a support scheme needs its name', { table: 'schemes', field: 'name' });
}

export function createScheme(store: Store, values: SchemeValues & { name: string }): { id: string; changes: Change[] } {
  nameRequired(values.name);
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'schemes', id, values: checkedValues(values) }]) };
}

export function updateScheme(store: Store, idOrPrefix: string, values: SchemeValues): Change[] {
  const { id } = getScheme(store, idOrPrefix);
  nameRequired(values.name);
  return writeRows(store, [{ table: 'schemes', id, values: checkedValues(values) }]);
}

/**
 * Deleting keeps a tombstone. The track records and plans' financing options that name it keep what they say in
 * words (category, note) and lose the link, in the same step, so undo brings all of it back.
 */
export function deleteScheme(store: Store, idOrPrefix: string): Change[] {
  const { id } = getScheme(store, idOrPrefix);
  const records = statement(store.db, 'SELECT id FROM track_records WHERE deleted = 0 AND schemeId = ?').pluck().all(id) as string[];
  // The id as JSON writes it, inside the plan's financing array.
  const plans = statement(store.db, 'SELECT id FROM plans WHERE deleted = 0 AND instr(financing, ?) > 0').pluck().all(JSON.stringify(id)) as string[];
  const writes: RowWrite[] = [
    { table: 'schemes', id, values: { deleted: true } },
    ...records.map((recordId) => ({ table: 'track_records' as const, id: recordId, values: { schemeId: null } })),
    ...plans.map((planId) => ({
      table: 'plans' as const,
      id: planId,
      values: { financing: readRow(store, 'plans', planId)!.financing.map((f) => (f.schemeId === id ? { ...f, schemeId: null } : f)) },
    })),
  ];
  return writeRows(store, writes);
}
