import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc } from '../../shared/hlc';
import type { SyncChange } from '../../shared/sync/change';
import type { PushResult } from '../../shared/sync/protocol';
import { addOrganisation, addUser } from '../../server/accounts';
import { createCase, listCases, updateCase } from '../../electron/services/cases';
import { addEvent } from '../../electron/services/events';
import { caseHistory } from '../../electron/services/history';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { openStore, type Store } from '../../electron/services/store/store';
import { login, readAccount, readMeta, syncOnce, SyncUnreachableError, writeMeta } from '../../electron/services/sync/client';
import { quarantinedChanges } from '../../electron/services/sync/quarantine';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { karteAsync } from '../support/cli';
import { DEMO_DIR, useTempDir, withStore } from '../support/temp';

// The failures an attack review found, each reproduced through the real server, PostgreSQL and SQLite stores, and
// shown fixed: a change that poisoned everyone's sync, a forged author, records captured by importing a file first,
// and a purge that left text on disk. (Unbounded pull pages: pull-pages.test.ts; a database that drops its
// connections: resilience.test.ts.)

const PASSWORD = 'attack-review password';
let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const ministry = await addOrganisation(server.db, '総務省', 'ministry');
  const company = await addOrganisation(server.db, '株式会社エンジニアリング', 'company');
  for (const login of ['min', 'min2']) await addUser(server.db, { login, orgId: ministry, role: 'editor', password: PASSWORD });
  for (const login of ['firm', 'firm2']) await addUser(server.db, { login, orgId: company, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

describe('the attack review, reproduced', () => {
  const temp = useTempDir();

  async function signedIn(name: string, user: string): Promise<Store> {
    const store = temp.store(`${name}.sqlite`);
    store.author = user;
    await login(store, { server: server!.url, login: user, password: PASSWORD });
    return store;
  }

  /** A push as an attacker sends it: any JSON at all, with the device's own token. */
  async function pushRaw(store: Store, changes: unknown[]): Promise<PushResult[]> {
    const response = await fetch(`${server!.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'karte-protocol': '1', authorization: `Bearer ${readAccount(store)!.token}` },
      body: JSON.stringify({ changes }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: PushResult[] }).results;
  }

  function forged(store: Store, overrides: Partial<SyncChange>): SyncChange {
    return {
      hlc: encodeHlc({ millis: Date.now(), counter: 0, node: store.node }),
      author: store.author,
      table: 'cases',
      rowId: crypto.randomUUID(),
      field: 'title',
      value: '偽の案件',
      scope: 'council',
      prev: null,
      ...overrides,
    };
  }

  it('1. refuses a change whose row id is not a record id, and everyone’s sync goes on', async () => {
    const firm = await signedIn('poisoner', 'firm');
    const [result] = await pushRaw(firm, [forged(firm, { rowId: "x'); DELETE FROM records;--" })]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/rowId: expected a record id/) });
    const min = await signedIn('victim', 'min');
    createCase(min, { title: '郵便区分機', countries: ['VN'] });
    expect(await syncOnce(min)).toMatchObject({ rejected: [], quarantined: 0 });
    const fresh = await signedIn('fresh', 'min2');
    expect(await syncOnce(fresh)).toMatchObject({ quarantined: 0 });
    expect(listCases(fresh, { country: 'VN' }).map((c) => c.title)).toContain('郵便区分機');
  });

  it('1. a client that meets an unappliable change anyway (a log written by an older server) keeps it aside and syncs on', async () => {
    const min = await signedIn('old-log-writer', 'min');
    const kept = createCase(min, { title: '消防車両', countries: ['PH'] }).id;
    await syncOnce(min);
    // What the server took before it checked row ids: the change goes straight into its log.
    const org = (await server!.db.query<{ id: string }>("SELECT id FROM organisations WHERE name = '総務省'")).rows[0].id;
    const hlc = encodeHlc({ millis: Date.now(), counter: 7, node: min.node });
    await server!.db.query(
      "INSERT INTO changes (hlc, field, tbl, row_id, value, scope, prev, author, org_id, reach, creates) VALUES ($1, 'title', 'cases', $2, '\"poison\"', 'council', NULL, 'min', $3, 'council', true)",
      [hlc, "x'); DELETE FROM records;--", org],
    );
    await server!.db.query("INSERT INTO records (tbl, row_id, owner_org, scope, scope_hlc) VALUES ('cases', $1, $2, 'council', '')", ["x'); DELETE FROM records;--", org]);
    const reader = await signedIn('meets-poison', 'min2');
    const report = await syncOnce(reader);
    expect(report.quarantined).toBe(1);
    expect(quarantinedChanges(reader)).toEqual([{ hlc, field: 'title', reason: expect.stringMatching(/rowId: expected a record id/), receivedAt: expect.any(String) }]);
    expect(listCases(reader, { country: 'PH' }).map((c) => c.id)).toContain(kept);
    // The next syncs go on, and the bad change is kept once.
    expect(await syncOnce(reader)).toMatchObject({ quarantined: 0 });
    expect(quarantinedChanges(reader)).toHaveLength(1);
    await server!.db.query('DELETE FROM changes WHERE row_id = $1', ["x'); DELETE FROM records;--"]);
  });

  it('3. writes the signed-in user as the author, whatever the client claims, on every replica', async () => {
    const firm = await signedIn('forger', 'firm');
    const caseId = crypto.randomUUID();
    const results = await pushRaw(firm, [forged(firm, { rowId: caseId, author: 'min', value: '会社が作った案件' })]);
    expect(results[0]).toMatchObject({ status: 'applied', author: 'firm' });
    const min = await signedIn('blamed', 'min');
    await syncOnce(min);
    expect(caseHistory(min, caseId).map((h) => h.author)).toEqual(['firm']);
    // The device's own history says the same once the server took its changes.
    const own = createCase(firm, { title: '自社の案件', countries: ['VN'] }).id;
    firm.author = 'someone-else';
    updateCase(firm, own, { summary: '概要' });
    await syncOnce(firm);
    expect(new Set(caseHistory(firm, own).map((h) => h.author))).toEqual(new Set(['firm']));
  });

  it('3. refuses a clock stamped hours ahead, so no change wins the day’s conflicts by its clock', async () => {
    const firm = await signedIn('early-bird', 'firm');
    const ahead = forged(firm, { hlc: encodeHlc({ millis: Date.now() + (23 * 60 + 59) * 60_000, counter: 0, node: firm.node }) });
    const [result] = await pushRaw(firm, [ahead]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/1439 minutes ahead of the server's clock.*set the device's clock right/) });
  });

  it('3. puts a laptop’s clock that runs hours ahead right by the server’s: its later edits are taken', async () => {
    // A mission laptop whose time zone was set by hand: its clock says three hours later than it is.
    const laptop = openStore(path.join(temp.dir(), 'ahead.sqlite'), { author: 'min', now: () => Date.now() + 3 * 3_600_000 });
    try {
      await login(laptop, { server: server!.url, login: 'min', password: PASSWORD });
      expect(laptop.clockOffsetMs).toBeLessThan(-3 * 3_600_000 + 60_000);
      const caseId = createCase(laptop, { title: '時計の進んだ端末の案件', countries: ['LA'] }).id;
      expect((await syncOnce(laptop)).rejected).toEqual([]);
      const stamped = decodeHlc(caseHistory(laptop, caseId)[0].hlc).millis;
      expect(Math.abs(stamped - Date.now())).toBeLessThan(60_000);
    } finally {
      laptop.close();
    }
  });

  it('4. lets two organisations that import the same file keep their own cases: nobody captures the other’s', async () => {
    const firm = await signedIn('importer-company', 'firm2');
    importKarteFiles(firm, [path.join(DEMO_DIR, 'vietnam.json')]);
    await syncOnce(firm);
    const narrowed = listCases(firm, { country: 'VN' }).slice(0, 3);
    for (const c of narrowed) updateCase(firm, c.id, { scope: 'internal' });
    expect((await syncOnce(firm)).rejected).toEqual([]);

    const min = await signedIn('importer-ministry', 'min');
    importKarteFiles(min, [path.join(DEMO_DIR, 'vietnam.json')]);
    const own = listCases(min, { country: 'VN' }).filter((c) => !narrowed.some((n) => n.id === c.id));
    for (const c of own.slice(0, 3)) updateCase(min, c.id, { status: 'on_hold' });
    const report = await syncOnce(min);
    expect(report.rejected).toEqual([]);
    expect(report.purged).toBe(0);
    for (const c of own.slice(0, 3)) expect(listCases(min, { country: 'VN' }).find((x) => x.id === c.id)?.status).toBe('on_hold');
    // The company's narrowed copies never reached the ministry.
    for (const c of narrowed) expect(listCases(min, { country: 'VN' }).some((x) => x.id === c.id)).toBe(false);
  });

  it('4. keeps a country’s dossier out of any one organisation’s hands: it can never be made internal', async () => {
    const firm = await signedIn('dossier-taker', 'firm');
    const [result] = await pushRaw(firm, [forged(firm, { table: 'dossiers', rowId: crypto.randomUUID(), field: 'scope', value: 'internal', scope: 'internal' })]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/dossiers\.scope|cannot have the scope 'internal'/) });
    const [underCover] = await pushRaw(firm, [forged(firm, { table: 'dossiers', rowId: crypto.randomUUID(), field: 'overview', value: '概要', scope: 'internal' })]);
    expect(underCover).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/a record of dossiers cannot have the scope 'internal'/) });
  });

  it('gives up on a server that accepts a connection and never answers, at sign-in and at sync, within the timeout', async () => {
    const sockets: net.Socket[] = [];
    const hung = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hung.address() as net.AddressInfo).port}`;
    try {
      const store = temp.store('hung.sqlite');
      const started = Date.now();
      await expect(login(store, { server: url, login: 'min', password: PASSWORD }, { timeoutMs: 300, retryDelays: [] })).rejects.toBeInstanceOf(SyncUnreachableError);
      const moved = await signedIn('hung-sync', 'min');
      writeMeta(moved, 'sync.account', { ...readMeta<Record<string, unknown>>(moved, 'sync.account'), server: url });
      await expect(syncOnce(moved, { timeoutMs: 300, retryDelays: [100] })).rejects.toBeInstanceOf(SyncUnreachableError);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      hung.close();
    }
  });

  it('keeps the command line’s default store its owner’s alone (0600 in a 0700 folder), and its token sealed', async () => {
    const config = path.join(temp.dir(), 'config');
    const env = { XDG_CONFIG_HOME: config, KARTE_PASSWORD: PASSWORD };
    const signedInCli = await karteAsync(['login', '--server', server!.url, '--user', 'min'], { env });
    expect(signedInCli.status, signedInCli.stderr).toBe(0);
    expect((await karteAsync(['sync'], { env })).status).toBe(0);
    const folder = path.join(config, 'Karte');
    const store = path.join(folder, 'karte.sqlite');
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of [store, path.join(folder, 'karte.token-key')]) expect(fs.statSync(file).mode & 0o777, file).toBe(0o600);
    const token = withStore(store, 'test', (s) => readAccount(s)!.token);
    expect(token.length).toBeGreaterThan(20);
    for (const file of [store, `${store}-wal`].filter((f) => fs.existsSync(f))) expect(fs.readFileSync(file).includes(Buffer.from(token)), file).toBe(false);
    // A copy of the store alone signs nobody in.
    const copy = path.join(temp.dir(), 'copy.sqlite');
    fs.copyFileSync(store, copy);
    expect(withStore(copy, 'test', (s) => readAccount(s)!.token)).toBe('');
  });

  it('5. leaves no byte of a purged case’s text in the device’s database or its WAL', async () => {
    const min = await signedIn('narrower', 'min');
    const firm = await signedIn('purged-company', 'firm');
    // The case's long notes are rewritten while the company holds it: each version's tail sits in overflow pages that
    // SQLite frees when the next one comes, which is where a store without secure_delete kept the text.
    const neighbours = Array.from({ length: 30 }, (_, i) => createCase(min, { title: `近隣案件 ${i}`, countries: ['VN'], summary: 'あ'.repeat(100) }).id);
    const caseId = createCase(min, { title: '秘匿案件 QXZV-title', countries: ['VN'], notes: '交渉メモ QXZV-notes', scope: 'council' }).id;
    addEvent(min, caseId, { phase: 'consultation', date: '2021年3月', text: '局長間協議 QXZV-event', scope: 'council' });
    await syncOnce(min);
    await syncOnce(firm);
    for (let round = 1; round <= 5; round++) {
      for (const id of neighbours) updateCase(min, id, { summary: 'い'.repeat(100 + round * 60) });
      updateCase(min, caseId, { notes: `${'交渉経過の記録。'.repeat(300 + round * 50)} QXZV-notes ${round}` });
      await syncOnce(min);
      await syncOnce(firm);
    }
    updateCase(min, caseId, { scope: 'government' });
    await syncOnce(min);
    expect((await syncOnce(firm)).purged).toBe(2);
    const onDisk = [firm.file, `${firm.file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
    for (const text of ['QXZV-title', 'QXZV-notes', 'QXZV-event']) {
      for (const bytes of onDisk) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    }
  });
});
