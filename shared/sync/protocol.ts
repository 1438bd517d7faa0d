import { z } from 'zod';
import { isNodeId } from '../hlc';

// The sync server's HTTP protocol, shared by the server and the desktop client. Every request names the protocol
// version it speaks (header or body field); a server answers a version it does not know with 400, never guesses.

export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'karte-protocol';

/** A device is named by its HLC node id, so a pushed change's timestamp tells which device wrote it. */
export const deviceSchema = z.string().refine(isNodeId, 'a device id is 16 hex digits');

export const loginRequestSchema = z.object({
  login: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
  device: deviceSchema,
});

/**
 * Each change is checked on its own (change-rules.ts appliedChange, the SyncChange schema): one the server cannot
 * take is rejected with its reason while the rest go through, so no single change can block a device's outbox.
 */
export const pushRequestSchema = z.object({
  changes: z.array(z.unknown().meta({ description: 'a change: see the SyncChange schema' })),
});

/** server_seq is a PostgreSQL bigint: a cursor beyond it is not one the server handed out. */
const MAX_CURSOR = 2n ** 63n - 1n;

export const pullRequestSchema = z.object({
  /** The server's cursor after the last page; null or absent for the first pull. */
  cursor: z
    .string()
    .refine((cursor) => /^\d{1,19}$/.test(cursor) && BigInt(cursor) <= MAX_CURSOR, 'a cursor is what the last pull returned')
    .nullable()
    .optional(),
  limit: z.number().int().positive().optional(),
});

/**
 * What a server answers (HTTP 410, body `{ error, code }`) to a device an operator revoked: the client then removes
 * every synced record from its disk and forgets its account.
 */
export const DEVICE_REVOKED_CODE = 'device_revoked';
export const DEVICE_REVOKED_STATUS = 410;

export type PushStatus = 'applied' | 'duplicate' | 'rejected';

export interface PushResult {
  hlc: string;
  field: string;
  status: PushStatus;
  /** Who the server recorded as the change's author (the signed-in user), for an applied or duplicate change. */
  author?: string;
  /** Why a change was rejected. */
  reason?: string;
}

/** A record named by its table and id. */
export const recordRefSchema = z.object({ table: z.string(), rowId: z.string().min(1) });
export type RecordRef = z.infer<typeof recordRefSchema>;

/** A record that left the puller's reach (its scope narrowed, or its case did): the client removes it from disk. */
export const purgeSchema = recordRefSchema;
export type Purge = RecordRef;

export interface PullPage {
  /** Each checked by the client on its own, as the server checked it (change-rules.ts appliedChange). */
  changes: unknown[];
  /** Records to remove, with their stage events when they are cases. */
  purges: Purge[];
  /** Pass back on the next pull. */
  cursor: string | null;
  /** Whether more changes wait after this page. */
  more: boolean;
  /**
   * Of the records whose changes the page carries, those the puller's organisation created (the server's owner_org):
   * the others are another organisation's. A company changes only the member records it created (server
   * permissions.ts), so the client can say so before a sync refuses an edit. Absent from servers before it was added:
   * the client then learns nothing of ownership from the page.
   */
  own?: RecordRef[];
}
