import crypto from 'node:crypto';
import type { SyncSession } from '../../../shared/sync/status';
import { sameServer } from '../../../shared/sync/server-address';
import { deriveKey, SCRYPT_COST, type PassphraseKdf } from '../database-key';
import { inTransaction, type Store } from '../store/store';
import { login, readAccount, readMeta, SyncUnreachableError, writeMeta, type SyncOptions } from './client';
import { KarteError } from '../../../shared/errors';

// Whether the app syncs, and signing in to do so, also without the network.
//
// - The first sign-in on a device, and any sign-in after the server refused the token (HTTP 401: password changed,
//   token revoked, user disabled), goes to the server. On success the token is kept (client.ts) and so is a verifier
//   of the password: its scrypt hash with a salt of its own, never the password.
// - Signing out stops syncing but keeps the token and the verifier, so the same login on the same server can sign in
//   again while the server is unreachable: the verifier checks the password here and the kept token syncs once the
//   server answers. While the server answers, a sign-in always goes to it (a fresh token; the server's word on the
//   password counts, not the verifier's).
// - A 401 during a sync ends the session and drops the verifier: only the server can let the user back in.
// - A revoked device (HTTP 410) loses its synced records (client.ts) and its verifier.
// The CLI (`karte login`, `karte sync`) works with the account alone and leaves these states to the app.

interface SessionMeta {
  state: SyncSession;
  /** ISO time of the last completed sync. */
  lastSyncAt: string | null;
}

interface Verifier extends PassphraseKdf {
  server: string;
  login: string;
  hash: string;
}

const META_SESSION = 'sync.session';
const META_VERIFIER = 'sync.verifier';

/** The session as last recorded; an account signed in through the CLI, with no session yet, is signed in. */
export function readSession(store: Store): SessionMeta {
  return readMeta<SessionMeta>(store, META_SESSION) ?? { state: readAccount(store) ? 'signed_in' : 'signed_out', lastSyncAt: null };
}

function writeSession(store: Store, change: Partial<SessionMeta>): void {
  writeMeta(store, META_SESSION, { ...readSession(store), ...change });
}

function readVerifier(store: Store): Verifier | null {
  return readMeta<Verifier | null>(store, META_VERIFIER) ?? null;
}

/** Whether a sign-in could succeed without the server: a kept token and a verifier for its account. */
export function canSignInOffline(store: Store): boolean {
  const account = readAccount(store);
  const verifier = readVerifier(store);
  return account !== undefined && verifier !== null && sameServer(verifier.server, account.server) && verifier.login === account.login;
}

async function passwordMatches(verifier: Verifier, password: string): Promise<boolean> {
  const computed = Buffer.from(await deriveKey(password, verifier), 'hex');
  const stored = Buffer.from(verifier.hash, 'hex');
  return computed.length === stored.length && crypto.timingSafeEqual(computed, stored);
}

export interface SignInRequest {
  server: string;
  login: string;
  password: string;
}

/** Signs in at the server, or, when it cannot be reached, against the verifier; `online` tells which. */
export async function signIn(store: Store, request: SignInRequest, options: SyncOptions = {}): Promise<{ online: boolean }> {
  const kdf = { salt: crypto.randomBytes(16).toString('base64'), ...SCRYPT_COST };
  try {
    // The hash is computed while the server checks the password; it is kept only if the server accepts it.
    const [, hash] = await Promise.all([login(store, request, options), deriveKey(request.password, kdf)]);
    inTransaction(store, () => {
      writeMeta(store, META_VERIFIER, { server: request.server, login: request.login, hash, ...kdf } satisfies Verifier);
      writeSession(store, { state: 'signed_in' });
    });
    return { online: true };
  } catch (error) {
    if (!(error instanceof SyncUnreachableError)) throw error;
    const verifier = readVerifier(store);
    if (!canSignInOffline(store) || !verifier || !sameServer(verifier.server, request.server) || verifier.login !== request.login) {
      throw new KarteError(
        'sync_offline_impossible',
        `${error.message}; signing in without the server works only for the account last signed in on this device, until the server refuses it`,
        { params: { server: request.server } },
        {
          cause: error,
        },
      );
    }
    if (!(await passwordMatches(verifier, request.password))) {
      throw new KarteError(
        'sync_offline_wrong_password',
        `wrong password for ${request.login} (checked on this device: ${request.server} cannot be reached)`,
        {},
        { cause: error },
      );
    }
    writeSession(store, { state: 'signed_in' });
    return { online: false };
  }
}

export function signOut(store: Store): void {
  writeSession(store, { state: 'signed_out' });
}

/** The server refused the token (401) or revoked the device (410): only the server can let the user back in. */
export function endSession(store: Store, state: 'expired' | 'revoked'): void {
  inTransaction(store, () => {
    writeMeta(store, META_VERIFIER, null);
    writeSession(store, { state });
  });
}

export function recordSynced(store: Store, at: string): void {
  writeSession(store, { lastSyncAt: at });
}
