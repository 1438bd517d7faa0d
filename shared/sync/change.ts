import { z } from 'zod';
import { decodeHlc } from '../hlc';
import { idSchema } from '../model/ids';
import { scopeSchema } from '../model/scope';

// One field-level change as replicas exchange it: what the change log holds, plus the change it overwrote. Every
// part has a bound, so that no change can grow a pull page, a log row or a replica's memory without limit.

/** The largest value one change may carry, as JSON in UTF-8: about 85,000 Japanese characters of narrative. */
export const MAX_VALUE_BYTES = 256 * 1024;

/** Author, table and field names are short words; an author's login is at most this long. */
const MAX_NAME_LENGTH = 200;

/** Text a database column can hold: PostgreSQL refuses the NUL character. */
const columnText = z.string().refine((text) => !text.includes('\u0000'), 'must not contain the NUL character');

/**
 * Whether a value takes at most `maxBytes` as JSON in UTF-8, as it is stored and sent (a missing value is stored as
 * null). A UTF-16 unit is at most three bytes, so most values are known to fit without counting.
 */
export function fitsInBytes(value: unknown, maxBytes: number): boolean {
  const json = JSON.stringify(value ?? null);
  return lengthFits(json.length, maxBytes) || utf8Length(json) <= maxBytes;
}

/** Whether any text of `length` UTF-16 units surely takes at most `maxBytes` in UTF-8: a unit is at most three bytes. */
export function lengthFits(length: number, maxBytes: number): boolean {
  return 3 * length <= maxBytes;
}

/**
 * A text's length in UTF-8, counted rather than encoded: every write and every pushed change is measured, and
 * encoding each value only to read its length was a twentieth of an import's time. JSON text holds no lone
 * surrogate (JSON.stringify escapes them), so each half of a pair counts two of its four bytes.
 */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * How many of a run of changes, in order, fit in `maxBytes` (their sizes given): at least one, whatever its size, so
 * a batch or a page cut this way always moves on.
 */
export function countWithinBytes(sizes: readonly number[], maxBytes: number): number {
  let total = 0;
  for (const [index, size] of sizes.entries()) {
    total += size;
    if (index > 0 && total > maxBytes) return index;
  }
  return sizes.length;
}

/**
 * An HLC timestamp. Each schema made here remembers the last text it found valid: the fields of one write share their
 * timestamp (and the one they overwrote), and a batch lists them one after another.
 */
function hlcText() {
  // Not '': a schema that had seen no timestamp yet took the empty text for one (a server took prev '' from its
  // first pushes, and every replica then set that change aside).
  let lastValid: string | undefined;
  return z.string().refine((text) => {
    if (text === lastValid) return true;
    try {
      decodeHlc(text);
      lastValid = text;
      return true;
    } catch {
      return false;
    }
  }, 'not an HLC timestamp');
}

export const syncChangeSchema = z.object({
  hlc: hlcText(),
  /**
   * Who wrote the change. The server writes the signed-in user here on every change it accepts; what a client
   * claims when it pushes is ignored.
   */
  author: columnText.max(MAX_NAME_LENGTH),
  table: columnText.max(MAX_NAME_LENGTH),
  /** The record's id: changes to anything else would stop every replica that tries to build the record. */
  rowId: idSchema,
  field: columnText.min(1).max(MAX_NAME_LENGTH),
  value: z.unknown().refine((value) => fitsInBytes(value, MAX_VALUE_BYTES), `a value is at most ${MAX_VALUE_BYTES / 1024} KiB as JSON`),
  scope: scopeSchema,
  /** The change its author overwrote; null when the field still had its default. */
  prev: hlcText().nullable(),
});
export type SyncChange = z.infer<typeof syncChangeSchema>;
