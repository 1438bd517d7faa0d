import type { z } from 'zod';
import { describeError, KarteError, type ErrorCode } from '../../../shared/errors';
import { errorAnswerSchema, loginAnswerSchema, pullAnswerSchema, pushAnswerSchema, type SignedInOrganisation } from '../../../shared/sync/answers';
import type { SyncChange } from '../../../shared/sync/change';
import type { RejectedChange, SyncReport } from '../../../shared/sync/status';
import { DEVICE_REVOKED_CODE, DEVICE_REVOKED_STATUS, PROTOCOL_HEADER, PROTOCOL_VERSION, type PushResult } from '../../../shared/sync/protocol';
import { sameServer } from '../../../shared/sync/server-address';
import { statement } from '../store/database';
import { CREATION_FIELD, inTransaction, type Store } from '../store/store';
import { applyRemoteChanges } from './apply';
import { outbox, readSyncState, recordPulled, recordPushed, resetSyncState } from './outbox';
import { emptyWal, purgeRecords, wipeSyncedData } from './purge';
import { forgetOwners, recordOwners } from './record-owners';
import { openToken, sealToken } from './sealed-token';
import { deviceClock, followServerClock } from './server-clock';

// The desktop and CLI side of sync: sign in once, then push the outbox and pull what the server has, page by page.
// The account lives in the store's meta table; the token is a secret, kept there only sealed (sealed-token.ts) and
// never printed.

export interface SyncAccount {
  server: string;
  login: string;
  token: string;
  /** The organisation the account signs in as; absent for a sign-in made before servers told it (sign in again). */
  organisation?: SignedInOrganisation;
}

export interface SyncOptions {
  /** Most changes one push carries; a server that takes fewer (413) is sent smaller batches. */
  batchSize?: number;
  /** Waits between attempts after a network error; one attempt more than waits. */
  retryDelays?: readonly number[];
  /** How long one request may take before it counts as a network error: a hung server must not hang the sync. */
  timeoutMs?: number;
}

const META_ACCOUNT = 'sync.account';
const META_REJECTED = 'sync.rejected';
// As many as the server takes (server/app.ts DEFAULT_LIMITS): each push costs a round trip, a transaction on each side
// and a wait for the disk.
export const DEFAULT_BATCH = 5000;
const DEFAULT_RETRY_DELAYS = [200, 800];
const DEFAULT_TIMEOUT_MS = 30_000;

/** What an HTTP refusal of the server means for the user (errors as data, shared/errors.ts). */
function refusalCode(status: number, serverCode: string | undefined): ErrorCode {
  if (status === 401) return 'sync_signed_out';
  if (status === DEVICE_REVOKED_STATUS && serverCode === DEVICE_REVOKED_CODE) return 'sync_device_revoked';
  if (status === 429) return 'sync_throttled';
  return status >= 500 ? 'sync_server_unavailable' : 'sync_refused';
}

/** The server answered with an HTTP error. */
export class SyncHttpError extends KarteError {
  constructor(
    readonly status: number,
    message: string,
    /** The server's own error code, when it gave one (e.g. DEVICE_REVOKED_CODE). */
    readonly serverCode?: string,
    retryAfterSeconds?: number,
  ) {
    super(refusalCode(status, serverCode), message, { params: { status, minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) } });
  }
}

export function isDeviceRevoked(error: unknown): boolean {
  return error instanceof SyncHttpError && error.code === 'sync_device_revoked';
}

/** The server could not be reached at all (no answer): the device is offline, or the server is down. */
export class SyncUnreachableError extends KarteError {
  constructor(server: string, message: string, options?: ErrorOptions) {
    super('sync_unreachable', message, { params: { server } }, options);
  }
}

