import { errorEnvelope, KarteError, type ErrorEnvelope } from '../../../shared/errors';
import { backoffDelay, type BackoffPolicy, type SyncReport, type SyncStatus } from '../../../shared/sync/status';
import type { Store } from '../store/store';
import { quarantinedChanges } from './quarantine';
import { readAccount, rejectedChanges, syncOnce, SyncUnreachableError, type SyncOptions } from './client';
import { listConflicts } from './conflicts';
import { outboxCount } from './outbox';
import { canSignInOffline, endSession, readSession, recordSynced, signIn, signOut, type SignInRequest } from './session';

// Sync in the background of the app: once at start, a few seconds after an edit, every few minutes, when the
// network returns and when asked. One sync at a time; failures wait longer each time (back-off with jitter) until
// one succeeds. The back end owns one loop per store (back-end.ts), starts it, tells it about edits and the
// network, and stops it before the store closes; the loop tells the UI how things stand after every step.

/** The clock and timers the loop runs on; tests pass short or manual ones. */
export interface LoopTimers {
  now(): number;
  random(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncLoopOptions {
  /** Whether the loop plans syncs of its own; without, it syncs only when asked (the command line). */
  background: boolean;
  /** Wait after an edit, so a burst of edits goes up in one sync. */
  debounceMs: number;
  /** Wait between syncs while nothing happens, to pull what others changed. */
  periodMs: number;
  backoff: BackoffPolicy;
  timers: LoopTimers;
  /** Passed to every sync and sign-in (batch size, retries within one request). */
  sync: SyncOptions;
}

export interface SyncLoopListener {
  status(status: SyncStatus): void;
  /** Records arrived from the server (or were removed): screens showing them reload. */
  pulled(): void;
}

const realTimers: LoopTimers = {
  now: Date.now,
  random: Math.random,
  // Unref'd: a pending sync never keeps a closing process alive.
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const DEFAULT_LOOP_OPTIONS: SyncLoopOptions = {
  background: true,
  debounceMs: 3000,
  periodMs: 5 * 60_000,
  backoff: { initialMs: 5000, maxMs: 5 * 60_000 },
  timers: realTimers,
  // The loop's own back-off replaces the quick retries a one-off CLI sync makes.
  sync: { retryDelays: [] },
};

export class SyncLoop {
  private readonly options: SyncLoopOptions;
  private timer: unknown = null;
  private nextAt: number | null = null;
  private running: Promise<void> | null = null;
  /** Something asked for a sync while one ran: run again after it. */
  private again = false;
  private failures = 0;
  /** What the operating system or browser says; a failed attempt says more (`reachable`). */
  private networkUp = true;
  private reachable = true;
  private lastError: ErrorEnvelope | null = null;
  private lastReport: SyncReport | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly listener: SyncLoopListener,
    options: Partial<SyncLoopOptions> = {},
  ) {
    this.options = { ...DEFAULT_LOOP_OPTIONS, ...options };
  }

  /** Syncs right away when signed in; afterwards the loop plans its own attempts. */
  start(): void {
    this.stopped = false;
    if (this.signedIn()) this.plan(0);
    this.report();
  }

  /** No further attempts; resolves once a sync under way has completed, so the store can close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel();
    await this.running;
  }

  status(): SyncStatus {
    const account = readAccount(this.store);
    const session = readSession(this.store);
    return {
      session: session.state,
      account: account ? { server: account.server, login: account.login, organisation: account.organisation ?? null } : null,
      offlineSignIn: canSignInOffline(this.store),
      online: this.networkUp && this.reachable,
      syncing: this.running !== null,
      outbox: outboxCount(this.store),
      lastSyncAt: session.lastSyncAt,
      lastError: this.lastError,
      lastReport: this.lastReport,
      conflicts: listConflicts(this.store).length,
      rejected: rejectedChanges(this.store).length,
      quarantined: quarantinedChanges(this.store).length,
      nextAttemptAt: this.nextAt === null ? null : new Date(this.nextAt).toISOString(),
    };
  }

  /** A local edit: sync it soon, unless the server is failing (the back-off decides then). */
  edited(): void {
    if (this.signedIn() && this.failures === 0 && !this.running) this.plan(this.options.debounceMs);
    else if (this.running) this.again = true;
    this.report();
  }

  /**
   * What the operating system or browser says about the network, when it changes or the computer wakes up. The
   * network returning after an outage (or after an attempt that could not reach the server) is a new chance: the
   * back-off starts over with a sync right away. Reported down, no attempt is made until it is reported up again.
   */
  networkChanged(online: boolean): void {
    const returned = online && (!this.networkUp || !this.reachable);
    this.networkUp = online;
    if (returned) {
      this.failures = 0;
      this.reachable = true;
      if (this.signedIn()) this.plan(0);
    } else if (!online) {
      this.cancel();
    }
    this.report();
  }

  /** Syncs now (or waits for the sync under way) and reports how it went. */
  async syncNow(): Promise<SyncStatus> {
    if (!this.signedIn()) throw new KarteError('sync_not_signed_in', 'not signed in: sign in to a sync server first');
    await this.run();
    return this.status();
  }

  /** Signs in (at the server, or on this device while the server cannot be reached) and starts syncing. */
  async signIn(request: SignInRequest): Promise<SyncStatus> {
    const { online } = await signIn(this.store, request, this.options.sync);
    this.failures = 0;
    this.lastError = null;
    this.reachable = online;
    this.stopped = false;
    this.plan(0);
    this.report();
    return this.status();
  }

  signOut(): SyncStatus {
    signOut(this.store);
    this.cancel();
    this.report();
    return this.status();
  }

  private signedIn(): boolean {
    return readSession(this.store).state === 'signed_in' && readAccount(this.store) !== undefined;
  }

  private cancel(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  /** The next automatic attempt in `ms`, replacing the one planned; none while the network is down. */
  private plan(ms: number): void {
    this.cancel();
    if (this.stopped || !this.networkUp || !this.options.background) return;
    const { timers } = this.options;
    this.nextAt = timers.now() + ms;
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      this.nextAt = null;
      void this.run();
    }, ms);
  }

  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancel();
    this.again = false;
    this.running = this.attempt().finally(() => {
      this.running = null;
      this.afterAttempt();
    });
    this.report();
    return this.running;
  }

