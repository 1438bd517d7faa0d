import { describe, expect, it, vi } from 'vitest';
import { encodeHlc } from '../../shared/hlc';

const NODE = '0123456789abcdef';
const HLC = encodeHlc({ millis: Date.UTC(2026, 11, 7), counter: 0, node: NODE });
const CHANGE = { hlc: HLC, author: 'min', table: 'cases', rowId: 'aaaaaaaa-0000-4000-8000-00000000000a', field: 'title', value: 'x', scope: 'public', prev: null };

/** The change schema as a process that has checked nothing yet holds it: it remembers the last valid timestamp. */
async function freshSchema() {
  vi.resetModules();
  return (await import('../../shared/sync/change')).syncChangeSchema;
}

describe('the timestamps of a change', () => {
  it.each([
    ['hlc', { hlc: '' }],
    ['prev', { prev: '' }],
  ])('refuses an empty %s as the first text a process checks, and after a valid one', async (_, wrong) => {
    const schema = await freshSchema();
    expect(schema.safeParse({ ...CHANGE, ...wrong }).success).toBe(false);
    expect(schema.safeParse({ ...CHANGE, prev: HLC }).success).toBe(true);
    expect(schema.safeParse({ ...CHANGE, ...wrong }).success).toBe(false);
  });
});
