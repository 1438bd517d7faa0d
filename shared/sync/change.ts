import { z } from 'zod';
import { decodeHlc } from '../hlc';

// One field-level change as replicas exchange it: what the change log holds, plus the change it overwrote.

export const syncChangeSchema = z.object({
  hlc: z.string().refine((text) => {
    try {
      decodeHlc(text);
      return true;
    } catch {
      return false;
    }
  }, 'not an HLC timestamp'),
  author: z.string(),
  table: z.string(),
  rowId: z.string().min(1),
  field: z.string().min(1),
  value: z.unknown(),
  scope: z.string(),
  /** The change its author overwrote; null when the field still had its default. */
  prev: z.string().nullable(),
});
export type SyncChange = z.infer<typeof syncChangeSchema>;
