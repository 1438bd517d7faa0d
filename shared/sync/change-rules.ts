import type { z } from 'zod';
import { describeError } from '../errors';
import { decodeHlc } from '../hlc';
import { RECORD_SCHEMAS, RECORD_TABLES } from '../model/records';
import type { SyncChange } from './change';

// What the server's change log takes beyond permissions: only changes every replica can apply. A replica refuses a
// pulled batch holding a change to a table or field it does not know, or a value its record schema rejects, so one
// such change would stop everyone's sync. A change stamped far in the future would drag every replica's clock
// forward with it (receiveHlc keeps the largest time seen), and every later edit anywhere would carry that time.

/** How far a change's timestamp may run ahead of the server's clock: room for badly set device clocks. */
export const MAX_CLOCK_LEAD_MS = 24 * 60 * 60 * 1000;

/** Each table's fields a change may name, with their schemas: every field of the record but the id, which names the row. */
const FIELD_SCHEMAS = new Map<string, ReadonlyMap<string, z.ZodType>>(
  RECORD_TABLES.map((table) => [table, new Map(Object.entries(RECORD_SCHEMAS[table].shape as Record<string, z.ZodType>).filter(([field]) => field !== 'id'))]),
);

/** Why no replica could apply this change (unknown table or field, invalid value), or null when every one can. */
export function unappliableReason(change: Pick<SyncChange, 'table' | 'field' | 'value'>): string | null {
  const fields = FIELD_SCHEMAS.get(change.table);
  if (!fields) return `unknown table '${change.table}': one of ${RECORD_TABLES.join(', ')}`;
  const schema = fields.get(change.field);
  if (!schema) return `unknown field '${change.field}' of ${change.table}`;
  // The log stores a missing value as null, and that is what replicas receive.
  const value = schema.safeParse(change.value ?? null);
  if (!value.success) return `invalid value for ${change.table}.${change.field}: ${describeError(value.error)}`;
  return null;
}

/** Why the change log must not take this change, or null when it may; `now` is the server's clock in milliseconds. */
export function changeRefusal(change: Pick<SyncChange, 'table' | 'field' | 'value' | 'hlc'>, now: number): string | null {
  const unappliable = unappliableReason(change);
  if (unappliable) return unappliable;
  const { millis } = decodeHlc(change.hlc);
  if (millis - now > MAX_CLOCK_LEAD_MS) {
    return `timestamp ${new Date(millis).toISOString()} is more than 24 hours ahead of the server's clock (${new Date(now).toISOString()}): set the device's clock right`;
  }
  return null;
}
