import { KarteError } from '../../../shared/errors';
import type { Offer } from '../../../shared/model/offer';
import type { Organisation } from '../../../shared/model/organisation';
import type { TrackRecord } from '../../../shared/model/track-record';
import { sectorOfLabel, sectorsInText } from '../../../shared/reference/sectors';
import { changesOnlyOwnMembers, mayChangeMemberRecord } from '../../../shared/council/member-rights';
import type { MemberRights, MemberSelfView, MemberSummary, MemberView } from '../../../shared/views';
import { countryCode } from '../countries';
import { sectorCode } from '../directions';
import { dateOf } from '../events';
import { newId, resolveId } from '../record-ids';
import { statement } from '../store/database';
import { readRow, writeRows, type Change, type Store } from '../store/store';
import { columnsOf, decodeRow } from '../store/tables';
import { accountOrganisation } from '../sync/client';
import { ownedRecords } from '../sync/record-owners';
import { getScheme } from './schemes';

// 協議会会員: a member's profile is its organisation record; what it offers (技術・製品・サービス) and its projects
// abroad (海外展開実績) are records of their own, each scoped, so a member can share one and keep another internal.

/** The profile fields a person edits. */
export type MemberValues = Partial<Omit<Organisation, 'id' | 'deleted'>>;
export type OfferValues = Partial<Omit<Offer, 'id' | 'organisationId' | 'deleted'>>;
/** A track record's fields; its date as written (2019年度, 2021年3月). */
export type TrackRecordValues = Partial<Omit<TrackRecord, 'id' | 'organisationId' | 'deleted' | 'date'>> & { date?: string };

export interface MemberFilter {
  /** A sector code or label: members offering it or with a project abroad in it. */
  sector?: string;
  /** ISO code: members with a project abroad there. */
  country?: string;
}

type Raw = Record<string, unknown>;

type MemberTable = 'organisations' | 'offers' | 'track_records';

/** Whether this device edits only the member records its organisation created (signed in as a company). */
function onlyOwn(store: Store): boolean {
  return changesOnlyOwnMembers(accountOrganisation(store));
}

/**
 * Of `ids`, those of the signed-in company's own records; none when no company is signed in (`restricted` false:
 * nothing is marked 自社).
 */
function ownOf(store: Store, restricted: boolean, table: MemberTable, ids: readonly string[]): Set<string> {
  return restricted ? ownedRecords(store, table, ids) : new Set();
}

/**
 * Refuses a change the server would refuse at sync (a company changing what another organisation created), before it
 * is written: the user hears it now, with what to do, rather than find it refused later.
 */
function mustBeChangeable(store: Store, table: MemberTable, id: string): void {
  const restricted = onlyOwn(store);
  if (!mayChangeMemberRecord(restricted, ownOf(store, restricted, table, [id]).has(id)))
    throw new KarteError('not_own_member', `the ${table} record ${id} is another organisation's: a company changes only the member records it created`, {
      table,
      record: id,
    });
}

function liveOffers(store: Store, organisationId: string): Offer[] {
  const rows = statement(store.db, `SELECT ${columnsOf('offers')} FROM offers WHERE deleted = 0 AND organisationId = ?`).all(organisationId) as Raw[];
  return rows.map((raw) => decodeRow('offers', raw)).sort((a, b) => a.name.localeCompare(b.name, 'ja') || a.id.localeCompare(b.id));
}

function liveTrackRecords(store: Store, organisationId: string): TrackRecord[] {
  const rows = statement(store.db, `SELECT ${columnsOf('track_records')} FROM track_records WHERE deleted = 0 AND organisationId = ?`).all(organisationId) as Raw[];
  return rows
    .map((raw) => decodeRow('track_records', raw))
    .sort((a, b) => a.country.localeCompare(b.country) || a.project.localeCompare(b.project, 'ja') || a.id.localeCompare(b.id));
}

