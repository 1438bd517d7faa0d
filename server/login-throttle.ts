// Password guessing: after `max` refused logins for one login name from one address within `windowMs`, that pair is
// turned away until the oldest refusal leaves the window. Per address and login, so a guesser elsewhere cannot lock
// a user out. Kept in memory: a restart forgets, and each server instance counts its own.

export interface LoginThrottleLimits {
  max: number;
  windowMs: number;
}

export class LoginThrottle {
  private readonly refusals = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const kept = (this.refusals.get(key) ?? []).filter((at) => at > since);
    if (kept.length > 0) this.refusals.set(key, kept);
    else this.refusals.delete(key);
    return kept;
  }

  /** Milliseconds until this pair may try again, or 0 when it may now. */
  waitMs(key: string): number {
    const recent = this.recent(key);
    return recent.length < this.limits.max ? 0 : recent[0] + this.limits.windowMs - this.now();
  }

  refused(key: string): void {
    this.refusals.set(key, [...this.recent(key), this.now()]);
  }

  signedIn(key: string): void {
    this.refusals.delete(key);
  }
}
