// What the screens and the command line read: the views the back end returns. Pure types, shared by every process.
import type { ImportProblem } from './errors';
import type { KarteDate } from './dates';
import type { SignatoryLevel } from './agreement-suggestion';
import type { Agreement } from './model/agreement';
import type { Case, CaseStatus } from './model/case';
import type { Dossier } from './model/dossier';
import type { Organisation } from './model/organisation';
import type { Offer } from './model/offer';
import type { TrackRecord } from './model/track-record';
import type { Advisor, AdvisorContact } from './model/advisor';
import type { Profile } from './model/profile';
import type { ProfileMeeting } from './pack/pack-input';
import type { StageEvent } from './model/stage-event';
import type { RecordTable } from './model/records';
import type { Phase } from './phases';
import type { PriorityProject } from './reference/priority-projects';
import type { StuckCase } from './analytics/pipeline';
import type { Hurdle, Indicator, IndicatorPeriod, Plan, PlanRevision } from './model/plan';
import type { IndicatorReading, IndicatorStatus } from './plan/indicator-status';
import type { PlanDifference } from './plan/revision-diff';
import type { KpiProgress } from './plan/kpi-progress';
import type { CaseMatch, CaseNeed, MemberMatch, SectorOverview } from './council/matching';
import type { SignedInOrganisation } from './sync/answers';

export interface CaseSummary {
  id: string;
  title: string;
  countries: string[];
  region: string;
  sector: string;
  sectorLabel: string;
  summary: string;
  status: CaseStatus;
  scope: Case['scope'];
  currentPhase: Phase | null;
  eventCount: number;
  /** A priority case (にいまる). */
  priority: boolean;
  /** The priority project it belongs to (1–20), or null. */
  project: number | null;
}

export interface CaseFilter {
  country?: string;
  region?: string;
  sector?: string;
  phase?: string;
  status?: string;
  /** Only cases linked to this priority project (1–20). */
  project?: number;
  /** Only cases of a region as a whole, tied to no country yet (地域案件), or (false) only those tied to one. */
  regionLevel?: boolean;
}

export interface CaseDetail {
  case: Case;
  currentPhase: Phase | null;
  /** In timeline order: phase by phase, then by date. */
  events: StageEvent[];
}

export interface CountrySummary {
  iso2: string;
  ja: string;
  en: string;
  cases: number;
  /** Cases still being pursued (status 'active', 進行中): what the world map colours by. */
  active: number;
  /** Cases by their current phase; 'none' for cases with no event yet. */
  byPhase: Record<Phase | 'none', number>;
}

/** An organisation as a filter lists it. */
export interface OrganisationSummary {
  id: string;
  nameJa: string;
  nameEn: string;
  type: Organisation['type'];
}

/** A council member (協議会会員) in a list: the sectors of its offers and projects abroad, the countries of its projects. */
export interface MemberSummary extends OrganisationSummary {
  size: Organisation['size'];
  location: string;
  sectors: string[];
  countries: string[];
  offers: number;
  trackRecords: number;
  /** The signed-in company's own profile (自社); never when no company is signed in. */
  own: boolean;
}

/**
 * What this device may change of a member, as the server will let it at sync: a company only what its organisation
 * created, anybody else all of it (shared/council/member-rights.ts).
 */
export interface MemberRights {
  /** The signed-in company's own profile (自社); never when no company is signed in. */
  own: boolean;
  /** Whether its profile may be changed, and offers and track records added to it. */
  profile: boolean;
  /** Its offers and track records that may be changed, by id. */
  records: string[];
}

/** A member's profile with what it offers (技術・製品・サービス) and its projects abroad (海外展開実績). */
export interface MemberView {
  organisation: Organisation;
  offers: Offer[];
  trackRecords: TrackRecord[];
  rights: MemberRights;
}

/** 'members.self': as whom this device edits the council's members. */
export interface MemberSelfView {
  /** The organisation signed in as; null with no account, or one signed in before servers said as whom. */
  organisation: SignedInOrganisation | null;
  /** Whether it changes only the member records it created (a company): the members' screens then mark its own. */
  onlyOwn: boolean;
  /** Its own profile (the first by name of those it created) when onlyOwn; null when it has none yet. */
  profileId: string | null;
}

/** An advisor (アドバイザー) with the contacts its reader may see. */
export interface AdvisorView {
  advisor: Advisor;
  contacts: AdvisorContact[];
}

export interface DossierCase {
  case: Case;
  currentPhase: Phase | null;
  events: StageEvent[];
}

export interface DossierView {
  /** The stored dossier, or null while nobody has written its narrative yet. */
  dossier: Dossier | null;
  country: string;
  title: string;
  cases: DossierCase[];
  /** Agreements (MoUs …) naming the country, oldest first; one agreement is re-listed in each of its countries. */
  agreements: Agreement[];
}

export interface NewEvent {
  phase: string;
  /** The date as a person writes it: 2020年1月, 2019年度, 2021-04-15, '' for unknown. */
  date: string;
  text: string;
  /** Defaults to the case's own scope. */
  scope?: string;
  organisation?: string;
  signatoryLevel?: string;
  source?: string;
}

