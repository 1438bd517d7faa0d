import type { Direction } from '../../shared/model/direction';
import { statement } from './store/database';
import type { Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';

// 方向性: the one-page line on one sector in one country or region.

/** The directions kept for a country (country null: none) and for the given regions, the country's first, then by sector. */
export function directionsOf(store: Store, place: { country: string | null; regions: readonly string[] }): Direction[] {
  const rows = statement(
    store.db,
    `SELECT ${columnsOf('directions')} FROM directions WHERE deleted = 0 AND (country = ? OR (country IS NULL AND region IN (SELECT value FROM json_each(?))))`,
  ).all(place.country, JSON.stringify(place.regions)) as Record<string, unknown>[];
  const own = (d: Direction) => (d.country === null ? 1 : 0);
  return rows.map((raw) => decodeRow('directions', raw)).sort((a, b) => own(a) - own(b) || a.sector.localeCompare(b.sector) || a.region.localeCompare(b.region));
}
