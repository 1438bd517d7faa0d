import { compareDates, type KarteDate } from '../dates';
import type { Advisor } from '../model/advisor';
import type { CaseStatus } from '../model/case';
import type { Offer, OfferKind } from '../model/offer';
import type { Organisation } from '../model/organisation';
import type { SupportScheme } from '../model/support-scheme';
import type { TrackRecord } from '../model/track-record';
import { PHASES, phaseIndex, type Phase } from '../phases';
import { findRegion, regionsOfCountry } from '../reference/regions';

/** The lists of a match and of a sector's overview, as their headings name them (MATCH_LIST_LABELS). */
export const MATCH_LISTS = ['schemes', 'members', 'advisors', 'excluded', 'cases', 'reasons'] as const;
export type MatchList = (typeof MATCH_LISTS)[number];

// Matching (ウ) and the sector overview (ア) of the council database: which support schemes, members and advisors
// fit a case, which cases fit a member, and what a sector holds. Pure: the back end reads the records
// (electron/services/council/matching.ts) and the screens, the CLI and the packs word the reasons
// (match-labels.ts). Every entry says why it is there, and a scheme that does not fit is listed apart with why not,
// so nobody wonders whether a scheme was forgotten.

/** Why an entry fits (or, in `excluded`, does not), as data: match-labels.ts words it in ja or en. */
export type MatchReason =
  /** The scheme serves the phase the case is in, the next one, or a later one (ranked lower). */
  | { code: 'phase_now' | 'phase_next' | 'phase_later'; phase: Phase }
  /** The scheme names no stage Karte reads as a phase. */
  | { code: 'any_phase' }
  | { code: 'sector'; sector: string }
  /** The scheme is open to every sector. */
  | { code: 'any_sector' }
  | { code: 'country'; country: string }
  | { code: 'region'; region: string }
  /** The scheme names no country or region it is limited to; `text` is what its source writes of them, if anything. */
  | { code: 'any_country'; text: string }
  /** A member used the scheme for a project in the case's country (or, second, in its sector elsewhere). */
  | { code: 'scheme_used_in_country'; country: string; project: string; organisation: string }
  | { code: 'scheme_used_in_sector'; sector: string; country: string; project: string; organisation: string }
  /** The member itself used the scheme before. */
  | { code: 'scheme_used_by_member'; country: string; project: string }
  | { code: 'offer_in_sector'; offer: string; kind: OfferKind; sector: string }
  | { code: 'track_record_in_country_sector'; project: string; country: string; sector: string }
  | { code: 'track_record_in_country'; project: string; country: string }
  | { code: 'track_record_in_sector'; project: string; country: string; sector: string }
  /** A member's project used a scheme that fits the case. */
  | { code: 'used_fitting_scheme'; scheme: string; project: string }
  // Why a scheme or an advisor is left out:
  /** The scheme serves only phases the case has passed. */
  | { code: 'phase_passed'; phases: Phase[]; phase: Phase }
  /** `labels`: the scheme's sectors as its owner writes them. */
  | { code: 'sector_not_served'; sector: string; sectors: string[]; labels: string[] }
  /** The member has no offer or track record that names a sector. */
  | { code: 'no_member_sectors' }
  | { code: 'country_not_eligible'; countries: string[]; eligible: string[]; regions: string[]; text: string }
  | { code: 'advisor_removed'; removedOn: string };

export type MatchReasonCode = MatchReason['code'];

export interface MatchEntry {
  id: string;
  name: string;
  /** Higher fits better; only the order means anything. */
  score: number;
  /** The strongest first. */
  reasons: MatchReason[];
}

/** What does not fit, with why not (each reason one the user can check). */
export interface ExcludedEntry {
  kind: 'scheme' | 'advisor';
  id: string;
  name: string;
  reasons: MatchReason[];
}

/** A case as matching reads it: where, what, and the phase its events reached (null: none yet). */
export interface CaseNeed {
  id: string;
  title: string;
  sector: string;
  countries: string[];
  region: string;
  status: CaseStatus;
  phase: Phase | null;
}

