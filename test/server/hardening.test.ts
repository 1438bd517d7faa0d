import crypto from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/hlc';
import { parseDateText } from '../../shared/dates';
import { RECORD_TABLES } from '../../shared/model/records';
import { ADMIN_CALLS } from '../../shared/sync/admin-protocol';
import type { SyncChange } from '../../shared/sync/change';
import { appliedChange, MAX_CLOCK_LEAD_MS } from '../../shared/sync/change-rules';
import { DEVICE_REVOKED_CODE, DEVICE_REVOKED_STATUS, type PushResult } from '../../shared/sync/protocol';
import { addOrganisation, addUser } from '../../server/accounts';
import { agreementCandidates, markAgreements } from '../../electron/services/agreements';
import { addHurdle, addIndicator, saveRevision, setPeriodValues, updatePlan } from '../../electron/services/plans';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { writeRows } from '../../electron/services/store/store';
import { fieldsOf, TABLES } from '../../electron/services/store/tables';
import { login as clientLogin, syncOnce } from '../../electron/services/sync/client';
import { outboxCount } from '../../electron/services/sync/outbox';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { DEMO_DIR, useTempDir } from '../support/temp';

// The sync server refuses what it must, per change or per request, and a refusal changes nothing: changes no
// replica could apply, timestamps that would drag every clock forward, tokens signed out, users disabled, devices
// revoked (answered so the client removes its data), and admin routes called by anyone but an admin.

const PASSWORD = 'hardening パスワード';
const HOUR = 60 * 60 * 1000;

let server: TestSyncServer | undefined;
let db: pg.Pool;
let base: string;

beforeAll(async () => {
  server = await startSyncServer();
  ({ db, url: base } = server);
  const org = await addOrganisation(db, '経済産業省', 'ministry');
  for (const [login, role] of [
    ['boss', 'admin'],
    ['ed', 'editor'],
    ['rd', 'reader'],
    ['leaver', 'editor'],
    ['phone-user', 'editor'],
    ['client', 'editor'],
  ] as const) {
    await addUser(db, { login, orgId: org, role, password: PASSWORD });
  }
});

afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function post(route: string, body: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'karte-protocol': '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let deviceCount = 0;

async function signIn(login: string): Promise<{ device: string; token: string }> {
  const device = (0xd000 + ++deviceCount).toString(16).padStart(16, '0');
  const { status, body } = await post('/v1/login', { login, password: PASSWORD, device });
  expect(status, JSON.stringify(body)).toBe(200);
  return { device, token: String(body.token) };
}

let tick = 0;

function change(device: string, overrides: Partial<SyncChange> & { millis?: number } = {}): SyncChange {
  tick += 1;
  const { millis = Date.now() - HOUR + tick, ...rest } = overrides;
  return {
    hlc: encodeHlc({ millis, counter: 0, node: device }),
    author: device,
    table: 'cases',
    rowId: crypto.randomUUID(),
    field: 'title',
    value: `title ${tick}`,
    scope: 'council',
    prev: null,
    ...rest,
  };
}

/** The server's whole state, to show a refused request left it as it was. */
async function serverState(): Promise<Record<string, unknown[]>> {
  const tables = {
    organisations: 'SELECT name, type FROM organisations ORDER BY name',
    users: 'SELECT login, role, disabled FROM users ORDER BY login',
    devices: 'SELECT id, revoked FROM devices ORDER BY id',
    tokens: 'SELECT hash, revoked FROM tokens ORDER BY hash',
    changes: 'SELECT hlc, field FROM changes ORDER BY server_seq',
    records: 'SELECT tbl, row_id, scope FROM records ORDER BY tbl, row_id',
  };
  const state: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(tables)) state[name] = (await db.query(sql)).rows;
  return state;
}

