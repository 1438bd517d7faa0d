import { parseDateText } from '../../../shared/dates';
import type { PackCase, PackInput, PackLanguage } from '../../../shared/pack/pack-input';
import { currentPhase } from '../../../shared/phases';
import { countryByIso2 } from '../../../shared/reference/countries';
import { regionsOfCountry } from '../../../shared/reference/regions';
import { effectiveScope, isVisibleTo, type Scope } from '../../../shared/scopes';
import { getCase } from '../cases';
import { openDossier } from '../dossiers';
import type { Store } from '../store/store';

export interface PackRequest {
  country: string;
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
  const dossier = openDossier(store, request.country);
  const country = countryByIso2(dossier.country);
  if (!country) throw new Error(`unknown country code '${request.country}'`);
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
  }

  const cases: PackCase[] = chosen
    .filter((c) => isVisibleTo(c.case.scope, request.audience))
    .map((c) => {
      const events = c.events.filter((e) => isVisibleTo(effectiveScope(e.scope, c.case.scope), request.audience));
      return { case: c.case, currentPhase: currentPhase(events.map((e) => e.phase)), events };
    });
  return { lang: request.lang, audience: request.audience, country, regions: regionsOfCountry(country.iso2), asOf, cases };
}
