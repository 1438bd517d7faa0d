import { describe, expect, it } from 'vitest';
import { commonAncestor, hadSeen, isNarrativeField, mergeText, nodeOf, overwroteUnseen, sawValue, settle, wins, type PrevLookup } from '../../shared/sync/merge';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const hlc = (second: number, node: string) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z-0000-${node}`;

// A field's history: A wrote a1 over the default, B wrote b2 over a1 (it had seen a1), then A wrote a3 over b2
// while B, offline, wrote b4 over b2 too: a3 and b4 are concurrent.
const a1 = hlc(1, A);
const b2 = hlc(2, B);
const a3 = hlc(3, A);
const b4 = hlc(4, B);
const log: Record<string, string | null> = { [a1]: null, [b2]: a1, [a3]: b2, [b4]: b2 };
const prevOf: PrevLookup = (h) => log[h];

describe('last writer wins', () => {
  it('orders by HLC string, node id last', () => {
    expect(wins({ hlc: b2 }, { hlc: a1 })).toBe(true);
    expect(wins({ hlc: a1 }, { hlc: b2 })).toBe(false);
    expect(wins({ hlc: hlc(5, B) }, { hlc: hlc(5, A) })).toBe(true);
    expect(wins({ hlc: a1 }, undefined)).toBe(true);
    expect(wins({ hlc: a1 }, { hlc: a1 })).toBe(false);
    expect(nodeOf(b4)).toBe(B);
  });
});

describe('seen or concurrent', () => {
  it('finds the newest change both histories share', () => {
    expect(commonAncestor(a3, b4, prevOf)).toBe(b2);
    expect(commonAncestor(b4, a1, prevOf)).toBe(a1);
    expect(commonAncestor(a1, a1, prevOf)).toBe(a1);
  });

  it('reaches the default when two histories never met, and gives up on a missing link', () => {
    const c1 = hlc(1, 'cccccccccccccccc');
    expect(commonAncestor(b4, c1, (h) => (h === c1 ? null : prevOf(h)))).toBeNull();
    expect(commonAncestor(b4, a3, (h) => (h === a3 ? undefined : prevOf(h)))).toBeUndefined();
  });

  it('an author saw what lies on its chain of overwritten values', () => {
    expect(hadSeen(b2, a1, prevOf)).toBe(true);
    expect(hadSeen(b4, a1, prevOf)).toBe(true);
    expect(hadSeen(b4, a3, prevOf)).toBe(false);
  });

  it('flags only this node’s own value overwritten by a later change that had not seen it', () => {
    const at = (h: string) => ({ hlc: h, value: h, prev: log[h] });
    const valueOf = (h: string) => (h in log ? { value: h } : undefined);
    expect(overwroteUnseen(at(a3), at(b4), A, prevOf, valueOf)).toBe(true);
    expect(overwroteUnseen(at(a1), at(b2), A, prevOf, valueOf)).toBe(false); // B had seen a1
    expect(overwroteUnseen(at(a3), at(b4), B, prevOf, valueOf)).toBe(false); // a3 is not B's own
    expect(overwroteUnseen(at(b4), at(a3), B, prevOf, valueOf)).toBe(false); // a3 loses to b4
  });
});

describe('a value seen under another timestamp', () => {
  // Two imports of the same file: A logged 'x' as a1, C logged the same 'x' as c1; B edited A's copy (b2 over a1).
  const c1 = hlc(1, 'cccccccccccccccc');
  const values: Record<string, string> = { [a1]: 'x', [b2]: 'y', [a3]: 'z', [b4]: 'w', [c1]: 'x' };
  const valueOf = (h: string) => (h in values ? { value: values[h] } : undefined);

  it('counts as seen when the overwriting chain held the same value', () => {
    expect(hadSeen(b2, c1, prevOf)).toBe(false);
    expect(sawValue(b2, values[c1], prevOf, valueOf)).toBe(true);
  });

  it('is not seen when no link of the chain held it, or the chain is cut', () => {
    expect(sawValue(b4, 'z', prevOf, valueOf)).toBe(false);
    expect(sawValue(b4, 'x', (h) => (h === b2 ? undefined : prevOf(h)), valueOf)).toBe(false);
  });
});

describe('three-way merge of narrative text', () => {
  const base = '第一文。第二文。第三文。';
  it('merges edits of different sentences', () => {
    expect(mergeText(base, '第一文を改訂。第二文。第三文。', '第一文。第二文。第三文。追記。')).toBe('第一文を改訂。第二文。第三文。追記。');
    expect(mergeText('One. Two.', 'One, edited. Two.', 'One. Two, edited.')).toBe('One, edited. Two, edited.');
  });
  it('refuses edits of the same sentence', () => {
    expect(mergeText(base, '第一文。第二文はA。第三文。', '第一文。第二文はB。第三文。')).toBeNull();
  });
  it('accepts the same edit on both sides', () => {
    expect(mergeText(base, '第一文。', '第一文。')).toBe('第一文。');
  });
});

describe('settling an overwritten local value', () => {
  it('same value: nothing lost; text: merged or conflict; other fields: conflict', () => {
    expect(settle('x', 'x', undefined, false)).toEqual({ kind: 'same' });
    expect(settle('A。B。', 'A。B。C。', 'A。', true)).toEqual({ kind: 'conflict' });
    expect(settle('A2。B。', 'A。B2。', 'A。B。', true)).toEqual({ kind: 'merged', value: 'A2。B2。' });
    expect(settle('A2。B。', 'A。B2。', undefined, true)).toEqual({ kind: 'conflict' });
    expect(settle('active', 'won', 'on_hold', false)).toEqual({ kind: 'conflict' });
    expect(isNarrativeField('cases', 'summary')).toBe(true);
    expect(isNarrativeField('cases', 'title')).toBe(false);
    expect(isNarrativeField('events', 'text')).toBe(true);
  });
});
