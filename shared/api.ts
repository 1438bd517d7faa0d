import { z } from 'zod';
import type { PipelineView } from './analytics/pipeline';
import type { ErrorEnvelope } from './errors';
import { CASE_STATUSES, CASE_TEXT_FIELDS, caseSchema } from './model/case';
import { EVENT_TEXT_FIELDS } from './model/stage-event';
import { COUNTRY_FACT_KINDS, type CountryFact } from './model/country-fact';
import type { Direction } from './model/direction';
import { SCHEME_TYPES, type SupportScheme } from './model/support-scheme';
import { OFFER_KINDS, type Offer } from './model/offer';
import type { TrackRecord } from './model/track-record';
import type { Advisor, AdvisorContact } from './model/advisor';
import { ORGANISATION_SIZES, ORGANISATION_TYPES } from './model/organisation';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type Agreement } from './model/agreement';
import { HURDLE_TEXT_FIELDS, hurdleSchema, INDICATOR_TEXT_FIELDS, indicatorPeriodSchema, indicatorSchema, measureSchema, PLAN_TEXT_FIELDS, planSchema } from './model/plan';
import { dossierSchema } from './model/dossier';
import type { RecordTable } from './model/records';
import { counterpartSchema, delegateSchema, VISIT_KINDS, type Visit } from './model/visit';
import type { Question } from './model/question';
import { COLUMN_ROLES } from './excel/column-roles';
import { PACK_DATE_STYLES, PACK_FORMATS, PACK_SECTIONS, type OmittedSection } from './pack/pack-input';
import { PHASES } from './phases';
import { SCOPES } from './scopes';
import type { ConflictView, SyncStatus } from './sync/status';
import type {
  AdvisorView,
  AgreementCandidate,
  CaseDetail,
  CaseMatchView,
  MemberMatchView,
  SectorOverviewView,
  CaseSummary,
  CountrySummary,
  DossierView,
  HistoryEntry,
  ImportProgress,
  ImportReport,
  MemberSummary,
  MemberSelfView,
  MemberView,
  OrganisationSummary,
  PlanComparison,
  PlanFollowUp,
  PlanView,
  ProfileView,
  ProjectDetail,
  ProjectSummary,
  RecordedOutcome,
  SearchResult,
  TableImportProgress,
  SnapshotInfo,
  TablePreview,
} from './views';

// The one contract between the UI and the back end: every method's arguments (a zod schema, checked where the call
// arrives: the Electron main process or the browser-mode HTTP server) and its result type. The renderer calls
// `call(name, args)`; the back end implements one handler per name (electron/services/api-handlers.ts).

/**
 * A method: the schema of its arguments and, as a type only, its result. `refs` names the arguments that are record
 * ids, by their table: an id's first characters will do (as git takes a hash's), and the back end resolves them to
 * the whole id at the door, once, before the handler runs.
 */
interface Method<A extends z.ZodType, R> {
  args: A;
  refs: Readonly<Record<string, RecordTable>>;
  result?: R;
}

function method<R>() {
  return <A extends z.ZodType>(args: A, refs: Readonly<Record<string, RecordTable>> = {}): Method<A, R> => ({ args, refs });
}

const id = z.string().min(4).max(36);
const text = z.string().max(100_000);
const scope = z.enum(SCOPES);

export interface AppInfo {
  version: string;
  /** Where the local store lives. */
  databaseFile: string;
  node: string;
  author: string;
  /** True until the store holds a case: the UI then offers the bundled demo dossiers. */
  empty: boolean;
  /** Whether the store file is encrypted at rest. */
  encrypted: boolean;
  /** The back end's process (in the desktop app, not the window's or the main process's). */
  pid: number;
}

export interface HomeView {
  /** Cases changed most recently, newest first. */
  recent: (CaseSummary & { changedAt: string })[];
  /**
   * Active cases with no event dated in the last `stuckMonths` months (or none at all), the longest quiet first: the
   * first STUCK_LISTED of them; `stuckCount` says how many there are.
   */
  stuck: (CaseSummary & { lastEvent: string | null })[];
  stuckCount: number;
  stuckMonths: number;
}

export interface UndoResult {
  /** What was undone, for the UI to say so; null when there was nothing left to undo. */
  undone: { table: string; rowId: string; fields: string[] } | null;
}

export const caseEditableSchema = caseSchema.pick({
  title: true,
  summary: true,
  sectorLabel: true,
  status: true,
  futurePolicy: true,
  financing: true,
  nextAction: true,
  notes: true,
  scope: true,
  priority: true,
  project: true,
  countries: true,
  companies: true,
  competitors: true,
  sdgGoals: true,
  outcomeFraming: true,
  effectExamples: true,
  nextSteps: true,
  talkingPoints: true,
  translations: true,
});

const iso2 = z.string().regex(/^[A-Za-z]{2}$/);
/** A priority project's number (「20(にいまる)」: 1–20). */
const projectNo = z.number().int().min(1).max(20);

