import type { SearchHit } from './views';

export interface CaseHits {
  caseId: string | null;
  caseTitle: string | null;
  hits: SearchHit[];
}

export interface CountryHits {
  /** ISO code, or null for hits not tied to a country. */
  country: string | null;
  cases: CaseHits[];
}

/**
 * Groups hits by country, then by case, keeping the order in which each group first appears (the hits come newest
 * first). A case of several countries is listed under each of them.
 */
export function groupHits(hits: SearchHit[]): CountryHits[] {
  const countries = new Map<string | null, Map<string | null, CaseHits>>();
  for (const hit of hits) {
    for (const country of hit.countries.length > 0 ? hit.countries : [null]) {
      let cases = countries.get(country);
      if (!cases) countries.set(country, (cases = new Map()));
      const key = hit.caseId ?? `${hit.kind}:${hit.id}`;
      let group = cases.get(key);
      if (!group) cases.set(key, (group = { caseId: hit.caseId, caseTitle: hit.caseTitle, hits: [] }));
      group.hits.push(hit);
    }
  }
  return [...countries].map(([country, cases]) => ({ country, cases: [...cases.values()] }));
}