/** A member (an organisation with what it offers and did abroad) as matching reads it. */
export interface MemberRecords {
  organisation: Organisation;
  offers: Offer[];
  trackRecords: TrackRecord[];
}

export interface CaseMatch {
  /** The phases the case needs help with: the one it is in (検討 before any event) and the next. */
  needs: Phase[];
  schemes: MatchEntry[];
  members: MatchEntry[];
  advisors: MatchEntry[];
  excluded: ExcludedEntry[];
}

// How much each kind of fit weighs. A project done in the case's country and sector says most of a member; a
// scheme that fits by what it names beats one open to anything; a scheme members used in the country is proven there.
const WEIGHT = {
  phaseNow: 20,
  phaseNext: 15,
  phaseLater: 5,
  anyPhase: 10,
  sector: 30,
  anySector: 10,
  country: 20,
  region: 15,
  anyCountry: 5,
  usedInCountry: 25,
  usedInSector: 10,
  offer: 40,
  recordCountrySector: 60,
  recordCountry: 25,
  recordSector: 15,
  usedFittingScheme: 5,
  /** Each further fit of the same kind adds a little, so a member with three projects there ranks above one with one. */
  more: 3,
} as const;

/** The phase a case is in (検討 before any event) and the next, if any. */
export function phasesNeeded(phase: Phase | null): Phase[] {
  const now = phase ?? 'consideration';
  const next = PHASES[phaseIndex(now) + 1];
  return next === undefined ? [now] : [now, next];
}

function byScore<T extends { score: number; name: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'ja'));
}

interface Fit {
  score: number;
  reasons: MatchReason[];
}

/** Whether a scheme's stages fit the case's phase: null (with why not) when it serves only phases the case passed. */
function phaseFit(scheme: SupportScheme, phase: Phase | null): Fit | MatchReason {
  if (scheme.phases.length === 0) return { score: WEIGHT.anyPhase, reasons: [{ code: 'any_phase' }] };
  const [now, next] = phasesNeeded(phase);
  if (scheme.phases.includes(now)) return { score: WEIGHT.phaseNow, reasons: [{ code: 'phase_now', phase: now }] };
  if (next !== undefined && scheme.phases.includes(next)) return { score: WEIGHT.phaseNext, reasons: [{ code: 'phase_next', phase: next }] };
  const later = scheme.phases.find((p) => phaseIndex(p) > phaseIndex(now));
  if (later !== undefined) return { score: WEIGHT.phaseLater, reasons: [{ code: 'phase_later', phase: later }] };
  return { code: 'phase_passed', phases: scheme.phases, phase: now };
}

function sectorFit(scheme: SupportScheme, sector: string): Fit | MatchReason {
  if (scheme.sectors.length === 0) return { score: WEIGHT.anySector, reasons: [{ code: 'any_sector' }] };
  if (scheme.sectors.includes(sector)) return { score: WEIGHT.sector, reasons: [{ code: 'sector', sector }] };
  return { code: 'sector_not_served', sector, sectors: scheme.sectors, labels: scheme.sectorLabels };
}

/** The regions a case lies in: its countries' regions, and the region it is kept under before it has a country. */
function regionsOfCase(c: Pick<CaseNeed, 'countries' | 'region'>): Set<string> {
  const codes = c.countries.flatMap((iso2) => regionsOfCountry(iso2).map((r) => r.code));
  const own = c.region === '' ? undefined : findRegion(c.region);
  return new Set(own ? [...codes, own.code] : codes);
}

