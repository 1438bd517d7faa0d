import fc from 'fast-check';
import { nodeOf } from '../../shared/sync/merge';
import { listConflicts } from '../../electron/services/sync/conflicts';
import { readRow, writeRows, type Change, type Store } from '../../electron/services/store/store';
import type { TableName } from '../../electron/services/store/tables';

// Random edits for the sync property tests: a few fixed records that every replica may create, edit, delete and
// re-scope, and the check that no change of any replica vanished.

const CASES = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002'];
const EVENTS = ['bbbbbbbb-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002'];
export const TARGETS: { table: TableName; id: string; creation: Record<string, unknown> }[] = [
  ...CASES.map((id, i) => ({ table: 'cases' as const, id, creation: { title: `案件${i + 1}`, summary: '概要。経緯。課題。' } })),
  ...EVENTS.map((id, i) => ({ table: 'events' as const, id, creation: { caseId: CASES[i], phase: 'consideration', text: '検討開始。実務協議。覚書署名。' } })),
];

/** A narrative edit: rewrite one sentence of the current text, or add one at the end. */
interface Rewrite {
  at: number;
  sentence: string;
}
const sentences = fc.record({ at: fc.nat(), sentence: fc.constantFrom('調査実施。', '受注。', '延期。', '再開。') }).map((r): Rewrite => r);

function rewritten(text: string, { at, sentence }: Rewrite): string {
  const units = text.split(/(?<=。)/);
  units[at % (units.length + 1)] = sentence;
  return units.join('');
}
const scope = fc.constantFrom('internal', 'government', 'council', 'public');
const EDITS: Record<'cases' | 'events', Record<string, fc.Arbitrary<unknown>>> = {
  cases: {
    summary: sentences,
    status: fc.constantFrom('active', 'won', 'on_hold', 'dropped'),
    priority: fc.boolean(),
    project: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    countries: fc.subarray(['VN', 'LA', 'TH']),
    scope,
    deleted: fc.boolean(),
  },
  events: { text: sentences, phase: fc.constantFrom('consideration', 'consultation', 'mou_top_sales'), scope, deleted: fc.boolean() },
};

export const edit = fc.integer({ min: 0, max: TARGETS.length - 1 }).chain((target) => {
  const fields = EDITS[TARGETS[target].table as 'cases' | 'events'];
  return fc.constantFrom(...Object.keys(fields)).chain((field) => fields[field].map((value) => ({ kind: 'edit' as const, target, field, value })));
});

export type Edit = { target: number; field: string; value: unknown };

/** Writes an edit on a replica; a record it does not have yet is created with the edit. */
export function applyEdit(store: Store, step: Edit): Change[] {
  const target = TARGETS[step.target];
  const current = readRow(store, target.table, target.id) as Record<string, unknown> | undefined;
  const base = { ...target.creation, ...current };
  const value = typeof step.value === 'object' && step.value !== null && 'sentence' in step.value ? rewritten(base[step.field] as string, step.value as Rewrite) : step.value;
  const values = current ? { [step.field]: value } : { ...target.creation, [step.field]: value };
  return writeRows(store, [{ table: target.table, id: target.id, values }]);
}

/**
 * Every logged change either holds its field, was knowingly overwritten (itself, or a change of the same value: two
 * replicas that created the same record alike), lives on as an equal value, or is a conflict.
 */
export function lostChanges(stores: Store[]): string[] {
  type Logged = { hlc: string; tbl: string; rowId: string; field: string; value: string; prev: string | null };
  const log = stores[0].db.prepare('SELECT hlc, tbl, rowId, field, value, prev FROM changes').all() as Logged[];
  const fieldKey = (c: Logged) => `${c.tbl} ${c.rowId} ${c.field}`;
  const winner = new Map<string, string>();
  for (const c of log) if ((winner.get(fieldKey(c)) ?? '') < c.hlc) winner.set(fieldKey(c), c.hlc);
  const byHlc = new Map(log.map((c) => [`${c.hlc} ${c.field}`, c]));
  const overwritten = new Set(
    log.flatMap((c) => {
      const prev = byHlc.get(`${c.prev} ${c.field}`);
      return prev ? [`${fieldKey(prev)} ${prev.value}`] : [];
    }),
  );
  const byNode = new Map(stores.map((s) => [s.node, s]));
  return log
    .filter((c) => {
      if (winner.get(fieldKey(c)) === c.hlc || overwritten.has(`${fieldKey(c)} ${c.value}`)) return false;
      if (log.some((d) => fieldKey(d) === fieldKey(c) && d.hlc > c.hlc && d.value === c.value)) return false;
      const author = byNode.get(nodeOf(c.hlc)) as Store;
      return !listConflicts(author, { all: true }).some((k) => k.mine.hlc === c.hlc && k.field === c.field);
    })
    .map((c) => `${fieldKey(c)} @ ${c.hlc} = ${c.value}`);
}
