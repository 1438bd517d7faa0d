import type { ErrorEnvelope } from '../errors';
import type { SignedInOrganisation } from './answers';

// How this device stands with the sync server, as the UI shows it, and the conflicts waiting for a person.

/**
 * - signed_in: syncing in the background.
 * - signed_out: never signed in, or signed out by the user (the token is kept for an offline sign-in).
 * - expired: the server refused the token (HTTP 401): sign in again while online.
 * - revoked: an operator revoked this device; its synced records were removed.
 */
export type SyncSession = 'signed_in' | 'signed_out' | 'expired' | 'revoked';

/** A change of this device the server refused, kept so nobody's edit disappears without a word. */
export interface RejectedChange {
  hlc: string;
  field: string;
  reason: string;
}

/** What one sync did. */
export interface SyncReport {
  /** Own changes the server acknowledged (stored now or already). */
  pushed: number;
  /** Own changes the server refused in this sync, with its reasons. */
  rejected: RejectedChange[];
  /** Remote changes new to this store. */
  pulled: number;
  /** Records removed because they left this device's reach. */
  purged: number;
  /** Remote changes this device cannot apply, kept aside (quarantine). */
  quarantined: number;
  /** Local values a remote change overwrote, kept for a person. */
  conflicts: number;
}

export interface SyncStatus {
  session: SyncSession;
  /**
   * The account in use, or the last one (to sign in to again); null before any sign-in. `organisation` is the one it
   * signs in as, null when the sign-in was made before servers told it.
   */
  account: { server: string; login: string; organisation: SignedInOrganisation | null } | null;
  /** Whether the password can be checked on this device (a kept token and a verifier of its password). */
  offlineSignIn: boolean;
  /** False when the network is reported down or the last attempt could not reach the server. */
  online: boolean;
  syncing: boolean;
  /** Own changes not yet acknowledged by the server. */
  outbox: number;
  /** ISO time of the last sync that completed. */
  lastSyncAt: string | null;
  /** Why the last attempt failed; null after a success. */
  lastError: ErrorEnvelope | null;
  conflicts: number;
  /** Own changes the server refused. */
  rejected: number;
  /** What the last sync of this session did; null before one completed. */
  lastReport: SyncReport | null;
  /** Changes from the server this device could not apply, kept aside (a newer version of Karte may read them). */
  quarantined: number;
  /** ISO time of the next automatic attempt; null when none is planned. */
  nextAttemptAt: string | null;
}

export interface ConflictSideView {
  value: unknown;
  author: string;
  /** ISO time the value was written (from its HLC). */
  at: string;
}

/** An open conflict, with what a person needs to recognise the record. */
export interface ConflictView {
  id: number;
  table: string;
  rowId: string;
  field: string;
  mine: ConflictSideView;
  theirs: ConflictSideView;
  createdAt: string;
  /** Case title, event text, visit title or dossier country; the case an event belongs to. */
  record: { label: string; caseId: string | null; country: string | null };
}

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/**
 * The wait after the `failures`-th failure in a row: doubling from `initialMs` up to `maxMs`, with "equal jitter"
 * (half fixed, half random) so devices that lost the server together do not return together, while below the cap each
 * wait is at least as long as the one before could have been.
 */
export function backoffDelay(failures: number, random: number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
