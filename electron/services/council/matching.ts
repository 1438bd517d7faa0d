import { matchCase, matchMember, sectorOverview, type CaseNeed, type MemberRecords } from '../../../shared/council/matching';
import type { SectorSheetInput } from '../../../shared/council/render-sector';
import type { ApiParsedArgs } from '../../../shared/api';
import { parseDateText } from '../../../shared/dates';
import { KarteError } from '../../../shared/errors';
import type { Advisor } from '../../../shared/model/advisor';
import type { Organisation } from '../../../shared/model/organisation';
import type { SupportScheme } from '../../../shared/model/support-scheme';
import { currentPhase, type Phase } from '../../../shared/phases';
import { OTHER_SECTOR, sectorByCode, sectorOfLabel } from '../../../shared/reference/sectors';
import { effectiveScope, isVisibleTo, type Scope } from '../../../shared/scopes';
import type { CaseMatchView, MemberMatchView, SectorOverviewView } from '../../../shared/views';
import { statement } from '../store/database';
import { readRow, type Store } from '../store/store';
import { columnsOf, decodeRow } from '../store/tables';

// What matching reads from the store, and nothing more: every live scheme (a few hundred), only the offers, projects
// abroad and advisors that share the case's sector or a country with it (found in SQL, so 2,000 members' records are
// not decoded for a case that concerns twenty of them), and the phases of the cases concerned. The store holds only
// what its user may see, so what is read may be shown; a printed page for an audience reads through `audience`.

// A sector or country code inside a JSON array column, as its quoted string: codes are [a-z0-9_] and ISO letters,
// which JSON writes as they are, so instr() finds exactly the code (waste_to_energy never inside another).
const quoted = (code: string) => JSON.stringify(code);

export const SCHEMES_SQL = `SELECT ${columnsOf('schemes')} FROM schemes WHERE deleted = 0`;
export const CASE_PHASES_SQL = 'SELECT DISTINCT phase, scope FROM events WHERE caseId = ? AND deleted = 0';
/** The offers naming the sector. */
export const SECTOR_OFFERS_SQL = `SELECT ${columnsOf('offers')} FROM offers WHERE deleted = 0 AND instr(sectors, ?) > 0`;
/** The projects abroad in one of the countries (a JSON array) or naming the sector. */
export const MATCHING_RECORDS_SQL = `SELECT ${columnsOf('track_records')} FROM track_records
  WHERE deleted = 0 AND (country IN (SELECT value FROM json_each(?)) OR instr(sectors, ?) > 0)`;
export const MATCHING_ADVISORS_SQL = `SELECT ${columnsOf('advisors')} FROM advisors
  WHERE deleted = 0 AND (instr(sectors, ?) > 0 OR EXISTS (SELECT 1 FROM json_each(advisors.countries) j WHERE j.value IN (SELECT value FROM json_each(?))))`;
const ORGANISATIONS_SQL = `SELECT ${columnsOf('organisations')} FROM organisations WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))`;
const MEMBER_OFFERS_SQL = `SELECT ${columnsOf('offers')} FROM offers WHERE deleted = 0 AND organisationId = ?`;
const MEMBER_RECORDS_SQL = `SELECT ${columnsOf('track_records')} FROM track_records WHERE deleted = 0 AND organisationId = ?`;
/** Open cases in one of the sectors or countries (JSON arrays), with their events' phases. */
const MEMBER_CASES_SQL = `SELECT c.id, c.title, c.sector, c.countries, c.region, c.status, c.scope, e.phase, e.scope AS eventScope
  FROM cases c LEFT JOIN events e ON e.caseId = c.id AND e.deleted = 0
  WHERE c.deleted = 0 AND c.status IN ('active', 'on_hold')
    AND (c.sector IN (SELECT value FROM json_each(?)) OR c.id IN (SELECT caseId FROM case_countries WHERE iso2 IN (SELECT value FROM json_each(?))))`;
