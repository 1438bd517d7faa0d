import { parseDateText } from '../../../shared/dates';
import type { Organisation } from '../../../shared/model/organisation';
import type { Case } from '../../../shared/model/case';
import {
  DEFAULT_PACK_SECTIONS,
  EMPTY_PACK_COVER,
  PACK_SECTIONS,
  type PackCase,
  type PackCouncilCase,
  type PackCover,
  type PackDateStyle,
  type PackInput,
  type PackLanguage,
  type PackPlan,
  type PackSection,
} from '../../../shared/pack/pack-input';
import { planStatus, readIndicator } from '../../../shared/plan/indicator-status';
import { currentPhase } from '../../../shared/phases';
import { countryByIso2 } from '../../../shared/reference/countries';
import { regionsOfCountry } from '../../../shared/reference/regions';
import { effectiveScope, isVisibleTo, type Scope } from '../../../shared/scopes';
import { getCase } from '../cases';
import { factsOfCountry } from '../country-facts';
import { directionsOf } from '../directions';
import { profilesOfCountry } from '../profiles';
import { questionsOfCase, questionsOfVisit } from '../questions';
import { profileMeetings } from '../../../shared/profile-meetings';
import type { Visit } from '../../../shared/model/visit';
import { getPlan } from '../plans';
import { getVisit, listVisits } from '../visits';
import { openDossier } from '../dossiers';
import { readRow, type Store } from '../store/store';
import { KarteError } from '../../../shared/errors';
import { matchCase } from '../../../shared/council/matching';
import { readMatchingMembers, readSchemes } from '../council/matching';

export interface PackRequest {
  /** The dossier's country; taken from the visit when absent. */
  country?: string;
  /** A visit, by id or id prefix: the pack is for it, and its linked cases are the pack's cases unless caseIds says otherwise. */
  visitId?: string;
  audience: Scope;
  lang: PackLanguage;
  /** ISO 639-1 code of the counterpart's language (e.g. vi): its translations print beside the handed-over parts. */
  counterpartLang?: string;
  /** Cases to include, by id or id prefix, in this order; all of the country's cases fit for the audience when absent. */
  caseIds?: string[];
  /** The sections to print (the cover and the contents always print); all but the deployment plans when absent. */
  sections?: PackSection[];
  /** 'YYYY-MM-DD': the date the data is as of. */
  asOf: string;
  /** How the pack writes its dates: 西暦 (the default), 和暦 or both. */
  dates?: PackDateStyle;
  /** Each case on a page of its own; else they follow one another. */
  casePerPage?: boolean;
  /** The cover's issuing office, document number, distribution and 取扱注意; each left out when not given. */
  cover?: Partial<PackCover>;
}

/** The sections asked for, checked, in print order; DEFAULT_PACK_SECTIONS when none are given. */
export function packSections(requested: readonly string[] | undefined): PackSection[] {
  if (requested === undefined) return [...DEFAULT_PACK_SECTIONS];
  const unknown = requested.find((s) => !(PACK_SECTIONS as readonly string[]).includes(s));
  if (unknown !== undefined) throw new KarteError('pack_refused', `unknown pack section '${unknown}': one of ${PACK_SECTIONS.join(', ')}`, { params: { reason: 'section' } });
  return PACK_SECTIONS.filter((s) => requested.includes(s));
}

function counterpartLanguage(code: string | undefined, lang: PackLanguage): string | null {
  if (code === undefined || code === '') return null;
  if (!/^[a-z]{2}$/.test(code))
    throw new KarteError('pack_refused', `counterpart language '${code}' is not an ISO 639-1 code (two lower-case letters, e.g. vi)`, {
      params: { reason: 'counterpart_language' },
    });
  if (code === 'ja' || code === lang)
    throw new KarteError('pack_refused', `counterpart language '${code}' is already the pack's language or Japanese`, { params: { reason: 'counterpart_language' } });
  return code;
}

/**
 * A case's deployment plan as the audience may see it, read as of `month` ('YYYY-MM'): the plan's fields, each
 * indicator, each period of an indicator and each open hurdle only where its own scope and its case's (a period's,
 * its indicator's too) are fit for the audience. An indicator's status is read from its printed periods alone, so a
 * narrower period's actual does not show through. Null when nothing of the plan may print.
 */
