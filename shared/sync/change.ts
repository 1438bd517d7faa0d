import { z } from 'zod';
import { decodeHlc } from '../hlc';

// One field-level change as replicas exchange it: what the change log holds, plus the change it overwrote.

/** Text a database column can hold: PostgreSQL refuses the NUL character. */
const columnText = z.string().refine((text) => !text.includes('\u0000'), 'must not contain the NUL character');

export const syncChangeSchema = z.object({
  hlc: z.string().refine((text) => {
    try {
      decodeHlc(text);
      return true;
    } catch {
      return false;
    }
  }, 'not an HLC timestamp'),
  author: columnText,
  table: columnText,
  rowId: columnText.min(1),
  field: columnText.min(1),
  value: z.unknown(),
  scope: columnText,
  /** The change its author overwrote; null when the field still had its default. */
  prev: columnText.nullable(),
});
export type SyncChange = z.infer<typeof syncChangeSchema>;
