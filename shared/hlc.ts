// Hybrid logical clock: wall time plus a counter plus the node id. Encoded timestamps sort as strings in causal
// order, so "last writer wins" is a string comparison and ties fall to the node id.

export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
const NODE_PATTERN = /^[0-9a-f]{16}$/;

export function isNodeId(value: string): boolean {
  return NODE_PATTERN.test(value);
}

export function initialHlc(node: string): Hlc {
  if (!isNodeId(node)) throw new Error(`HLC node id must be 16 hex digits, got '${node}'`);
  return { millis: 0, counter: 0, node };
}

function advance(node: string, lastMillis: number, lastCounter: number, otherMillis: number, otherCounter: number, wallMs: number): Hlc {
  const millis = Math.max(lastMillis, otherMillis, wallMs);
  let counter = 0;
  if (millis === lastMillis && millis === otherMillis) counter = Math.max(lastCounter, otherCounter) + 1;
  else if (millis === lastMillis) counter = lastCounter + 1;
  else if (millis === otherMillis) counter = otherCounter + 1;
  if (counter > MAX_COUNTER) throw new Error('HLC counter overflow: too many changes in one millisecond');
  return { millis, counter, node };
}

/** The timestamp of a local change made at wall time `wallMs`. */
export function tickHlc(last: Hlc, wallMs: number): Hlc {
  return advance(last.node, last.millis, last.counter, last.millis, last.counter, wallMs);
}

/** The clock after seeing a remote timestamp, so later local changes sort after everything already seen. */
export function receiveHlc(last: Hlc, remote: Hlc, wallMs: number): Hlc {
  return advance(last.node, last.millis, last.counter, remote.millis, remote.counter, wallMs);
}

export function encodeHlc(hlc: Hlc): string {
  return `${new Date(hlc.millis).toISOString()}-${hlc.counter.toString(16).padStart(4, '0')}-${hlc.node}`;
}

const HLC_PATTERN = /^(\d{4}-\d{2}-(\d{2})T(\d{2}):\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function decodeHlc(text: string): Hlc {
  const m = HLC_PATTERN.exec(text);
  const millis = m ? Date.parse(m[1]) : NaN;
  // Date.parse refuses a month, day, minute or second out of range but rolls over a day past its month's end
  // (2020-02-30 becomes 1 March) and 24:00 (the next day): the same day and hour back prove the instant real, at
  // half the cost of a round trip through toISOString (every synced change is checked so, twice over).
  const instant = new Date(millis);
  if (!m || Number.isNaN(millis) || instant.getUTCDate() !== Number(m[2]) || instant.getUTCHours() !== Number(m[3])) throw new Error(`not an HLC timestamp: '${text}'`);
  return { millis, counter: parseInt(m[4], 16), node: m[5] };
}
