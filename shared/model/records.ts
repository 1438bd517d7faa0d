import { agreementSchema } from './agreement';
import { caseSchema } from './case';
import { dossierSchema } from './dossier';
import { organisationSchema } from './organisation';
import { stageEventSchema } from './stage-event';
import { visitSchema } from './visit';

/** The kinds of record the store keeps and the change log names. */
export const RECORD_TABLES = ['dossiers', 'cases', 'events', 'agreements', 'organisations', 'visits'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/**
 * The largest record a store writes, as JSON: a person's edit past it is refused with the field named. Each value is
 * capped on its own too (MAX_VALUE_BYTES), since a change, not a record, is what the sync stores and sends.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Each kind of record's schema: its fields are the ones a change of that kind may name. */
export const RECORD_SCHEMAS = {
  dossiers: dossierSchema,
  cases: caseSchema,
  events: stageEventSchema,
  agreements: agreementSchema,
  organisations: organisationSchema,
  visits: visitSchema,
} as const satisfies Record<RecordTable, unknown>;