function packPlan(store: Store, c: Case, audience: Scope, month: string): PackPlan | null {
  const view = getPlan(store, c.id);
  const fit = (...scopes: Scope[]) =>
    isVisibleTo(
      scopes.reduce((narrowest, scope) => effectiveScope(scope, narrowest), c.scope),
      audience,
    );
  const plan = view.plan !== null && fit(view.plan.scope) ? view.plan : null;
  const indicators = view.indicators
    .filter((i) => fit(i.scope))
    .map(({ reading: _reading, ...indicator }) => {
      const periods = indicator.periods.filter((p) => fit(indicator.scope, p.scope));
      return { ...indicator, periods, reading: readIndicator(indicator, periods, month) };
    });
  const hurdles = view.hurdles.filter((h) => h.status === 'open' && fit(h.scope));
  if (plan === null && indicators.length === 0 && hurdles.length === 0) return null;
  return { plan, indicators, hurdles, status: planStatus(indicators.map((i) => i.reading.status)) };
}

/**
 * What a pack for this audience may print: cases and events whose scope is at least as wide as the audience, an
 * event never wider than its case. The current phase is the one the printed events reach, so a phase reached only
 * by a narrower event does not show through. Visits, agreements, organisations and the dossier's narrative are
 * filtered the same way, and, when the pack prints them, the cases' deployment plans part by part (packPlan).
 */
export function buildPackInput(store: Store, request: PackRequest): PackInput {
  const { audience } = request;
  const sections = packSections(request.sections);
  const counterpartLang = counterpartLanguage(request.counterpartLang, request.lang);
  const visit = request.visitId === undefined ? null : getVisit(store, request.visitId);
  if (visit && !isVisibleTo(visit.scope, audience)) {
    throw new KarteError('pack_refused', `visit ${request.visitId} is scoped '${visit.scope}', narrower than the audience '${audience}'`, { params: { reason: 'visit_narrower' } });
  }
  if (visit && request.country !== undefined && request.country.toUpperCase() !== visit.country) {
    throw new KarteError('pack_refused', `visit ${request.visitId} is a visit to ${visit.country}, not ${request.country}`, { params: { reason: 'visit_other_country' } });
  }
  const countryCode = visit?.country ?? request.country;
  if (countryCode === undefined) throw new KarteError('pack_refused', 'a pack needs a country or a visit', { params: { reason: 'no_country' } });
  const dossier = openDossier(store, countryCode);
  const country = countryByIso2(dossier.country);
  if (!country) throw new KarteError('unknown_country', `unknown country code '${countryCode}'`, { params: { country: countryCode } });
  const asOf = parseDateText(request.asOf);
  if (!asOf || asOf.precision !== 'day') throw new KarteError('pack_refused', `as-of date '${request.asOf}' is not a day (YYYY-MM-DD)`, { params: { reason: 'as_of' } });

  let chosen = dossier.cases;
  if (request.caseIds) {
    chosen = request.caseIds.map((idOrPrefix) => {
      const id = getCase(store, idOrPrefix).case.id;
      const found = dossier.cases.find((c) => c.case.id === id);
      if (!found) throw new KarteError('pack_refused', `case ${idOrPrefix} is not a case of ${country.iso2}`, { params: { reason: 'case_other_country' } });
      if (!isVisibleTo(found.case.scope, audience)) {
        throw new KarteError('pack_refused', `case ${idOrPrefix} is scoped '${found.case.scope}', narrower than the audience '${audience}'`, {
          params: { reason: 'case_narrower' },
        });
      }
      return found;
    });
  } else if (visit) {
    // The visit's linked cases the audience may not see are left out below, as any other case would be.
    chosen = visit.caseIds.flatMap((id) => dossier.cases.filter((c) => c.case.id === id));
  }

  const month = request.asOf.slice(0, 7);
  const cases: PackCase[] = chosen
    .filter((c) => isVisibleTo(c.case.scope, audience))
    .map((c) => {
      const events = c.events.filter((e) => isVisibleTo(effectiveScope(e.scope, c.case.scope), audience));
      const plan = sections.includes('plan') ? packPlan(store, c.case, audience, month) : null;
      const questions = questionsOfCase(store, c.case.id).filter((q) => isVisibleTo(effectiveScope(q.scope, c.case.scope), audience));
      return { case: c.case, currentPhase: currentPhase(events.map((e) => e.phase)), events, plan, questions };
    });
  const previousVisits = listVisits(store, { country: country.iso2 }).filter((v) => v.id !== visit?.id && isVisibleTo(v.scope, audience));
  const agreements = dossier.agreements.filter((a) => isVisibleTo(a.scope, audience));
  const ownerIds = [...new Set(cases.flatMap((c) => (c.case.ownerOrg === null ? [] : [c.case.ownerOrg])))];
  const organisations = ownerIds.map((id) => readRow(store, 'organisations', id)).filter((o): o is Organisation => o !== undefined && !o.deleted && isVisibleTo(o.scope, audience));
  const narrative = dossier.dossier && isVisibleTo(dossier.dossier.scope, audience) ? dossier.dossier : null;
  const regions = regionsOfCountry(country.iso2);
  const sectors = new Set(cases.map((c) => c.case.sector));
  const directions = directionsOf(store, { country: country.iso2, regions: regions.map((r) => r.code) }).filter((d) => sectors.has(d.sector) && isVisibleTo(d.scope, audience));
  return {
    lang: request.lang,
    counterpartLang,
    audience,
    sections,
    country,
    regions,
    asOf,
    dates: request.dates ?? 'seireki',
    casePerPage: request.casePerPage ?? false,
    cover: {
      issuer: request.cover?.issuer?.trim() ?? EMPTY_PACK_COVER.issuer,
      number: request.cover?.number?.trim() ?? EMPTY_PACK_COVER.number,
      distribution: request.cover?.distribution?.trim() ?? EMPTY_PACK_COVER.distribution,
      handleWithCare: request.cover?.handleWithCare ?? EMPTY_PACK_COVER.handleWithCare,
    },
    dossier: narrative,
    cases,
    visit,
    previousVisits,
    agreements,
    organisations,
    facts: factsOfCountry(store, country.iso2).filter((f) => isVisibleTo(f.scope, audience)),
    directions,
    visitQuestions: visit === null ? [] : questionsOfVisit(store, visit.id).filter((q) => isVisibleTo(effectiveScope(q.scope, visit.scope), audience)),
    profiles: packProfiles(store, country.iso2, visit, previousVisits, cases, audience),
    council: sections.includes('council') ? packCouncil(store, cases, audience) : [],
  };
}

