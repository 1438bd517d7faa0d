import { compareDates, type KarteDate } from './dates';
import { phaseIndex, type Phase } from './phases';

interface Dated {
  phase: Phase;
  date: KarteDate;
}

/** Timeline order of a case's events: phase by phase, then by date within a phase (unknown dates last). */
export function compareTimeline(a: Dated, b: Dated): number {
  return phaseIndex(a.phase) - phaseIndex(b.phase) || compareDates(a.date, b.date);
}
