import { compareDates, type KarteDate } from '../dates';
import type { MatchEntry } from '../council/matching';
import type { Agreement } from '../model/agreement';
import { caseText, type Case, type TranslatableCaseField } from '../model/case';
import type { CountryFact } from '../model/country-fact';
import type { Direction } from '../model/direction';
import type { Dossier } from '../model/dossier';
import type { Hurdle, Indicator, IndicatorPeriod, Plan } from '../model/plan';
import type { Organisation } from '../model/organisation';
import type { Profile } from '../model/profile';
import type { Question } from '../model/question';
import type { StageEvent } from '../model/stage-event';
import type { Visit } from '../model/visit';
import type { Phase } from '../phases';
import type { IndicatorReading, IndicatorStatus } from '../plan/indicator-status';
import type { Country } from '../reference/countries';
import type { Region } from '../reference/regions';
import type { Scope } from '../scopes';

export type PackLanguage = 'ja' | 'en';

/** The parts of a pack a desk officer may leave out (the cover and the contents always print), in print order. */
export const PACK_SECTIONS = [
  'visit',
  'snapshot',
  'facts',
  'history',
  'matrix',
  'cases',
  'directions',
  'plan',
  'council',
  'talkingPoints',
  'questions',
  'profiles',
  'contacts',
] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** The sections a pack prints unless others are asked for: all but the deployment plans, which are asked for. */
export const DEFAULT_PACK_SECTIONS: readonly PackSection[] = PACK_SECTIONS.filter((s) => s !== 'plan');

/**
 * How a pack writes its dates: 西暦 (2020年1月), 和暦 (令和2年1月, 令和元年度) or both (令和2年1月（2020年1月）).
 * An English pack writes them in English whichever is chosen.
 */
export const PACK_DATE_STYLES = ['seireki', 'wareki', 'both'] as const;
export type PackDateStyle = (typeof PACK_DATE_STYLES)[number];

