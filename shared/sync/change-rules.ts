import type { z } from 'zod';
import { describeError } from '../errors';
import { decodeHlc } from '../hlc';
import { RECORD_SCHEMAS, RECORD_TABLES } from '../model/records';
import { syncChangeSchema, type SyncChange } from './change';

// Which changes the log may hold: only changes every replica can apply. The server takes a change only when it
// passes exactly the check a replica makes before applying it (appliedChange), so a change the server accepted can
// never stop another client's sync; a replica that meets one anyway keeps it aside and goes on (quarantine).
// A change stamped in the future would drag every replica's clock forward with it (receiveHlc keeps the largest time
// seen) and win every conflict until that time: the server refuses all but a few minutes' lead.

/** How far a change's timestamp may run ahead of the server's clock: room for clocks a little off, no more. */
export const MAX_CLOCK_LEAD_MS = 5 * 60 * 1000;

/** Each table's fields a change may name, with their schemas: every field of the record but the id, which names the row. */
const FIELD_SCHEMAS = new Map<string, ReadonlyMap<string, z.ZodType>>(
  RECORD_TABLES.map((table) => [table, new Map(Object.entries(RECORD_SCHEMAS[table].shape as Record<string, z.ZodType>).filter(([field]) => field !== 'id'))]),
);

/**
 * Why no replica could apply this change (unknown table or field, invalid value, a scope its record cannot have), or
 * null when every one can.
 */
function unappliableReason(change: Pick<SyncChange, 'table' | 'field' | 'value' | 'scope'>): string | null {
  const fields = FIELD_SCHEMAS.get(change.table);
  if (!fields) return `unknown table '${change.table}': one of ${RECORD_TABLES.join(', ')}`;
  const schema = fields.get(change.field);
  if (!schema) return `unknown field '${change.field}' of ${change.table}`;
  // The server keeps a record's scope from the changes written under it: it must be one the record may have.
  if (!fields.get('scope')?.safeParse(change.scope).success) return `a record of ${change.table} cannot have the scope '${change.scope}'`;
  // The log stores a missing value as null, and that is what replicas receive.
  const value = schema.safeParse(change.value ?? null);
  if (!value.success) return `invalid value for ${change.table}.${change.field}: ${describeError(value.error)}`;
  return null;
}

/** A change as a replica receives it: either one it can apply, or the reason it cannot. */
export type CheckedChange = { ok: true; change: SyncChange } | { ok: false; reason: string };

/** The check every replica makes before applying a change, and the server before taking one into its log. */
export function appliedChange(raw: unknown): CheckedChange {
  const parsed = syncChangeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `not a valid change: ${describeError(parsed.error)}` };
  const reason = unappliableReason(parsed.data);
  return reason === null ? { ok: true, change: parsed.data } : { ok: false, reason };
}

/** Why the server must not take this change into its log, or null when it may; `now` is the server's clock in ms. */
export function clockRefusal(hlc: string, now: number): string | null {
  const { millis } = decodeHlc(hlc);
  const lead = millis - now;
  if (lead <= MAX_CLOCK_LEAD_MS) return null;
  return `timestamp ${new Date(millis).toISOString()} is ${Math.round(lead / 60_000)} minutes ahead of the server's clock (${new Date(now).toISOString()}); at most ${MAX_CLOCK_LEAD_MS / 60_000} minutes are allowed: set the device's clock right`;
}