export function readMeta<T>(store: Store, key: string): T | undefined {
  const row = statement(store.db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeMeta(store: Store, key: string, value: unknown): void {
  statement(store.db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

/**
 * The account signed in with. A token that cannot be opened here (sealed-token.ts) reads as empty: the server then
 * answers 401 and the user signs in again.
 */
export function readAccount(store: Store): SyncAccount | undefined {
  const kept = readMeta<SyncAccount>(store, META_ACCOUNT);
  return kept && { ...kept, token: openToken(store, kept.token) ?? '' };
}

/**
 * The organisation the account kept here signs in as, read without opening the token; undefined with no account, or
 * one signed in before servers told it. It stays while signed out: the device is bound to its user, so whatever is
 * edited meanwhile goes up as that organisation's.
 */
export function accountOrganisation(store: Store): SignedInOrganisation | undefined {
  return readMeta<SyncAccount>(store, META_ACCOUNT)?.organisation;
}

/** Every change of this device the server has refused, oldest first. */
export function rejectedChanges(store: Store): RejectedChange[] {
  return readMeta<RejectedChange[]>(store, META_REJECTED) ?? [];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How the requests of one sync are made: retries after network errors, and how long each may take. */
export interface RequestPolicy {
  retryDelays: readonly number[];
  timeoutMs: number;
  /** The store whose clock follows the server's (server-clock.ts), if any. */
  store?: Store;
}

export function requestPolicy(options: SyncOptions): RequestPolicy {
  return { retryDelays: options.retryDelays ?? DEFAULT_RETRY_DELAYS, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

/**
 * POSTs JSON with the protocol header and checks the answer with its schema (a server is trusted no more than a
 * client). A network failure or a timeout is retried after each delay; an HTTP error is not.
 */
export async function post<S extends z.ZodType>(url: string, body: unknown, token: string | undefined, answer: S, policy: RequestPolicy): Promise<z.output<S>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  if (token) headers.authorization = `Bearer ${token}`;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    let json: unknown;
    try {
      const { store } = policy;
      const sentAt = store ? deviceClock(store) : 0;
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(policy.timeoutMs) });
      if (store) followServerClock(store, response.headers.get('date'), sentAt, deviceClock(store));
      json = await response.json().catch(() => ({}));
    } catch (error) {
      if (attempt >= policy.retryDelays.length)
        throw new SyncUnreachableError(new URL(url).origin, `cannot reach the sync server at ${url}: ${(error as Error).message}`, { cause: error });
      await sleep(policy.retryDelays[attempt]);
      continue;
    }
    if (!response.ok) {
      const refusal = errorAnswerSchema.safeParse(json);
      throw new SyncHttpError(
        response.status,
        `sync server answered ${response.status}: ${refusal.success ? refusal.data.error : response.statusText}`,
        refusal.data?.code,
        Number(response.headers.get('retry-after') ?? undefined) || undefined,
      );
    }
    const parsed = answer.safeParse(json);
    if (!parsed.success)
      throw new KarteError('sync_answer_invalid', `the sync server at ${url} gave an answer this version of Karte does not understand: ${describeError(parsed.error)}`);
    return parsed.data;
  }
}

export function endpoint(server: string, route: string): string {
  return new URL(route, server.endsWith('/') ? server : `${server}/`).toString();
}

/** Runs a server exchange; when the server says this device is revoked, its synced data leaves the disk first. */
async function unlessRevoked<T>(store: Store, exchange: () => Promise<T>): Promise<T> {
  try {
    return await exchange();
  } catch (error) {
    if (isDeviceRevoked(error)) {
      wipeSyncedData(store);
      throw new KarteError('sync_device_revoked', 'this device has been revoked by the operator: its synced data has been removed from this computer', {}, { cause: error });
    }
    throw error;
  }
}

/** Signs this device in (its node id is the device id) and keeps the account for later syncs. */
export async function login(store: Store, request: { server: string; login: string; password: string }, options: SyncOptions = {}): Promise<SyncAccount> {
  const { token, organisation } = await unlessRevoked(store, () =>
    post(endpoint(request.server, 'v1/login'), { login: request.login, password: request.password, device: store.node }, undefined, loginAnswerSchema, {
      ...requestPolicy(options),
      store,
    }).catch((error: unknown) => {
      // At the login, a 401 is the password (or the account), not a token that expired.
      if (error instanceof SyncHttpError && error.status === 401) throw new KarteError('sync_login_refused', error.message, {}, { cause: error });
      throw error;
    }),
  );
  const account: SyncAccount = { server: request.server, login: request.login, token, ...(organisation && { organisation }) };
  const previous = readAccount(store);
  inTransaction(store, () => {
    // Another server has its own log and cursors: start over with it. Push and pull are idempotent, so the same
    // server under another address only costs one full exchange.
    if (previous && !sameServer(previous.server, account.server)) {
      resetSyncState(store);
      // Whose each record is was the other server's word, for the organisation signed in to there.
      forgetOwners(store);
    }
    writeMeta(store, META_ACCOUNT, { ...account, token: sealToken(store, token) });
  });
  return account;
}

/**
 * One round: the whole outbox up, then every page the server has for this device down. The cursors move only after
 * what they cover is safely stored, so an interrupted sync resumes without loss and a repeated one changes nothing.
 */
export async function syncOnce(store: Store, options: SyncOptions = {}): Promise<SyncReport> {
  const account = readAccount(store);
  if (!account) throw new KarteError('sync_not_signed_in', 'not signed in: run karte login --server URL --user LOGIN first');
  return await unlessRevoked(store, () => exchange(store, account, options));
}

/**
 * One push. A role that may not push at all (a reader) gets every change refused with the server's word, as any
 * refused change: else its own edits would stop it from ever pulling again.
 */
async function pushBatch(account: SyncAccount, changes: readonly SyncChange[], policy: RequestPolicy): Promise<PushResult[]> {
  try {
    return (await post(endpoint(account.server, 'v1/push'), { changes }, account.token, pushAnswerSchema, policy)).results;
  } catch (error) {
    if (!(error instanceof SyncHttpError && error.status === 403)) throw error;
    return changes.map((c) => ({ hlc: c.hlc, field: c.field, status: 'rejected', reason: error.message }));
  }
}

/**
 * The server names the author of every change it takes (the signed-in user): this device's log says so too, as
 * every other replica's does. Mostly it names the author the change was sent with, and the log has nothing to change.
 */
function recordAuthors(store: Store, sent: readonly SyncChange[], results: readonly PushResult[]): void {
  // A creation's fields share its row of the log (field ''): the first of them renames it.
  const rename = statement(store.db, 'UPDATE change_log SET author = ? WHERE hlc = ? AND field IN (?, ?) AND author <> ?');
  results.forEach((r, i) => {
    if (r.author !== undefined && r.author !== sent[i].author) rename.run(r.author, r.hlc, r.field, CREATION_FIELD, r.author);
  });
}

async function exchange(store: Store, account: SyncAccount, options: SyncOptions): Promise<SyncReport> {
  const policy = { ...requestPolicy(options), store };
  const report: SyncReport = { pushed: 0, rejected: [], pulled: 0, purged: 0, quarantined: 0, conflicts: 0 };

  let batchSize = options.batchSize ?? DEFAULT_BATCH;
  for (;;) {
    const batch = outbox(store, batchSize);
    if (batch.changes.length === 0) break;
    let results: PushResult[];
    try {
      results = await pushBatch(account, batch.changes, policy);
    } catch (error) {
      // A server with lower caps than this client's (an older one, or one configured so) takes the same changes in
      // smaller pushes.
      if (!(error instanceof SyncHttpError && error.status === 413 && batch.changes.length > 1)) throw error;
      batchSize = Math.ceil(batch.changes.length / 2);
      continue;
    }
    const answered = results.length === batch.changes.length && results.every((r, i) => r.hlc === batch.changes[i].hlc && r.field === batch.changes[i].field);
    if (!answered) throw new KarteError('sync_answer_invalid', `the sync server's answer does not match the ${batch.changes.length} changes sent`);
    const rejected = results.filter((r) => r.status === 'rejected').map((r) => ({ hlc: r.hlc, field: r.field, reason: r.reason ?? 'no reason given' }));
    // Refused changes are kept aside, not retried forever: they would block every later change behind them.
    inTransaction(store, () => {
      if (rejected.length > 0) writeMeta(store, META_REJECTED, [...rejectedChanges(store), ...rejected]);
      recordAuthors(store, batch.changes, results);
      recordPushed(store, batch.lastSeq);
    });
    report.pushed += results.length - rejected.length;
    report.rejected.push(...rejected);
  }

  let cursor = readSyncState(store).lastPulledCursor;
  for (;;) {
    const page = await post(endpoint(account.server, 'v1/pull'), { cursor }, account.token, pullAnswerSchema, policy);
    const applied = inTransaction(store, () => {
      report.purged += purgeRecords(store, page.purges);
      const result = applyRemoteChanges(store, page.changes);
      recordOwners(store, page.changes, page.own);
      if (page.cursor !== null) recordPulled(store, page.cursor);
      return result;
    });
    if (page.purges.length > 0) emptyWal(store.db);
    report.pulled += applied.applied;
    report.quarantined += applied.quarantined;
    report.conflicts += applied.conflicts;
    cursor = page.cursor;
    if (!page.more) return report;
  }
}
