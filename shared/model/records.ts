import { advisorContactSchema, advisorSchema } from './advisor';
import { agreementSchema } from './agreement';
import { caseSchema } from './case';
import { countryFactSchema } from './country-fact';
import { directionSchema } from './direction';
import { dossierSchema } from './dossier';
import { offerSchema } from './offer';
import { organisationSchema } from './organisation';
import { profileSchema } from './profile';
import { questionSchema } from './question';
import { hurdleSchema, indicatorPeriodSchema, indicatorSchema, planRevisionSchema, planSchema } from './plan';
import { stageEventSchema } from './stage-event';
import { supportSchemeSchema } from './support-scheme';
import { trackRecordSchema } from './track-record';
import { visitSchema } from './visit';

/** The kinds of record the store keeps and the change log names. */
export const RECORD_TABLES = [
  'dossiers',
  'cases',
  'events',
  'agreements',
  'organisations',
  'visits',
  'plans',
  'indicators',
  'indicator_periods',
  'hurdles',
  'plan_revisions',
  'questions',
  'profiles',
  'country_facts',
  'directions',
  'schemes',
  'offers',
  'track_records',
  'advisors',
  'advisor_contacts',
] as const;
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
  plans: planSchema,
  indicators: indicatorSchema,
  indicator_periods: indicatorPeriodSchema,
  hurdles: hurdleSchema,
  plan_revisions: planRevisionSchema,
  questions: questionSchema,
  profiles: profileSchema,
  country_facts: countryFactSchema,
  directions: directionSchema,
  schemes: supportSchemeSchema,
  offers: offerSchema,
  track_records: trackRecordSchema,
  advisors: advisorSchema,
  advisor_contacts: advisorContactSchema,
} as const satisfies Record<RecordTable, unknown>;

/**
 * The field by which a record belongs to a case (親子): a stage event, a plan and its parts. Such a record is held
 * only by those who may hold its case, on the server and on every device; no other kind of record has the field.
 */
export const CASE_FIELD = 'caseId';

/** The kinds of record that belong to a case by CASE_FIELD. */
export const CASE_PARTS = RECORD_TABLES.filter((table) => CASE_FIELD in RECORD_SCHEMAS[table].shape);
