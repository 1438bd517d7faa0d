import { KarteError } from '../../../shared/errors';
import type { Advisor, AdvisorContact } from '../../../shared/model/advisor';
import { sectorOfLabel } from '../../../shared/reference/sectors';
import type { AdvisorView } from '../../../shared/views';
import { countryCode } from '../countries';
import { sectorCode } from '../directions';
import { dateOf } from '../events';
import { newId, resolveId } from '../record-ids';
import { statement } from '../store/database';
import { readRow, writeRows, type Change, type Store } from '../store/store';
import { columnsOf, decodeRow } from '../store/tables';

// アドバイザー (the platform's advisor system), and how to reach each: a contact is a record of its own because it is
// shared more narrowly (government or council) than the advisor.

/** An advisor's fields; registration and removal dates as written (2022年4月), removal null while registered. */
export type AdvisorValues = Partial<Omit<Advisor, 'id' | 'deleted' | 'registeredOn' | 'removedOn'>> & { registeredOn?: string; removedOn?: string | null };
export type ContactValues = Partial<Pick<AdvisorContact, 'contact' | 'scope'>>;

export interface AdvisorFilter {
  /** A sector code or label. */
  sector?: string;
  /** ISO code. */
  country?: string;
}

/** The live advisors who know the sector and the country, registered ones first, then by name. */
export function listAdvisors(store: Store, filter: AdvisorFilter = {}): Advisor[] {
  const sector = filter.sector === undefined ? undefined : sectorOfLabel(filter.sector);
  const country = filter.country === undefined ? undefined : countryCode(filter.country);
  const rows = statement(store.db, `SELECT ${columnsOf('advisors')} FROM advisors WHERE deleted = 0`).all() as Record<string, unknown>[];
  const removed = (a: Advisor) => (a.removedOn === null ? 0 : 1);
  return rows
    .map((raw) => decodeRow('advisors', raw))
    .filter((a) => (sector === undefined || a.sectors.includes(sector)) && (country === undefined || a.countries.includes(country)))
    .sort((a, b) => removed(a) - removed(b) || a.name.localeCompare(b.name, 'ja') || a.id.localeCompare(b.id));
}

function getAdvisorRecord(store: Store, idOrPrefix: string): Advisor {
  const found = readRow(store, 'advisors', resolveId(store, 'advisors', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `advisor ${idOrPrefix} has been deleted`, { table: 'advisors', record: idOrPrefix });
  return found;
}

function liveContacts(store: Store, advisorId: string): AdvisorContact[] {
  const rows = statement(store.db, `SELECT ${columnsOf('advisor_contacts')} FROM advisor_contacts WHERE deleted = 0 AND advisorId = ?`).all(advisorId) as Record<string, unknown>[];
  return rows.map((raw) => decodeRow('advisor_contacts', raw)).sort((a, b) => a.contact.localeCompare(b.contact, 'ja') || a.id.localeCompare(b.id));
}

/** An advisor with the contacts this store holds (those its user may see). */
export function getAdvisor(store: Store, idOrPrefix: string): AdvisorView {
  const advisor = getAdvisorRecord(store, idOrPrefix);
  return { advisor, contacts: liveContacts(store, advisor.id) };
}

/** An advisor's values as stored: dates read, sectors and countries checked. */
function advisorColumns(values: AdvisorValues): Partial<Advisor> {
  const { registeredOn, removedOn, ...rest } = values;
  if (rest.name !== undefined && rest.name.trim() === '') throw new KarteError('text_required', 'an advisor needs a name', { table: 'advisors', field: 'name' });
  rest.sectors?.forEach((code) => sectorCode(code, 'advisors', 'sectors'));
  return {
    ...rest,
    ...(rest.countries === undefined ? {} : { countries: [...new Set(rest.countries.map(countryCode))] }),
    ...(registeredOn === undefined ? {} : { registeredOn: dateOf(registeredOn) }),
    ...(removedOn === undefined ? {} : { removedOn: removedOn === null || removedOn.trim() === '' ? null : dateOf(removedOn) }),
  };
}

export function createAdvisor(store: Store, values: AdvisorValues & { name: string }): { id: string; changes: Change[] } {
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'advisors', id, values: advisorColumns(values) }]) };
}

export function updateAdvisor(store: Store, idOrPrefix: string, values: AdvisorValues): Change[] {
  const { id } = getAdvisorRecord(store, idOrPrefix);
  return writeRows(store, [{ table: 'advisors', id, values: advisorColumns(values) }]);
}

/** Deleting keeps tombstones, the advisor's and its contacts', in one step: undo brings them back together. */
export function deleteAdvisor(store: Store, idOrPrefix: string): Change[] {
  const { id } = getAdvisorRecord(store, idOrPrefix);
  return writeRows(store, [
    { table: 'advisors', id, values: { deleted: true } },
    ...liveContacts(store, id).map((c) => ({ table: 'advisor_contacts' as const, id: c.id, values: { deleted: true } })),
  ]);
}

export function getContact(store: Store, idOrPrefix: string): AdvisorContact {
  const found = readRow(store, 'advisor_contacts', resolveId(store, 'advisor_contacts', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `advisor contact ${idOrPrefix} has been deleted`, { table: 'advisor_contacts', record: idOrPrefix });
  return found;
}

function contactRequired(contact: string | undefined): void {
  if (contact !== undefined && contact.trim() === '') throw new KarteError('text_required', 'a contact needs its text', { table: 'advisor_contacts', field: 'contact' });
}

export function addContact(store: Store, advisorIdOrPrefix: string, values: ContactValues & { contact: string }): { id: string; changes: Change[] } {
  const { id: advisorId } = getAdvisorRecord(store, advisorIdOrPrefix);
  contactRequired(values.contact);
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'advisor_contacts', id, values: { ...values, advisorId } }]) };
}

export function updateContact(store: Store, idOrPrefix: string, values: ContactValues): Change[] {
  const { id } = getContact(store, idOrPrefix);
  contactRequired(values.contact);
  return writeRows(store, [{ table: 'advisor_contacts', id, values }]);
}

export function deleteContact(store: Store, idOrPrefix: string): Change[] {
  const { id } = getContact(store, idOrPrefix);
  return writeRows(store, [{ table: 'advisor_contacts', id, values: { deleted: true } }]);
}
