import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { describeError, formatPath } from '../../shared/errors';
import { karteFileSchema } from '../../shared/karte-json';

function zodError(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be invalid');
  return result.error;
}

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [['cases', 3, 'events', 0, 'phase'], 'cases[3].events[0].phase'],
    [['title'], 'title'],
    [[], ''],
    [[0, 'a'], '[0].a'],
    [['a', 'b'], 'a.b'],
    [[Symbol('s')], 'Symbol(s)'],
  ])('formatPath(%j) is %j', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('describeError', () => {
  const badFile = {
    title: '表',
    region: 'ASEAN',
    source: '',
    cases: [
      {
        country: 'ベトナム',
        country_iso2: 'VN',
        sector: '5G',
        summary: '',
        events: [{ phase: 'discovery', date: '2020-01', date_text: '2020年1月', text: '国内検討中' }],
        future_policy: '',
        notes: '',
      },
    ],
  };

  it('names the path of each zod issue', () => {
    const message = describeError(zodError(karteFileSchema, badFile));
    expect(message).toMatch(/^cases\[0\]\.events\[0\]\.phase: /);
    expect(message).not.toContain(';');
  });

  it('puts a prefix in front of the paths', () => {
    expect(describeError(zodError(karteFileSchema, badFile), ['files', 2])).toMatch(/^files\[2\]\.cases\[0\]\.events\[0\]\.phase: /);
  });

  it('joins several issues with "; " on one line', () => {
    const error = zodError(z.object({ a: z.string(), b: z.number() }), {});
    const parts = describeError(error).split('; ');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^a: ./);
    expect(parts[1]).toMatch(/^b: ./);
  });

  it('gives the bare message of an issue at the root', () => {
    const error = zodError(z.string(), 1);
    expect(describeError(error)).toBe(error.issues[0].message);
    expect(describeError(error, ['title'])).toBe(`title: ${error.issues[0].message}`);
  });

  it('uses the message of other errors and the text of anything else', () => {
    expect(describeError(new Error('disk full'))).toBe('disk full');
    expect(describeError(new TypeError('bad type'), ['ignored'])).toBe('bad type');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(42)).toBe('42');
    expect(describeError(null)).toBe('null');
  });
});