const SECTOR_CASES_SQL = `SELECT c.id, c.title, c.sector, c.countries, c.region, c.status, c.scope, e.phase, e.scope AS eventScope
  FROM cases c LEFT JOIN events e ON e.caseId = c.id AND e.deleted = 0 WHERE c.deleted = 0 AND c.sector = ?`;
const SECTOR_ADVISORS_SQL = `SELECT ${columnsOf('advisors')} FROM advisors WHERE deleted = 0 AND instr(sectors, ?) > 0`;

type Raw = Record<string, unknown>;

/** Narrows what is read to an audience (a printed page); everything the store holds when none is given. */
type Fit = (scope: Scope) => boolean;
const everything: Fit = () => true;

function fitFor(audience: Scope | undefined): Fit {
  return audience === undefined ? everything : (scope) => isVisibleTo(scope, audience);
}

export function readSchemes(store: Store, fit: Fit = everything): SupportScheme[] {
  return (statement(store.db, SCHEMES_SQL).all() as Raw[]).map((raw) => decodeRow('schemes', raw)).filter((s) => fit(s.scope));
}

/**
 * The members owning these offers and records, each with those of its offers and records given (the rest of its
 * records concern other sectors and countries); a member the store (or the audience) does not hold is left out.
 */
function membersOf(store: Store, offers: MemberRecords['offers'], records: MemberRecords['trackRecords'], fit: Fit): MemberRecords[] {
  const ids = [...new Set([...offers.map((o) => o.organisationId), ...records.map((r) => r.organisationId)])];
  const organisations = (statement(store.db, ORGANISATIONS_SQL).all(JSON.stringify(ids)) as Raw[]).map((raw) => decodeRow('organisations', raw)).filter((o) => fit(o.scope));
  return organisations.map((organisation: Organisation) => ({
    organisation,
    offers: offers.filter((o) => o.organisationId === organisation.id && fit(o.scope)),
    trackRecords: records.filter((r) => r.organisationId === organisation.id && fit(r.scope)),
  }));
}

/** The members whose offers name the sector or whose projects abroad are in one of the countries or name the sector. */
export function readMatchingMembers(store: Store, sector: string, countries: readonly string[], fit: Fit = everything): MemberRecords[] {
  const offers = (statement(store.db, SECTOR_OFFERS_SQL).all(quoted(sector)) as Raw[]).map((raw) => decodeRow('offers', raw));
  const records = (statement(store.db, MATCHING_RECORDS_SQL).all(JSON.stringify(countries), quoted(sector)) as Raw[]).map((raw) => decodeRow('track_records', raw));
  return membersOf(store, offers, records, fit);
}

function readAdvisors(store: Store, sql: string, params: unknown[], fit: Fit): Advisor[] {
  return (statement(store.db, sql).all(...params) as Raw[]).map((raw) => decodeRow('advisors', raw)).filter((a) => fit(a.scope));
}

/** The case as matching reads it: its phase is the furthest its events reached (those the audience may see, for a page). */
export function caseNeed(store: Store, caseId: string, fit: Fit = everything): CaseNeed {
  const c = readRow(store, 'cases', caseId);
  if (!c || c.deleted) throw new KarteError('not_found', `no case ${caseId}`, { params: { record: 'cases', id: caseId } });
  const events = statement(store.db, CASE_PHASES_SQL).all(caseId) as { phase: Phase; scope: Scope }[];
  const phase = currentPhase(events.filter((e) => fit(effectiveScope(e.scope, c.scope))).map((e) => e.phase));
  return { id: c.id, title: c.title, sector: c.sector, countries: c.countries, region: c.region, status: c.status, phase };
}

/** 'match.case': the schemes, members and advisors that fit a case, each with why, and what does not fit, with why not. */
export function matchCaseView(store: Store, caseId: string, audience?: Scope): CaseMatchView {
  const fit = fitFor(audience);
  const need = caseNeed(store, caseId, fit);
  const members = readMatchingMembers(store, need.sector, need.countries, fit);
  const advisors = readAdvisors(store, MATCHING_ADVISORS_SQL, [quoted(need.sector), JSON.stringify(need.countries)], fit);
  return { case: need, ...matchCase(need, readSchemes(store, fit), members, advisors) };
}