/** A plan's fields as the plan's page edits them. */
const planValuesSchema = planSchema.omit({ id: true, caseId: true, deleted: true }).partial();
/** A number, or text as typed: the back end reads it against the indicator's measure ('1,200', '85%', words). */
const typedValue = z.union([z.number().finite(), z.string().max(10_000)]).nullable();
const indicatorValuesSchema = indicatorSchema.omit({ id: true, caseId: true, deleted: true, baseline: true }).partial().extend({ baseline: typedValue.optional() });
const periodValuesSchema = indicatorPeriodSchema
  .pick({ comment: true, evidence: true, scope: true })
  .partial()
  .extend({ target: typedValue.optional(), revisedTarget: typedValue.optional(), actual: typedValue.optional() });
const hurdleValuesSchema = hurdleSchema.omit({ id: true, caseId: true, deleted: true }).partial();

/** A visit's editable fields; dates as written (2021年5月, 2021-05-10～2021-05-12), parsed by the back end. */
export const visitValuesSchema = z.object({
  title: text.min(1),
  kind: z.enum(VISIT_KINDS),
  country: iso2,
  dates: z.string().max(200),
  delegation: z.array(delegateSchema).max(200),
  counterparts: z.array(counterpartSchema).max(200),
  objectives: text,
  asks: text,
  caseIds: z.array(id).max(500),
  scope,
});

/** 想定問答 as a person edits them: the question, the answer given, who may see it. An empty question is refused by the back end, naming the field. */
const questionValuesSchema = z.object({ question: text, answer: text, scope });
/** The case or the visit 想定問答 are on: exactly one of the two, which the back end checks ('question_parent'). */
const questionParentSchema = z.object({ caseId: id.optional(), visitId: id.optional() });

/** A counterpart profile's (先方要人) editable fields; names and titles are a line, career and notes a text. An empty name is refused by the back end. */
const profileValuesSchema = z.object({
  name: z.string().max(500),
  nameJa: z.string().max(500),
  title: z.string().max(1000),
  organisation: z.string().max(1000),
  career: text,
  notes: text,
  scope,
});

/** A briefing pack (説明資料) to preview or export: what electron/services/pack/build-input.ts takes. */
const tableFilesSchema = z.object({
  files: z
    .array(
      z.object({
        name: z.string().max(500),
        // A workbook is at most 50 MB (workbook.ts): its base64 a third more.
        data: z.base64().max(70_000_000),
        encoding: z.enum(['utf-8', 'shift_jis']).optional(),
      }),
    )
    .min(1)
    .max(50),
  /** Keep a 別表 event whose date reads as none (2019年度末ごろ) with that text as its date. */
  acceptUnreadDates: z.boolean().optional(),
  /** Delete what the flat sheets no longer hold (rows deleted in Excel); the preview lists it either way. */
  deleteMissing: z.boolean().optional(),
  /** What the columns of a sheet whose headings were not recognised hold; kept for files of the same shape. */
  mapping: z
    .object({
      headings: z.array(z.string().max(500)).max(100),
      roles: z.array(z.enum(COLUMN_ROLES).nullable()).max(100),
    })
    .refine((m) => m.roles.includes('sector'), { message: 'say which column holds the sector (分野)', path: ['roles'] })
    .optional(),
});

/** What an export holds: these countries' dossiers (all when none is given), for this audience (all this store holds when none). */
const exportRequestSchema = z.object({
  countries: z.array(iso2).max(300).optional(),
  audience: scope.optional(),
});

export const packRequestSchema = z.object({
  country: iso2.optional(),
  visitId: id.optional(),
  audience: scope,
  lang: z.enum(['ja', 'en']),
  /** ISO 639-1 code of the counterpart's language, whose translations print beside the parts handed over. */
  counterpartLang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  caseIds: z.array(id).max(500).optional(),
  sections: z.array(z.enum(PACK_SECTIONS)).max(PACK_SECTIONS.length).optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** How every date of the pack is written: 西暦 (the default), 和暦 or both. */
  dates: z.enum(PACK_DATE_STYLES).optional(),
  /** Each case on a page of its own; else the cases follow one another. */
  casePerPage: z.boolean().optional(),
  /** What the cover says besides the title; each part left out when empty. */
  cover: z
    .object({
      issuer: z.string().max(200).optional(),
      number: z.string().max(100).optional(),
      distribution: z.string().max(1000).optional(),
      handleWithCare: z.boolean().optional(),
    })
    .optional(),
});

/** 国情 as a person edits a fact: the date it is as of as written (2023年), parsed by the back end; the value is required there. */
const factValuesSchema = z.object({
  kind: z.enum(COUNTRY_FACT_KINDS),
  label: z.string().max(200),
  value: z.string().max(2000),
  source: z.string().max(1000),
  asOf: z.string().max(200),
  scope,
});

