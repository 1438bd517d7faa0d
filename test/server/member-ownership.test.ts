import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { loginAnswerSchema } from '../../shared/sync/answers';
import { addOrganisation, addUser } from '../../server/accounts';
import { newId } from '../../electron/services/record-ids';
import { addOffer, createOwnMember, getMember, listMembers, memberSelf, updateMember, updateOffer } from '../../electron/services/council/members';
import { openStore, writeRows, type Store } from '../../electron/services/store/store';
import { accountOrganisation, login, syncOnce } from '../../electron/services/sync/client';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// Which member records are the signed-in company's own, learnt through the real server and PostgreSQL (issue 15,
// item 5): the login answer names the organisation, each pull page says which of its records the organisation
// created, and the member services offer a company its own profile, offers and track records to change, and
// another's to read only, as the server will let it at sync.

const PASSWORD = 'member-ownership-password';
const FIRM_A = '横浜環境エンジニアリング株式会社';
let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const ministry = await addOrganisation(server.db, '総務省', 'ministry');
  const companyA = await addOrganisation(server.db, FIRM_A, 'company');
  const companyB = await addOrganisation(server.db, '港北水道テクノ株式会社', 'company');
  await addUser(server.db, { login: 'desk', orgId: ministry, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm-a', orgId: companyA, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm-a-laptop', orgId: companyA, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm-b', orgId: companyB, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

describe('a company’s own member records', () => {
  const temp = useTempDir();

  function open(name: string, user: string): Store {
    return openStore(path.join(temp.dir(), `${name}.sqlite`), { author: user });
  }

  async function signedIn(name: string, user: string): Promise<Store> {
    const store = open(name, user);
    await login(store, { server: server!.url, login: user, password: PASSWORD });
    return store;
  }

  function writeProfile(store: Store, nameJa: string): string {
    const id = newId();
    writeRows(store, [{ table: 'organisations', id, values: { nameJa, type: 'company', councilMember: true, scope: 'council' } }]);
    return id;
  }

  it('names the signed-in organisation and its type in the login answer, and keeps it with the account', async () => {
    const response = await fetch(`${server!.url}/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      body: JSON.stringify({ login: 'firm-b', password: PASSWORD, device: 'a1b2c3d4e5f60718' }),
    });
    const answer = loginAnswerSchema.parse(await response.json());
    expect(answer.organisation).toEqual({ name: '港北水道テクノ株式会社', type: 'company' });

    const store = await signedIn('firm-a-0', 'firm-a');
    expect(accountOrganisation(store)).toEqual({ name: FIRM_A, type: 'company' });
    expect(memberSelf(store)).toEqual({ organisation: { name: FIRM_A, type: 'company' }, onlyOwn: true, profileId: null });
  });

  it('marks a company’s own profile own after a pull and another company’s not, and lets it change only its own', async () => {
    // A's profile is written before the device ever synced: created here, it is A's own from the start.
    const firmA = open('firm-a-1', 'firm-a');
    const profileA = writeProfile(firmA, '横浜環境エンジニアリング PRFL-a');
    await login(firmA, { server: server!.url, login: 'firm-a', password: PASSWORD });
    expect(memberSelf(firmA).profileId).toBe(profileA);

    const firmB = await signedIn('firm-b-1', 'firm-b');
    const profileB = writeProfile(firmB, '港北水道テクノ PRFL-b');
    const offerB = addOffer(firmB, profileB, { name: '小型浄水装置 OFFR-b', kind: 'product', scope: 'council' }).id;
    const desk = await signedIn('desk-1', 'desk');
    for (const store of [firmA, firmB]) expect((await syncOnce(store)).rejected).toEqual([]);
    // The ministry, which keeps the council's register, adds an offer to A's profile: A's page shows it, not A's to change.
    await syncOnce(desk);
    const offerByDesk = addOffer(desk, profileA, { name: '官民連携の実証 OFFR-desk', kind: 'service', scope: 'council' }).id;
    expect((await syncOnce(desk)).rejected).toEqual([]);
    await syncOnce(firmA);

    const owners = firmA.db.prepare('SELECT rowId, own FROM record_owners').all() as { rowId: string; own: number }[];
    expect(owners).toContainEqual({ rowId: profileB, own: 0 });
    expect(owners).toContainEqual({ rowId: offerByDesk, own: 0 });

    const listed = listMembers(firmA);
    expect(listed.find((m) => m.id === profileA)?.own).toBe(true);
    expect(listed.find((m) => m.id === profileB)?.own).toBe(false);
    expect(getMember(firmA, profileA).rights).toEqual({ own: true, profile: true, records: [] });
    expect(getMember(firmA, profileB).rights).toEqual({ own: false, profile: false, records: [] });

    // Another company's profile and offer are refused here, with the code the screens word; its own goes through.
    expect(() => updateMember(firmA, profileB, { description: '書き換え' })).toThrow(expect.objectContaining({ code: 'not_own_member' }));
    expect(() => updateOffer(firmA, offerB, { name: '書き換え' })).toThrow(expect.objectContaining({ code: 'not_own_member' }));
    expect(() => updateOffer(firmA, offerByDesk, { name: '書き換え' })).toThrow(expect.objectContaining({ code: 'not_own_member' }));
    updateMember(firmA, profileA, { description: 'ごみ焼却発電の設計・施工', type: 'company' });
    const ownOffer = addOffer(firmA, profileA, { name: 'ごみ焼却発電 OFFR-a', kind: 'product', scope: 'council' }).id;
    expect(getMember(firmA, profileA).rights.records).toEqual([ownOffer]);
    expect((await syncOnce(firmA)).rejected).toEqual([]);

    // Another device of the same company learns from the server that A's profile and offer are its own.
    const laptop = await signedIn('firm-a-laptop', 'firm-a-laptop');
    await syncOnce(laptop);
    expect(memberSelf(laptop).profileId).toBe(profileA);
    expect(getMember(laptop, profileA).rights).toEqual({ own: true, profile: true, records: [ownOffer] });
    expect(getMember(laptop, profileB).rights.profile).toBe(false);

    // The ministry changes any member's records, and marks none as its own company's.
    await syncOnce(desk);
    expect(getMember(desk, profileB).rights).toEqual({ own: false, profile: true, records: [offerB] });
    expect(listMembers(desk).some((m) => m.own)).toBe(false);
    updateMember(desk, profileB, { location: '横浜市港北区' });
    expect((await syncOnce(desk)).rejected).toEqual([]);
  });

  it('edits as before on a device not signed in, and creates a signed-in company’s profile as its own', async () => {
    const offline = open('nobody', 'nobody');
    const profile = writeProfile(offline, 'どこかの会社');
    expect(memberSelf(offline)).toEqual({ organisation: null, onlyOwn: false, profileId: null });
    expect(getMember(offline, profile).rights).toEqual({ own: false, profile: true, records: [] });
    expect(() => createOwnMember(offline)).toThrow(expect.objectContaining({ code: 'sync_not_signed_in' }));

    const firmA = await signedIn('firm-a-2', 'firm-a');
    const { id } = createOwnMember(firmA);
    expect(getMember(firmA, id).organisation).toMatchObject({ nameJa: FIRM_A, type: 'company', councilMember: true, scope: 'council' });
    expect(memberSelf(firmA).profileId).toBe(id);
    expect((await syncOnce(firmA)).rejected).toEqual([]);
  });
});