/** What a pack is exported as: a PDF to hand out, or a Word document for an office to edit before it prints. */
export const PACK_FORMATS = ['pdf', 'docx'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

/** What the cover says besides the title: who issues the pack, its number, to whom it goes, how it is handled. */
export interface PackCover {
  /** The issuing office (e.g. 総務省国際戦略局); '' for none. */
  issuer: string;
  /** The document number (e.g. 資料1, 総国戦第12号); '' for none. */
  number: string;
  /** 配布先: to whom the pack is handed (e.g. 日ベトナム郵便協議会 会員各位); '' for none. */
  distribution: string;
  /** Whether the cover and every page say 取扱注意 (handle with care). */
  handleWithCare: boolean;
}

export const EMPTY_PACK_COVER: PackCover = { issuer: '', number: '', distribution: '', handleWithCare: false };

/** An indicator as its audience may see it: only its periods fit for the audience, read against those. */
export interface PackIndicator extends Indicator {
  /** In period order. */
  periods: IndicatorPeriod[];
  /** Read as of the pack's date from the printed periods only. */
  reading: IndicatorReading;
}

/** A case's deployment plan (展開実施プラン) as its audience may see it: each part printed only where fit for it. */
export interface PackPlan {
  /** The plan's own fields; null when the plan record is narrower than the audience. */
  plan: Plan | null;
  /** Outputs, then outcomes, then impacts. */
  indicators: PackIndicator[];
  /** Open hurdles only, oldest first. */
  hurdles: Hurdle[];
  /** The worst of the printed indicators' statuses. */
  status: IndicatorStatus;
}

/** One case as its audience may see it: only events fit for the audience, and the phase those events reach. */
export interface PackCase {
  case: Case;
  currentPhase: Phase | null;
  /** In timeline order. */
  events: StageEvent[];
  /** Its deployment plan, when the pack prints the plans and some of the plan is fit for the audience; else null. */
  plan: PackPlan | null;
  /** Its 想定問答 fit for the audience, in their order. */
  questions: Question[];
}

/** A time the person met Japan before: a visit that lists or links them, or an event whose text names them. */
export type ProfileMeeting = { kind: 'visit'; date: KarteDate; visit: Visit } | { kind: 'event'; date: KarteDate; event: StageEvent; caseTitle: string };

/** A counterpart profile (先方要人) as the pack prints it: the person and their previous meetings with Japan. */
export interface PackProfile {
  profile: Profile;
  /** Fit for the audience, in date order, the pack's own visit left out. */
  meetings: ProfileMeeting[];
}

/** 支援ツール・会員: a case of the pack with the schemes and members that fit it (shared/council/matching.ts), best first. */
export interface PackCouncilCase {
  caseId: string;
  caseTitle: string;
  schemes: MatchEntry[];
  members: MatchEntry[];
}

/** Everything a briefing pack prints, already filtered to its audience. */
export interface PackInput {
  lang: PackLanguage;
  /**
   * The counterpart's language (ISO 639-1, e.g. vi): its translations of the parts handed over (case summaries,
   * talking points) print beside the pack's own text where they exist; null for none.
   */
  counterpartLang: string | null;
  /** The narrowest scope the pack's readers hold; the pack is marked with it (e.g. 政府関係機関限り). */
  audience: Scope;
  /** The sections to print, in PACK_SECTIONS order. */
  sections: PackSection[];
  country: Country;
  regions: Region[];
  /** The date the data is as of, printed on the cover and in the running header. */
  asOf: KarteDate;
  /** How every date of the pack is written (the cover's and the running header's too). */
  dates: PackDateStyle;
  /** Each case on a page of its own; else the cases follow one another, each as long as it needs. */
  casePerPage: boolean;
  cover: PackCover;
  /** The dossier's narrative (overview, relations, ODA history); null when none is written or it is narrower than the audience. */
  dossier: Dossier | null;
  cases: PackCase[];
  /** The visit the pack is prepared for (its objectives and asks print after the contents); null for a country pack. */
  visit: Visit | null;
  /** The country's other visits fit for the audience, in date order. */
  previousVisits: Visit[];
  /** The country's agreements (MoUs …) fit for the audience, in date order. */
  agreements: Agreement[];
  /** The organisations owning the pack's cases, fit for the audience: the contacts a reader may approach. */
  organisations: Organisation[];
  /** 国情: the country's basic data fit for the audience, in COUNTRY_FACT_KINDS order. */
  facts: CountryFact[];
  /** 方向性 of the sectors of the pack's cases, the country's and its regions' (the country's first), fit for the audience. */
  directions: Direction[];
  /** The visit's 想定問答 fit for the audience, in their order; [] for a country pack. */
  visitQuestions: Question[];
  /**
   * 先方要人 fit for the audience: for a visit pack those linked to the visit or met on it (by name), for a country
   * pack all of the country's; by name.
   */
  profiles: PackProfile[];
  /** The pack's cases that some scheme or member fits, matched on what the audience may read, in the pack's case order. */
  council: PackCouncilCase[];
}

/** One line of the bilateral history (二国間の経緯). */
export type HistoryItem = { kind: 'agreement'; date: KarteDate; agreement: Agreement } | { kind: 'visit'; date: KarteDate; visit: Visit };

/** Agreements and visits merged in date order (undated last); on the same date an agreement comes first. */
export function bilateralHistory(agreements: Agreement[], visits: Visit[]): HistoryItem[] {
  const items: HistoryItem[] = [
    ...agreements.map((agreement) => ({ kind: 'agreement' as const, date: agreement.date, agreement })),
    ...visits.map((visit) => ({ kind: 'visit' as const, date: visit.dates, visit })),
  ];
  // Array sort is stable: ties keep agreements before visits, each in their given order.
  return items.sort((a, b) => compareDates(a.date, b.date));
}

/** Why a section asked for is left out of a pack: it would have nothing to say. */
export type OmissionReason =
  /** No case is fit for the audience (or none was chosen). */
  | 'no_cases'
  /** No overview or policy is written for the country: its case counts are in the 別表 already. */
  | 'counts_only'
  /** Neither relations nor support history are written, and no agreement or other visit is fit for the audience. */
  | 'no_history'
  /** No case has a deployment plan fit for the audience. */
  | 'no_plans'
  /** No case has talking points. */
  | 'no_talking_points'
  /** No delegation, counterpart or organisation is recorded. */
  | 'no_contacts'
  /** The visit has no objectives or asks written. */
  | 'no_objectives'
  /** No fact of 国情 is kept for the country (or none is fit for the audience). */
  | 'no_facts'
  /** No 方向性 is written for the sectors of the pack's cases. */
  | 'no_directions'
  /** Neither the visit nor any case has 想定問答. */
  | 'no_questions'
  /** No counterpart profile is kept for the country (or, for a visit pack, linked to or met on the visit). */
  | 'no_profiles'
  /** No support scheme or council member the audience may read fits any of the pack's cases. */
  | 'no_council_matches';

export interface OmittedSection {
  section: PackSection;
  reason: OmissionReason;
}

/** The case's translation of a field into the counterpart's language, where it has one. */
export function counterpartText(input: PackInput, c: PackCase, field: TranslatableCaseField): string | undefined {
  const text = input.counterpartLang === null ? undefined : c.case.translations[input.counterpartLang]?.[field];
  return text === undefined || text.trim() === '' ? undefined : text;
}

function written(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

/** Why `section` would have nothing to say in this pack, or null when it has something. */
function emptiness(input: PackInput, section: PackSection): OmissionReason | null {
  const noCases = input.cases.length === 0;
  switch (section) {
    case 'visit':
      return input.visit !== null && !written(input.visit.objectives) && !written(input.visit.asks) ? 'no_objectives' : null;
    case 'snapshot': {
      // The counts alone say what the 別表 shows; without the 別表 they are all there is to say of the cases.
      if (written(input.dossier?.overview) || written(input.dossier?.policy)) return null;
      if (noCases) return 'no_cases';
      return input.sections.includes('matrix') ? 'counts_only' : null;
    }
    case 'history':
      return !written(input.dossier?.relations) && !written(input.dossier?.supportHistory) && bilateralHistory(input.agreements, input.previousVisits).length === 0
        ? 'no_history'
        : null;
    case 'matrix':
    case 'cases':
      return noCases ? 'no_cases' : null;
    case 'plan':
      return input.cases.every((c) => c.plan === null) ? 'no_plans' : null;
    case 'talkingPoints':
      return input.cases.every((c) => !written(caseText(c.case, 'talkingPoints', input.lang).text) && !written(counterpartText(input, c, 'talkingPoints')))
        ? 'no_talking_points'
        : null;
    case 'facts':
      return input.facts.length === 0 ? 'no_facts' : null;
    case 'directions':
      return input.directions.length === 0 ? 'no_directions' : null;
    case 'questions':
      return input.visitQuestions.length === 0 && input.cases.every((c) => c.questions.length === 0) ? 'no_questions' : null;
    case 'profiles':
      return input.profiles.length === 0 ? 'no_profiles' : null;
    case 'council':
      return input.council.length === 0 ? 'no_council_matches' : null;
    case 'contacts': {
      const people = input.visit !== null && (input.visit.delegation.length > 0 || input.visit.counterparts.length > 0);
      const met = input.previousVisits.some((v) => v.counterparts.length > 0);
      return !people && !met && input.organisations.length === 0 ? 'no_contacts' : null;
    }
  }
}

/** The sections asked for that would have nothing to say, with why: the pack leaves them out, the builder says so. */
export function omittedSections(input: PackInput): OmittedSection[] {
  return input.sections.flatMap((section) => {
    if (section === 'visit' && input.visit === null) return [];
    const reason = emptiness(input, section);
    return reason === null ? [] : [{ section, reason }];
  });
}

/** The sections a pack prints: those asked for that have something to say, the visit's only with a visit. */
export function printedSections(input: PackInput): PackSection[] {
  const omitted = new Set(omittedSections(input).map((o) => o.section));
  return input.sections.filter((s) => (s !== 'visit' || input.visit !== null) && !omitted.has(s));
}

/**
 * Whether a printed section opens a page of its own: the first after the contents, the 別表 (its landscape pages) and
 * the cases do; the briefer sections follow on the page before, so that a pack of short sections is not mostly
 * blank paper.
 */
export function opensPage(input: PackInput, section: PackSection): boolean {
  return section === 'matrix' || section === 'cases' || printedSections(input)[0] === section;
}