/** A 方向性's parts as a person edits them; its sector is a code of the sector vocabulary, checked by the back end. */
const directionValuesSchema = z.object({
  sector: z.string().min(1).max(100),
  situation: text,
  strengths: text,
  pathToWin: text,
  bottlenecks: text,
  measures: text,
  target: text,
  scope,
});
const regionCode = z.string().min(1).max(100);

// The council database's records as a person edits them. Sector, country and region codes are checked by the back
// end against the vocabularies ('unknown_sector', 'unknown_country', 'unknown_region'); an empty name is refused there.
const sectorCodes = z.array(z.string().min(1).max(100)).max(100);
const countryCodes = z.array(iso2).max(300);
/** A sector to list by: its code or a label (郵便, 上水道). */
const sectorQuery = z.string().min(1).max(200);
/** 支援ツール */
const schemeValuesSchema = z.object({
  name: z.string().max(1000),
  owner: z.string().max(1000),
  type: z.enum(SCHEME_TYPES),
  stages: z.array(z.string().max(200)).max(50),
  phases: z.array(z.enum(PHASES)).max(PHASES.length),
  sectorLabels: z.array(z.string().max(200)).max(100),
  sectors: sectorCodes,
  countries: countryCodes,
  regions: z.array(regionCode).max(100),
  countriesText: text,
  budget: text,
  terms: text,
  applicationWindow: text,
  contact: text,
  source: text,
  scope,
});
/** A member's profile on its organisation record. */
const memberValuesSchema = z.object({
  nameJa: z.string().max(500),
  nameEn: z.string().max(500),
  type: z.enum(ORGANISATION_TYPES),
  size: z.enum(ORGANISATION_SIZES),
  location: z.string().max(500),
  description: text,
  councilMember: z.boolean(),
  scope,
});
/** 技術・製品・サービス */
const offerValuesSchema = z.object({ kind: z.enum(OFFER_KINDS), name: z.string().max(1000), description: text, sectors: sectorCodes, scope });
/** 海外展開実績; its date as written (2019年度), its scheme and case by id (a prefix will do). */
const trackRecordValuesSchema = z.object({
  project: z.string().max(2000),
  country: iso2,
  place: z.string().max(500),
  date: z.string().max(200),
  schemeId: id.nullable(),
  category: z.string().max(500),
  sectors: sectorCodes,
  relatedCaseId: id.nullable(),
  scope,
});
/** アドバイザー; registration and removal as written (2022年4月), removal null while registered. */
const advisorValuesSchema = z.object({
  name: z.string().max(500),
  affiliation: z.string().max(1000),
  sectors: sectorCodes,
  countries: countryCodes,
  languages: z.array(z.string().max(100)).max(50),
  experience: text,
  registeredOn: z.string().max(200),
  removedOn: z.string().max(200).nullable(),
  scope,
});
/** How to reach an advisor is never public: it stays within government or the council, or internal. */
const contactValuesSchema = z.object({ contact: z.string().max(2000), scope: z.enum(['internal', 'government', 'council']) });

/** Exactly one of the named fields is given: where a direction is kept, or what a one-pager prints. */
function oneOf(fields: string[]): [(value: Record<string, unknown>) => boolean, { message: string; path: string[] }] {
  return [(value) => fields.filter((f) => value[f] !== undefined).length === 1, { message: `give exactly one of ${fields.join(', ')}`, path: [fields[0]] }];
}

/** 方向性 printed on its own: one direction, or those of a country or a region, for an audience (each page marked so). */
export const directionSheetRequestSchema = z
  .object({
    id: id.optional(),
    country: iso2.optional(),
    region: regionCode.optional(),
    audience: scope,
    lang: z.enum(['ja', 'en']),
    dates: z.enum(PACK_DATE_STYLES).optional(),
    /** The day it stands at; today when left out. */
    asOf: z.iso.date().optional(),
  })
  .refine(...oneOf(['id', 'country', 'region']));

const sectorText = z.string().min(1).max(200);

/** (ア) A sector's page printed for an audience: only what the audience may read. */
export const sectorSheetRequestSchema = z.object({
  sector: sectorText,
  audience: scope,
  lang: z.enum(['ja', 'en']).default('ja'),
  dates: z.enum(PACK_DATE_STYLES).optional(),
  /** The day it stands at; today when left out. */
  asOf: z.iso.date().optional(),
});

/** A pack to export: as packRequestSchema, and as a PDF (the default) or a Word document; a preview is the PDF's either way. */
export const packExportRequestSchema = packRequestSchema.extend({ format: z.enum(PACK_FORMATS).optional() });

/** The follow-up report of the 20 priority projects: for whom, what moved since when, as of which day. */
export const projectReportRequestSchema = z.object({
  audience: scope,
  lang: z.enum(['ja', 'en']),
  since: z.iso.date(),
  asOf: z.iso.date(),
  /** A snapshot of this device the cases are compared against. */
  snapshotId: z.number().int().positive().optional(),
});

