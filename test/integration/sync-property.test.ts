import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncChange } from '../../shared/sync/change';
import { applyRemoteChanges } from '../../electron/services/sync/apply';
import { listConflicts, resolveConflict } from '../../electron/services/sync/conflicts';
import { outbox, recordPushed } from '../../electron/services/sync/outbox';
import { loggedValues, readRow, writeRows, type Store } from '../../electron/services/store/store';
import { TABLES } from '../../electron/services/store/tables';
import { replicaState, useReplicas } from '../support/replicas';
import { propertyRuns } from '../support/property-runs';
import { applyEdit, edit, lostChanges, TARGETS } from '../support/sync-ops';

// Several replicas edit the same records while a simulated network drops, duplicates and reorders their messages
// to and from a relay (the server's part, reduced to an idempotent list of changes with cursors). After a final
// full exchange every replica must be identical and no change may have vanished.

const op = fc.tuple(
  fc.nat(),
  fc.oneof(
    { weight: 4, arbitrary: edit },
    { weight: 2, arbitrary: fc.constantFrom({ kind: 'push' as const }, { kind: 'pull' as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('deliver' as const, 'drop' as const, 'duplicate' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), choice: fc.constantFrom('mine' as const, 'theirs' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3000 }) }) },
  ),
);

type Message = { kind: 'push'; from: number; changes: SyncChange[]; lastSeq: number } | { kind: 'pull'; to: number; start: number; changes: SyncChange[] };

/** The relay: every change once, in arrival order; a replica pulls from its cursor. */
class Relay {
  readonly changes: SyncChange[] = [];
  private readonly ids = new Set<string>();
  accept(changes: SyncChange[]): void {
    for (const c of changes) {
      if (this.ids.has(`${c.hlc} ${c.field}`)) continue;
      this.ids.add(`${c.hlc} ${c.field}`);
      this.changes.push(c);
    }
  }
}

function deliverMessage(message: Message, stores: Store[], relay: Relay, cursors: number[]): void {
  if (message.kind === 'push') {
    relay.accept(message.changes);
    recordPushed(stores[message.from], message.lastSeq);
  } else {
    applyRemoteChanges(stores[message.to], message.changes);
    // A reply that arrives ahead of an earlier, lost one must not move the cursor past what was never received.
    if (message.start <= cursors[message.to]) cursors[message.to] = Math.max(cursors[message.to], message.start + message.changes.length);
  }
}

/** Pushes and pulls without loss until nothing moves: the network is back for good. */
function exchangeFully(stores: Store[], relay: Relay, cursors: number[]): void {
  for (let round = 0; round < 10; round++) {
    let moved = false;
    stores.forEach((store, i) => {
      const pending = outbox(store, Number.MAX_SAFE_INTEGER);
      if (pending.changes.length > 0) moved = true;
      deliverMessage({ kind: 'push', from: i, ...pending }, stores, relay, cursors);
    });
    stores.forEach((_, i) => {
      if (cursors[i] < relay.changes.length) moved = true;
      deliverMessage({ kind: 'pull', to: i, start: cursors[i], changes: relay.changes.slice(cursors[i]) }, stores, relay, cursors);
    });
    if (!moved) return;
  }
  throw new Error('replicas did not settle after 10 full exchanges');
}

describe('sync property: replicas converge and lose nothing over an unreliable network', () => {
  const replica = useReplicas();
  const runs = propertyRuns('KARTE_PROPERTY_RUNS', 25, 1_000);
  let run = 0;

  it(
    'holds for random edits, deletes, scope changes, drops, duplicates and reorders',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 5 }),
          fc.boolean(),
          fc.array(op, { minLength: 5, maxLength: 40 }),
          (skews, seeded, ops) => {
            run++;
            let time = Date.UTC(2026, 0, 1);
            const replicas = skews.map((skew, i) => {
              const r = replica(`run${run}-replica${i}`, `user${i}`);
              r.setTime(time + skew);
              return r;
            });
            try {
              const stores = replicas.map((r) => r.store);
              const relay = new Relay();
              const cursors = stores.map(() => 0);
              const queue: Message[] = [];
              const made: string[] = [];
              // Either all replicas start from the same records, or they may create the same records concurrently.
              if (seeded) {
                writeRows(
                  stores[0],
                  TARGETS.map(({ table, id, creation }) => ({ table, id, values: creation })),
                );
                exchangeFully(stores, relay, cursors);
              }

              for (const [who, step] of ops) {
                const i = who % stores.length;
                const store = stores[i];
                switch (step.kind) {
                  case 'edit':
                    for (const c of applyEdit(store, step)) made.push(`${c.hlc} ${c.field}`);
                    break;
                  case 'push':
                    queue.push({ kind: 'push', from: i, ...outbox(store, 5) });
                    break;
                  case 'pull':
                    queue.push({ kind: 'pull', to: i, start: cursors[i], changes: relay.changes.slice(cursors[i], cursors[i] + 8) });
                    break;
                  case 'deliver':
                  case 'drop':
                  case 'duplicate': {
                    if (queue.length === 0) break;
                    const at = step.pick % queue.length;
                    if (step.kind === 'duplicate') queue.push(queue[at]);
                    else {
                      const [message] = queue.splice(at, 1);
                      if (step.kind === 'deliver') deliverMessage(message, stores, relay, cursors);
                    }
                    break;
                  }
                  case 'resolve': {
                    const [open] = listConflicts(store);
                    if (open) resolveConflict(store, open.id, step.choice);
                    break;
                  }
                  case 'tick':
                    time += step.ms;
                    replicas.forEach((r, k) => r.setTime(time + skews[k]));
                    break;
                }
              }
              exchangeFully(stores, relay, cursors);

              const states = stores.map(replicaState);
              for (const state of states.slice(1)) expect(state).toEqual(states[0]);
              const logged = new Set(states[0].changes.map((c) => `${(c as SyncChange).hlc} ${(c as SyncChange).field}`));
              expect(made.filter((id) => !logged.has(id))).toEqual([]);
              expect(lostChanges(stores)).toEqual([]);
              // Each record is its defaults plus the newest change of every field.
              for (const { table, id } of TARGETS) {
                const row = readRow(stores[0], table, id);
                const logValues = loggedValues(stores[0], table, id);
                if (row) expect(row).toEqual(TABLES[table].schema.parse({ ...TABLES[table].defaults, ...logValues, id }));
                else expect(Object.keys(logValues)).toEqual([]);
              }
            } finally {
              // Per run, not per test: a soak of thousands of runs must not run out of file handles or disk.
              replica.dispose(replicas);
            }
          },
        ),
        { numRuns: runs.numRuns, seed: runs.seed, path: runs.path },
      );
    },
    runs.timeoutMs,
  );
});