describe('changes no replica could apply', () => {
  it('rejects an unknown table or field, a value its field does not take and a timestamp more than minutes ahead, per change, and applies the rest', async () => {
    const { device, token } = await signIn('ed');
    const now = Date.now();
    const batch = [
      change(device, { field: 'title' }),
      change(device, { table: 'secrets' }),
      change(device, { field: 'passwordHash' }),
      change(device, { field: 'id', value: 'another-id' }),
      change(device, { field: 'status', value: 'maybe' }),
      change(device, { millis: now + MAX_CLOCK_LEAD_MS + 60_000 }),
      change(device, { table: 'events', field: 'text', value: '覚書署名' }),
      change(device, { field: 'deleted', value: true }),
      change(device, { millis: now + MAX_CLOCK_LEAD_MS - 60_000, field: 'scope', value: 'public', scope: 'public' }),
    ];
    const before = await serverState();
    const { status, body } = await post('/v1/push', { changes: batch }, token);
    expect(status).toBe(200);
    const results = body.results as PushResult[];
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'applied', 'applied', 'applied']);
    expect(results[1].reason).toMatch(/unknown table 'secrets'/);
    expect(results[2].reason).toMatch(/unknown field 'passwordHash' of cases/);
    expect(results[3].reason).toMatch(/unknown field 'id' of cases/);
    expect(results[4].reason).toMatch(/invalid value for cases.status/);
    expect(results[5].reason).toMatch(/6 minutes ahead of the server's clock.*at most 5 minutes/);

    const after = await serverState();
    const applied = batch.filter((_, i) => results[i].status === 'applied').map((c) => ({ hlc: c.hlc, field: c.field }));
    expect(after.changes).toEqual([...before.changes, ...applied]);
    expect(after.records.filter((r) => (r as { tbl: string }).tbl === 'secrets')).toEqual([]);
  });

  it('takes every field the desktop store logs, set to its default', () => {
    const hlc = encodeHlc({ millis: Date.now(), counter: 0, node: '00000000000000aa' });
    for (const table of RECORD_TABLES) {
      const defaults: Record<string, unknown> = TABLES[table].defaults;
      for (const field of fieldsOf(table).filter((f) => Object.hasOwn(defaults, f))) {
        const checked = appliedChange({ hlc, author: 'a', table, rowId: crypto.randomUUID(), field, value: defaults[field], scope: 'council', prev: null });
        expect(checked, `${table}.${field}`).toMatchObject({ ok: true });
      }
    }
  });

  const temp = useTempDir();

  it('rejects nothing a real client pushes: an import and a new record of every other kind', async () => {
    const store = temp.store('client.sqlite');
    importKarteFiles(store, [path.join(DEMO_DIR, 'vietnam.json')]);
    writeRows(store, [
      { table: 'organisations', id: crypto.randomUUID(), values: { nameJa: '国際協力機構', type: 'agency' } },
      { table: 'agreements', id: crypto.randomUUID(), values: { title: '交通分野の協力覚書', kind: 'moc', countries: ['VN'] } },
      { table: 'visits', id: crypto.randomUUID(), values: { title: '大臣トップセールス', country: 'VN', objectives: '案件の後押し' } },
    ]);
    // A deployment plan with every part, through the app's own functions.
    const caseId = store.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').pluck().get() as string;
    updatePlan(store, caseId, { counterpartNeeds: '区分能力の不足', partners: [{ name: '日本郵便', origin: 'domestic', organisation: '', role: '運用指導' }] });
    const indicator = addIndicator(store, caseId, { statement: '区分処理能力', baseline: '10,000' }).id;
    setPeriodValues(store, indicator, '2024', { target: 20_000, actual: '15,000' });
    addHurdle(store, caseId, { description: '通関の遅れ', measures: [{ text: '申し入れ', actor: '大使館' }] });
    saveRevision(store, caseId, '当初');
    // Agreements registered from the timeline's events, each naming its event (agreements.eventId).
    const marked = markAgreements(
      store,
      agreementCandidates(store, 'VN').map((c) => ({ eventId: c.eventId })),
    );
    expect(marked.changes.filter((c) => c.field === 'eventId').length).toBeGreaterThanOrEqual(8);
    // What a visit pack needs besides the cases, and the council database.
    const visitId = store.db.prepare('SELECT id FROM visits LIMIT 1').pluck().get() as string;
    const company = crypto.randomUUID();
    const advisor = crypto.randomUUID();
    writeRows(store, [
      { table: 'questions', id: crypto.randomUUID(), values: { caseId, question: '現地生産の可能性は', answer: '検討中' } },
      { table: 'questions', id: crypto.randomUUID(), values: { visitId, question: '価格は', position: 1 } },
      { table: 'profiles', id: crypto.randomUUID(), values: { country: 'VN', name: 'Nguyen Manh Hung', nameJa: 'グエン・マイン・フン', visitIds: [visitId] } },
      { table: 'country_facts', id: crypto.randomUUID(), values: { country: 'VN', kind: 'capital', value: 'ハノイ', asOf: parseDateText('2024年')! } },
      { table: 'directions', id: crypto.randomUUID(), values: { country: 'VN', sector: 'postal', situation: '機械化は一部' } },
      { table: 'schemes', id: crypto.randomUUID(), values: { name: 'JCM設備補助事業', type: 'subsidy', phases: ['order_management'], sectors: ['waste_to_energy'] } },
      {
        table: 'organisations',
        id: company,
        values: { nameJa: '横浜ウォーター株式会社', type: 'company', size: 'sme', location: '横浜市中区', councilMember: true, scope: 'council' },
      },
      { table: 'offers', id: crypto.randomUUID(), values: { organisationId: company, name: '高効率ポンプ', sectors: ['water'] } },
      { table: 'track_records', id: crypto.randomUUID(), values: { organisationId: company, project: '水道公社への高効率ポンプの導入', country: 'VN', place: 'ダナン' } },
      { table: 'advisors', id: advisor, values: { name: '山田一郎', countries: ['VN'], languages: ['ベトナム語'] } },
      { table: 'advisor_contacts', id: crypto.randomUUID(), values: { advisorId: advisor, contact: 'yamada@example.jp' } },
    ]);
    expect(store.db.prepare('SELECT DISTINCT tbl FROM changes ORDER BY tbl').pluck().all()).toEqual([...RECORD_TABLES].sort());
    const pending = outboxCount(store);
    await clientLogin(store, { server: base, login: 'client', password: PASSWORD });
    const report = await syncOnce(store);
    expect(report.rejected).toEqual([]);
    expect(report.pushed).toBe(pending);
  });
});

