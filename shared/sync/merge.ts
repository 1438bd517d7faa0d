import { diff3Merge } from 'node-diff3';
import type { RecordTable } from '../model/records';
import { sameFieldValue } from '../field-value';

// The merge rules of offline-first sync, per field. Every replica keeps the full change log; a field's value is
// the one its newest change (by HLC string order, node id last) set, so replicas converge whatever order changes
// arrive in. Each change also names the change it overwrote on its author's device (`prev`): following these links
// tells whether an author had seen a value before replacing it, and where two concurrent edits began.

/** A field's value as one change set it. `prev` is the change its author overwrote (null: the record's default). */
export interface FieldVersion {
  hlc: string;
  value: unknown;
  prev: string | null;
}

/**
 * The `prev` of a logged change of the field in question; undefined when the change is not in the log (not
 * received yet), so the history beyond it is unknown.
 */
export type PrevLookup = (hlc: string) => string | null | undefined;

/** Narrative text fields (記述欄): concurrent edits of different passages merge by themselves. */
export const NARRATIVE_FIELDS: Readonly<Record<RecordTable, readonly string[]>> = {
  cases: ['summary', 'futurePolicy', 'notes', 'nextAction', 'financing', 'outcomeFraming', 'effectExamples', 'nextSteps', 'talkingPoints'],
  dossiers: ['overview', 'relations', 'policy', 'supportHistory'],
  events: ['text'],
  agreements: [],
  organisations: [],
  visits: ['objectives', 'asks'],
  plans: ['counterpartNeeds', 'pathToOrder', 'problem', 'noIndicatorsReason', 'noHurdlesReason'],
  indicators: ['statement', 'verification'],
  indicator_periods: ['comment', 'evidence'],
  hurdles: ['description'],
  plan_revisions: [],
  questions: ['question', 'answer'],
  profiles: ['career', 'notes'],
  country_facts: [],
  directions: ['situation', 'strengths', 'pathToWin', 'bottlenecks', 'measures', 'target'],
  schemes: ['terms'],
  offers: ['description'],
  track_records: [],
  advisors: ['experience'],
  advisor_contacts: [],
};

export function isNarrativeField(table: RecordTable, field: string): boolean {
  return NARRATIVE_FIELDS[table].includes(field);
}

/** Last writer wins: a change replaces the field's current value when its timestamp sorts later. */
export function wins(incoming: { hlc: string }, current: { hlc: string } | undefined): boolean {
  return current === undefined || incoming.hlc > current.hlc;
}

/** The node that wrote a change: the HLC ends with it. */
export function nodeOf(hlc: string): string {
  return hlc.slice(-16);
}

/**
 * The newest change both histories contain: null when both go back to the default without meeting, undefined
 * when a link is missing from the log. Walks both chains newest first, so it costs what the divergence costs,
 * not the field's whole history.
 */
export function commonAncestor(a: string, b: string, prevOf: PrevLookup): string | null | undefined {
  let x: string | null | undefined = a;
  let y: string | null | undefined = b;
  while (x !== y) {
    if (x === undefined || y === undefined) return undefined;
    if (y === null || (x !== null && x > y)) x = prevOf(x as string);
    else y = prevOf(y);
  }
  return x;
}

/** Whether the author of `later` had `earlier` in front of them: it lies on `later`'s chain of overwritten values. */
export function hadSeen(later: string, earlier: string, prevOf: PrevLookup): boolean {
  return commonAncestor(later, earlier, prevOf) === earlier;
}

/** The value a logged change of the field in question set; undefined when the change is not in the log. */
export type ValueLookup = (hlc: string) => { value: unknown } | undefined;

/** The values a chain of overwritten changes held, newest first, as far as the log reaches. */
function chainValues(head: string, prevOf: PrevLookup, valueOf: ValueLookup): unknown[] {
  const values: unknown[] = [];
  for (let link: string | null | undefined = head; link; link = prevOf(link)) {
    const logged = valueOf(link);
    if (logged) values.push(logged.value);
  }
  return values;
}

/**
 * Whether the author of `later` had `value` in front of them: some change on its chain of overwritten values set
 * the same value. Two devices that imported the same file each logged the same values under their own timestamps;
 * an edit made on one replaced what the other holds too, so nothing of the other's is lost.
 */
export function sawValue(later: string, value: unknown, prevOf: PrevLookup, valueOf: ValueLookup): boolean {
  return chainValues(later, prevOf, valueOf).some((held) => sameFieldValue(held, value));
}

/**
 * The newest value both chains held, when their histories never met by timestamp (two imports of the same file):
 * the base of a three-way merge. Undefined when they share no value.
 */
export function commonValue(a: string, b: string, prevOf: PrevLookup, valueOf: ValueLookup): { value: unknown } | undefined {
  const held = chainValues(a, prevOf, valueOf);
  const found = chainValues(b, prevOf, valueOf).find((value) => held.some((other) => sameFieldValue(other, value)));
  return found === undefined ? undefined : { value: found };
}

/**
 * Whether a winning remote change overwrote this node's own value without its author having seen it (neither that
 * change nor an equal value lies on its chain): then that value would vanish silently, so it needs merging or a
 * person.
 */
export function overwroteUnseen(mine: FieldVersion, theirs: FieldVersion, localNode: string, prevOf: PrevLookup, valueOf: ValueLookup): boolean {
  if (nodeOf(mine.hlc) !== localNode || !wins(theirs, mine) || hadSeen(theirs.hlc, mine.hlc, prevOf)) return false;
  return theirs.prev === null || !sawValue(theirs.prev, mine.value, prevOf, valueOf);
}

// Sentences (ending in 。！？!? or a full stop before a space) and lines are the units of a text merge: two people
// editing the same sentence need a person, edits of different sentences do not.
const UNIT_END = /(?<=[。！？!?\n])|(?<=\.)(?=\s)/u;

// diff3 treats edits of neighbouring units as one overlapping edit; an empty marker after each unit keeps them
// apart, and joins to nothing.
function units(text: string): string[] {
  return text === '' ? [] : text.split(UNIT_END).flatMap((unit) => [unit, '']);
}

/** Three-way merge of a narrative text; null when both sides changed the same passage. */
export function mergeText(base: string, mine: string, theirs: string): string | null {
  const regions = diff3Merge(units(mine), units(base), units(theirs), { excludeFalseConflicts: true });
  if (regions.some((r) => r.conflict)) return null;
  return regions.flatMap((r) => r.ok ?? []).join('');
}

/** What becomes of a local value that a remote change overwrote unseen. */
export type Settlement =
  /** The remote value is the same: nothing is lost. */
  | { kind: 'same' }
  /** Narrative edits of different passages: the merged text is written as a new local change. */
  | { kind: 'merged'; value: string }
  /** Kept for a person to decide. */
  | { kind: 'conflict' };

/** `base`: the value both sides started from, or undefined when the log cannot tell. */
export function settle(mine: unknown, theirs: unknown, base: unknown, narrative: boolean): Settlement {
  if (sameFieldValue(mine, theirs)) return { kind: 'same' };
  if (narrative && typeof base === 'string' && typeof mine === 'string' && typeof theirs === 'string') {
    const merged = mergeText(base, mine, theirs);
    if (merged !== null) return { kind: 'merged', value: merged };
  }
  return { kind: 'conflict' };
}