function countryFit(scheme: SupportScheme, c: CaseNeed): Fit | MatchReason {
  if (scheme.countries.length === 0 && scheme.regions.length === 0) return { score: WEIGHT.anyCountry, reasons: [{ code: 'any_country', text: scheme.countriesText }] };
  const country = c.countries.find((iso2) => scheme.countries.includes(iso2));
  if (country !== undefined) return { score: WEIGHT.country, reasons: [{ code: 'country', country }] };
  const regions = regionsOfCase(c);
  const region = scheme.regions.find((code) => regions.has(code));
  if (region !== undefined) return { score: WEIGHT.region, reasons: [{ code: 'region', region }] };
  return { code: 'country_not_eligible', countries: c.countries, eligible: scheme.countries, regions: scheme.regions, text: scheme.countriesText };
}

function isFit(value: Fit | MatchReason): value is Fit {
  return 'score' in value;
}

/** Adds the fits of one kind: the first weighs `first`, each further one WEIGHT.more, every one listed. */
function tally(fit: Fit, reasons: MatchReason[], first: number): void {
  if (reasons.length === 0) return;
  fit.score += first + WEIGHT.more * (reasons.length - 1);
  fit.reasons.push(...reasons);
}

/** How a member's offers and projects abroad fit a case's sector and countries; no reasons when nothing does. */
function memberFit(member: MemberRecords, c: Pick<CaseNeed, 'sector' | 'countries'>, fittingSchemes: ReadonlyMap<string, string> = new Map()): Fit {
  const fit: Fit = { score: 0, reasons: [] };
  const { sector } = c;
  const live = <T extends { deleted: boolean }>(records: T[]) => records.filter((r) => !r.deleted);
  const records = live(member.trackRecords);
  const inCountry = (r: TrackRecord) => c.countries.includes(r.country);
  const inSector = (r: { sectors: string[] }) => r.sectors.includes(sector);
  tally(
    fit,
    records.filter((r) => inCountry(r) && inSector(r)).map((r) => ({ code: 'track_record_in_country_sector', project: r.project, country: r.country, sector })),
    WEIGHT.recordCountrySector,
  );
  tally(
    fit,
    live(member.offers)
      .filter(inSector)
      .map((o) => ({ code: 'offer_in_sector', offer: o.name, kind: o.kind, sector })),
    WEIGHT.offer,
  );
  tally(
    fit,
    records.filter((r) => inCountry(r) && !inSector(r)).map((r) => ({ code: 'track_record_in_country', project: r.project, country: r.country })),
    WEIGHT.recordCountry,
  );
  tally(
    fit,
    records.filter((r) => !inCountry(r) && inSector(r)).map((r) => ({ code: 'track_record_in_sector', project: r.project, country: r.country, sector })),
    WEIGHT.recordSector,
  );
  if (fit.reasons.length === 0) return fit;
  const used = records.find((r) => r.schemeId !== null && fittingSchemes.has(r.schemeId));
  if (used) tally(fit, [{ code: 'used_fitting_scheme', scheme: fittingSchemes.get(used.schemeId!)!, project: used.project }], WEIGHT.usedFittingScheme);
  return fit;
}

/** How the members' projects abroad prove a scheme for the case: used in its country first, else in its sector. */
function schemeUse(scheme: SupportScheme, c: CaseNeed, members: readonly MemberRecords[]): Fit {
  const fit: Fit = { score: 0, reasons: [] };
  const uses = members.flatMap((m) => m.trackRecords.filter((r) => !r.deleted && r.schemeId === scheme.id).map((r) => ({ record: r, organisation: m.organisation.nameJa })));
  tally(
    fit,
    uses
      .filter(({ record }) => c.countries.includes(record.country))
      .map(({ record, organisation }) => ({ code: 'scheme_used_in_country', country: record.country, project: record.project, organisation })),
    WEIGHT.usedInCountry,
  );
  tally(
    fit,
    uses
      .filter(({ record }) => !c.countries.includes(record.country) && record.sectors.includes(c.sector))
      .map(({ record, organisation }) => ({ code: 'scheme_used_in_sector', sector: c.sector, country: record.country, project: record.project, organisation })),
    WEIGHT.usedInSector,
  );
  return fit;
}

