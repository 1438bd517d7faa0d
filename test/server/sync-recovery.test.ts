import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addUser } from '../../server/accounts';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { openStore } from '../../electron/services/store/store';
import { DEFAULT_BATCH, login, SyncUnreachableError, syncOnce } from '../../electron/services/sync/client';
import { outbox, outboxCount, readSyncState } from '../../electron/services/sync/outbox';
import { KARTE_BIN } from '../support/cli';
import { generateKarteFiles } from '../support/karte-generator';
import { replicaState } from '../support/replicas';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir, withStore } from '../support/temp';
import type { SyncReport } from '../../shared/sync/status';

// A sync cut off half way, by the server going down or by the client being killed, resumes on the next sync with
// every change stored exactly once: the push cursor moves only after the server's answer, so the batch whose answer
// was lost goes again (and counts as a duplicate there), and each pulled page is stored with its cursor in one
// transaction.

const PASSWORD = '再開のパスワード';
/** The client's push batch (client.ts): the server holds at most one batch more than the client knows it has. */
/** About 22,000 changes per generated set: a push of a few seconds here, long enough to be cut in the middle. */
const SIZE = { countries: 2, cases: 600, events: 3_600 };

let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const org = await addOrganisation(server.db, '総務省', 'ministry');
  await addUser(server.db, { login: 'alice', orgId: org, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'bob', orgId: org, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

/** Records, derived tables and change log: what converged replicas agree on. */
function state(file: string): Record<string, unknown[]> {
  return withStore(file, 'reader', replicaState);
}

interface Outbox {
  node: string;
  /** Changes this device wrote. */
  own: number;
  /** Of them, those the server acknowledged. */
  acknowledged: number;
  waiting: number;
  integrity: unknown;
}

/** The store as it opens after the interruption: sound, and its outbox exactly what the server did not acknowledge. */
function outboxOf(file: string): Outbox {
  return withStore(file, 'reader', (store) => {
    const own = 'SELECT count(*) FROM changes WHERE substr(hlc, -16) = ?';
    return {
      node: store.node,
      own: store.db.prepare(own).pluck().get(store.node) as number,
      acknowledged: store.db.prepare(`${own} AND seq <= ?`).pluck().get(store.node, readSyncState(store).lastPushedSeq) as number,
      waiting: outboxCount(store),
      integrity: store.db.pragma('integrity_check', { simple: true }),
    };
  });
}

/** Every (hlc, field) the server holds of one device, sorted: compared with the device's own list. */
async function serverChanges(node: string): Promise<string[]> {
  const found = await server!.db.query<{ key: string }>("SELECT hlc || ' ' || field AS key FROM changes WHERE right(hlc, 16) = $1", [node]);
  return found.rows.map((r) => r.key).sort();
}

function ownChanges(file: string): string[] {
  return withStore(file, 'reader', (store) => (store.db.prepare("SELECT hlc || ' ' || field FROM changes WHERE substr(hlc, -16) = ?").pluck().all(store.node) as string[]).sort());
}

async function serverCount(node?: string): Promise<number> {
  const found = await server!.db.query<{ n: string }>('SELECT count(*) AS n FROM changes WHERE $1::text IS NULL OR right(hlc, 16) = $1', [node ?? null]);
  return Number(found.rows[0].n);
}

/** Polls until `reached` holds; fails naming what it waited for if `finished` settles first. */
async function waitUntil(what: string, reached: () => boolean | Promise<boolean>, finished: Promise<unknown>): Promise<void> {
  let over = false;
  void finished.then(
    () => (over = true),
    () => (over = true),
  );
  for (;;) {
    if (await reached()) return;
    if (over) throw new Error(`the sync ended before ${what}: nothing was left to interrupt`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A store holding one generated table set (seeded: fixed ids and contents), as an import leaves it. */
function importedStore(dir: string, name: string, author: string, seed: number): string {
  const file = path.join(dir, `${name}.sqlite`);
  const tables = generateKarteFiles({ seed, ...SIZE }).map((table, i) => {
    const json = path.join(dir, `${name}-${i}.json`);
    fs.writeFileSync(json, JSON.stringify(table));
    return json;
  });
  withStore(file, author, (store) => importKarteFiles(store, tables));
  return file;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** bin/karte in its own process, never blocking this one (the server answering it runs here). */
function startKarte(args: string[]): { kill: () => void; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [KARTE_BIN, ...args], { env: { ...process.env, KARTE_PASSWORD: PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exit = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { kill: () => child.kill('SIGKILL'), exit };
}

async function karte(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await startKarte(args).exit;
  expect(code, stderr).toBe(0);
  return stdout;
}

async function karteSync(file: string): Promise<SyncReport> {
  return JSON.parse(await karte(['--db', file, 'sync', '--json'])) as SyncReport;
}

describe('a sync interrupted half way', () => {
  const temp = useTempDir();

  it('survives the server going down during a push: nothing lost, nothing twice, once it is back', async () => {
    const a = importedStore(temp.dir(), 'alice', 'alice', 1);
    const before = state(a);
    const store = openStore(a, { author: 'alice' });
    let failure: unknown;
    try {
      await login(store, { server: server!.url, login: 'alice', password: PASSWORD });
      const total = outboxCount(store);
      expect(total).toBeGreaterThan(20_000);

      const syncing = syncOnce(store);
      syncing.catch(() => {});
      await waitUntil(`the server held a quarter of the push`, async () => (await serverCount(store.node)) >= total / 4, syncing);
      await server!.halt();
      failure = await syncing.then(
        () => new Error('the sync went through a stopped server'),
        (error: unknown) => error,
      );
    } finally {
      store.close();
    }
    expect(failure).toBeInstanceOf(SyncUnreachableError);
    expect((failure as Error).message).toBe(`cannot reach the sync server at ${server!.url}/v1/push: fetch failed`);

    const cut = outboxOf(a);
    expect(cut.integrity).toBe('ok');
    expect(cut.acknowledged).toBeGreaterThan(0);
    // Batches end where a record's creation would not fit whole: the one in flight is the outbox's next.
    const inFlight = withStore(a, 'reader', (s) => outbox(s, DEFAULT_BATCH).changes.length);
    expect(inFlight).toBeGreaterThan(DEFAULT_BATCH - 100);
    expect(cut.waiting).toBe(cut.own - cut.acknowledged);
    expect(state(a)).toEqual(before);

    await server!.restart();
    // The batch in flight when the server went down may have been stored without its answer reaching the client.
    const held = await serverCount(cut.node);
    expect([cut.acknowledged, cut.acknowledged + inFlight]).toContain(held);
    console.log(`server down after ${held} of ${cut.own} changes; ${cut.acknowledged} acknowledged`);

    const resumed = openStore(a, { author: 'alice' });
    try {
      expect(await syncOnce(resumed)).toEqual({ pushed: cut.own - cut.acknowledged, rejected: [], pulled: 0, purged: 0, quarantined: 0, conflicts: 0 });
    } finally {
      resumed.close();
    }
    expect(await serverChanges(cut.node)).toEqual(ownChanges(a));
    expect(await serverCount()).toBe(cut.own);
    expect(outboxOf(a).waiting).toBe(0);

    const b = path.join(temp.dir(), 'bob.sqlite');
    const bob = openStore(b, { author: 'bob' });
    try {
      await login(bob, { server: server!.url, login: 'bob', password: PASSWORD });
      expect(await syncOnce(bob)).toEqual({ pushed: 0, rejected: [], pulled: cut.own, purged: 0, quarantined: 0, conflicts: 0 });
    } finally {
      bob.close();
    }
    expect(state(b)).toEqual(state(a));
  });

  it('resumes a push and then a pull of bin/karte sync killed half way', async () => {
    const onServer = await serverCount();
    // Carol's laptop, signed in as Alice: its changes are logged under the name the server will give them.
    const c = importedStore(temp.dir(), 'carol', 'alice', 2);
    const before = state(c);
    expect(await karte(['--db', c, 'login', '--server', server!.url, '--user', 'alice'])).toContain('signed in to');
    const { node, own } = outboxOf(c);
    expect(own).toBeGreaterThan(20_000);

    const pushing = startKarte(['--db', c, 'sync', '--json']);
    await waitUntil('the server held a quarter of the push', async () => (await serverCount(node)) >= own / 4, pushing.exit);
    pushing.kill();
    const killed = await pushing.exit;
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe('');

    const cut = outboxOf(c);
    expect(cut.integrity).toBe('ok');
    expect(cut.acknowledged).toBeGreaterThan(0);
    expect(cut.waiting).toBe(own - cut.acknowledged);
    expect(state(c)).toEqual(before);
    // The server may still be storing the batch whose answer nobody will read.
    const held = await serverCount(node);
    expect(held).toBeGreaterThanOrEqual(cut.acknowledged);
    expect(held).toBeLessThanOrEqual(cut.acknowledged + DEFAULT_BATCH);
    console.log(`push killed after ${held} of ${own} changes; ${cut.acknowledged} acknowledged`);

    expect(await karteSync(c)).toEqual({ pushed: own - cut.acknowledged, rejected: [], pulled: onServer, purged: 0, quarantined: 0, conflicts: 0 });
    expect(await serverChanges(node)).toEqual(ownChanges(c));
    const total = await serverCount();
    expect(total).toBe(onServer + own);

    // Bob's new device pulls the whole log and is killed between pages.
    const d = path.join(temp.dir(), 'bob-laptop.sqlite');
    expect(await karte(['--db', d, 'login', '--server', server!.url, '--user', 'bob'])).toContain('signed in to');
    const pulling = startKarte(['--db', d, 'sync', '--json']);
    // A second connection reads while the sync writes (WAL): it sees only committed pages.
    const reader = new Database(d, { readonly: true });
    try {
      const pulled = reader.prepare('SELECT count(*) FROM changes').pluck();
      await waitUntil('a third of the log had been pulled', () => (pulled.get() as number) >= total / 3, pulling.exit);
    } finally {
      reader.close();
    }
    pulling.kill();
    expect((await pulling.exit).signal).toBe('SIGKILL');

    const partial = withStore(d, 'bob', (store) => ({
      integrity: store.db.pragma('integrity_check', { simple: true }),
      held: store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number,
      cursor: readSyncState(store).lastPulledCursor,
    }));
    expect(partial.integrity).toBe('ok');
    expect(partial.cursor).not.toBeNull();
    // Every page stored came with its cursor, and nothing past it.
    const upToCursor = await server!.db.query<{ n: string }>('SELECT count(*) AS n FROM changes WHERE server_seq <= $1', [partial.cursor]);
    expect(partial.held).toBe(Number(upToCursor.rows[0].n));
    expect(partial.held).toBeLessThan(total);
    console.log(`pull killed after ${partial.held} of ${total} changes`);

    expect(await karteSync(d)).toEqual({ pushed: 0, rejected: [], pulled: total - partial.held, purged: 0, quarantined: 0, conflicts: 0 });
    const converged = state(d);
    expect(converged).toEqual(state(c));
    expect(converged.changes).toHaveLength(total);
  });
});
