import { compareDates, type DateStart, type KarteDate } from './dates';
import { PHASES, phaseIndex, type Phase } from './phases';

interface Dated<D extends DateStart = KarteDate> {
  phase: Phase;
  date: D;
}

/** Timeline order of a case's events: phase by phase, then by date within a phase (unknown dates last). */
export function compareTimeline(a: Dated, b: Dated): number {
  return phaseIndex(a.phase) - phaseIndex(b.phase) || compareDates(a.date, b.date);
}

/** How long a case stayed in one phase, as far as its dated events tell. */
export interface PhaseSpan<D extends DateStart = KarteDate> {
  phase: Phase;
  /** Date of the phase's earliest dated event: when the case entered it; null when none of its events has a date. */
  entered: D | null;
  /**
   * Whole months from entering this phase until a later phase was first entered, or until today for the furthest
   * phase reached; null when that cannot be told (no date, or every later phase was entered before this one).
   */
  months: number | null;
  /** True when a year-only date bounds the span, so the months are counted from January of that year. */
  approximate: boolean;
  /** The span runs until today: this is the furthest phase reached with a dated event. */
  ongoing: boolean;
}

/** A sort key ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') as a month count; a year alone counts from its January. */
export function monthNumber(sortKey: string): number {
  const month = sortKey.length >= 7 ? Number(sortKey.slice(5, 7)) : 1;
  return Number(sortKey.slice(0, 4)) * 12 + month - 1;
}

function yearOnly(sortKey: string): boolean {
  return !sortKey.includes('-');
}

/**
 * How each phase's span ends, by phase index, from the month each phase was entered (`undefined`: not reached;
 * null: reached, but no dated event tells when): 'ongoing' for the furthest phase entered with a date; else the index
 * of the phase whose entry ends it (the earliest later phase first entered on or after it); null when that cannot be
 * told (no date, or every later phase was entered before this one).
 */
export function spanEnds(entered: readonly (number | null | undefined)[]): (number | 'ongoing' | null | undefined)[] {
  const furthest = entered.findLastIndex((month) => month !== null && month !== undefined);
  return entered.map((start, i) => {
    if (start === undefined || start === null) return start;
    if (i === furthest) return 'ongoing';
    let end: number | null = null;
    for (let j = i + 1; j < entered.length; j++) {
      const month = entered[j];
      if (month !== null && month !== undefined && month >= start && (end === null || month < (entered[end] as number))) end = j;
    }
    return end;
  });
}

/**
 * Time spent in each phase a case has reached, in phase order. Counted in months from sort keys (a period's
 * earliest possible month), since dossier dates are rarely days; planned events (予定) and undated events are left
 * out because they do not tell when a phase was entered. `today` is 'YYYY-MM[-DD]'.
 */
export function phaseDurations<D extends DateStart>(events: readonly Dated<D>[], today: string): PhaseSpan<D>[] {
  const entered = new Map<Phase, D | null>();
  for (const event of events) {
    const earliest = entered.get(event.phase) ?? null;
    if (event.date.sort === null || event.date.planned) {
      entered.set(event.phase, earliest);
    } else if (earliest === null || compareDates(event.date, earliest) < 0) {
      entered.set(event.phase, event.date);
    }
  }
  const startOf = (phase: Phase) => entered.get(phase)?.sort ?? null;
  const months = PHASES.map((phase) => {
    if (!entered.has(phase)) return undefined;
    const start = startOf(phase);
    return start === null ? null : monthNumber(start);
  });
  const ends = spanEnds(months);
  return PHASES.flatMap((phase, i): PhaseSpan<D>[] => {
    const end = ends[i];
    if (end === undefined) return [];
    const unmeasured = { phase, entered: entered.get(phase) ?? null, months: null, approximate: false, ongoing: end === 'ongoing' };
    if (end === null) return [unmeasured];
    const start = startOf(phase) as string;
    const endSort = end === 'ongoing' ? today : (startOf(PHASES[end]) as string);
    return [{ ...unmeasured, months: Math.max(0, monthNumber(endSort) - monthNumber(start)), approximate: yearOnly(start) || yearOnly(endSort) }];
  });
}
