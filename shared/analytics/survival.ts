// How long cases take to reach a point (an order, the next phase) when many have not reached it yet. Dropping the
// open cases would report only the quick ones; counting them as finished today would shorten every figure. The
// Kaplan–Meier estimate counts an open case for as long as it has been open and no further.

/** One case's time: how many months it has run, and whether it reached the point in that time. */
export interface Duration {
  months: number;
  reached: boolean;
}

/** Median and quartiles of the months to the point, with how many cases they rest on. */
export interface DurationSummary {
  /** Cases counted. */
  n: number;
  /** Of them, still open: counted only for the months they have run so far. */
  open: number;
  /** Months by which a quarter, half and three quarters of the cases reach the point; null while fewer have. */
  lowerQuartile: number | null;
  median: number | null;
  upperQuartile: number | null;
}

/**
 * The Kaplan–Meier estimate of the months to the point, read at a quarter, a half and three quarters. An open case
 * counts as still at risk at its own month (the convention: it was seen to be open then).
 */
export function summariseDurations(durations: readonly Duration[]): DurationSummary {
  const byMonths = [...durations].sort((a, b) => a.months - b.months);
  const levels = [0.75, 0.5, 0.25];
  const quantiles: (number | null)[] = [null, null, null];
  let remaining = 1;
  let atRisk = byMonths.length;
  for (let i = 0; i < byMonths.length;) {
    const months = byMonths[i].months;
    let reachedNow = 0;
    let leaving = 0;
    for (; i < byMonths.length && byMonths[i].months === months; i++, leaving++) if (byMonths[i].reached) reachedNow++;
    if (reachedNow > 0) {
      remaining *= 1 - reachedNow / atRisk;
      levels.forEach((level, q) => {
        // A small tolerance: 1 − 2/4 must count as a half.
        if (quantiles[q] === null && remaining <= level + 1e-9) quantiles[q] = months;
      });
    }
    atRisk -= leaving;
  }
  return {
    n: durations.length,
    open: durations.filter((d) => !d.reached).length,
    lowerQuartile: quantiles[0],
    median: quantiles[1],
    upperQuartile: quantiles[2],
  };
}
