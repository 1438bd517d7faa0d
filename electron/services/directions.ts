import { parseDateText } from '../../shared/dates';
import { KarteError } from '../../shared/errors';
import type { Direction } from '../../shared/model/direction';
import type { PackDateStyle, PackLanguage } from '../../shared/pack/pack-input';
import type { DirectionSheetInput } from '../../shared/pack/render-direction';
import { countryByIso2 } from '../../shared/reference/countries';
import { REGIONS } from '../../shared/reference/regions';
import { sectorByCode } from '../../shared/reference/sectors';
import { isVisibleTo, type Scope } from '../../shared/scopes';
import { countryCode } from './countries';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type Store } from './store/store';
import { columnsOf, decodeRow, type TableName } from './store/tables';

// 方向性: the one-page line on one sector in one country or region.

/** Where a direction is kept: a country (ISO code) or a region (its code). */
export type DirectionPlace = { country: string } | { region: string };

/** The fields a person edits. */
export type DirectionValues = Partial<Omit<Direction, 'id' | 'country' | 'region' | 'deleted'>>;

/** The directions kept for a country (country null: none) and for the given regions, the country's first, then by sector. */
export function directionsOf(store: Store, place: { country: string | null; regions: readonly string[] }): Direction[] {
  const rows = statement(
    store.db,
    `SELECT ${columnsOf('directions')} FROM directions WHERE deleted = 0 AND (country = ? OR (country IS NULL AND region IN (SELECT value FROM json_each(?))))`,
  ).all(place.country, JSON.stringify(place.regions)) as Record<string, unknown>[];
  const own = (d: Direction) => (d.country === null ? 1 : 0);
  return rows.map((raw) => decodeRow('directions', raw)).sort((a, b) => own(a) - own(b) || a.sector.localeCompare(b.sector) || a.region.localeCompare(b.region));
}

export function getDirection(store: Store, idOrPrefix: string): Direction {
  const found = readRow(store, 'directions', resolveId(store, 'directions', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `direction ${idOrPrefix} has been deleted`, { table: 'directions', record: idOrPrefix });
  return found;
}

/** A region code the regions list holds ('unknown_region' otherwise). */
export function regionCode(code: string): string {
  if (!REGIONS.some((r) => r.code === code)) throw new KarteError('unknown_region', `unknown region code '${code}'`, { params: { region: code } });
  return code;
}

/** A code of the sector vocabulary ('unknown_sector' otherwise, naming the field that holds it). */
export function sectorCode(code: string, table: TableName = 'directions', field = 'sector'): string {
  if (!sectorByCode(code)) throw new KarteError('unknown_sector', `unknown sector code '${code}'`, { table, field, params: { sector: code } });
  return code;
}

/** The place as a direction keeps it: country and region columns, their codes checked. */
function placeColumns(place: DirectionPlace): Pick<Direction, 'country' | 'region'> {
  return 'country' in place ? { country: countryCode(place.country), region: '' } : { country: null, region: regionCode(place.region) };
}

/** One direction per place and sector: two would print as two conflicting lines on one sector. */
function refuseSecond(store: Store, place: Pick<Direction, 'country' | 'region'>, sector: string, except?: string): void {
  const other = statement(store.db, `SELECT id FROM directions WHERE deleted = 0 AND sector = ? AND country IS ? AND region = ? AND id IS NOT ?`)
    .pluck()
    .get(sector, place.country, place.region, except ?? null) as string | undefined;
  if (other !== undefined)
    throw new KarteError('direction_exists', `${place.country ?? place.region} has a direction for the sector '${sector}' already (${other})`, {
      table: 'directions',
      record: other,
      field: 'sector',
      params: { sector },
    });
}

export function createDirection(store: Store, place: DirectionPlace, sector: string, values: DirectionValues = {}): { id: string; changes: Change[] } {
  const columns = placeColumns(place);
  refuseSecond(store, columns, sectorCode(sector));
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'directions', id, values: { ...values, ...columns, sector } }]) };
}

export function updateDirection(store: Store, idOrPrefix: string, values: DirectionValues): Change[] {
  const direction = getDirection(store, idOrPrefix);
  if (values.sector !== undefined && values.sector !== direction.sector) refuseSecond(store, direction, sectorCode(values.sector), direction.id);
  return writeRows(store, [{ table: 'directions', id: direction.id, values }]);
}

/** Deleting keeps a tombstone, so the deletion syncs and stays in the history. */
export function deleteDirection(store: Store, idOrPrefix: string): Change[] {
  const { id } = getDirection(store, idOrPrefix);
  return writeRows(store, [{ table: 'directions', id, values: { deleted: true } }]);
}

export interface DirectionSheetRequest {
  /** One direction; else every direction kept for the country or the region. */
  id?: string;
  country?: string;
  region?: string;
  audience: Scope;
  lang: PackLanguage;
  dates?: PackDateStyle;
  /** YYYY-MM-DD; today when left out. */
  asOf?: string;
}

/**
 * What a 方向性 one-pager for this audience prints: the direction asked for, refused when it is shared more narrowly
 * than the audience; or the place's directions the audience may read, refused when there is none.
 */
export function buildDirectionSheetInput(store: Store, request: DirectionSheetRequest, today: string): DirectionSheetInput {
  const { audience } = request;
  const asOf = parseDateText(request.asOf ?? today);
  if (!asOf || asOf.precision !== 'day') throw new KarteError('pack_refused', `as-of date '${request.asOf}' is not a day (YYYY-MM-DD)`, { params: { reason: 'as_of' } });
  const one = request.id === undefined ? null : getDirection(store, request.id);
  if (one && !isVisibleTo(one.scope, audience))
    throw new KarteError('pack_refused', `direction ${request.id} is scoped '${one.scope}', narrower than the audience '${audience}'`, {
      table: 'directions',
      record: one.id,
      params: { reason: 'direction_narrower' },
    });
  const columns = one ?? placeColumns(request.country !== undefined ? { country: request.country } : { region: request.region ?? '' });
  const directions = one
    ? [one]
    : directionsOf(store, { country: columns.country, regions: columns.country === null ? [columns.region] : [] }).filter((d) => isVisibleTo(d.scope, audience));
  if (directions.length === 0)
    throw new KarteError('pack_refused', `no direction of ${columns.country ?? columns.region} may be printed for '${audience}'`, { params: { reason: 'no_directions' } });
  const named = columns.country === null ? REGIONS.find((r) => r.code === columns.region)! : countryByIso2(columns.country)!;
  return {
    lang: request.lang,
    dates: request.dates ?? 'seireki',
    audience,
    asOf,
    place: { code: columns.country ?? columns.region, ja: named.ja, en: named.en },
    directions,
  };
}
