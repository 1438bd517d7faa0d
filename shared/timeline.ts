import { compareDates, type DateStart, type KarteDate } from './dates';
import { phaseIndex, type Phase } from './phases';

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
  const reached = [...entered.keys()].sort((a, b) => phaseIndex(a) - phaseIndex(b));
  const startOf = (phase: Phase) => entered.get(phase)?.sort ?? null;
  const furthestDated = reached.findLast((phase) => startOf(phase) !== null);
  return reached.map((phase) => {
    const start = startOf(phase);
    const ongoing = phase === furthestDated;
    const unmeasured = { phase, entered: entered.get(phase) ?? null, months: null, approximate: false, ongoing };
    if (start === null) return unmeasured;
    // Left when a later phase was first entered on or after entering this one.
    const end = ongoing
      ? today
      : reached
          .filter((p) => phaseIndex(p) > phaseIndex(phase))
          .map(startOf)
          .filter((sort): sort is string => sort !== null && monthNumber(sort) >= monthNumber(start))
          .sort((a, b) => monthNumber(a) - monthNumber(b))[0];
    if (end === undefined) return unmeasured;
    return {
      ...unmeasured,
      months: Math.max(0, monthNumber(end) - monthNumber(start)),
      approximate: yearOnly(start) || yearOnly(end),
    };
  });
}