/** Cases from rows of a case joined with each of its events (or none): the phase the events the audience may see reach. */
function casesOfRows(rows: Raw[], fit: Fit): CaseNeed[] {
  const cases = new Map<string, CaseNeed & { phases: Phase[] }>();
  for (const row of rows) {
    const scope = row.scope as Scope;
    if (!fit(scope)) continue;
    const id = row.id as string;
    let c = cases.get(id);
    if (!c) {
      c = {
        id,
        title: row.title as string,
        sector: row.sector as string,
        countries: JSON.parse(row.countries as string) as string[],
        region: row.region as string,
        status: row.status as CaseNeed['status'],
        phase: null,
        phases: [],
      };
      cases.set(id, c);
    }
    if (row.phase !== null && fit(effectiveScope(row.eventScope as Scope, scope))) c.phases.push(row.phase as Phase);
  }
  return [...cases.values()].map(({ phases, ...c }) => ({ ...c, phase: currentPhase(phases) }));
}

/** 'match.member': the open cases that fit what a member offers and where it worked, and the schemes it can use. */
export function matchMemberView(store: Store, organisationId: string): MemberMatchView {
  const organisation = readRow(store, 'organisations', organisationId);
  if (!organisation || organisation.deleted) throw new KarteError('not_found', `no organisation ${organisationId}`, { params: { record: 'organisations', id: organisationId } });
  const member: MemberRecords = {
    organisation,
    offers: (statement(store.db, MEMBER_OFFERS_SQL).all(organisation.id) as Raw[]).map((raw) => decodeRow('offers', raw)),
    trackRecords: (statement(store.db, MEMBER_RECORDS_SQL).all(organisation.id) as Raw[]).map((raw) => decodeRow('track_records', raw)),
  };
  const sectors = [...new Set([...member.offers.flatMap((o) => o.sectors), ...member.trackRecords.flatMap((r) => r.sectors)])];
  const countries = [...new Set(member.trackRecords.map((r) => r.country))];
  const cases = casesOfRows(statement(store.db, MEMBER_CASES_SQL).all(JSON.stringify(sectors), JSON.stringify(countries)) as Raw[], everything);
  return { organisation: { id: organisation.id, nameJa: organisation.nameJa, nameEn: organisation.nameEn }, ...matchMember(member, cases, readSchemes(store)) };
}

/** A sector code from its code or a label (廃棄物, 上水道), or the error naming what is none. */
export function sectorCode(text: string): string {
  if (sectorByCode(text)) return text;
  const code = sectorOfLabel(text);
  if (code === OTHER_SECTOR) throw new KarteError('unknown_sector', `unknown sector '${text}'`, { params: { sector: text } });
  return code;
}

/** 'sector.overview' (ア): a sector's cases by phase across countries, its schemes, members and advisors; for a page, only what `audience` may read. */
export function sectorOverviewView(store: Store, sectorText: string, audience?: Scope): SectorOverviewView {
  const sector = sectorCode(sectorText);
  const fit = fitFor(audience);
  const cases = casesOfRows(statement(store.db, SECTOR_CASES_SQL).all(sector) as Raw[], fit);
  const members = readMatchingMembers(store, sector, [], fit);
  const advisors = readAdvisors(store, SECTOR_ADVISORS_SQL, [quoted(sector)], fit);
  return sectorOverview(sector, cases, readSchemes(store, fit), members, advisors);
}

/** The sector's page for an audience, as of a day (`today` when the request names none). */
export function buildSectorSheetInput(store: Store, request: ApiParsedArgs<'sector.export'>, today: string): SectorSheetInput {
  const asOf = parseDateText(request.asOf ?? today);
  if (!asOf || asOf.precision !== 'day') throw new KarteError('pack_refused', `as-of date '${request.asOf}' is not a day (YYYY-MM-DD)`, { params: { reason: 'as_of' } });
  return { lang: request.lang, dates: request.dates ?? 'seireki', audience: request.audience, asOf, overview: sectorOverviewView(store, request.sector, request.audience) };
}
