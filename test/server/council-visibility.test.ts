import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/hlc';
import type { PushResult } from '../../shared/sync/protocol';
import { addOrganisation, addUser } from '../../server/accounts';
import { newId } from '../../electron/services/record-ids';
import { openStore, readRow, writeRows, type Store } from '../../electron/services/store/store';
import { login, readAccount, syncOnce, SyncUnreachableError } from '../../electron/services/sync/client';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// The council's view through the real server and PostgreSQL (issue 15, item 5): a member company receives the
// schemes, the advisors and the other members' council-scope profiles, offers and track records, never another
// company's internal product nor a government-scope advisor contact; it keeps its own profile, offers and track
// records up to date, offline too, and nobody else's.

const PASSWORD = 'council-view-password';
let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const ministry = await addOrganisation(server.db, '総務省', 'ministry');
  const companyA = await addOrganisation(server.db, '横浜環境エンジニアリング株式会社', 'company');
  const companyB = await addOrganisation(server.db, '港北水道テクノ株式会社', 'company');
  await addUser(server.db, { login: 'desk', orgId: ministry, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm-a', orgId: companyA, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm-b', orgId: companyB, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

describe('the council’s view through the server', () => {
  const temp = useTempDir();

  async function signedIn(name: string, user: string): Promise<Store> {
    const store = openStore(path.join(temp.dir(), `${name}.sqlite`), { author: user });
    await login(store, { server: server!.url, login: user, password: PASSWORD });
    return store;
  }

  function holds(store: Store, text: string): boolean {
    const files = [store.file, `${store.file}-wal`].filter((f) => fs.existsSync(f));
    return Buffer.concat(files.map((f) => fs.readFileSync(f))).includes(Buffer.from(text, 'utf8'));
  }

  function rowCount(store: Store, table: string, id: string): number {
    return store.db.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(id) as number;
  }

  /** A member's profile as its company writes it, shared with the council. */
  function writeProfile(store: Store, nameJa: string): string {
    const id = newId();
    writeRows(store, [{ table: 'organisations', id, values: { nameJa, type: 'company', size: 'sme', location: '横浜市中区', councilMember: true, scope: 'council' } }]);
    return id;
  }

  function writeOffer(store: Store, organisationId: string, name: string, scope: 'internal' | 'council'): string {
    const id = newId();
    writeRows(store, [{ table: 'offers', id, values: { organisationId, kind: 'product', name, sectors: ['waste'], scope } }]);
    return id;
  }

  it('shows a company the schemes, advisors and other members’ council content, never another’s internal product nor a government contact', async () => {
    const desk = await signedIn('desk-1', 'desk');
    const firmA = await signedIn('firm-a-1', 'firm-a');
    const firmB = await signedIn('firm-b-1', 'firm-b');

    const jcm = newId();
    const fund = newId();
    writeRows(desk, [
      { table: 'schemes', id: jcm, values: { name: 'JCM設備補助事業 SCHM-jcm', owner: '環境省', type: 'subsidy', countries: ['VN'], scope: 'council' } },
      { table: 'schemes', id: fund, values: { name: 'JICT出資 SCHM-fund', owner: 'JICT', type: 'equity', scope: 'council' } },
    ]);
    const advisor = newId();
    const contact = newId();
    writeRows(desk, [
      { table: 'advisors', id: advisor, values: { name: '山田 ADVR-name', countries: ['VN'], languages: ['ベトナム語'], scope: 'council' } },
      { table: 'advisor_contacts', id: contact, values: { advisorId: advisor, contact: 'yamada@example.jp CNTC-secret', scope: 'government' } },
    ]);

    const profileA = writeProfile(firmA, '横浜環境エンジニアリング PRFL-a');
    const shared = writeOffer(firmA, profileA, 'ごみ焼却発電 OFFR-shared', 'council');
    const internal = writeOffer(firmA, profileA, '次世代炉 OFFR-internal', 'internal');
    const track = newId();
    writeRows(firmA, [
      {
        table: 'track_records',
        id: track,
        values: { organisationId: profileA, project: 'ダナン市廃棄物発電 TRCK-a', country: 'VN', place: 'ダナン', schemeId: jcm, scope: 'council' },
      },
    ]);

    for (const store of [desk, firmA]) expect((await syncOnce(store)).rejected).toEqual([]);
    const report = await syncOnce(firmB);
    expect(report.rejected).toEqual([]);

    for (const [table, id] of [
      ['schemes', jcm],
      ['schemes', fund],
      ['advisors', advisor],
      ['organisations', profileA],
      ['offers', shared],
      ['track_records', track],
    ])
      expect(rowCount(firmB, table, id), `${table} ${id}`).toBe(1);
    expect(rowCount(firmB, 'offers', internal)).toBe(0);
    expect(rowCount(firmB, 'advisor_contacts', contact)).toBe(0);
    for (const text of ['OFFR-internal', 'CNTC-secret']) expect(holds(firmB, text), text).toBe(false);
    const log = firmB.db.prepare('SELECT DISTINCT rowId FROM changes').pluck().all();
    expect(log).not.toContain(internal);
    expect(log).not.toContain(contact);

    // The ministry holds the contact and the council's content, but a company's internal product is the company's.
    await syncOnce(desk);
    expect(readRow(desk, 'advisor_contacts', contact)?.contact).toBe('yamada@example.jp CNTC-secret');
    expect(rowCount(desk, 'offers', shared)).toBe(1);
    expect(rowCount(desk, 'offers', internal)).toBe(0);
    expect(rowCount(firmA, 'offers', internal)).toBe(1);

    // An offer is no part of a case: narrowed on its own, it leaves the other member's disk at its next sync.
    writeRows(firmA, [{ table: 'offers', id: shared, values: { scope: 'internal' } }]);
    expect((await syncOnce(firmA)).rejected).toEqual([]);
    const narrowed = await syncOnce(firmB);
    expect(narrowed.purged).toBe(1);
    expect(rowCount(firmB, 'offers', shared)).toBe(0);
    expect(holds(firmB, 'OFFR-shared')).toBe(false);
    expect(firmB.db.prepare('SELECT count(*) FROM changes WHERE rowId = ?').pluck().get(shared)).toBe(0);
    expect(rowCount(firmB, 'track_records', track)).toBe(1);
    for (const store of [desk, firmA, firmB]) store.close();
  });

  it('lets a company update its own profile offline and sync it, and refuses its edits of another member’s without stopping its sync', async () => {
    const desk = await signedIn('desk-2', 'desk');
    const firmA = await signedIn('firm-a-2', 'firm-a');
    const firmB = await signedIn('firm-b-2', 'firm-b');
    const profileA = writeProfile(firmA, '横浜環境エンジニアリング');
    const offerA = writeOffer(firmA, profileA, '汚泥乾燥設備', 'council');
    await syncOnce(firmA);
    await syncOnce(firmB);
    expect(rowCount(firmB, 'organisations', profileA)).toBe(1);

    // Offline: the server is down while A edits its profile and adds an offer.
    await server!.halt();
    writeRows(firmA, [{ table: 'organisations', id: profileA, values: { description: '廃棄物発電と汚泥処理 DESC-offline', location: '横浜市鶴見区' } }]);
    const added = writeOffer(firmA, profileA, '浄水場監視システム', 'council');
    await expect(syncOnce(firmA)).rejects.toBeInstanceOf(SyncUnreachableError);
    await server!.restart();
    expect((await syncOnce(firmA)).rejected).toEqual([]);
    await syncOnce(firmB);
    expect(readRow(firmB, 'organisations', profileA)).toMatchObject({ description: '廃棄物発電と汚泥処理 DESC-offline', location: '横浜市鶴見区' });
    expect(rowCount(firmB, 'offers', added)).toBe(1);

    // B tries A's profile, A's offer, and an offer of its own making in A's name, beside its own profile.
    writeRows(firmB, [{ table: 'organisations', id: profileA, values: { description: '乗っ取り HIJK-profile' } }]);
    writeRows(firmB, [{ table: 'offers', id: offerA, values: { name: '乗っ取り HIJK-offer' } }]);
    const forged = writeOffer(firmB, profileA, '偽の製品 HIJK-forged', 'council');
    const profileB = writeProfile(firmB, '港北水道テクノ');
    const ownOffer = writeOffer(firmB, profileB, '漏水検知センサー', 'council');
    const report = await syncOnce(firmB);
    const reasons = report.rejected.map((r) => r.reason);
    expect(reasons).toContain(
      `the organisations record ${profileA} is another organisation's: a member changes only the profile, offers and track records it created (a government body any)`,
    );
    expect(reasons).toContain(
      `the offers record ${offerA} is another organisation's: a member changes only the profile, offers and track records it created (a government body any)`,
    );
    expect(reasons).toContain(
      `the offers record names the organisation ${profileA}, not a profile this member created: a member writes offers and track records of its own profile only`,
    );
    // Its own profile and offer went through all the same.
    expect(report.pushed).toBeGreaterThan(0);
    await syncOnce(desk);
    expect(rowCount(desk, 'organisations', profileB)).toBe(1);
    expect(rowCount(desk, 'offers', ownOffer)).toBe(1);
    expect(rowCount(desk, 'offers', forged)).toBe(0);
    expect(readRow(desk, 'organisations', profileA)?.description).toBe('廃棄物発電と汚泥処理 DESC-offline');
    expect(readRow(desk, 'offers', offerA)?.name).toBe('汚泥乾燥設備');
    expect((await syncOnce(firmB)).rejected).toEqual([]);

    // A government body keeps the council's register: it may correct any member's profile, and the member receives it.
    writeRows(desk, [{ table: 'organisations', id: profileA, values: { size: 'large' } }]);
    expect((await syncOnce(desk)).rejected).toEqual([]);
    await syncOnce(firmA);
    expect(readRow(firmA, 'organisations', profileA)?.size).toBe('large');
    // The member still edits its profile after the ministry did.
    writeRows(firmA, [{ table: 'organisations', id: profileA, values: { location: '横浜市西区' } }]);
    expect((await syncOnce(firmA)).rejected).toEqual([]);
    for (const store of [desk, firmA, firmB]) store.close();
  });

  it('refuses a malformed offer change, whoever sends it', async () => {
    const firmA = await signedIn('firm-a-3', 'firm-a');
    const profileA = writeProfile(firmA, '横浜環境エンジニアリング');
    await syncOnce(firmA);
    const change = (field: string, value: unknown) => ({
      hlc: encodeHlc({ millis: Date.now(), counter: 0, node: firmA.node }),
      author: 'firm-a',
      table: 'offers',
      rowId: newId(),
      field,
      value,
      scope: 'council',
      prev: null,
    });
    const response = await fetch(`${server!.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'karte-protocol': '1', authorization: `Bearer ${readAccount(firmA)!.token}` },
      body: JSON.stringify({ changes: [change('sectors', 'waste'), change('kind', 'machine'), change('organisationId', profileA)] }),
    });
    expect(response.status).toBe(200);
    const results = ((await response.json()) as { results: PushResult[] }).results;
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^invalid value for offers\.sectors/) });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^invalid value for offers\.kind/) });
    expect(results[2]).toMatchObject({ status: 'applied' });
    firmA.close();
  });
});
