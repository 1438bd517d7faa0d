import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { applyRemoteChanges, type ApplyResult } from '../../electron/services/sync/apply';
import { localChangesSince } from '../../electron/services/sync/outbox';
import { openStore, type Store } from '../../electron/services/store/store';
import { useTempDir } from './temp';

// Replicas for sync tests: real SQLite stores in a temp folder, each with its own node id and a wall clock the
// test moves, so which concurrent edit wins is decided by the test, not by timing.

export interface Replica {
  store: Store;
  /** Sets this replica's wall clock (ms since the epoch). */
  setTime(ms: number): void;
}

/** Makes replicas; `dispose` closes some and deletes their files (a property test's run), afterEach the rest. */
export function useReplicas(): ((name: string, author?: string) => Replica) & { dispose(replicas: readonly Replica[]): void } {
  const temp = useTempDir();
  const open: Store[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) if (s.db.open) s.close();
  });
  const make = (name: string, author = name): Replica => {
    let time = Date.UTC(2026, 0, 1);
    const store = openStore(path.join(temp.dir(), `${name}.sqlite`), { author, now: () => time });
    open.push(store);
    return { store, setTime: (ms) => (time = ms) };
  };
  const dispose = (replicas: readonly Replica[]) => {
    for (const { store } of replicas) {
      if (store.db.open) store.close();
      open.splice(open.indexOf(store), 1);
      const tokenKey = store.file.replace(/\.sqlite$/, '.token-key');
      for (const file of [store.file, `${store.file}-wal`, `${store.file}-shm`, tokenKey]) fs.rmSync(file, { force: true });
    }
  };
  return Object.assign(make, { dispose });
}

/** Sends everything `from` wrote itself to `to`, as the server would relay it. */
export function deliver(from: Store, to: Store): ApplyResult {
  return applyRemoteChanges(to, localChangesSince(from, 0, Number.MAX_SAFE_INTEGER).changes);
}

/**
 * What must be identical on every replica after a full exchange: the records, their derived tables and the change
 * log (without the local sequence numbers and search row ids, which are per device).
 */
export function replicaState(store: Store): Record<string, unknown[]> {
  const queries: Record<string, string> = {
    dossiers: 'SELECT * FROM dossiers ORDER BY id',
    cases: 'SELECT * FROM cases ORDER BY id',
    events: 'SELECT * FROM events ORDER BY id',
    agreements: 'SELECT * FROM agreements ORDER BY id',
    organisations: 'SELECT * FROM organisations ORDER BY id',
    case_countries: 'SELECT * FROM case_countries ORDER BY caseId, iso2',
    search: 'SELECT kind, ref, caseId FROM search_docs ORDER BY ref',
    changes: 'SELECT hlc, author, tbl, rowId, field, value, scope, prev FROM changes ORDER BY hlc, field',
  };
  return Object.fromEntries(Object.entries(queries).map(([name, sql]) => [name, store.db.prepare(sql).all()]));
}