/** The council's members, by name, with the sectors of their offers and projects and the countries of their projects. */
export function listMembers(store: Store, filter: MemberFilter = {}): MemberSummary[] {
  const sector = filter.sector === undefined ? undefined : sectorOfLabel(filter.sector);
  const country = filter.country === undefined ? undefined : countryCode(filter.country);
  const organisations = (statement(store.db, `SELECT ${columnsOf('organisations')} FROM organisations WHERE deleted = 0 AND councilMember = 1`).all() as Raw[]).map((raw) =>
    decodeRow('organisations', raw),
  );
  const offers = (statement(store.db, `SELECT ${columnsOf('offers')} FROM offers WHERE deleted = 0`).all() as Raw[]).map((raw) => decodeRow('offers', raw));
  const records = (statement(store.db, `SELECT ${columnsOf('track_records')} FROM track_records WHERE deleted = 0`).all() as Raw[]).map((raw) => decodeRow('track_records', raw));
  const own = ownOf(
    store,
    onlyOwn(store),
    'organisations',
    organisations.map((o) => o.id),
  );
  return organisations
    .map((o): MemberSummary => {
      const offered = offers.filter((x) => x.organisationId === o.id);
      const projects = records.filter((r) => r.organisationId === o.id);
      return {
        id: o.id,
        nameJa: o.nameJa,
        nameEn: o.nameEn,
        type: o.type,
        size: o.size,
        location: o.location,
        sectors: [...new Set([...offered, ...projects].flatMap((x) => x.sectors))].sort(),
        countries: [...new Set(projects.map((r) => r.country))].sort(),
        offers: offered.length,
        trackRecords: projects.length,
        own: own.has(o.id),
      };
    })
    .filter((m) => (sector === undefined || m.sectors.includes(sector)) && (country === undefined || m.countries.includes(country)))
    .sort((a, b) => a.nameJa.localeCompare(b.nameJa, 'ja') || a.id.localeCompare(b.id));
}

function getOrganisation(store: Store, idOrPrefix: string): Organisation {
  const found = readRow(store, 'organisations', resolveId(store, 'organisations', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `organisation ${idOrPrefix} has been deleted`, { table: 'organisations', record: idOrPrefix });
  return found;
}

/** A member's profile with what it offers and its projects abroad; any organisation may be shown so, member or not yet. */
export function getMember(store: Store, idOrPrefix: string): MemberView {
  const organisation = getOrganisation(store, idOrPrefix);
  const offers = liveOffers(store, organisation.id);
  const trackRecords = liveTrackRecords(store, organisation.id);
  return { organisation, offers, trackRecords, rights: memberRights(store, organisation.id, offers, trackRecords) };
}

function memberRights(store: Store, organisationId: string, offers: readonly Offer[], trackRecords: readonly TrackRecord[]): MemberRights {
  const restricted = onlyOwn(store);
  const own = ownOf(store, restricted, 'organisations', [organisationId]).has(organisationId);
  const ownOffers = ownOf(
    store,
    restricted,
    'offers',
    offers.map((x) => x.id),
  );
  const ownRecords = ownOf(
    store,
    restricted,
    'track_records',
    trackRecords.map((r) => r.id),
  );
  return {
    own,
    profile: mayChangeMemberRecord(restricted, own),
    records: [
      ...offers.filter((x) => mayChangeMemberRecord(restricted, ownOffers.has(x.id))),
      ...trackRecords.filter((r) => mayChangeMemberRecord(restricted, ownRecords.has(r.id))),
    ].map((x) => x.id),
  };
}

/** As whom this device edits the council's members, and the signed-in company's own profile (the first by name). */
export function memberSelf(store: Store): MemberSelfView {
  const organisation = accountOrganisation(store) ?? null;
  const restricted = changesOnlyOwnMembers(organisation);
  const profiles = statement(store.db, 'SELECT id FROM organisations WHERE deleted = 0 ORDER BY nameJa, id').pluck().all() as string[];
  const own = ownOf(store, restricted, 'organisations', profiles);
  return { organisation, onlyOwn: restricted, profileId: profiles.find((id) => own.has(id)) ?? null };
}

/**
 * The signed-in company's profile when it has none yet: named as its organisation is on the server, a company and a
 * member of the council, shared with the council. Created here, it is the company's own.
 */
export function createOwnMember(store: Store): { id: string; changes: Change[] } {
  const organisation = accountOrganisation(store);
  if (!organisation) throw new KarteError('sync_not_signed_in', 'not signed in: sign in to say whose profile to create');
  const id = newId();
  const values = { nameJa: organisation.name, type: 'company', councilMember: true, scope: 'council' } as const;
  return { id, changes: writeRows(store, [{ table: 'organisations', id, values }]) };
}

export function updateMember(store: Store, idOrPrefix: string, values: MemberValues): Change[] {
  const { id } = getOrganisation(store, idOrPrefix);
  mustBeChangeable(store, 'organisations', id);
  if (values.nameJa !== undefined && values.nameJa.trim() === '')
    throw new KarteError('text_required', 'an organisation needs its name', { table: 'organisations', field: 'nameJa' });
  return writeRows(store, [{ table: 'organisations', id, values }]);
}

function checkedSectors(table: 'offers' | 'track_records', sectors: string[] | undefined): void {
  sectors?.forEach((code) => sectorCode(code, table, 'sectors'));
}

export function getOffer(store: Store, idOrPrefix: string): Offer {
  const found = readRow(store, 'offers', resolveId(store, 'offers', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `offer ${idOrPrefix} has been deleted`, { table: 'offers', record: idOrPrefix });
  return found;
}

function offerNameRequired(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw new KarteError('text_required', 'an offer needs its name', { table: 'offers', field: 'name' });
}

export function addOffer(store: Store, organisationIdOrPrefix: string, values: OfferValues & { name: string }): { id: string; changes: Change[] } {
  const { id: organisationId } = getOrganisation(store, organisationIdOrPrefix);
  mustBeChangeable(store, 'organisations', organisationId);
  offerNameRequired(values.name);
  checkedSectors('offers', values.sectors);
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'offers', id, values: { ...values, organisationId } }]) };
}