function advisorFit(advisor: Advisor, sector: string, countries: readonly string[]): Fit {
  const fit: Fit = { score: 0, reasons: [] };
  if (advisor.sectors.includes(sector)) tally(fit, [{ code: 'sector', sector }], WEIGHT.sector);
  tally(
    fit,
    countries.filter((iso2) => advisor.countries.includes(iso2)).map((country) => ({ code: 'country', country })),
    WEIGHT.country,
  );
  return fit;
}

/**
 * What fits a case now: the schemes whose phases, sectors and countries fit it (a scheme for a later phase too, ranked
 * lower: a case being considered still plans its financing), the members whose offers and projects abroad fit its
 * sector and countries (a project in the same country and sector ranks highest), the advisors who know its sector or
 * countries. Each list best first. `excluded`: every scheme that does not fit and every removed advisor who would,
 * with why. Members that share nothing with the case are not listed: they are most of the council.
 */
export function matchCase(c: CaseNeed, schemes: readonly SupportScheme[], members: readonly MemberRecords[], advisors: readonly Advisor[]): CaseMatch {
  const fitting: MatchEntry[] = [];
  const excluded: ExcludedEntry[] = [];
  for (const scheme of schemes) {
    if (scheme.deleted) continue;
    const parts = [phaseFit(scheme, c.phase), sectorFit(scheme, c.sector), countryFit(scheme, c)];
    const misfits = parts.filter((p): p is MatchReason => !isFit(p));
    if (misfits.length > 0) {
      excluded.push({ kind: 'scheme', id: scheme.id, name: scheme.name, reasons: misfits });
      continue;
    }
    const fits = [schemeUse(scheme, c, members), ...parts.filter(isFit)];
    // The reasons that say most first: proven in the country, then the sector named, then phase and country.
    const [use, phase, sector, country] = fits;
    fitting.push({
      id: scheme.id,
      name: scheme.name,
      score: fits.reduce((sum, f) => sum + f.score, 0),
      reasons: [...sector.reasons, ...phase.reasons, ...country.reasons, ...use.reasons],
    });
  }
  const fittingNames = new Map(fitting.map((s) => [s.id, s.name]));
  const memberEntries = members.flatMap((m) => {
    if (m.organisation.deleted) return [];
    const fit = memberFit(m, c, fittingNames);
    return fit.reasons.length === 0 ? [] : [{ id: m.organisation.id, name: m.organisation.nameJa, ...fit }];
  });
  const advisorEntries: MatchEntry[] = [];
  for (const advisor of advisors) {
    if (advisor.deleted) continue;
    const fit = advisorFit(advisor, c.sector, c.countries);
    if (fit.reasons.length === 0) continue;
    if (advisor.removedOn !== null)
      excluded.push({ kind: 'advisor', id: advisor.id, name: advisor.name, reasons: [{ code: 'advisor_removed', removedOn: advisor.removedOn.text }] });
    else advisorEntries.push({ id: advisor.id, name: advisor.name, ...fit });
  }
  return {
    needs: phasesNeeded(c.phase),
    schemes: byScore(fitting),
    members: byScore(memberEntries),
    advisors: byScore(advisorEntries),
    excluded: excluded.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'ja')),
  };
}

/** A case that fits a member, with where it is and how far it got. */
export interface CaseEntry extends MatchEntry {
  countries: string[];
  phase: Phase | null;
}

export interface MemberMatch {
  /** The sectors its offers and projects abroad name, and the countries of its projects. */
  sectors: string[];
  countries: string[];
  /** Active and paused cases that fit what it offers or where it worked, best first. */
  cases: CaseEntry[];
  /** (ウ) the schemes it can use: those open to its sectors, best first. */
  schemes: MatchEntry[];
  excluded: ExcludedEntry[];
}

/**
 * What fits a member: the cases still open (active or on hold) whose sector its offers or projects name or whose
 * countries it worked in, best first; the schemes open to its sectors (one it used before first), and apart, those
 * that are not, with why.
 */
