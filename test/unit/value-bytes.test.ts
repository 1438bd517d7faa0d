import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueBytes } from '../../shared/sync/change';

// Sizes decide what a write, a push and a pull page may hold: counted, they must equal the bytes as encoded.
describe('valueBytes', () => {
  it('counts JSON in UTF-8 as TextEncoder encodes it, for any value', () => {
    const encoded = (value: unknown) => new TextEncoder().encode(JSON.stringify(value ?? null)).byteLength;
    for (const value of ['', 'abc', 'é', '現地政府との協議', '😀', 'a😀é現', '\ud800 lone', { a: ['現', 1, '😀'] }, null, undefined, 12.5]) {
      expect(valueBytes(value), JSON.stringify(value)).toBe(encoded(value));
    }
    fc.assert(fc.property(fc.jsonValue(), (value) => valueBytes(value) === encoded(value)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => valueBytes(text) === encoded(text)));
  });
});
