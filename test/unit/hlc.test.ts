import { describe, it, expect } from 'vitest';
import { decodeHlc, encodeHlc, initialHlc, isNodeId, receiveHlc, tickHlc, type Hlc } from '../../shared/hlc';

const NODE_A = '0123456789abcdef';
const NODE_B = 'fedcba9876543210';
const T = Date.UTC(2020, 0, 15, 9, 30); // a wall-clock reading

describe('initialHlc and node ids', () => {
  it('starts at zero with the node id', () => {
    expect(initialHlc(NODE_A)).toEqual({ millis: 0, counter: 0, node: NODE_A });
  });

  it.each(['', '0123456789abcde', '0123456789abcdef0', '0123456789ABCDEF', '0123456789abcdeg', 'node-a'])('rejects node id %j', (node) => {
    expect(isNodeId(node)).toBe(false);
    expect(() => initialHlc(node)).toThrow(/16 hex digits/);
  });
});

describe('tickHlc', () => {
  it('takes the wall clock when it is ahead, with the counter reset', () => {
    const last: Hlc = { millis: T - 10, counter: 7, node: NODE_A };
    expect(tickHlc(last, T)).toEqual({ millis: T, counter: 0, node: NODE_A });
  });

  it('increments the counter within the same millisecond', () => {
    const first = tickHlc(initialHlc(NODE_A), T);
    const second = tickHlc(first, T);
    const third = tickHlc(second, T);
    expect([first, second, third].map((h) => [h.millis, h.counter])).toEqual([
      [T, 0],
      [T, 1],
      [T, 2],
    ]);
  });

  it('keeps moving forward when the wall clock goes backwards', () => {
    const before = tickHlc(initialHlc(NODE_A), T);
    const after = tickHlc(before, T - 60_000);
    expect(after).toEqual({ millis: T, counter: 1, node: NODE_A });
    expect(encodeHlc(after) > encodeHlc(before)).toBe(true);
  });

  it('is strictly increasing over any sequence of wall-clock readings', () => {
    const walls = [T, T, T - 5, T + 3, T + 3, T + 1, T - 1000, T + 10, T + 10];
    let clock = initialHlc(NODE_A);
    const stamps: string[] = [];
    for (const wall of walls) {
      clock = tickHlc(clock, wall);
      stamps.push(encodeHlc(clock));
    }
    expect(new Set(stamps).size).toBe(stamps.length);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('throws when the counter overflows in one millisecond', () => {
    const full: Hlc = { millis: T, counter: 0xffff, node: NODE_A };
    expect(() => tickHlc(full, T)).toThrow(/overflow/);
    expect(tickHlc({ ...full, counter: 0xfffe }, T).counter).toBe(0xffff);
    // A later millisecond resets the counter, so a full counter is no problem then.
    expect(tickHlc(full, T + 1)).toEqual({ millis: T + 1, counter: 0, node: NODE_A });
  });
});

describe('receiveHlc', () => {
  it('jumps past a remote timestamp ahead of the local clock and keeps its own node', () => {
    const local: Hlc = { millis: T, counter: 3, node: NODE_A };
    const remote: Hlc = { millis: T + 5000, counter: 9, node: NODE_B };
    const next = receiveHlc(local, remote, T + 1);
    expect(next).toEqual({ millis: T + 5000, counter: 10, node: NODE_A });
    expect(encodeHlc(next) > encodeHlc(remote)).toBe(true);
    // Later local changes still sort after the remote one.
    expect(encodeHlc(tickHlc(next, T + 2)) > encodeHlc(remote)).toBe(true);
  });

  it('takes the larger counter plus one when local and remote share the millisecond', () => {
    const local: Hlc = { millis: T, counter: 3, node: NODE_A };
    expect(receiveHlc(local, { millis: T, counter: 8, node: NODE_B }, T - 1)).toEqual({ millis: T, counter: 9, node: NODE_A });
    expect(receiveHlc(local, { millis: T, counter: 1, node: NODE_B }, T - 1)).toEqual({ millis: T, counter: 4, node: NODE_A });
  });

  it('ticks the local clock when the remote timestamp is behind', () => {
    const local: Hlc = { millis: T, counter: 3, node: NODE_A };
    expect(receiveHlc(local, { millis: T - 100, counter: 50, node: NODE_B }, T - 1)).toEqual({ millis: T, counter: 4, node: NODE_A });
  });

  it('takes the wall clock when it is ahead of both', () => {
    const local: Hlc = { millis: T, counter: 3, node: NODE_A };
    expect(receiveHlc(local, { millis: T + 1, counter: 50, node: NODE_B }, T + 2)).toEqual({ millis: T + 2, counter: 0, node: NODE_A });
  });

  it('throws when a remote counter at the limit leaves no room', () => {
    const local: Hlc = { millis: T, counter: 0, node: NODE_A };
    expect(() => receiveHlc(local, { millis: T + 1, counter: 0xffff, node: NODE_B }, T)).toThrow(/overflow/);
  });
});

describe('encodeHlc / decodeHlc', () => {
  it('encodes as ISO time, four hex digits of counter and the node', () => {
    expect(encodeHlc({ millis: T, counter: 255, node: NODE_A })).toBe(`2020-01-15T09:30:00.000Z-00ff-${NODE_A}`);
    expect(encodeHlc(initialHlc(NODE_B))).toBe(`1970-01-01T00:00:00.000Z-0000-${NODE_B}`);
  });

  it.each<Hlc>([
    { millis: 0, counter: 0, node: NODE_A },
    { millis: T, counter: 1, node: NODE_B },
    { millis: T + 999, counter: 0xffff, node: NODE_A },
  ])('round-trips $millis/$counter/$node', (hlc) => {
    expect(decodeHlc(encodeHlc(hlc))).toEqual(hlc);
  });

  it('sorts encoded strings in the order of (millis, counter, node)', () => {
    const clocks: Hlc[] = [
      { millis: T + 1, counter: 0, node: NODE_A },
      { millis: T, counter: 0x10, node: NODE_A },
      { millis: T, counter: 2, node: NODE_B },
      { millis: T, counter: 2, node: NODE_A },
      { millis: T - 86_400_000, counter: 0xffff, node: NODE_B },
      { millis: T, counter: 0xa, node: NODE_A },
      { millis: 0, counter: 0, node: NODE_A },
    ];
    const byFields = [...clocks].sort((a, b) => a.millis - b.millis || a.counter - b.counter || a.node.localeCompare(b.node));
    const byString = clocks.map(encodeHlc).sort();
    expect(byString).toEqual(byFields.map(encodeHlc));
  });

  it.each([
    '',
    'not a timestamp',
    `2020-01-15T09:30:00.000Z-00ff-${NODE_A.toUpperCase()}`,
    `2020-01-15T09:30:00.000Z-ff-${NODE_A}`,
    `2020-01-15T09:30:00Z-00ff-${NODE_A}`,
    `2020-01-15T09:30:00.000Z-00ff-${NODE_A}0`,
    `2020-01-15T09:30:00.000Z-00ff-${NODE_A} `,
  ])('rejects %j', (text) => {
    expect(() => decodeHlc(text)).toThrow(/not an HLC timestamp/);
  });

  // Well-formed but not a real instant: decoding must not give NaN millis, nor another day whose encoding sorts
  // elsewhere ('2020-02-30' would decode to 1 March yet sort before '2020-03-01').
  it.each([`2020-13-01T00:00:00.000Z-0000-${NODE_A}`, `2020-01-15T25:00:00.000Z-0000-${NODE_A}`, `2020-02-30T00:00:00.000Z-0000-${NODE_A}`])(
    'rejects the impossible instant %j',
    (text) => {
      expect(() => decodeHlc(text)).toThrow();
    },
  );
});