  private async attempt(): Promise<void> {
    try {
      const report = await syncOnce(this.store, this.options.sync);
      this.lastReport = report;
      this.failures = 0;
      this.reachable = true;
      this.lastError = null;
      recordSynced(this.store, new Date(this.options.timers.now()).toISOString());
      if (report.pulled > 0 || report.purged > 0 || report.conflicts > 0) this.listener.pulled();
    } catch (error) {
      this.lastError = errorEnvelope(error);
      this.reachable = !(error instanceof SyncUnreachableError);
      if (this.lastError.code === 'sync_signed_out') {
        endSession(this.store, 'expired');
      } else if (this.lastError.code === 'sync_device_revoked') {
        // syncOnce has removed the synced records and the account already.
        endSession(this.store, 'revoked');
        this.listener.pulled();
      } else {
        this.failures++;
      }
    }
  }

  private afterAttempt(): void {
    if (this.stopped) return;
    if (!this.signedIn()) this.cancel();
    else if (this.failures > 0) this.plan(backoffDelay(this.failures, this.options.timers.random(), this.options.backoff));
    // Edits made during the sync, or values the sync merged itself (narrative text), go up soon.
    else if (this.again || outboxCount(this.store) > 0) this.plan(this.options.debounceMs);
    else this.plan(this.options.periodMs);
    this.report();
  }

  private report(): void {
    if (!this.stopped) this.listener.status(this.status());
  }
}