export interface PackPreview {
  /** The preview document's address on the app's own origin, for a sandboxed frame; it is served under a policy that runs no script. */
  url: string;
  cases: number;
  /** The sections asked for that the pack leaves out, having nothing to say, with why. */
  omitted: OmittedSection[];
}

/** Where an exported pack or file went: saved where the user chose (desktop app, command line), or ready for the browser to download. */
export type Handover = { outcome: 'saved'; file: string } | { outcome: 'cancelled' } | { outcome: 'download'; url: string; fileName: string };

/** A 年度 as its number (2019 for 2019-04 … 2020-03). */
const fiscalYear = z.number().int().min(1900).max(2200);

/**
 * Pipeline analytics: the day they stand at (today when left out), the cases they cover (by where, what, status, the
 * 年度 they were found in and the organisation owning them: its id or the first characters of it), when a case is
 * stuck.
 */
export const statsRequestSchema = z
  .object({
    asOf: z.iso.date().optional(),
    country: z.string().optional(),
    region: z.string().optional(),
    sector: z.string().optional(),
    status: z.enum(CASE_STATUSES).optional(),
    project: z.number().int().min(1).max(20).optional(),
    discoveredFrom: fiscalYear.optional(),
    discoveredTo: fiscalYear.optional(),
    organisation: id.optional(),
    stuckMonths: z.number().int().min(1).max(240).optional(),
    yearsWithoutOrder: z.number().int().min(1).max(50).optional(),
    /** What the answer lists of the cases (pipeline.ts Listing); the figures count every case the filters keep. */
    limit: z.number().int().min(1).max(100_000).optional(),
    cell: z.object({ sector: z.string().max(200), region: z.string().max(200) }).optional(),
  })
  .refine((r) => r.discoveredFrom === undefined || r.discoveredTo === undefined || r.discoveredFrom <= r.discoveredTo, {
    message: 'the first 年度 must not come after the last',
    path: ['discoveredTo'],
  });
export type StatsRequest = z.infer<typeof statsRequestSchema>;

