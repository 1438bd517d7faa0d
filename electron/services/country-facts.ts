import { KarteError } from '../../shared/errors';
import { COUNTRY_FACT_KINDS, type CountryFact } from '../../shared/model/country-fact';
import { countryCode } from './countries';
import { dateOf } from './events';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';

// 国情: the basic data of a country a user keeps on its dossier, each fact with its source and date.

/** The fields a person edits; the date as written (2023年, 2024年4月). */
export type CountryFactValues = Partial<Omit<CountryFact, 'id' | 'country' | 'deleted' | 'asOf'>> & { asOf?: string };

/** A country's facts in COUNTRY_FACT_KINDS order ('other' ones by label). */
export function factsOfCountry(store: Store, iso2: string): CountryFact[] {
  const rows = statement(store.db, `SELECT ${columnsOf('country_facts')} FROM country_facts WHERE country = ? AND deleted = 0`).all(iso2) as Record<string, unknown>[];
  const rank = (f: CountryFact) => COUNTRY_FACT_KINDS.indexOf(f.kind);
  return rows.map((raw) => decodeRow('country_facts', raw)).sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, 'ja'));
}

export function getFact(store: Store, idOrPrefix: string): CountryFact {
  const found = readRow(store, 'country_facts', resolveId(store, 'country_facts', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `country fact ${idOrPrefix} has been deleted`, { table: 'country_facts', record: idOrPrefix });
  return found;
}

/**
 * The values as stored, checked against the fact they make: a fact says something (its value), and an 'other' one
 * says what it is about (its label), or the pack would print a bare その他.
 */
function storedValues(before: Pick<CountryFact, 'kind' | 'label' | 'value'> | undefined, values: CountryFactValues, record?: string): Partial<CountryFact> {
  const { asOf, ...rest } = values;
  const after = { kind: 'other', label: '', value: '', ...before, ...rest };
  const missing = after.value.trim() === '' ? 'value' : after.kind === 'other' && after.label.trim() === '' ? 'label' : null;
  if (missing !== null) throw new KarteError('text_required', `a country fact needs its ${missing}`, { table: 'country_facts', field: missing, record });
  return { ...rest, ...(asOf === undefined ? {} : { asOf: dateOf(asOf) }) };
}

export function addFact(store: Store, country: string, values: CountryFactValues & Pick<CountryFact, 'kind' | 'value'>): { id: string; changes: Change[] } {
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'country_facts', id, values: { ...storedValues(undefined, values), country: countryCode(country) } }]) };
}

export function updateFact(store: Store, idOrPrefix: string, values: CountryFactValues): Change[] {
  const fact = getFact(store, idOrPrefix);
  return writeRows(store, [{ table: 'country_facts', id: fact.id, values: storedValues(fact, values, fact.id) }]);
}

/** Deleting keeps a tombstone, so the deletion syncs and stays in the history. */
export function deleteFact(store: Store, idOrPrefix: string): Change[] {
  const { id } = getFact(store, idOrPrefix);
  return writeRows(store, [{ table: 'country_facts', id, values: { deleted: true } }]);
}
