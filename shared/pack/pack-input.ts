import type { KarteDate } from '../dates';
import type { Case } from '../model/case';
import type { StageEvent } from '../model/stage-event';
import type { Visit } from '../model/visit';
import type { Phase } from '../phases';
import type { Country } from '../reference/countries';
import type { Region } from '../reference/regions';
import type { Scope } from '../scopes';

export type PackLanguage = 'ja' | 'en';

/** One case as its audience may see it: only events fit for the audience, and the phase those events reach. */
export interface PackCase {
  case: Case;
  currentPhase: Phase | null;
  /** In timeline order. */
  events: StageEvent[];
}

/** Everything a briefing pack prints, already filtered to its audience. */
export interface PackInput {
  lang: PackLanguage;
  /** The narrowest scope the pack's readers hold; the pack is marked with it (e.g. 政府関係機関限り). */
  audience: Scope;
  country: Country;
  regions: Region[];
  /** The date the data is as of, printed on the cover and in the running header. */
  asOf: KarteDate;
  cases: PackCase[];
  /** The visit the pack is prepared for (its objectives and asks print after the contents); null for a country pack. */
  visit: Visit | null;
  /** The country's other visits fit for the audience, in date order: the bilateral history. */
  previousVisits: Visit[];
}

/** The parts of a pack a desk officer may leave out (the cover and the contents always print), in print order. */
export const PACK_SECTIONS = ['visit', 'snapshot', 'history', 'matrix', 'cases', 'talkingPoints', 'contacts'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];