/** What was recorded of a visit: an event it wrote on one of its cases. */
export type RecordedOutcome = StageEvent & { caseTitle: string };

/** A counterpart profile (先方要人) with the person's previous meetings with Japan (shared/profile-meetings.ts), by date. */
export interface ProfileView {
  profile: Profile;
  meetings: ProfileMeeting[];
}

/**
 * A timeline event whose text says it records an agreement (署名, 覚書, 共同声明, 合意 …), with the agreement the app
 * would register of it: what `agreements.mark` writes unless the person says otherwise.
 */
export interface AgreementCandidate {
  eventId: string;
  caseId: string;
  caseTitle: string;
  phase: Phase;
  date: KarteDate;
  text: string;
  kind: Agreement['kind'];
  /** Each side's level, as codes (SIGNATORY_LEVEL_LABELS), in the order the text names them. */
  levels: SignatoryLevel[];
  /** As the register writes it (大臣間, 局長・副大臣間): the event's own 署名・会談レベル when it has one. */
  signatoryLevel: string;
  parties: string[];
  status: Agreement['status'];
  /** The agreement registered of the event already; null while it is only suggested. */
  agreementId: string | null;
}

export interface HistoryEntry {
  hlc: string;
  /** When the change was made (the clock's wall time), ISO 8601. */
  at: string;
  /** As the change log holds it: a login. */
  author: string;
  /** Whom to show: for this device's own login, the name of its sync account or the OS user's full name. */
  authorName: string;
  /** Written by undoing an edit (Ctrl+Z) on this device. */
  undo: boolean;
  node: string;
  table: RecordTable;
  rowId: string;
  field: string;
  /** True for the changes that created the record. */
  created: boolean;
  /** The value before; for a record's creation, the default the field started from. */
  old: unknown;
  value: unknown;
}

/**
 * 'plan': a deployment plan, one of its indicators or one of its hurdles. The council database's: a support scheme,
 * a member (an organisation of the council), an offer, a track record abroad, an advisor.
 */
export type HitKind = 'case' | 'event' | 'dossier' | 'agreement' | 'visit' | 'plan' | 'scheme' | 'member' | 'offer' | 'trackRecord' | 'advisor';

export interface SearchHit {
  kind: HitKind;
  id: string;
  /** The case the hit belongs to (itself for a case), so results group by country and case. */
  caseId: string | null;
  caseTitle: string | null;
  countries: string[];
  /** The record's main text and an excerpt around the match. */
  text: string;
  excerpt: string;
  phase: Phase | null;
  date: KarteDate | null;
  /** The council member an offer or track record belongs to, whose page the hit opens; null for other hits. */
  member: { id: string; nameJa: string; nameEn: string } | null;
}

export interface SearchResult {
  query: string;
  /** How many records match, counted up to COUNT_CAP; `hits` holds the `limit` most recently written of them. */
  total: number;
  /** True when there are more than COUNT_CAP matches, so `total` is a lower bound. */
  totalCapped: boolean;
  hits: SearchHit[];
}

export interface ImportProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  caseIndex: number;
  caseCount: number;
}

/** How far an import of tables has come: the files read, the rows compared with the store, the records written. */
export interface TableImportProgress {
  stage: 'reading' | 'comparing' | 'writing';
  done: number;
  total: number;
}

export interface ImportReport {
  files: number;
  casesAdded: number;
  casesKept: number;
  eventsAdded: number;
  eventsKept: number;
  dossiersAdded: number;
  /** The council's files (support-schemes.json, track-records.json): 支援ツール, 海外展開実績 and the members they name. */
  schemesAdded: number;
  schemesKept: number;
  trackRecordsAdded: number;
  trackRecordsKept: number;
  membersAdded: number;
}

/** A record a table import would add, or one field of one it would change (old → new, as text). */
export interface TableRecordPreview {
  table: 'cases' | 'events';
  id: string;
  /** The case's title; for an event, its date and text. */
  label: string;
}
export interface TableFieldPreview extends TableRecordPreview {
  field: string;
  before: string;
  after: string;
}

/** What importing tables (.xlsx, .csv) would do, before anything is written; nothing is when there are problems. */
export interface TablePreview {
  files: number;
  /** The sheets read: Karte's flat sheets (cases, events) or 別表 sheets (dossier), with their data rows. */
  sheets: { file: string; sheet: string; kind: 'cases' | 'events' | 'dossier'; rows: number }[];
  added: { cases: number; events: number };
  changed: { cases: number; events: number };
  unchanged: { cases: number; events: number };
  /** Records the file would hold but does not (rows deleted in Excel): deleted only when the user ticks it. */
  missing: { cases: number; events: number };
  /** The first records added, fields changed and records missing (a large file has more than a screen lists). */
  additions: TableRecordPreview[];
  fieldChanges: TableFieldPreview[];
  removals: TableRecordPreview[];
  problems: ImportProblem[];
  /** Sheets whose headings Karte does not recognise: their first rows, for a person to say what each column holds. */
  unrecognised: UnrecognisedSheet[];
  /**
   * The council's sheets read (support schemes, track records: their JSON files' shapes as tables), what importing
   * them would add, and how many of their records the store holds already (left as they are, as from JSON).
   */
  council: {
    sheets: { file: string; sheet: string; kind: 'schemes' | 'trackRecords'; rows: number }[];
    added: { schemes: number; trackRecords: number; members: number };
    unchanged: { schemes: number; trackRecords: number };
  };
}