describe('tokens that no longer count', () => {
  it('answers every request of a revoked device with 410 and its code, and changes nothing', async () => {
    const admin = await signIn('boss');
    const phone = await signIn('phone-user');
    const laptop = await signIn('phone-user');
    expect((await post('/v1/admin/device/revoke', { device: phone.device }, admin.token)).status).toBe(200);

    const before = await serverState();
    const answers = await Promise.all([
      post('/v1/push', { changes: [change(phone.device)] }, phone.token),
      post('/v1/pull', { cursor: null }, phone.token),
      post('/v1/logout', {}, phone.token),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(DEVICE_REVOKED_STATUS);
      expect(answer.body).toEqual({ error: expect.stringMatching(/revoked/), code: DEVICE_REVOKED_CODE });
    }
    // Signing in again with the right password is answered the same way (so the device drops its data); with a
    // wrong one it learns nothing. The user's other device goes on.
    const again = await post('/v1/login', { login: 'phone-user', password: PASSWORD, device: phone.device });
    expect(again).toEqual({ status: DEVICE_REVOKED_STATUS, body: { error: expect.stringMatching(/revoked/), code: DEVICE_REVOKED_CODE } });
    expect((await post('/v1/login', { login: 'phone-user', password: `${PASSWORD}x`, device: phone.device })).status).toBe(401);
    expect(await serverState()).toEqual(before);
    expect((await post('/v1/pull', { cursor: null }, laptop.token)).status).toBe(200);
  });

  it('signs a token out on logout: it then gets 401, the same user’s other token still works', async () => {
    const first = await signIn('ed');
    const second = await signIn('ed');
    expect(await post('/v1/logout', {}, first.token)).toEqual({ status: 200, body: {} });

    const before = await serverState();
    const refused = await post('/v1/push', { changes: [change(first.device)] }, first.token);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBeUndefined();
    expect((await post('/v1/logout', {}, first.token)).status).toBe(401);
    expect(await serverState()).toEqual(before);
    expect((await post('/v1/push', { changes: [change(second.device)] }, second.token)).status).toBe(200);
  });

  it('turns a disabled user away (401) on every device, and at the login', async () => {
    const admin = await signIn('boss');
    const one = await signIn('leaver');
    const two = await signIn('leaver');
    const disabled = await post('/v1/admin/user/disable', { login: 'leaver' }, admin.token);
    expect(disabled).toEqual({ status: 200, body: { login: 'leaver', tokensRevoked: 2 } });

    const before = await serverState();
    for (const { device, token } of [one, two]) {
      expect((await post('/v1/push', { changes: [change(device)] }, token)).status).toBe(401);
      expect((await post('/v1/pull', { cursor: null }, token)).status).toBe(401);
    }
    expect((await post('/v1/login', { login: 'leaver', password: PASSWORD, device: one.device })).status).toBe(401);
    expect(await serverState()).toEqual(before);
  });

  it('does not let an admin disable themselves (nothing could enable them again)', async () => {
    const admin = await signIn('boss');
    const before = await serverState();
    const refused = await post('/v1/admin/user/disable', { login: 'boss' }, admin.token);
    expect(refused).toEqual({ status: 409, body: { error: 'an admin cannot disable themselves; another admin can' } });
    expect(await serverState()).toEqual(before);
  });
});

describe('the login', () => {
  /** Median milliseconds of a refused login, each from a fresh device. */
  async function refusedLoginMs(login: string): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const device = (0xe000 + ++deviceCount).toString(16).padStart(16, '0');
      const started = performance.now();
      expect((await post('/v1/login', { login, password: 'not the password', device })).status).toBe(401);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[3];
  }

  it('takes as long for an unknown login as for a wrong password: how fast it answers tells no one which logins exist', async () => {
    // The password hash (scrypt) dominates a wrong password's answer; skipping it for an unknown login made that
    // answer tens of times faster. The margin is wide, so a busy machine does not make this flaky.
    const wrongPassword = await refusedLoginMs('ed');
    const unknownLogin = await refusedLoginMs('nobody-by-this-name');
    expect(unknownLogin, `unknown login ${unknownLogin.toFixed(1)} ms, wrong password ${wrongPassword.toFixed(1)} ms`).toBeGreaterThan(wrongPassword / 3);
  });
});

describe('admin routes', () => {
  /** A valid body for each admin call: refusals must come from the role, not from the shape. */
  const validBodies: Record<keyof typeof ADMIN_CALLS, unknown> = {
    orgList: {},
    orgAdd: { name: '新しい組織', type: 'agency' },
    userList: {},
    userAdd: { login: 'intruder', org: '経済産業省', role: 'admin', password: 'long enough password' },
    userDisable: { login: 'boss' },
    deviceRevoke: { device: '00000000000000ff' },
    tokenList: {},
    tokenRevoke: { id: '0123456789ab' },
  };

  it('answers editors and readers 403 and callers without a token 401, changing nothing', async () => {
    const tokens = [(await signIn('ed')).token, (await signIn('rd')).token];
    const before = await serverState();
    for (const [name, call] of Object.entries(ADMIN_CALLS)) {
      const body = validBodies[name as keyof typeof ADMIN_CALLS];
      for (const token of tokens) {
        const answer = await post(`/${call.route}`, body, token);
        expect(answer.status, `${call.route}`).toBe(403);
        expect(answer.body.error).toMatch(/only an admin may/);
      }
      expect((await post(`/${call.route}`, body)).status).toBe(401);
    }
    expect(await serverState()).toEqual(before);
  });
});