export function matchMember(member: MemberRecords, cases: readonly CaseNeed[], schemes: readonly SupportScheme[]): MemberMatch {
  const offers = member.offers.filter((o) => !o.deleted);
  const records = member.trackRecords.filter((r) => !r.deleted);
  const sectors = [...new Set([...offers.flatMap((o) => o.sectors), ...records.flatMap((r) => r.sectors)])];
  const countries = [...new Set(records.map((r) => r.country))];
  const caseEntries = cases.flatMap((c) => {
    if (c.status !== 'active' && c.status !== 'on_hold') return [];
    const fit = memberFit(member, c);
    return fit.reasons.length === 0 ? [] : [{ id: c.id, name: c.title, countries: c.countries, phase: c.phase, ...fit }];
  });
  const fitting: MatchEntry[] = [];
  const excluded: ExcludedEntry[] = [];
  for (const scheme of schemes) {
    if (scheme.deleted) continue;
    const fit: Fit = { score: 0, reasons: [] };
    if (scheme.sectors.length === 0) tally(fit, [{ code: 'any_sector' }], WEIGHT.anySector);
    else
      tally(
        fit,
        sectors.filter((s) => scheme.sectors.includes(s)).map((sector) => ({ code: 'sector', sector })),
        WEIGHT.sector,
      );
    if (fit.reasons.length === 0) {
      const why: MatchReason =
        sectors.length === 0 ? { code: 'no_member_sectors' } : { code: 'sector_not_served', sector: sectors.join(','), sectors: scheme.sectors, labels: scheme.sectorLabels };
      excluded.push({ kind: 'scheme', id: scheme.id, name: scheme.name, reasons: [why] });
      continue;
    }
    tally(
      fit,
      countries.filter((iso2) => scheme.countries.includes(iso2)).map((country) => ({ code: 'country', country })),
      WEIGHT.country,
    );
    tally(
      fit,
      records.filter((r) => r.schemeId === scheme.id).map((r) => ({ code: 'scheme_used_by_member', country: r.country, project: r.project })),
      WEIGHT.usedInCountry,
    );
    fitting.push({ id: scheme.id, name: scheme.name, ...fit });
  }
  return { sectors, countries, cases: byScore(caseEntries), schemes: byScore(fitting), excluded: excluded.sort((a, b) => a.name.localeCompare(b.name, 'ja')) };
}

/** A case as the sector overview lists it. */
export interface SectorCase {
  id: string;
  title: string;
  countries: string[];
  region: string;
  status: CaseStatus;
}

/** A member's project abroad (海外展開実績) in the sector, as the sector's map, table and page list it. */
export interface SectorProject {
  /** The track record's id. */
  id: string;
  project: string;
  member: { id: string; nameJa: string; nameEn: string };
  /** The city or site as written (ダナン); '' when the record names none. */
  place: string;
  /** When, where its date says (2019年度, 2021年3月); null when unknown. */
  date: KarteDate | null;
}

/** A country (or a region, for cases that name no country) of a sector: its cases by phase and the members' projects there. */
export interface SectorPlace {
  place: string;
  byPhase: Record<Phase | 'none', number>;
  /** 0 for a country where members worked but no case is kept. */
  cases: number;
  /** By date (the undated last), then project. */
  projects: SectorProject[];
}

export interface SectorOverview {
  sector: string;
  /** Its cases under the phase they reached ('none': no event yet), each list by country then title. */
  byPhase: Record<Phase | 'none', SectorCase[]>;
  /**
   * Every country with a case or a member's project of the sector (and region, for cases without a country): the
   * country with most cases first, then those with projects only, most projects first.
   */
  countries: SectorPlace[];
  /** The schemes serving it: those naming it, then those open to every sector. */
  schemes: MatchEntry[];
  /** The members that offer it or took a project of it abroad. */
  members: MatchEntry[];
  /** The registered advisors who know it. */
  advisors: MatchEntry[];
}

