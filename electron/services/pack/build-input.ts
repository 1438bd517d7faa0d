import { parseDateText } from '../../../shared/dates';
import type { PackCase, PackInput, PackLanguage } from '../../../shared/pack/pack-input';
import { currentPhase } from '../../../shared/phases';
import { countryByIso2 } from '../../../shared/reference/countries';
import { regionsOfCountry } from '../../../shared/reference/regions';
import { effectiveScope, isVisibleTo, type Scope } from '../../../shared/scopes';
import { getCase } from '../cases';
import { getVisit, listVisits } from '../visits';
import { openDossier } from '../dossiers';
import type { Store } from '../store/store';

export interface PackRequest {
  /** The dossier's country; taken from the visit when absent. */
  country?: string;
  /** A visit, by id or id prefix: the pack is for it, and its linked cases are the pack's cases unless caseIds says otherwise. */
  visitId?: string;
  audience: Scope;
  lang: PackLanguage;
  /** Cases to include, by id or id prefix, in this order; all of the country's cases fit for the audience when absent. */
  caseIds?: string[];
  /** 'YYYY-MM-DD': the date the data is as of. */
  asOf: string;
}

/**
 * What a pack for this audience may print: cases and events whose scope is at least as wide as the audience, an
 * event never wider than its case. The current phase is the one the printed events reach, so a phase reached only
 * by a narrower event does not show through.
 */
export function buildPackInput(store: Store, request: PackRequest): PackInput {
  const visit = request.visitId === undefined ? null : getVisit(store, request.visitId);
  if (visit && !isVisibleTo(visit.scope, request.audience)) {
    throw new Error(`visit ${request.visitId} is scoped '${visit.scope}', narrower than the audience '${request.audience}'`);
  }
  if (visit && request.country !== undefined && request.country.toUpperCase() !== visit.country) {
    throw new Error(`visit ${request.visitId} is a visit to ${visit.country}, not ${request.country}`);
  }
  const countryCode = visit?.country ?? request.country;
  if (countryCode === undefined) throw new Error('a pack needs a country or a visit');
  const dossier = openDossier(store, countryCode);
  const country = countryByIso2(dossier.country);
  if (!country) throw new Error(`unknown country code '${countryCode}'`);
  const asOf = parseDateText(request.asOf);
  if (!asOf || asOf.precision !== 'day') throw new Error(`as-of date '${request.asOf}' is not a day (YYYY-MM-DD)`);

  let chosen = dossier.cases;
  if (request.caseIds) {
    chosen = request.caseIds.map((idOrPrefix) => {
      const id = getCase(store, idOrPrefix).case.id;
      const found = dossier.cases.find((c) => c.case.id === id);
      if (!found) throw new Error(`case ${idOrPrefix} is not a case of ${country.iso2}`);
      if (!isVisibleTo(found.case.scope, request.audience)) {
        throw new Error(`case ${idOrPrefix} is scoped '${found.case.scope}', narrower than the audience '${request.audience}'`);
      }
      return found;
    });
  } else if (visit) {
    // The visit's linked cases the audience may not see are left out below, as any other case would be.
    chosen = visit.caseIds.flatMap((id) => dossier.cases.filter((c) => c.case.id === id));
  }

  const cases: PackCase[] = chosen
    .filter((c) => isVisibleTo(c.case.scope, request.audience))
    .map((c) => {
      const events = c.events.filter((e) => isVisibleTo(effectiveScope(e.scope, c.case.scope), request.audience));
      return { case: c.case, currentPhase: currentPhase(events.map((e) => e.phase)), events };
    });
  const previousVisits = listVisits(store, { country: country.iso2 }).filter((v) => v.id !== visit?.id && isVisibleTo(v.scope, request.audience));
  return { lang: request.lang, audience: request.audience, country, regions: regionsOfCountry(country.iso2), asOf, cases, visit, previousVisits };
}