/** A sheet whose headings are not recognised, as the preview shows it: its first non-empty rows (numbered as in Excel). */
export interface UnrecognisedSheet {
  file: string;
  sheet: string;
  rows: { row: number; cells: string[] }[];
}

/** A priority project (「20(にいまる)」) with the cases linked to it and the ones that may belong to it. */
export interface ProjectSummary extends PriorityProject {
  cases: CaseSummary[];
  /** Unlinked cases whose sector and countries match the project's: suggestions a person confirms. */
  suggested: CaseSummary[];
}

/** A linked case's deployment plan as a project's page lists it: how it stands and each indicator's latest reading. */
export interface ProjectPlan {
  caseId: string;
  caseTitle: string;
  /** The worst of its indicators' statuses. */
  status: IndicatorStatus;
  followUpDate: KarteDate | null;
  followUpOverdue: boolean;
  /** Outputs, then outcomes, then impacts, each read as of this month. */
  indicators: Pick<IndicatorView, 'id' | 'level' | 'statement' | 'unit' | 'measure' | 'reading'>[];
}

/** A project's page: its cases by phase, what moved lately, what is stuck, how its cases' plans stand. */
export interface ProjectDetail extends ProjectSummary {
  /** Events of its cases dated in the last 12 months, newest first. */
  recentEvents: (StageEvent & { caseTitle: string })[];
  /** Its active cases without a dated event for more than 12 months (停滞). */
  stuck: StuckCase[];
  /** Its active cases found more than 3 years ago without an order (長期未受注). */
  longWithoutOrder: StuckCase[];
  /** Its linked cases that have a deployment plan (展開実施プラン), in the order of its cases. */
  plans: ProjectPlan[];
  /** Its numeric targets (数値目標), each with what the indicators that count toward it achieved so far. */
  kpiProgress: KpiProgress[];
}

/** A frozen snapshot of the pipeline (e.g. the end of a 年度) that later follow-up reports compare against. */
export interface SnapshotInfo {
  id: number;
  /** 'YYYY-MM-DD': the day the cases' phases and stuck flags stand at. */
  asOf: string;
  label: string;
  /** When it was taken (ISO), and by whom. */
  takenAt: string;
  author: string;
  cases: number;
}

/** An indicator of a plan with its periods (in period order) and how it stands today. */
export interface IndicatorView extends Indicator {
  periods: IndicatorPeriod[];
  reading: IndicatorReading;
}

/** A saved revision as lists show it; its content is read when two are compared. */
export type RevisionInfo = Pick<PlanRevision, 'id' | 'label' | 'savedAt' | 'savedBy' | 'scope'>;

/** A case's deployment plan (展開実施プラン) as its page and `karte plan` show it. */
export interface PlanView {
  caseId: string;
  caseTitle: string;
  /** The priority project its case belongs to (1–20): its indicators may count toward the project's targets. */
  project: number | null;
  /** The plan's own fields; null while nobody has written any. */
  plan: Plan | null;
  /** Live indicators: outputs, then outcomes, then impacts. */
  indicators: IndicatorView[];
  /** Live hurdles, open ones first, oldest first. */
  hurdles: Hurdle[];
  /** Newest first. */
  revisions: RevisionInfo[];
  /** The worst of its indicators' statuses. */
  status: IndicatorStatus;
  /** Whether its follow-up date has passed. */
  followUpOverdue: boolean;
  /** What the plan asks for and lacks: indicators or hurdles left empty with no reason given. */
  missingReasons: ('indicators' | 'hurdles')[];
}

/** Two states of a plan side by side: a saved revision, or the plan as it stands ('current'). */
export interface PlanComparison {
  from: RevisionInfo | 'current';
  to: RevisionInfo | 'current';
  differences: PlanDifference[];
}

/** A plan whose follow-up is due (フォローアップ期限), for the lists of what is overdue. */
export interface PlanFollowUp {
  caseId: string;
  caseTitle: string;
  countries: string[];
  followUpDate: KarteDate;
  status: IndicatorStatus;
}

/** 'match.case' (ウ): the case as matched (its phase the furthest its events reached), what fits it and what does not. */
export interface CaseMatchView extends CaseMatch {
  case: CaseNeed;
}

/** 'match.member': the cases that fit what a member offers, and the schemes it can use. */
export interface MemberMatchView extends MemberMatch {
  organisation: { id: string; nameJa: string; nameEn: string };
}

/** 'sector.overview' (ア): a sector's cases by phase, its schemes, members and advisors. */
export type SectorOverviewView = SectorOverview;
