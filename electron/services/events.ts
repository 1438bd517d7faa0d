import { parseDateText, unknownDate, type KarteDate } from '../../shared/dates';
import type { NewEvent } from '../../shared/views';
import { stageEventSchema, type EventTextField, type StageEvent } from '../../shared/model/stage-event';
import { isPhase, PHASES } from '../../shared/phases';
import type { Scope } from '../../shared/scopes';
import { scopeFromText, setFieldFromText, type FieldParsers } from './field-text';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type Store } from './store/store';
import { KarteError } from '../../shared/errors';

function phaseOf(text: string): StageEvent['phase'] {
  if (!isPhase(text)) throw new KarteError('invalid_arguments', `unknown phase '${text}'; phases: ${PHASES.join(', ')}`, { table: 'events', field: 'phase' });
  return text;
}

/**
 * A date as a person writes it: read when it can be, else kept as written, of no known time (it sorts last, and the
 * screens say it could not be read). What a person typed is never refused for its wording.
 */
export function dateOf(text: string): KarteDate {
  return parseDateText(text) ?? unknownDate(text.trim());
}

export function addEvent(store: Store, caseIdOrPrefix: string, input: NewEvent): { id: string; changes: Change[] } {
  const caseId = resolveId(store, 'cases', caseIdOrPrefix);
  const parent = readRow(store, 'cases', caseId);
  if (!parent || parent.deleted) throw new KarteError('deleted', `case ${caseIdOrPrefix} has been deleted`, { table: 'cases', record: caseIdOrPrefix });
  if (input.text.trim() === '') throw new KarteError('text_required', 'an event needs its text', { table: 'events', field: 'text' });
  const id = newId();
  const changes = writeRows(store, [
    {
      table: 'events',
      id,
      values: {
        caseId,
        phase: phaseOf(input.phase),
        date: dateOf(input.date),
        text: input.text,
        scope: input.scope === undefined ? parent.scope : scopeFromText(input.scope, 'events'),
        organisation: input.organisation ?? '',
        signatoryLevel: input.signatoryLevel ?? '',
        source: input.source ?? '',
      },
    },
  ]);
  return { id, changes };
}

export interface EventUpdate {
  phase?: StageEvent['phase'];
  /** As a person writes it; see NewEvent. */
  date?: string;
  text?: string;
  scope?: Scope;
  organisation?: string;
  signatoryLevel?: string;
}

export function updateEvent(store: Store, idOrPrefix: string, update: EventUpdate): Change[] {
  const id = resolveId(store, 'events', idOrPrefix);
  const { date, ...rest } = update;
  return writeRows(store, [{ table: 'events', id, values: date === undefined ? rest : { ...rest, date: dateOf(date) } }]);
}

export const EVENT_FIELD_PARSERS: FieldParsers<StageEvent, EventTextField> = {
  phase: (text) => ({ phase: phaseOf(text) }),
  date: (text) => ({ date: dateOf(text) }),
  text: (text) => ({ text: stageEventSchema.shape.text.parse(text) }),
  organisation: (text) => ({ organisation: text }),
  signatoryLevel: (text) => ({ signatoryLevel: text }),
  source: (text) => ({ source: text }),
  scope: (text) => ({ scope: scopeFromText(text, 'events') }),
};

export function setEventField(store: Store, idOrPrefix: string, field: string, text: string): Change[] {
  return setFieldFromText(store, 'events', EVENT_FIELD_PARSERS, idOrPrefix, field, text);
}

/**
 * Deleting keeps a tombstone, so the deletion syncs and stays in the history. The agreement registered of the event
 * (「協定として登録」) goes with it, in the same write, so the register never lists a signing the timeline no longer has.
 */
export function deleteEvent(store: Store, idOrPrefix: string): Change[] {
  const id = resolveId(store, 'events', idOrPrefix);
  const agreements = statement(store.db, 'SELECT id FROM agreements WHERE eventId = ? AND deleted = 0').pluck().all(id) as string[];
  return writeRows(store, [
    { table: 'events', id, values: { deleted: true } },
    ...agreements.map((agreementId) => ({ table: 'agreements' as const, id: agreementId, values: { deleted: true } })),
  ]);
}
