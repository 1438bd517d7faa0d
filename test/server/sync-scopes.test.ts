import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addUser } from '../../server/accounts';
import { createCase, updateCase } from '../../electron/services/cases';
import { addEvent, updateEvent } from '../../electron/services/events';
import { search } from '../../electron/services/search';
import { openStore, readRow, writeRows, type Store } from '../../electron/services/store/store';
import { login, syncOnce } from '../../electron/services/sync/client';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// Scopes through the real server: a company (council member) never receives what is above its scope, a stage event
// goes only where its case goes, and narrowing a scope takes the record off the company's disk, bytes and all.

const PASSWORD = 'scope-test-password';
let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const ministry = await addOrganisation(server.db, '総務省', 'ministry');
  const company = await addOrganisation(server.db, '日本郵便機器株式会社', 'company');
  await addUser(server.db, { login: 'desk', orgId: ministry, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm', orgId: company, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'viewer', orgId: ministry, role: 'reader', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

describe('scopes on the way down', () => {
  const temp = useTempDir();

  async function signedIn(name: string, user: string): Promise<Store> {
    const store = openStore(path.join(temp.dir(), `${name}.sqlite`), { author: user });
    await login(store, { server: server!.url, login: user, password: PASSWORD });
    return store;
  }

  /** Every byte the store keeps on disk: the database file and its write-ahead log. */
  function diskBytes(store: Store): Buffer {
    const files = [store.file, `${store.file}-wal`].filter((f) => fs.existsSync(f));
    return Buffer.concat(files.map((f) => fs.readFileSync(f)));
  }

  function holds(store: Store, text: string): boolean {
    return diskBytes(store).includes(Buffer.from(text, 'utf8'));
  }

  function rowCount(store: Store, table: string, id: string): number {
    return store.db.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(id) as number;
  }

  it('sends a stage event only with its case, and never a government-scope one to a company', async () => {
    const desk = await signedIn('desk-1', 'desk');
    const firm = await signedIn('firm-1', 'firm');
    const open = createCase(desk, { title: '郵便区分機 ZQXJ-open', countries: ['VN'], scope: 'council' }).id;
    const shared = addEvent(desk, open, { phase: 'consultation', date: '2019年11月', text: '覚書署名 KWPV-shared', scope: 'council' }).id;
    const secret = addEvent(desk, open, { phase: 'survey_demo', date: '2020年2月', text: '価格交渉 MRTY-secret', scope: 'government' }).id;
    const closed = createCase(desk, { title: '消防車両 BHNC-closed', countries: ['VN'], scope: 'government' }).id;
    const orphan = addEvent(desk, closed, { phase: 'consideration', date: '2020年', text: '現地調査 PLOK-orphan', scope: 'council' }).id;
    await syncOnce(desk);
    const report = await syncOnce(firm);

    expect(report.purged).toBe(0);
    expect(rowCount(firm, 'cases', open)).toBe(1);
    expect(rowCount(firm, 'events', shared)).toBe(1);
    expect(rowCount(firm, 'events', secret)).toBe(0);
    // The event is council-scoped, but its case is not: it stays with its case.
    expect(rowCount(firm, 'cases', closed)).toBe(0);
    expect(rowCount(firm, 'events', orphan)).toBe(0);
    for (const text of ['MRTY-secret', 'BHNC-closed', 'PLOK-orphan']) expect(holds(firm, text), text).toBe(false);
    const log = firm.db.prepare('SELECT DISTINCT rowId FROM changes').pluck().all();
    expect(log).not.toContain(secret);
    expect(log).not.toContain(closed);
    expect(log).not.toContain(orphan);
    desk.close();
    firm.close();
  });

  it('takes an event, then a whole case, off the company’s disk when their scope narrows', async () => {
    const desk = await signedIn('desk-2', 'desk');
    const firm = await signedIn('firm-2', 'firm');
    const caseId = createCase(desk, { title: '放送システム UVWQ-case', countries: ['VN'], summary: '地デジ日本方式 UVWQ-summary', scope: 'council' }).id;
    const first = addEvent(desk, caseId, { phase: 'consultation', date: '2018年5月', text: '政策対話 GHJK-first', scope: 'council' }).id;
    const second = addEvent(desk, caseId, { phase: 'survey_demo', date: '2019年', text: '実証事業 TYUI-second', scope: 'council' }).id;
    await syncOnce(desk);
    await syncOnce(firm);
    expect(holds(firm, 'GHJK-first')).toBe(true);
    expect(search(firm, 'GHJK').total).toBe(1);

    updateEvent(desk, first, { scope: 'government' });
    await syncOnce(desk);
    const narrowed = await syncOnce(firm);
    expect(narrowed.purged).toBe(1);
    expect(rowCount(firm, 'events', first)).toBe(0);
    expect(rowCount(firm, 'events', second)).toBe(1);
    expect(holds(firm, 'GHJK-first')).toBe(false);
    expect(search(firm, 'GHJK').total).toBe(0);

    updateCase(desk, caseId, { scope: 'government' });
    await syncOnce(desk);
    const gone = await syncOnce(firm);
    expect(gone.purged).toBe(2);
    expect(rowCount(firm, 'cases', caseId)).toBe(0);
    expect(rowCount(firm, 'events', second)).toBe(0);
    for (const text of ['UVWQ-case', 'UVWQ-summary', 'TYUI-second']) expect(holds(firm, text), text).toBe(false);
    expect(firm.db.prepare('SELECT count(*) FROM changes WHERE rowId IN (?, ?, ?)').pluck().get(caseId, first, second)).toBe(0);
    // The ministry keeps everything.
    expect(rowCount(desk, 'events', first)).toBe(1);
    desk.close();
    firm.close();
  });

  it('takes a record away from the company when an earlier-stamped creation of it, narrower, arrives after a later one', async () => {
    // Two ministry devices create one record (as two imports of one file would): the one with the later clock syncs
    // first, council-wide; the company pulls it. The other creation, stamped earlier but arriving later, makes it
    // internal: the company held the record, so it must lose it.
    const later = openStore(path.join(temp.dir(), 'desk-later.sqlite'), { author: 'desk', now: () => Date.now() + 30_000 });
    await login(later, { server: server!.url, login: 'desk', password: PASSWORD });
    const earlier = await signedIn('desk-earlier', 'desk');
    const firm = await signedIn('firm-arrival', 'firm');
    const event = { table: 'events' as const, id: 'bbbbbbbb-0000-4000-8000-00000000a001' };
    const values = { caseId: 'aaaaaaaa-0000-4000-8000-00000000a001', phase: 'consideration', text: '同時作成 QWZX-twice' };
    writeRows(later, [{ ...event, values: { ...values, scope: 'council' } }]);
    await syncOnce(later);
    await syncOnce(firm);
    expect(rowCount(firm, 'events', event.id)).toBe(1);

    const [narrowing] = writeRows(earlier, [{ ...event, values: { ...values, scope: 'internal' } }]);
    expect(narrowing.hlc < (later.db.prepare('SELECT max(hlc) FROM changes').pluck().get() as string)).toBe(true);
    await syncOnce(earlier);
    await syncOnce(later);
    expect(readRow(later, 'events', event.id)?.scope).toBe('internal');
    const report = await syncOnce(firm);
    expect(report.purged).toBe(1);
    expect(rowCount(firm, 'events', event.id)).toBe(0);
    expect(holds(firm, 'QWZX-twice')).toBe(false);
    for (const store of [later, earlier, firm]) store.close();
  });

  it('keeps a reader receiving after it edits on its own device: its changes are refused, not the sync', async () => {
    const desk = await signedIn('desk-reader', 'desk');
    const viewer = await signedIn('viewer-1', 'viewer');
    const note = createCase(viewer, { title: '閲覧者のメモ RDRN-note', countries: ['VN'] }).id;
    const shared = createCase(desk, { title: '上水道 WTRQ-shared', countries: ['VN'], scope: 'council' }).id;
    await syncOnce(desk);
    const report = await syncOnce(viewer);
    expect(rowCount(viewer, 'cases', shared)).toBe(1);
    expect(report.pushed).toBe(0);
    expect(report.rejected.length).toBeGreaterThan(0);
    expect(report.rejected[0].reason).toMatch(/readers may not push/);
    // The refused edit stays on the device, listed, and is not sent again.
    expect(rowCount(viewer, 'cases', note)).toBe(1);
    expect((await syncOnce(viewer)).rejected).toEqual([]);
    desk.close();
    viewer.close();
  });

  it('brings a widened case back as it stands, without what was written while it was narrower', async () => {
    const desk = await signedIn('desk-3', 'desk');
    const firm = await signedIn('firm-3', 'firm');
    const caseId = createCase(desk, { title: '郵便 EDCR-case', countries: ['VN'], summary: '公開できる概要', scope: 'government' }).id;
    const event = addEvent(desk, caseId, { phase: 'consultation', date: '2020年1月', text: '協議 NMBV-event', scope: 'council' }).id;
    updateCase(desk, caseId, { summary: '交渉上の内部情報 QAZW-interim' });
    updateCase(desk, caseId, { summary: '共有用の概要 PLMO-final' });
    await syncOnce(desk);
    await syncOnce(firm);
    expect(rowCount(firm, 'cases', caseId)).toBe(0);

    updateCase(desk, caseId, { scope: 'council' });
    await syncOnce(desk);
    const widened = await syncOnce(firm);
    expect(widened.purged).toBe(0);
    expect(firm.db.prepare('SELECT summary, scope FROM cases WHERE id = ?').get(caseId)).toEqual({ summary: '共有用の概要 PLMO-final', scope: 'council' });
    expect(rowCount(firm, 'events', event)).toBe(1);
    expect(holds(firm, 'QAZW-interim')).toBe(false);
    // Both replicas agree on the record itself.
    const row = (store: Store) => store.db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId);
    expect(row(firm)).toEqual(row(desk));
    desk.close();
    firm.close();
  });
});

describe('moving to another server', () => {
  const temp = useTempDir();

  it('starts over with the new server: its own changes go up, and everything the new server holds comes down', async () => {
    const other = await startSyncServer();
    try {
      const org = await addOrganisation(other.db, '総務省', 'ministry');
      await addUser(other.db, { login: 'desk', orgId: org, role: 'editor', password: PASSWORD });
      await addUser(other.db, { login: 'colleague', orgId: org, role: 'editor', password: PASSWORD });
      const colleague = openStore(path.join(temp.dir(), 'colleague.sqlite'), { author: 'colleague' });
      await login(colleague, { server: other.url, login: 'colleague', password: PASSWORD });
      const theirs = createCase(colleague, { title: '新サーバーの案件', countries: ['VN'] }).id;
      await syncOnce(colleague);

      const desk = openStore(path.join(temp.dir(), 'mover.sqlite'), { author: 'desk' });
      await login(desk, { server: server!.url, login: 'desk', password: PASSWORD });
      const mine = createCase(desk, { title: '移行前からの案件', countries: ['VN'] }).id;
      await syncOnce(desk);
      await login(desk, { server: other.url, login: 'desk', password: PASSWORD });
      const moved = await syncOnce(desk);
      expect(moved.pushed).toBe(desk.db.prepare('SELECT count(*) FROM changes WHERE substr(hlc, -16) = ?').pluck().get(desk.node));
      expect(rowCountOf(desk, 'cases', theirs)).toBe(1);
      await syncOnce(colleague);
      expect(rowCountOf(colleague, 'cases', mine)).toBe(1);
      desk.close();
      colleague.close();
    } finally {
      await other.stop();
    }
  });
});

function rowCountOf(store: Store, table: string, id: string): number {
  return store.db.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(id) as number;
}