export const API = {
  'app.info': method<AppInfo>()(z.object({})),
  /** Imports the bundled real dossiers (2020 action plan) into the local store. */
  'demo.import': method<ImportReport>()(z.object({})),
  'home.get': method<HomeView>()(z.object({ stuckMonths: z.number().int().min(1).max(120).default(12) })),
  /** Countries with cases, counted; only the cases of one sector (its code or a label) when it is given. */
  'countries.list': method<CountrySummary[]>()(z.object({ sector: z.string().max(200).optional() })),
  /** The organisations the store holds (cases name their owner by its id), by their Japanese name. */
  'organisations.list': method<OrganisationSummary[]>()(z.object({})),
  'dossier.get': method<DossierView>()(z.object({ country: z.string().regex(/^[A-Za-z]{2}$/) })),
  'dossier.set': method<DossierView>()(
    z.object({
      country: z.string().regex(/^[A-Za-z]{2}$/),
      values: dossierSchema.pick({ overview: true, relations: true, policy: true, supportHistory: true, scope: true }).partial(),
    }),
  ),
  'cases.list': method<CaseSummary[]>()(
    z.object({
      country: z.string().optional(),
      region: z.string().optional(),
      sector: z.string().optional(),
      phase: z.enum([...PHASES, 'none']).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      project: projectNo.optional(),
      regionLevel: z.boolean().optional(),
    }),
  ),
  'projects.list': method<ProjectSummary[]>()(z.object({})),
  /** Freezes every case's phase and stuck flag at a day (e.g. the end of a 年度) for later reports to compare against. */
  'snapshot.take': method<SnapshotInfo>()(z.object({ asOf: z.iso.date(), label: z.string().trim().min(1).max(200) })),
  'snapshots.list': method<SnapshotInfo[]>()(z.object({})),
  'project.get': method<ProjectDetail>()(z.object({ no: projectNo })),
  'case.get': method<CaseDetail>()(z.object({ id }), { id: 'cases' }),
  'stats.get': method<PipelineView>()(statsRequestSchema, { organisation: 'organisations' }),
  'case.create': method<{ id: string }>()(z.object({ title: text.min(1), countries: z.array(z.string().regex(/^[A-Z]{2}$/)), sectorLabel: text, scope: scope.optional() })),
  'case.update': method<CaseDetail>()(z.object({ id, values: caseEditableSchema.partial() }), { id: 'cases' }),
  /** One field from text as a person types it (the command line, a table cell): 'VN, LA', 2021年4月, true. */
  'case.setText': method<CaseDetail>()(z.object({ id, field: z.enum(CASE_TEXT_FIELDS), text: z.string().max(300_000) }), { id: 'cases' }),
  'event.add': method<{ id: string }>()(z.object({ caseId: id, phase: z.enum(PHASES), date: z.string().max(200), text: text.min(1), scope: scope.optional() }), {
    caseId: 'cases',
  }),
  'event.update': method<CaseDetail>()(
    z.object({
      id,
      values: z.object({ phase: z.enum(PHASES), date: z.string().max(200), text: text.min(1), scope, organisation: text, signatoryLevel: text }).partial(),
    }),
    { id: 'events' },
  ),
  'event.delete': method<CaseDetail>()(z.object({ id }), { id: 'events' }),
  'event.setText': method<CaseDetail>()(z.object({ id, field: z.enum(EVENT_TEXT_FIELDS), text: z.string().max(300_000) }), { id: 'events' }),
  /** A case's deployment plan (展開実施プラン), with its indicators, hurdles and revisions. */
  'plan.get': method<PlanView>()(z.object({ caseId: id }), { caseId: 'cases' }),
  /** Writes the plan's fields, starting the plan if the case has none. */
  'plan.update': method<PlanView>()(z.object({ caseId: id, values: planValuesSchema }), { caseId: 'cases' }),
  'plan.setText': method<PlanView>()(z.object({ caseId: id, field: z.enum(PLAN_TEXT_FIELDS), text: z.string().max(300_000) }), { caseId: 'cases' }),
  'plan.saveRevision': method<{ id: string }>()(z.object({ caseId: id, label: z.string().trim().max(500) }), { caseId: 'cases' }),
  /** Two revisions side by side; 'current' is the plan as it stands. */
  'plan.compare': method<PlanComparison>()(z.object({ caseId: id, from: z.string().min(4).max(36), to: z.string().min(4).max(36) }), { caseId: 'cases' }),
  /** Plans whose follow-up date has passed, of cases not dropped (a won case's effects are followed up too). */
  'plans.overdue': method<PlanFollowUp[]>()(z.object({})),
  'indicator.add': method<{ id: string }>()(z.object({ caseId: id, values: indicatorValuesSchema.required({ statement: true }) }), { caseId: 'cases' }),
  'indicator.update': method<PlanView>()(z.object({ id, values: indicatorValuesSchema }), { id: 'indicators' }),
  'indicator.setText': method<PlanView>()(z.object({ id, field: z.enum(INDICATOR_TEXT_FIELDS), text: z.string().max(300_000) }), { id: 'indicators' }),
  'indicator.delete': method<PlanView>()(z.object({ id }), { id: 'indicators' }),
  /** An indicator's values for one period (2024年度, or 2024 for the same), created the first time. */
  'period.set': method<PlanView>()(z.object({ indicatorId: id, period: z.string().min(1).max(100), values: periodValuesSchema }), { indicatorId: 'indicators' }),
  'period.delete': method<PlanView>()(z.object({ id }), { id: 'indicator_periods' }),
  'hurdle.add': method<{ id: string }>()(z.object({ caseId: id, values: hurdleValuesSchema.required({ description: true }) }), { caseId: 'cases' }),
  'hurdle.update': method<PlanView>()(z.object({ id, values: hurdleValuesSchema }), { id: 'hurdles' }),
  'hurdle.setText': method<PlanView>()(z.object({ id, field: z.enum(HURDLE_TEXT_FIELDS), text: z.string().max(300_000) }), { id: 'hurdles' }),
  'hurdle.addMeasure': method<PlanView>()(z.object({ id, measure: measureSchema }), { id: 'hurdles' }),
  'hurdle.delete': method<PlanView>()(z.object({ id }), { id: 'hurdles' }),
  'revision.delete': method<PlanView>()(z.object({ id }), { id: 'plan_revisions' }),
  'visits.list': method<Visit[]>()(z.object({ country: iso2.optional() })),
  'visit.get': method<Visit>()(z.object({ id }), { id: 'visits' }),
  'visit.create': method<{ id: string }>()(
    visitValuesSchema.pick({ title: true, kind: true, country: true, dates: true, scope: true }).partial({ kind: true, dates: true, scope: true }),
  ),
  'visit.update': method<Visit>()(z.object({ id, values: visitValuesSchema.partial() }), { id: 'visits' }),
  'visit.delete': method<{ id: string }>()(z.object({ id }), { id: 'visits' }),
  /** What came of a visit, as events on its linked cases: all recorded in one step, or none. */
  'visit.outcomes': method<{ ids: string[] }>()(
    z.object({
      id,
      outcomes: z
        .array(z.object({ caseId: id, phase: z.enum(PHASES), date: z.string().max(200), text: text.min(1) }))
        .min(1)
        .max(500),
    }),
    { id: 'visits' },
  ),
  /** The events recorded as the visit's outcomes, of cases not deleted, by date. */
  'visit.recordedOutcomes': method<RecordedOutcome[]>()(z.object({ id }), { id: 'visits' }),
  /** Countries with a dossier, a case or a visit (ISO codes): what a choice of a visit's country lists first. */
  'visits.countries': method<string[]>()(z.object({})),
  /** A case's or a visit's 想定問答, in their order. */
  'questions.list': method<Question[]>()(questionParentSchema, { caseId: 'cases', visitId: 'visits' }),
  /** A new 想定問答, last of its case's or visit's; its scope is theirs unless given. */
  'question.add': method<{ id: string }>()(questionParentSchema.extend(questionValuesSchema.partial({ answer: true, scope: true }).shape), {
    caseId: 'cases',
    visitId: 'visits',
  }),
  /** These answer the questions of the same case or visit as they stand after the edit. */
  'question.update': method<Question[]>()(z.object({ id, values: questionValuesSchema.partial() }), { id: 'questions' }),
  'question.delete': method<Question[]>()(z.object({ id }), { id: 'questions' }),
  /** Moves a question to place `to` (0 first) among its case's or visit's. */
  'question.move': method<Question[]>()(z.object({ id, to: z.number().int().min(0).max(10_000) }), { id: 'questions' }),
  /** A country's counterpart profiles (先方要人) by name, each with the previous meetings found in its visits and events. */
  'profiles.list': method<ProfileView[]>()(z.object({ country: iso2 })),
  'profile.get': method<ProfileView>()(z.object({ id }), { id: 'profiles' }),
  /** A new profile, linked at once to the visits (of its country) where the person was met. */
  'profile.create': method<{ id: string }>()(
    z.object({
      country: iso2,
      values: profileValuesSchema.partial().required({ name: true }),
      visitIds: z.array(id).max(500).optional(),
    }),
  ),
  'profile.update': method<ProfileView>()(z.object({ id, values: profileValuesSchema.partial() }), { id: 'profiles' }),
  'profile.delete': method<{ id: string }>()(z.object({ id }), { id: 'profiles' }),
  /** Records that the person was met on the visit (one to the profile's country); linking twice changes nothing. */
  'profile.linkVisit': method<ProfileView>()(z.object({ id, visitId: id }), { id: 'profiles', visitId: 'visits' }),
  'profile.unlinkVisit': method<ProfileView>()(z.object({ id, visitId: id }), { id: 'profiles', visitId: 'visits' }),
  /** The events of a country's cases whose text says they record an agreement (署名, 覚書 …), with what would be registered, by date. */
  'agreements.suggest': method<AgreementCandidate[]>()(z.object({ country: iso2 })),
  /**
   * Registers the agreements events record (「協定として登録」), all in one write, undoable as one step; what is left out
   * comes from the event and its suggestion. An event registered already keeps its agreement: `created` counts the new ones.
   */
  'agreements.mark': method<{ ids: string[]; created: number }>()(
    z.object({
      marks: z
        .array(
          z.object({
            eventId: id,
            kind: z.enum(AGREEMENT_KINDS).optional(),
            parties: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
            signatoryLevel: z.string().trim().max(500).optional(),
            title: text.optional(),
            status: z.enum(AGREEMENT_STATUSES).optional(),
          }),
        )
        .min(1)
        .max(500),
    }),
  ),
  /** The agreements registered of a case's events, for its timeline. */
  'case.agreements': method<Agreement[]>()(z.object({ caseId: id }), { caseId: 'cases' }),
  /** 国情: a country's facts, in the order a pack prints them. */
  'facts.list': method<CountryFact[]>()(z.object({ country: iso2 })),
  'fact.add': method<{ id: string }>()(z.object({ country: iso2, values: factValuesSchema.partial().required({ kind: true, value: true }) })),
  'fact.update': method<CountryFact>()(z.object({ id, values: factValuesSchema.partial() }), { id: 'country_facts' }),
  'fact.delete': method<{ id: string }>()(z.object({ id }), { id: 'country_facts' }),
  /** A country's directions (its own, then its regions'), or a region's. */
  'directions.list': method<Direction[]>()(z.object({ country: iso2.optional(), region: regionCode.optional() }).refine(...oneOf(['country', 'region']))),
  /** A new direction for a sector of a country or a region: one per sector there ('direction_exists'). */
  'direction.create': method<{ id: string }>()(
    z
      .object({
        country: iso2.optional(),
        region: regionCode.optional(),
        sector: directionValuesSchema.shape.sector,
        values: directionValuesSchema.omit({ sector: true }).partial().optional(),
      })
      .refine(...oneOf(['country', 'region'])),
  ),
  'direction.update': method<Direction>()(z.object({ id, values: directionValuesSchema.partial() }), { id: 'directions' }),
  'direction.delete': method<{ id: string }>()(z.object({ id }), { id: 'directions' }),
  /** The one-pager as it will print, for the app to show in a frame, as a pack's preview. */
  'direction.preview': method<{ url: string }>()(directionSheetRequestSchema, { id: 'directions' }),
  /** The one-pager as an A4 PDF, handed over as a pack. */
  'direction.export': method<Handover>()(directionSheetRequestSchema, { id: 'directions' }),
  /** (ウ) What fits a case: the schemes, members and advisors, each best first with why, and what does not fit, with why not. */
  'match.case': method<CaseMatchView>()(z.object({ caseId: id }), { caseId: 'cases' }),
  /** The open cases that fit what a member offers and where it worked, and the schemes it can use. */
  'match.member': method<MemberMatchView>()(z.object({ organisationId: id }), { organisationId: 'organisations' }),
  /** (ア) A sector (its code or a label): its cases by phase across countries, its schemes, members and advisors. */
  'sector.overview': method<SectorOverviewView>()(z.object({ sector: sectorText })),
  /** The sector's page as it will print for an audience, previewed as a pack is. */
  'sector.preview': method<{ url: string }>()(sectorSheetRequestSchema),
  /** The sector's page as an A4 PDF marked with its audience, handed over as a pack. */
  'sector.export': method<Handover>()(sectorSheetRequestSchema),
  /** 支援ツール that may serve a sector, a phase and a country, by owner; one naming no sectors (or no countries) serves every one. */
  'schemes.list': method<SupportScheme[]>()(z.object({ sector: sectorQuery.optional(), phase: z.enum(PHASES).optional(), country: iso2.optional() })),
  'scheme.get': method<SupportScheme>()(z.object({ id }), { id: 'schemes' }),
  'scheme.create': method<{ id: string }>()(z.object({ values: schemeValuesSchema.partial().required({ name: true }) })),
  'scheme.update': method<SupportScheme>()(z.object({ id, values: schemeValuesSchema.partial() }), { id: 'schemes' }),
  /** The track records that name it keep their category as written and lose the link, in the same undoable step. */
  'scheme.delete': method<{ id: string }>()(z.object({ id }), { id: 'schemes' }),
  /** The council's members, by name; a sector (code or label) through their offers and projects abroad, a country through their projects. */
  'members.list': method<MemberSummary[]>()(z.object({ sector: sectorQuery.optional(), country: iso2.optional() })),
  /** As whom this device edits members: a company signed in changes only its own profile, offers and track records. */
  'members.self': method<MemberSelfView>()(z.object({})),
  /** The signed-in company's profile, when it has none: named as its organisation, a company, a member of the council. */
  'member.createOwn': method<{ id: string }>()(z.object({})),
  'member.get': method<MemberView>()(z.object({ id }), { id: 'organisations' }),
  'member.update': method<MemberView>()(z.object({ id, values: memberValuesSchema.partial() }), { id: 'organisations' }),
  'offer.add': method<{ id: string }>()(z.object({ organisationId: id, values: offerValuesSchema.partial().required({ name: true }) }), { organisationId: 'organisations' }),
  'offer.update': method<Offer>()(z.object({ id, values: offerValuesSchema.partial() }), { id: 'offers' }),
  'offer.delete': method<{ id: string }>()(z.object({ id }), { id: 'offers' }),
  /** A project abroad; its sectors, when not given, read from the project's text. */
  'trackRecord.add': method<{ id: string }>()(z.object({ organisationId: id, values: trackRecordValuesSchema.partial().required({ project: true, country: true }) }), {
    organisationId: 'organisations',
  }),
  'trackRecord.update': method<TrackRecord>()(z.object({ id, values: trackRecordValuesSchema.partial() }), { id: 'track_records' }),
  'trackRecord.delete': method<{ id: string }>()(z.object({ id }), { id: 'track_records' }),
  /** Advisors who know a sector (code or label) and a country, registered ones first. */
  'advisors.list': method<Advisor[]>()(z.object({ sector: sectorQuery.optional(), country: iso2.optional() })),
  'advisor.get': method<AdvisorView>()(z.object({ id }), { id: 'advisors' }),
  'advisor.create': method<{ id: string }>()(z.object({ values: advisorValuesSchema.partial().required({ name: true }) })),
  'advisor.update': method<AdvisorView>()(z.object({ id, values: advisorValuesSchema.partial() }), { id: 'advisors' }),
  /** Its contacts go with it, in the same undoable step. */
  'advisor.delete': method<{ id: string }>()(z.object({ id }), { id: 'advisors' }),
  'advisorContact.add': method<{ id: string }>()(z.object({ advisorId: id, values: contactValuesSchema.partial().required({ contact: true }) }), { advisorId: 'advisors' }),
  'advisorContact.update': method<AdvisorContact>()(z.object({ id, values: contactValuesSchema.partial() }), { id: 'advisor_contacts' }),
  'advisorContact.delete': method<{ id: string }>()(z.object({ id }), { id: 'advisor_contacts' }),
  search: method<SearchResult>()(z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).default(100) })),
  'history.case': method<HistoryEntry[]>()(z.object({ id }), { id: 'cases' }),
  /** Reverts the last edit made through this app session (Ctrl+Z); the revert is itself logged. */
  undo: method<UndoResult>()(z.object({})),
  /**
   * Imports karte JSON files the user picked, all or nothing; progress arrives as 'import.progress' events. Their
   * bytes in base64: the back end reads the encoding (UTF-8, or tells a Shift_JIS file by name).
   */
  'import.files': method<ImportReport>()(
    z.object({
      files: z
        .array(z.object({ name: z.string().max(500), data: z.base64().max(70_000_000) }))
        .min(1)
        .max(500),
    }),
  ),
  /**
   * What importing tables (.xlsx; .csv in UTF-8 or Shift_JIS, detected unless `encoding` is given) in Karte's flat
   * layout would add and change, and their problems by sheet, row and column; writes nothing.
   */
  'import.tablesPreview': method<TablePreview>()(tableFilesSchema),
  /** Imports the tables as the preview says, all or nothing, undoable as one step; progress arrives as 'import.tableProgress' events. */
  'import.tables': method<TablePreview>()(tableFilesSchema),
  /** The dossiers of the countries given (every country with cases when none is) as an .xlsx: 別表 sheets, then the flat ones. */
  'export.xlsx': method<Handover>()(exportRequestSchema),
  /** A table as a screen shows it (the first row its headings) as an .xlsx: the analytics' figures, for a report. */
  'export.table': method<Handover>()(
    z.object({
      name: z.string().min(1).max(100),
      rows: z
        .array(z.array(z.string().max(10_000)).max(100))
        .min(1)
        .max(25_000),
    }),
  ),
  /** One flat sheet (cases or events) as CSV in UTF-8 with a byte order mark. */
  'export.csv': method<Handover>()(exportRequestSchema.extend({ what: z.enum(['cases', 'events']) })),
  'sync.status': method<SyncStatus>()(z.object({})),
  /** Syncs now (or waits for the sync under way); a failure is reported in the status, not thrown. */
  'sync.now': method<SyncStatus>()(z.object({})),
  /** At the server; while it cannot be reached, against the password verifier kept on this device. */
  'sync.signIn': method<SyncStatus>()(
    z.object({
      server: z
        .string()
        .url()
        .max(2000)
        .refine((u) => /^https?:/.test(u), 'an http or https URL'),
      login: z.string().min(1).max(200),
      password: z.string().min(1).max(1000),
    }),
  ),
  /** Stops syncing; the token and password verifier stay for an offline sign-in of the same account. */
  'sync.signOut': method<SyncStatus>()(z.object({})),
  /** What the operating system (Electron) or the browser (navigator.onLine) says about the network. */
  'sync.networkChanged': method<SyncStatus>()(z.object({ online: z.boolean() })),
  'conflicts.list': method<ConflictView[]>()(z.object({})),
  /** Keeps one side or a merged text, as an ordinary (synced) write. */
  'conflict.resolve': method<SyncStatus>()(
    z.discriminatedUnion('resolution', [
      z.object({ id: z.number().int().positive(), resolution: z.enum(['mine', 'theirs']) }),
      z.object({ id: z.number().int().positive(), resolution: z.literal('merged'), merged: text }),
    ]),
  ),
  /** The pack as it will print, filtered to its audience, for the app to show in a frame. */
  'pack.preview': method<PackPreview>()(packRequestSchema),
  /**
   * The pack as an A4 PDF, or as a Word document (.docx) with the same sections: the desktop app asks where to save
   * it; browser mode hands back a one-time download.
   */
  'pack.export': method<Handover>()(packExportRequestSchema),
  /** The follow-up report of the 20 priority projects, previewed as the packs are. */
  'projectReport.preview': method<{ url: string }>()(projectReportRequestSchema),
  'projectReport.export': method<Handover>()(projectReportRequestSchema),
  /**
   * Starts the back end again after its process stopped ('backEnd.stopped'): the desktop app's main process answers
   * it. A back end that answers it itself is running already.
   */
  'backEnd.restart': method<Record<string, never>>()(z.object({})),
} as const;

export type ApiName = keyof typeof API;
export type ApiArgs<K extends ApiName> = z.input<(typeof API)[K]['args']>;
export type ApiParsedArgs<K extends ApiName> = z.output<(typeof API)[K]['args']>;
export type ApiResult<K extends ApiName> = NonNullable<(typeof API)[K]['result']>;

/** What the back end tells the UI without being asked. */
export interface ApiEvents {
  'import.progress': ImportProgress;
  'import.tableProgress': TableImportProgress;
  /** Records changed (an edit, an import, an undo): screens showing them reload. */
  'store.changed': { tables: string[] };
  /** How this device stands with the sync server, after every step of the background sync. */
  'sync.status': SyncStatus;
  /** The back end's process ended without being asked to (the desktop app): nothing half written, restart it. */
  'backEnd.stopped': { code: number | null };
}
export type ApiEventName = keyof ApiEvents;

export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(API, name);
}

/** A failed call as it crosses the boundary: its code and details, for the screen to word (shared/errors.ts). */
export type ApiError = ErrorEnvelope;

/** What a call answers across a boundary (IPC, HTTP, a MessagePort): its result, or why it failed, as data. */
export type ApiOutcome = { result: unknown } | { error: ApiError };
