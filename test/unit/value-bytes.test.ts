import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameFieldValue } from '../../shared/field-value';
import { fitsInBytes } from '../../shared/sync/change';

// Sizes decide what a write, a push and a pull page may hold: a value fits exactly when its bytes as encoded do.
describe('fitsInBytes', () => {
  const encoded = (value: unknown) => new TextEncoder().encode(JSON.stringify(value ?? null)).byteLength;
  /** At the value's own size, one byte short of it and three times its length in UTF-16 (where counting stops). */
  const fitsAsEncoded = (value: unknown, maxBytes: number) => fitsInBytes(value, maxBytes) === encoded(value) <= maxBytes;
  const limitsAround = (value: unknown) => {
    const bytes = encoded(value);
    return [bytes - 1, bytes, bytes + 1, 3 * JSON.stringify(value ?? null).length, 0];
  };

  it('agrees with TextEncoder at and around every value’s size, for any value', () => {
    for (const value of ['', 'abc', 'é', '現地政府との協議', '😀', 'a😀é現', '\ud800 lone', { a: ['現', 1, '😀'] }, null, undefined, 12.5]) {
      for (const max of limitsAround(value)) expect(fitsAsEncoded(value, max), `${JSON.stringify(value)} in ${max}`).toBe(true);
    }
    fc.assert(fc.property(fc.jsonValue(), (value) => limitsAround(value).every((max) => fitsAsEncoded(value, max))));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.nat(1000), (text, max) => fitsAsEncoded(text, max) && limitsAround(text).every((m) => fitsAsEncoded(text, m))));
  });
});

// A field is logged when its value changed as the log sees it: as JSON.
describe('sameFieldValue', () => {
  const asLogged = (a: unknown, b: unknown) => sameFieldValue(a, b) === (JSON.stringify(a) === JSON.stringify(b));

  it('agrees with the values’ JSON, for text and for any value', () => {
    for (const [a, b] of [
      ['', ''],
      ['a', 'a'],
      ['a', 'b'],
      ['1', 1],
      [null, undefined],
      [undefined, undefined],
      [NaN, null],
      [['VN'], ['VN']],
      [{ a: 1 }, { a: 1 }],
    ] as const)
      expect(asLogged(a, b), `${String(a)} ${String(b)}`).toBe(true);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => asLogged(a, b) && asLogged(a, a)));
    fc.assert(fc.property(fc.anything(), fc.anything(), (a, b) => asLogged(a, b) && asLogged(a, structuredClone(a))));
  });
});