function emptyTally<T>(make: () => T): Record<Phase | 'none', T> {
  return Object.fromEntries([...PHASES, 'none'].map((p) => [p, make()])) as Record<Phase | 'none', T>;
}

/** The members' live projects abroad that name the sector, with their member, by country. */
function projectsByCountry(sector: string, members: readonly MemberRecords[]): Map<string, SectorProject[]> {
  const byCountry = new Map<string, SectorProject[]>();
  for (const { organisation, trackRecords } of members) {
    if (organisation.deleted) continue;
    for (const r of trackRecords) {
      if (r.deleted || !r.sectors.includes(sector)) continue;
      const project = {
        id: r.id,
        project: r.project,
        member: { id: organisation.id, nameJa: organisation.nameJa, nameEn: organisation.nameEn },
        place: r.place,
        date: r.date.sort === null ? null : r.date,
      };
      byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), project]);
    }
  }
  const byDate = (a: SectorProject, b: SectorProject) => (a.date === null || b.date === null ? Number(a.date === null) - Number(b.date === null) : compareDates(a.date, b.date));
  const order = (a: SectorProject, b: SectorProject) => byDate(a, b) || a.project.localeCompare(b.project, 'ja') || a.id.localeCompare(b.id);
  for (const projects of byCountry.values()) projects.sort(order);
  return byCountry;
}

/**
 * (ア) the state of a sector: its cases by phase across countries, the members' projects there, the schemes serving
 * it, the members offering it, the advisors knowing it. (イ) maps the countries and the projects (SectorScreen).
 */
export function sectorOverview(
  sector: string,
  cases: readonly CaseNeed[],
  schemes: readonly SupportScheme[],
  members: readonly MemberRecords[],
  advisors: readonly Advisor[],
): SectorOverview {
  const byPhase = emptyTally<SectorCase[]>(() => []);
  const places = new Map<string, SectorPlace>();
  const projects = projectsByCountry(sector, members);
  const sorted = cases
    .filter((c) => c.sector === sector)
    .sort((a, b) => (a.countries[0] ?? a.region).localeCompare(b.countries[0] ?? b.region) || a.title.localeCompare(b.title, 'ja'));
  for (const c of sorted) {
    const phase = c.phase ?? 'none';
    byPhase[phase].push({ id: c.id, title: c.title, countries: c.countries, region: c.region, status: c.status });
    for (const place of c.countries.length > 0 ? c.countries : [c.region]) {
      const entry = places.get(place) ?? { place, byPhase: emptyTally(() => 0), cases: 0, projects: projects.get(place) ?? [] };
      entry.byPhase[phase] += 1;
      entry.cases += 1;
      places.set(place, entry);
    }
  }
  // Where members worked but no case is kept is where the council already has a foothold: listed too.
  for (const [place, here] of projects) if (!places.has(place)) places.set(place, { place, byPhase: emptyTally(() => 0), cases: 0, projects: here });
  const schemeEntries = schemes.flatMap((scheme) => {
    if (scheme.deleted) return [];
    const fit = sectorFit(scheme, sector);
    return isFit(fit) ? [{ id: scheme.id, name: scheme.name, ...fit }] : [];
  });
  const memberEntries = members.flatMap((m) => {
    if (m.organisation.deleted) return [];
    const fit = memberFit(m, { sector, countries: [] });
    return fit.reasons.length === 0 ? [] : [{ id: m.organisation.id, name: m.organisation.nameJa, ...fit }];
  });
  const advisorEntries = advisors.flatMap((a) => {
    if (a.deleted || a.removedOn !== null) return [];
    const fit = advisorFit(a, sector, []);
    return fit.reasons.length === 0 ? [] : [{ id: a.id, name: a.name, ...fit }];
  });
  return {
    sector,
    byPhase,
    countries: [...places.values()].sort((a, b) => b.cases - a.cases || b.projects.length - a.projects.length || a.place.localeCompare(b.place)),
    schemes: byScore(schemeEntries),
    members: byScore(memberEntries),
    advisors: byScore(advisorEntries),
  };
}
