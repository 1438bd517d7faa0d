import { findRegion, REGIONS, regionsOfCountry, type Region } from '../reference/regions';
import type { SectorPlace } from './matching';

// (イ) the sector's countries under their regions, for the table under the sector's map and the printed page: the
// same regions the analytics' sector × region matrix counts by, so the two can be read side by side.

export interface SectorRegion {
  /** null: a place no reference region holds. */
  region: Region | null;
  places: SectorPlace[];
}

/**
 * The region a place is counted under: a region kept as a case's place is its own; a country's is its most specific
 * region (ASEAN rather than インド太平洋), the one an imported dossier gives its cases and so the analytics matrix shows.
 */
export function regionOfPlace(place: string): Region | null {
  if (/^[A-Z]{2}$/.test(place)) return regionsOfCountry(place)[0] ?? null;
  return findRegion(place) ?? null;
}

/** The places grouped by region, in the reference order (parents before their sub-regions), the unplaced last; each keeps the places' order. */
export function placesByRegion(places: readonly SectorPlace[]): SectorRegion[] {
  const groups = new Map<Region | null, SectorPlace[]>();
  for (const place of places) {
    const region = regionOfPlace(place.place);
    groups.set(region, [...(groups.get(region) ?? []), place]);
  }
  const rank = (region: Region | null) => (region === null ? REGIONS.length : REGIONS.indexOf(region));
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([region, grouped]) => ({ region, places: grouped }));
}