/** How many schemes and members the pack lists per case: the best fits; the app and `karte match` list them all. */
const COUNCIL_LISTED = 5;

/**
 * The schemes and members that fit each printed case, matched on what the audience may read only (the schemes, the
 * members, their offers and projects abroad), at the phase the printed events reach; cases nothing fits are left out.
 */
function packCouncil(store: Store, cases: PackCase[], audience: Scope): PackCouncilCase[] {
  const fit = (scope: Scope) => isVisibleTo(scope, audience);
  const schemes = readSchemes(store, fit);
  return cases.flatMap(({ case: c, currentPhase: phase }) => {
    const need = { id: c.id, title: c.title, sector: c.sector, countries: c.countries, region: c.region, status: c.status, phase };
    const match = matchCase(need, schemes, readMatchingMembers(store, c.sector, c.countries, fit), []);
    if (match.schemes.length === 0 && match.members.length === 0) return [];
    return [{ caseId: c.id, caseTitle: c.title, schemes: match.schemes.slice(0, COUNCIL_LISTED), members: match.members.slice(0, COUNCIL_LISTED) }];
  });
}

/**
 * The counterparts' profiles a pack prints, each with its previous meetings from what the pack may print: the
 * other visits and the printed cases' events. A visit pack prints the people linked to the visit or named among
 * those it met; a country pack all of the country's.
 */
function packProfiles(store: Store, iso2: string, visit: Visit | null, previousVisits: Visit[], cases: PackCase[], audience: Scope) {
  const events = cases.flatMap((c) => c.events.map((event) => ({ event, caseTitle: c.case.title })));
  return profilesOfCountry(store, iso2)
    .filter((p) => isVisibleTo(p.scope, audience))
    .filter((p) => visit === null || profileMeetings(p, [visit], []).length > 0)
    .map((profile) => ({ profile, meetings: profileMeetings(profile, previousVisits, events) }));
}
