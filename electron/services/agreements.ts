import { suggestAgreement, type AgreementSuggestion } from '../../shared/agreement-suggestion';
import { compareDates } from '../../shared/dates';
import { KarteError } from '../../shared/errors';
import type { Agreement } from '../../shared/model/agreement';
import type { Case } from '../../shared/model/case';
import type { StageEvent } from '../../shared/model/stage-event';
import { countryByIso2 } from '../../shared/reference/countries';
import { effectiveScope } from '../../shared/scopes';
import type { AgreementCandidate } from '../../shared/views';
import { openDossier } from './dossiers';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type RowWrite, type Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';

// Agreements from the timelines: an event that records a signing (「大臣間で改定覚書に署名」) is registered as an
// agreement naming it (agreements.eventId), so the dossier's agreement list and the pack's 二国間の経緯 read the one
// register. The app suggests which events (shared/agreement-suggestion.ts); a person confirms.

/** What a person may say of the agreement an event records; whatever is left out is taken from the event and the suggestion. */
export interface AgreementMark {
  eventId: string;
  kind?: Agreement['kind'];
  parties?: string[];
  signatoryLevel?: string;
  title?: string;
  status?: Agreement['status'];
}

/** The live agreement registered of an event, if any. */
export function agreementOfEvent(store: Store, eventId: string): Agreement | undefined {
  const raw = statement(store.db, `SELECT ${columnsOf('agreements')} FROM agreements WHERE eventId = ? AND deleted = 0 ORDER BY id LIMIT 1`).get(eventId) as
    Record<string, unknown> | undefined;
  return raw === undefined ? undefined : decodeRow('agreements', raw);
}

/** The agreements registered of a case's events (the timeline badges them 「協定」). */
export function agreementsOfCase(store: Store, caseId: string): Agreement[] {
  const rows = statement(
    store.db,
    `SELECT ${columnsOf('agreements', 'a')} FROM agreements a JOIN events e ON e.id = a.eventId WHERE e.caseId = ? AND e.deleted = 0 AND a.deleted = 0 ORDER BY a.id`,
  ).all(caseId) as Record<string, unknown>[];
  return rows.map((raw) => decodeRow('agreements', raw));
}

/** Japan and the case's countries, by their Japanese names: the parties a person corrects when they know better. */
function defaultParties(c: Case): string[] {
  return ['日本', ...c.countries.map((iso2) => countryByIso2(iso2)?.ja ?? iso2)];
}

function defaults(event: StageEvent, c: Case, suggestion: AgreementSuggestion | null) {
  return {
    kind: suggestion?.kind ?? 'other',
    // What a person wrote in the event's 署名・会談レベル comes before what the text suggests.
    signatoryLevel: event.signatoryLevel.trim() || (suggestion?.signatoryLevel ?? ''),
    parties: defaultParties(c),
    status: event.date.planned ? 'negotiating' : (suggestion?.status ?? 'signed'),
  } as const;
}

/**
 * The events of a country's cases whose text says they record an agreement, in date order, with the agreement the
 * app would register of each; `agreementId` tells the ones registered already.
 */
export function agreementCandidates(store: Store, iso2: string): AgreementCandidate[] {
  const dossier = openDossier(store, iso2);
  return dossier.cases
    .flatMap(({ case: c, events }) =>
      events.flatMap((event): AgreementCandidate[] => {
        const suggestion = suggestAgreement(event.text);
        if (suggestion === null) return [];
        return [
          {
            eventId: event.id,
            caseId: c.id,
            caseTitle: c.title,
            phase: event.phase,
            date: event.date,
            text: event.text,
            levels: suggestion.levels,
            ...defaults(event, c, suggestion),
            agreementId: agreementOfEvent(store, event.id)?.id ?? null,
          },
        ];
      }),
    )
    .sort((a, b) => compareDates(a.date, b.date) || a.caseTitle.localeCompare(b.caseTitle, 'ja'));
}

/**
 * Registers the agreements the events record, all in one write: the event's date, its case and countries, a scope
 * no wider than the event's or its case's. An event registered already is left as it is (its agreement's id is
 * answered), so marking twice adds nothing; `created` counts the new ones.
 */
export function markAgreements(store: Store, marks: AgreementMark[]): { ids: string[]; created: number; changes: Change[] } {
  const writes: RowWrite<'agreements'>[] = [];
  const byEvent = new Map<string, string>();
  const ids = marks.map((mark) => {
    const eventId = resolveId(store, 'events', mark.eventId);
    const done = byEvent.get(eventId) ?? agreementOfEvent(store, eventId)?.id;
    if (done !== undefined) return done;
    const event = readRow(store, 'events', eventId)!;
    if (event.deleted) throw new KarteError('deleted', `event ${mark.eventId} has been deleted`, { table: 'events', record: mark.eventId });
    const c = readRow(store, 'cases', event.caseId);
    if (!c || c.deleted) throw new KarteError('deleted', `case ${event.caseId} has been deleted`, { table: 'cases', record: event.caseId });
    const suggested = defaults(event, c, suggestAgreement(event.text));
    const id = newId();
    writes.push({
      table: 'agreements',
      id,
      values: {
        title: mark.title?.trim() || event.text,
        kind: mark.kind ?? suggested.kind,
        parties: mark.parties ?? suggested.parties,
        signatoryLevel: mark.signatoryLevel ?? suggested.signatoryLevel,
        date: event.date,
        subject: c.title,
        status: mark.status ?? suggested.status,
        countries: c.countries,
        caseIds: [c.id],
        scope: effectiveScope(event.scope, c.scope),
        eventId,
      },
    });
    byEvent.set(eventId, id);
    return id;
  });
  return { ids, created: writes.length, changes: writeRows(store, writes) };
}
