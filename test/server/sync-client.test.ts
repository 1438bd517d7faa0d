import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addUser } from '../../server/accounts';
import { getCase, listCases, setCaseField } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { TABLES } from '../../electron/services/store/tables';
import { syncOnce } from '../../electron/services/sync/client';
import { listConflicts } from '../../electron/services/sync/conflicts';
import type { ConflictView } from '../../shared/sync/status';
import { karteAsync } from '../support/cli';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { DEMO_DIR, useTempDir, withStore, withStoreAsync } from '../support/temp';
import type { SyncReport } from '../../shared/sync/status';

// Two desktop clients against the real server (PostgreSQL + HTTP), driven through bin/karte as separate processes:
// offline edits of the same field and of different fields meet, both stores end identical, and the value that lost
// is listed on the client that wrote it.

const PASSWORD = '二人のパスワード';
const VIETNAM = path.join(DEMO_DIR, 'vietnam.json');

let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const org = await addOrganisation(server.db, '国土交通省', 'ministry');
  await addUser(server.db, { login: 'alice', orgId: org, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'bob', orgId: org, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

async function karteJson<T>(db: string, args: string[]): Promise<T> {
  const result = await karteAsync(['--db', db, ...args, '--json']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** The records a store holds, table by table: what two converged replicas must agree on. */
function records(file: string): Record<string, unknown[]> {
  return withStore(file, 'reader', (store) =>
    Object.fromEntries([...Object.keys(TABLES), 'case_countries'].map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()])),
  );
}

function changeLog(file: string): unknown[] {
  return withStore(file, 'reader', (store) => store.db.prepare('SELECT hlc, author, tbl, rowId, field, value, scope, prev FROM changes ORDER BY hlc, field').all());
}

describe('two clients syncing through the server', () => {
  const temp = useTempDir();

  /**
   * Alice imports a table; both devices sign in through the CLI and settle once, so Bob holds her cases before anyone
   * edits. The server outlives a test: each test edits a case of its own import.
   */
  async function twoClients(caseIndex: number): Promise<{ a: string; b: string; caseId: string }> {
    const a = path.join(temp.dir(), 'alice.sqlite');
    const b = path.join(temp.dir(), 'bob.sqlite');
    const caseId = withStore(a, 'alice', (store) => {
      importKarteFiles(store, [VIETNAM]);
      return listCases(store, { country: 'VN' })[caseIndex].id;
    });
    const signedIn = await Promise.all([
      karteAsync(['--db', a, 'login', '--server', server!.url, '--user', 'alice'], { env: { KARTE_PASSWORD: PASSWORD } }),
      karteAsync(['--db', b, 'login', '--server', server!.url, '--user', 'bob'], { env: { KARTE_PASSWORD: PASSWORD } }),
    ]);
    for (const result of signedIn) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('signed in to');
      expect(result.stdout + result.stderr).not.toMatch(/token/i);
    }
    for (const [file, author] of [
      [a, 'alice'],
      [b, 'bob'],
      [a, 'alice'],
    ])
      await withStoreAsync(file, author, (store) => syncOnce(store));
    expect(records(a)).toEqual(records(b));
    return { a, b, caseId };
  }

  /** Offline: Alice holds the case and rewrites its summary; Bob, later, drops it and sets its future policy (今後の方針). */
  async function editOffline(a: string, b: string, caseId: string): Promise<void> {
    withStore(a, 'alice', (store) => {
      setCaseField(store, caseId, 'status', 'on_hold');
      setCaseField(store, caseId, 'summary', '先方の予算措置待ち');
    });
    // Bob's edit is the later one on any clock.
    await new Promise((resolve) => setTimeout(resolve, 5));
    withStore(b, 'bob', (store) => {
      setCaseField(store, caseId, 'status', 'dropped');
      setCaseField(store, caseId, 'futurePolicy', '他国企業の動向を注視');
    });
  }

  async function sync(file: string): Promise<SyncReport> {
    return await karteJson<SyncReport>(file, ['sync']);
  }

  async function expectConverged(a: string, b: string, caseId: string): Promise<void> {
    expect(records(a)).toEqual(records(b));
    expect(changeLog(a)).toEqual(changeLog(b));
    const shown = withStore(a, 'alice', (store) => getCase(store, caseId).case);
    expect(shown).toMatchObject({ status: 'dropped', summary: '先方の予算措置待ち', futurePolicy: '他国企業の動向を注視' });

    const [aliceConflicts, bobConflicts, text] = await Promise.all([
      karteJson<ConflictView[]>(a, ['conflicts']),
      karteJson<ConflictView[]>(b, ['conflicts']),
      karteAsync(['--db', a, 'conflicts']),
    ]);
    expect(bobConflicts).toEqual([]);
    expect(aliceConflicts).toHaveLength(1);
    expect(aliceConflicts[0]).toMatchObject({
      table: 'cases',
      rowId: caseId,
      field: 'status',
      mine: { value: 'on_hold', author: 'alice' },
      theirs: { value: 'dropped', author: 'bob' },
    });
    expect(text.stdout).toMatch(/status\n\s+mine\s+on_hold\s+\(alice, \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\)\n\s+theirs\s+dropped\s+\(bob, /);

    // A retried sync finds nothing to do and changes nothing.
    const before = { a: records(a), b: records(b) };
    const again = await Promise.all([sync(a), sync(b)]);
    for (const report of again) expect(report).toEqual({ pushed: 0, rejected: [], pulled: 0, purged: 0, quarantined: 0, conflicts: 0 });
    expect({ a: records(a), b: records(b) }).toEqual(before);
  }

  it('converges when Alice syncs first, then Bob, then Alice; Alice sees the status she lost', async () => {
    const { a, b, caseId } = await twoClients(0);
    await editOffline(a, b, caseId);
    expect(await sync(a)).toEqual({ pushed: 2, rejected: [], pulled: 0, purged: 0, quarantined: 0, conflicts: 0 });
    expect(await sync(b)).toEqual({ pushed: 2, rejected: [], pulled: 2, purged: 0, quarantined: 0, conflicts: 0 });
    expect(await sync(a)).toEqual({ pushed: 0, rejected: [], pulled: 2, purged: 0, quarantined: 0, conflicts: 1 });
    await expectConverged(a, b, caseId);

    // Alice settles it by keeping Bob's value: the conflict closes and nothing new needs syncing but that decision.
    const [open] = withStore(a, 'alice', (store) => listConflicts(store));
    const resolved = await karteAsync(['--db', a, 'conflict', 'resolve', String(open.id), 'theirs']);
    expect(resolved.status, resolved.stderr).toBe(0);
    expect(withStore(a, 'alice', (store) => listConflicts(store))).toEqual([]);
  });

  it('converges when Bob syncs first, then Alice, then Bob', async () => {
    const { a, b, caseId } = await twoClients(1);
    await editOffline(a, b, caseId);
    expect(await sync(b)).toEqual({ pushed: 2, rejected: [], pulled: 0, purged: 0, quarantined: 0, conflicts: 0 });
    expect(await sync(a)).toEqual({ pushed: 2, rejected: [], pulled: 2, purged: 0, quarantined: 0, conflicts: 1 });
    expect(await sync(b)).toEqual({ pushed: 0, rejected: [], pulled: 2, purged: 0, quarantined: 0, conflicts: 0 });
    await expectConverged(a, b, caseId);
  });
});
