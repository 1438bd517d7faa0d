import type { Phase } from '../../shared/phases';
import { compareDates } from '../../shared/dates';
import { effectiveScope } from '../../shared/scopes';
import type { Visit } from '../../shared/model/visit';
import type { RecordedOutcome } from '../../shared/views';
import { countryCode } from './countries';
import { dateOf } from './events';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type RowWrite, type Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';
import { KarteError } from '../../shared/errors';

// Visits (トップセールス, 官民ミッション, 政策対話): who went where, whom they met, what they asked for, which cases
// they pushed. What came of a visit goes onto its cases' timelines as events, each naming the visit (visitId), so
// the visit lists what was recorded of it.

/** The fields a person edits; dates as written (2021年5月, 2021-05-10～2021-05-12). */
export type VisitValues = Partial<Omit<Visit, 'id' | 'deleted' | 'dates'>> & { dates?: string };

export interface VisitOutcome {
  caseId: string;
  phase: Phase;
  /** As written; see NewEvent. */
  date: string;
  text: string;
}

function liveCase(store: Store, idOrPrefix: string) {
  const id = resolveId(store, 'cases', idOrPrefix);
  const found = readRow(store, 'cases', id);
  if (!found || found.deleted) throw new KarteError('deleted', `case ${idOrPrefix} has been deleted`, { table: 'cases', record: idOrPrefix });
  return found;
}

function storedValues(store: Store, values: VisitValues): Partial<Visit> {
  const { dates, country, caseIds, ...rest } = values;
  return {
    ...rest,
    ...(dates === undefined ? {} : { dates: dateOf(dates) }),
    ...(country === undefined ? {} : { country: countryCode(country) }),
    ...(caseIds === undefined ? {} : { caseIds: [...new Set(caseIds.map((id) => liveCase(store, id).id))] }),
  };
}

/** Visits, oldest first (undated ones last), optionally of one country. */
export function listVisits(store: Store, filter: { country?: string } = {}): Visit[] {
  const rows = (
    filter.country === undefined
      ? statement(store.db, `SELECT ${columnsOf('visits')} FROM visits WHERE deleted = 0`).all()
      : statement(store.db, `SELECT ${columnsOf('visits')} FROM visits WHERE deleted = 0 AND country = ?`).all(countryCode(filter.country))
  ) as Record<string, unknown>[];
  return rows.map((raw) => decodeRow('visits', raw)).sort((a, b) => compareDates(a.dates, b.dates) || a.title.localeCompare(b.title));
}

export function getVisit(store: Store, idOrPrefix: string): Visit {
  const found = readRow(store, 'visits', resolveId(store, 'visits', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `visit ${idOrPrefix} has been deleted`, { table: 'visits', record: idOrPrefix });
  return found;
}

export function createVisit(store: Store, values: VisitValues & Pick<Visit, 'title' | 'country'>): { id: string; changes: Change[] } {
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'visits', id, values: storedValues(store, values) }]) };
}

export function updateVisit(store: Store, idOrPrefix: string, values: VisitValues): Change[] {
  const { id } = getVisit(store, idOrPrefix);
  return writeRows(store, [{ table: 'visits', id, values: storedValues(store, values) }]);
}

/** Deleting keeps a tombstone, so the deletion syncs and stays in the history. */
export function deleteVisit(store: Store, idOrPrefix: string): Change[] {
  const { id } = getVisit(store, idOrPrefix);
  return writeRows(store, [{ table: 'visits', id, values: { deleted: true } }]);
}

/**
 * Records what came of a visit as events on its linked cases, all in one write: every outcome is checked first
 * (a case the visit did not concern is refused), so either every event lands or none does. An outcome is never
 * shared wider than the visit or its case.
 */
export function recordOutcomes(store: Store, visitIdOrPrefix: string, outcomes: VisitOutcome[]): { ids: string[]; changes: Change[] } {
  const visit = getVisit(store, visitIdOrPrefix);
  const writes: RowWrite<'events'>[] = outcomes.map((outcome) => {
    const found = liveCase(store, outcome.caseId);
    if (!visit.caseIds.includes(found.id))
      throw new KarteError('case_not_in_visit', `case ${outcome.caseId} is not linked to the visit '${visit.title}'`, { table: 'cases', record: outcome.caseId });
    if (outcome.text.trim() === '')
      throw new KarteError('text_required', `the outcome for case ${outcome.caseId} needs its text`, { table: 'events', field: 'text', record: outcome.caseId });
    return {
      table: 'events',
      id: newId(),
      values: {
        caseId: found.id,
        phase: outcome.phase,
        date: dateOf(outcome.date),
        text: outcome.text,
        source: visit.title,
        visitId: visit.id,
        scope: effectiveScope(visit.scope, found.scope),
      },
    };
  });
  return { ids: writes.map((w) => w.id), changes: writeRows(store, writes) };
}

/**
 * The outcomes recorded of a visit (events of its cases that are not deleted), by date, then by case. Outcomes
 * recorded before events named their visit are known by what they carried then: the visit's title as their source,
 * on one of its cases.
 */
export function recordedOutcomes(store: Store, visitIdOrPrefix: string): RecordedOutcome[] {
  const visit = getVisit(store, visitIdOrPrefix);
  // Two lookups by index (the visit's, its cases'), not one OR that would read every event.
  const select = `SELECT ${columnsOf('events', 'e')}, c.title AS caseTitle FROM events e JOIN cases c ON c.id = e.caseId WHERE e.deleted = 0 AND c.deleted = 0`;
  const rows = statement(
    store.db,
    `${select} AND e.visitId = ?
     UNION ALL ${select} AND e.caseId IN (SELECT value FROM json_each(?)) AND e.visitId IS NULL AND e.source = ?`,
  ).all(visit.id, JSON.stringify(visit.caseIds), visit.title) as (Record<string, unknown> & { caseTitle: string })[];
  return rows
    .map((raw) => ({ ...decodeRow('events', raw), caseTitle: raw.caseTitle }))
    .sort((a, b) => compareDates(a.date, b.date) || a.caseTitle.localeCompare(b.caseTitle, 'ja'));
}

/** Countries with a dossier, a case or a visit: the ones a person choosing a visit's country most likely means. */
export function visitCountries(store: Store): string[] {
  return statement(
    store.db,
    `SELECT cc.iso2 FROM case_countries cc JOIN cases c ON c.id = cc.caseId WHERE c.deleted = 0
     UNION SELECT country FROM dossiers WHERE deleted = 0 AND country IS NOT NULL
     UNION SELECT country FROM visits WHERE deleted = 0`,
  )
    .pluck()
    .all() as string[];
}
