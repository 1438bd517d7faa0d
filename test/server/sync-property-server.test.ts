import fc from 'fast-check';
import prand from 'pure-rand';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addUser } from '../../server/accounts';
import { SCOPES, effectiveScope, isVisibleTo, type Scope } from '../../shared/scopes';
import { listConflicts, resolveConflict } from '../../electron/services/sync/conflicts';
import { login, syncOnce } from '../../electron/services/sync/client';
import type { Store } from '../../electron/services/store/store';
import { startFaultyNetwork, type Fault, type FaultyNetwork } from '../support/faulty-network';
import { replicaState, useReplicas } from '../support/replicas';
import { propertyRuns } from '../support/property-runs';
import { applyEdit, edit, lostChanges } from '../support/sync-ops';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import type { SyncReport } from '../../shared/sync/status';

// The sync property through the real server and PostgreSQL over a network that drops requests, drops answers after
// the server acted on them, and delivers requests twice; replicas sync in random order, two at a time as well.
// 3–5 ministry replicas edit, delete and re-scope the same records; a company replica only syncs. After the network
// heals: the ministry replicas are identical, no change is lost, the server holds each change once, and the company
// holds exactly the records its scope admits, as the ministry has them, and nothing above it.

const PASSWORD = 'property-password';
let server: TestSyncServer | undefined;
let network: FaultyNetwork | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  network = await startFaultyNetwork(server.url);
  const ministry = await addOrganisation(server.db, '経済産業省', 'ministry');
  const company = await addOrganisation(server.db, '株式会社テスト', 'company');
  for (let i = 0; i < 5; i++) await addUser(server.db, { login: `desk${i}`, orgId: ministry, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm', orgId: company, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await network?.stop();
  await server?.stop();
});

