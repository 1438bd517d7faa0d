import { compareDates, type KarteDate } from '../dates';
import type { Agreement } from '../model/agreement';
import type { Case } from '../model/case';
import type { Dossier } from '../model/dossier';
import type { Hurdle, Indicator, IndicatorPeriod, Plan } from '../model/plan';
import type { Organisation } from '../model/organisation';
import type { StageEvent } from '../model/stage-event';
import type { Visit } from '../model/visit';
import type { Phase } from '../phases';
import type { IndicatorReading, IndicatorStatus } from '../plan/indicator-status';
import type { Country } from '../reference/countries';
import type { Region } from '../reference/regions';
import type { Scope } from '../scopes';

export type PackLanguage = 'ja' | 'en';

/** The parts of a pack a desk officer may leave out (the cover and the contents always print), in print order. */
export const PACK_SECTIONS = ['visit', 'snapshot', 'history', 'matrix', 'cases', 'plan', 'talkingPoints', 'contacts'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** The sections a pack prints unless others are asked for: all but the deployment plans, which are asked for. */
export const DEFAULT_PACK_SECTIONS: readonly PackSection[] = PACK_SECTIONS.filter((s) => s !== 'plan');

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