export function updateOffer(store: Store, idOrPrefix: string, values: OfferValues): Change[] {
  const { id } = getOffer(store, idOrPrefix);
  mustBeChangeable(store, 'offers', id);
  offerNameRequired(values.name);
  checkedSectors('offers', values.sectors);
  return writeRows(store, [{ table: 'offers', id, values }]);
}

export function deleteOffer(store: Store, idOrPrefix: string): Change[] {
  const { id } = getOffer(store, idOrPrefix);
  mustBeChangeable(store, 'offers', id);
  return writeRows(store, [{ table: 'offers', id, values: { deleted: true } }]);
}

export function getTrackRecord(store: Store, idOrPrefix: string): TrackRecord {
  const found = readRow(store, 'track_records', resolveId(store, 'track_records', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `track record ${idOrPrefix} has been deleted`, { table: 'track_records', record: idOrPrefix });
  return found;
}

/** A track record's values as stored: its date read, its country, scheme and case checked (live ones only). */
function trackRecordColumns(store: Store, values: TrackRecordValues): Partial<TrackRecord> {
  const { date, ...rest } = values;
  if (rest.project !== undefined && rest.project.trim() === '')
    throw new KarteError('text_required', 'a track record needs its project', { table: 'track_records', field: 'project' });
  checkedSectors('track_records', rest.sectors);
  if (rest.schemeId) rest.schemeId = getScheme(store, rest.schemeId).id;
  if (rest.relatedCaseId) {
    const related = readRow(store, 'cases', resolveId(store, 'cases', rest.relatedCaseId));
    if (!related || related.deleted) throw new KarteError('deleted', `case ${rest.relatedCaseId} has been deleted`, { table: 'cases', record: rest.relatedCaseId });
    rest.relatedCaseId = related.id;
  }
  return { ...rest, ...(rest.country === undefined ? {} : { country: countryCode(rest.country) }), ...(date === undefined ? {} : { date: dateOf(date) }) };
}

/** A new project abroad; its sectors, when not given, read from the project's text as the import reads them. */
export function addTrackRecord(store: Store, organisationIdOrPrefix: string, values: TrackRecordValues & { project: string; country: string }): { id: string; changes: Change[] } {
  const { id: organisationId } = getOrganisation(store, organisationIdOrPrefix);
  mustBeChangeable(store, 'organisations', organisationId);
  const columns = trackRecordColumns(store, { sectors: sectorsInText(values.project), ...values });
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'track_records', id, values: { ...columns, organisationId } }]) };
}

export function updateTrackRecord(store: Store, idOrPrefix: string, values: TrackRecordValues): Change[] {
  const { id } = getTrackRecord(store, idOrPrefix);
  mustBeChangeable(store, 'track_records', id);
  return writeRows(store, [{ table: 'track_records', id, values: trackRecordColumns(store, values) }]);
}

export function deleteTrackRecord(store: Store, idOrPrefix: string): Change[] {
  const { id } = getTrackRecord(store, idOrPrefix);
  mustBeChangeable(store, 'track_records', id);
  return writeRows(store, [{ table: 'track_records', id, values: { deleted: true } }]);
}
