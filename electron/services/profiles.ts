import { KarteError } from '../../shared/errors';
import type { Profile } from '../../shared/model/profile';
import { profileMeetings } from '../../shared/profile-meetings';
import type { ProfileView } from '../../shared/views';
import { countryCode } from './countries';
import { openDossier } from './dossiers';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';
import { getVisit, listVisits } from './visits';

// 先方要人: the counterpart's people, kept per country and linked to the visits where they were met.

/** The fields a person edits; the visits a profile is linked to change by linking and unlinking. */
export type ProfileValues = Partial<Pick<Profile, 'name' | 'nameJa' | 'title' | 'organisation' | 'career' | 'notes' | 'scope'>>;

/** A country's profiles, by name. */
export function profilesOfCountry(store: Store, iso2: string): Profile[] {
  const rows = statement(store.db, `SELECT ${columnsOf('profiles')} FROM profiles WHERE country = ? AND deleted = 0`).all(iso2) as Record<string, unknown>[];
  return rows.map((raw) => decodeRow('profiles', raw)).sort((a, b) => (a.nameJa || a.name).localeCompare(b.nameJa || b.name, 'ja'));
}

export function getProfile(store: Store, idOrPrefix: string): Profile {
  const found = readRow(store, 'profiles', resolveId(store, 'profiles', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `profile ${idOrPrefix} has been deleted`, { table: 'profiles', record: idOrPrefix });
  return found;
}

/** Profiles with their previous meetings: the country's visits, and the events of its cases, that name them. */
function withMeetings(store: Store, iso2: string, profiles: Profile[]): ProfileView[] {
  if (profiles.length === 0) return [];
  const visits = listVisits(store, { country: iso2 });
  const events = openDossier(store, iso2).cases.flatMap((c) => c.events.map((event) => ({ event, caseTitle: c.case.title })));
  return profiles.map((profile) => ({ profile, meetings: profileMeetings(profile, visits, events) }));
}

/** A country's profiles by name, each with its previous meetings. */
export function profileViews(store: Store, iso2: string): ProfileView[] {
  const code = countryCode(iso2);
  return withMeetings(store, code, profilesOfCountry(store, code));
}

export function profileView(store: Store, idOrPrefix: string): ProfileView {
  const profile = getProfile(store, idOrPrefix);
  return withMeetings(store, profile.country, [profile])[0];
}

function requireName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw new KarteError('text_required', 'a profile needs the name', { table: 'profiles', field: 'name' });
}

/** The live visit a profile of `country` may be linked to: one to the same country. */
function visitToLink(store: Store, country: string, visitIdOrPrefix: string): string {
  const visit = getVisit(store, visitIdOrPrefix);
  if (visit.country !== country)
    throw new KarteError('profile_other_country', `visit ${visitIdOrPrefix} went to ${visit.country}, not to ${country}`, { table: 'visits', record: visitIdOrPrefix });
  return visit.id;
}

/** A new profile, linked at once to the visits given (where the person was met). */
export function createProfile(store: Store, values: ProfileValues & Pick<Profile, 'country' | 'name'> & { visitIds?: string[] }): { id: string; changes: Change[] } {
  requireName(values.name);
  const country = countryCode(values.country);
  const visitIds = [...new Set((values.visitIds ?? []).map((v) => visitToLink(store, country, v)))];
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'profiles', id, values: { ...values, country, visitIds } }]) };
}

export function updateProfile(store: Store, idOrPrefix: string, values: ProfileValues): Change[] {
  requireName(values.name);
  const { id } = getProfile(store, idOrPrefix);
  return writeRows(store, [{ table: 'profiles', id, values }]);
}

/** Deleting keeps a tombstone, so the deletion syncs and stays in the history. */
export function deleteProfile(store: Store, idOrPrefix: string): Change[] {
  const { id } = getProfile(store, idOrPrefix);
  return writeRows(store, [{ table: 'profiles', id, values: { deleted: true } }]);
}

/** Records that the person was met on the visit; linking twice changes nothing. */
export function linkVisit(store: Store, idOrPrefix: string, visitIdOrPrefix: string): Change[] {
  const profile = getProfile(store, idOrPrefix);
  const visitId = visitToLink(store, profile.country, visitIdOrPrefix);
  if (profile.visitIds.includes(visitId)) return [];
  return writeRows(store, [{ table: 'profiles', id: profile.id, values: { visitIds: [...profile.visitIds, visitId] } }]);
}

/** Unlinks the visit; a visit deleted since may be unlinked too. */
export function unlinkVisit(store: Store, idOrPrefix: string, visitIdOrPrefix: string): Change[] {
  const profile = getProfile(store, idOrPrefix);
  const visitId = resolveId(store, 'visits', visitIdOrPrefix);
  if (!profile.visitIds.includes(visitId)) return [];
  return writeRows(store, [{ table: 'profiles', id: profile.id, values: { visitIds: profile.visitIds.filter((v) => v !== visitId) } }]);
}