const op = fc.tuple(
  fc.nat(),
  fc.oneof(
    { weight: 4, arbitrary: edit },
    { weight: 3, arbitrary: fc.constant({ kind: 'sync' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync-two' as const), other: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), choice: fc.constantFrom('mine' as const, 'theirs' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3000 }) }) },
  ),
);

/** Seeded fates for requests: mostly delivered, otherwise lost one way or the other, or repeated. */
function faults(seed: number): () => Fault {
  let rng = prand.xoroshiro128plus(seed);
  return () => {
    const [roll, next] = prand.uniformIntDistribution(0, 99, rng);
    rng = next;
    return roll < 65 ? 'deliver' : roll < 77 ? 'drop-request' : roll < 89 ? 'drop-answer' : 'duplicate';
  };
}

/** A sync over the faulty network; a round the network defeated is simply over (the next one resumes). */
async function trySync(store: Store, rejected: string[]): Promise<SyncReport | null> {
  try {
    const report = await syncOnce(store, { retryDelays: [0, 0] });
    rejected.push(...report.rejected.map((r) => `${r.field} @ ${r.hlc}: ${r.reason}`));
    return report;
  } catch {
    return null;
  }
}

/** Syncs every replica in turn until a whole round moves nothing: the network is back for good. */
async function settle(stores: Store[], rejected: string[]): Promise<void> {
  for (let round = 0; round < 8; round++) {
    let moved = false;
    for (const store of stores) {
      const report = await trySync(store, rejected);
      if (!report) throw new Error('a sync failed on a healed network');
      if (report.pushed + report.pulled + report.purged + report.rejected.length > 0) moved = true;
    }
    if (!moved) return;
  }
  throw new Error('replicas did not settle after 8 rounds');
}

/** Cases and stage events as one replica holds them, keyed by id. */
function rows(store: Store, table: 'cases' | 'events'): Map<string, Record<string, unknown>> {
  const all = store.db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
  return new Map(all.map((r) => [r.id as string, r]));
}

describe('sync property through the server', () => {
  const replica = useReplicas();
  const runs = propertyRuns('KARTE_SERVER_PROPERTY_RUNS', 12, 30_000);
  let run = 0;

  it(
    'converges, loses nothing and keeps every record within its scope over a lossy network',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 5 }),
          fc.integer(),
          fc.array(op, { minLength: 5, maxLength: 30 }),
          async (skews, seed, ops) => {
            run++;
            await server!.db.query('TRUNCATE changes, records, record_parents');
            let time = Date.now();
            const desks = skews.map((skew, i) => {
              const r = replica(`run${run}-desk${i}`, `desk${i}`);
              r.setTime(time + skew);
              return r;
            });
            const firm = replica(`run${run}-firm`, 'firm');
            firm.setTime(time);
            try {
              const stores = desks.map((r) => r.store);
              network!.setFaults(() => 'deliver');
              for (const [i, store] of stores.entries()) await login(store, { server: network!.url, login: `desk${i}`, password: PASSWORD });
              await login(firm.store, { server: network!.url, login: 'firm', password: PASSWORD });
              const everyone = [...stores, firm.store];
              const rejected: string[] = [];

              network!.setFaults(faults(seed));
              for (const [who, step] of ops) {
                const i = who % stores.length;
                switch (step.kind) {
                  case 'edit':
                    applyEdit(stores[i], step);
                    break;
                  case 'sync':
                    await trySync(everyone[who % everyone.length], rejected);
                    break;
                  case 'sync-two': {
                    const [a, b] = [everyone[who % everyone.length], everyone[step.other % everyone.length]];
                    await Promise.all(a === b ? [trySync(a, rejected)] : [trySync(a, rejected), trySync(b, rejected)]);
                    break;
                  }
                  case 'resolve': {
                    const [open] = listConflicts(stores[i]);
                    if (open) resolveConflict(stores[i], open.id, step.choice);
                    break;
                  }
                  case 'tick':
                    time += step.ms;
                    desks.forEach((r, k) => r.setTime(time + skews[k]));
                    firm.setTime(time);
                    break;
                }
              }

              network!.setFaults(() => 'deliver');
              await settle(everyone, rejected);
              expect(rejected).toEqual([]);

              const states = stores.map(replicaState);
              for (const state of states.slice(1)) expect(state).toEqual(states[0]);
              expect(lostChanges(stores)).toEqual([]);
              const held = await server!.db.query<{ n: string }>('SELECT count(*) AS n FROM changes');
              expect(Number(held.rows[0].n)).toBe(states[0].changes.length);

              // The company holds what a council member may: cases of council or public scope, and their events whose
              // own scope is as wide (an event whose case nobody created, by its own scope); each as the ministry has it.
              const cases = rows(stores[0], 'cases');
              const fitCases = [...cases.values()].filter((c) => isVisibleTo(c.scope as Scope, 'council'));
              const fitEvents = [...rows(stores[0], 'events').values()].filter((e) => {
                const parentScope = (cases.get(e.caseId as string)?.scope ?? 'public') as Scope;
                return isVisibleTo(effectiveScope(e.scope as Scope, parentScope), 'council');
              });
              expect([...rows(firm.store, 'cases').values()]).toEqual(expect.arrayContaining(fitCases));
              expect(rows(firm.store, 'cases').size).toBe(fitCases.length);
              expect([...rows(firm.store, 'events').values()]).toEqual(expect.arrayContaining(fitEvents));
              expect(rows(firm.store, 'events').size).toBe(fitEvents.length);
              const narrow = SCOPES.filter((s) => !isVisibleTo(s, 'council'));
              expect(
                firm.store.db
                  .prepare(`SELECT count(*) FROM cases WHERE scope IN (${narrow.map(() => '?').join(', ')})`)
                  .pluck()
                  .get(...narrow),
              ).toBe(0);
            } finally {
              // Per run, not per test: a soak of thousands of runs must not run out of file handles or disk.
              replica.dispose([...desks, firm]);
            }
          },
        ),
        { numRuns: runs.numRuns, seed: runs.seed, path: runs.path },
      );
    },
    runs.timeoutMs,
  );
});
