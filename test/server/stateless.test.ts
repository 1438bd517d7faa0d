import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_REVOKED_CODE, DEVICE_REVOKED_STATUS } from '../../shared/sync/protocol';
import { addOrganisation, addUser, revokeDevice } from '../../server/accounts';
import { buildServer, DEFAULT_LIMITS } from '../../server/app';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { login as clientLogin, syncOnce } from '../../electron/services/sync/client';
import { localChangesSince } from '../../electron/services/sync/outbox';
import { replicaState } from '../support/replicas';
import { startBalancer, startSecondInstance, type Balancer, type ServerInstance } from '../support/second-instance';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { DEMO_DIR, useTempDir, withStore, withStoreAsync } from '../support/temp';

// Server instances keep nothing another instance needs: two apps, each with its own pool, on one PostgreSQL, with
// requests alternating between them. Refused sign-ins count across both and outlive a restart; a token issued by
// one works on the other; pushes through both at once store every change once. Tokens stop working when unused
// for their idle limit or past their maximum age, and every use extends them: the tests move the stored times back
// rather than wait.

const PASSWORD = 'stateless パスワード';
const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestSyncServer | undefined;
let second: ServerInstance | undefined;
let balancer: Balancer | undefined;
let orgId: string;

beforeAll(async () => {
  server = await startSyncServer();
  second = await startSecondInstance(server);
  balancer = await startBalancer([server.url, second.url]);
  orgId = await addOrganisation(server.db, '国土交通省', 'ministry');
});

afterAll(async () => {
  await balancer?.stop();
  // The second instance's pool goes before PostgreSQL does.
  await second?.stop();
  await server?.stop();
});

/** The two instances, in turn. */
const instances = () => [server!.url, second!.url];

interface Answer {
  status: number;
  body: Record<string, unknown>;
  retryAfter: string | null;
}

async function post(base: string, route: string, body: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'karte-protocol': '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
}

let deviceCount = 0;
const newDevice = () => (0x5700 + ++deviceCount).toString(16).padStart(16, '0');

async function signIn(base: string, login: string): Promise<{ device: string; token: string }> {
  const device = newDevice();
  const { status, body } = await post(base, '/v1/login', { login, password: PASSWORD, device });
  expect(status, JSON.stringify(body)).toBe(200);
  return { device, token: String(body.token) };
}

/** A request any signed-in device may make: its status says whether the token works. */
const pull = (base: string, token: string) => post(base, '/v1/pull', { cursor: null }, token);

/** As if `days` more had passed since the token's last use. */
async function leaveUnused(device: string, days: number): Promise<void> {
  await server!.db.query("UPDATE tokens SET last_used_at = last_used_at - $2 * interval '1 day' WHERE device_id = $1", [device, days]);
}

/** As if the token had been issued `days` earlier. */
async function issueEarlier(device: string, days: number): Promise<void> {
  await server!.db.query("UPDATE tokens SET created_at = created_at - $2 * interval '1 day', expires_at = expires_at - $2 * interval '1 day' WHERE device_id = $1", [device, days]);
}

async function lastUsed(device: string): Promise<Date> {
  return (await server!.db.query<{ last_used_at: Date }>('SELECT last_used_at FROM tokens WHERE device_id = $1', [device])).rows[0].last_used_at;
}

describe('two instances on one database', () => {
  it('count refused sign-ins together, and a restart forgets none', async () => {
    await addUser(server!.db, { login: 'guessed', orgId, role: 'editor', password: PASSWORD });
    const device = newDevice();
    const attempt = (base: string, password: string) => post(base, '/v1/login', { login: 'guessed', password, device });
    const { max, windowMs } = DEFAULT_LIMITS.loginRefusals;
    for (let i = 0; i < max; i++) expect((await attempt(instances()[i % 2], `guess ${i}`)).status).toBe(401);

    for (const base of instances()) {
      const blocked = await attempt(base, PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toMatch(/too many refused sign-ins for 'guessed'/);
      expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
      expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(windowMs / 1000);
    }
    await second!.restart();
    expect((await attempt(second!.url, PASSWORD)).status).toBe(429);

    // The window passes: the pair may try again, and the next refusal clears the old ones away.
    await server!.db.query("UPDATE login_refusals SET refused_at = refused_at - $1 * interval '1 millisecond' WHERE login = 'guessed'", [windowMs]);
    expect((await attempt(second!.url, 'one more guess')).status).toBe(401);
    expect((await server!.db.query("SELECT count(*)::int AS n FROM login_refusals WHERE login = 'guessed'")).rows[0].n).toBe(1);
    // A sign-in forgets the pair's refusals.
    expect((await attempt(server!.url, PASSWORD)).status).toBe(200);
    expect((await server!.db.query("SELECT count(*)::int AS n FROM login_refusals WHERE login = 'guessed'")).rows[0].n).toBe(0);
  });

  it('take a token issued by either, and a sign-out through one ends it on both', async () => {
    await addUser(server!.db, { login: 'roamer', orgId, role: 'editor', password: PASSWORD });
    for (const [issuer, other] of [instances(), instances().reverse()]) {
      const { token } = await signIn(issuer, 'roamer');
      expect((await pull(other, token)).status).toBe(200);
      expect((await post(other, '/v1/logout', {}, token)).status).toBe(200);
      expect((await pull(issuer, token)).status).toBe(401);
    }
  });

  const temp = useTempDir();

  it('store every change once when devices push through both at once', { timeout: 180_000 }, async () => {
    // Three devices import the same file and push what they wrote in small batches, all at once, each request to
    // the next instance.
    const files = ['desk-a', 'desk-b', 'desk-c'].map((name) => path.join(temp.dir(), `${name}.sqlite`));
    for (const [i, file] of files.entries()) {
      await addUser(server!.db, { login: `desk${i}`, orgId, role: 'editor', password: PASSWORD });
      withStore(file, `desk${i}`, (store) => importKarteFiles(store, [path.join(DEMO_DIR, 'vietnam.json')]));
      await withStoreAsync(file, `desk${i}`, (store) => clientLogin(store, { server: balancer!.url, login: `desk${i}`, password: PASSWORD }));
    }
    const own = files.map((file) => withStore(file, 'reader', (store) => localChangesSince(store, 0, Number.MAX_SAFE_INTEGER).changes.map((c) => `${c.hlc} ${c.field}`)));
    const nodes = files.map((file) => withStore(file, 'reader', (store) => store.node));
    const sync = (file: string) => withStoreAsync(file, 'reader', (store) => syncOnce(store, { batchSize: 25 }));
    const reports = await Promise.all(files.map(sync));
    expect(reports.map((r) => [r.pushed, r.rejected])).toEqual(own.map((changes) => [changes.length, []]));

    const stored = await server!.db.query<{ id: string }>("SELECT hlc || ' ' || field AS id FROM changes WHERE right(hlc, 16) = ANY($1)", [nodes]);
    expect(stored.rows.map((r) => r.id).sort()).toEqual(own.flat().sort());

    // Each pulls what the others pushed, through both instances too: all three end alike.
    for (const file of files) await sync(file);
    const [first, ...others] = files.map((file) => withStore(file, 'reader', replicaState));
    for (const state of others) expect(state).toEqual(first);
  });
});

describe('tokens', () => {
  beforeAll(async () => {
    await addUser(server!.db, { login: 'idler', orgId, role: 'editor', password: PASSWORD });
  });

  it('stop working when unused for the idle limit (30 days), and every use extends it', async () => {
    const { device, token } = await signIn(server!.url, 'idler');
    for (const base of instances()) {
      await leaveUnused(device, 29);
      expect((await pull(base, token)).status).toBe(200);
      expect((await lastUsed(device)).getTime()).toBeGreaterThan(Date.now() - DAY_MS);
    }
    await leaveUnused(device, 31);
    const unused = await lastUsed(device);
    const expired = await pull(second!.url, token);
    expect(expired.status).toBe(401);
    // Answered like a signed-out token, and not brought back by the attempt.
    const signedOut = await signIn(server!.url, 'idler');
    await post(server!.url, '/v1/logout', {}, signedOut.token);
    expect(expired).toEqual(await pull(second!.url, signedOut.token));
    expect(await lastUsed(device)).toEqual(unused);
  });

  it('record a use at most once a minute', async () => {
    const { device, token } = await signIn(server!.url, 'idler');
    await server!.db.query("UPDATE tokens SET last_used_at = now() - interval '30 seconds' WHERE device_id = $1", [device]);
    const recorded = await lastUsed(device);
    for (const base of instances()) expect((await pull(base, token)).status).toBe(200);
    expect(await lastUsed(device)).toEqual(recorded);
  });

  it('stop working at the maximum age (180 days), however often used', async () => {
    const { device, token } = await signIn(second!.url, 'idler');
    await issueEarlier(device, 179);
    expect((await pull(server!.url, token)).status).toBe(200);
    await issueEarlier(device, 1);
    expect((await pull(server!.url, token)).status).toBe(401);
    expect((await pull(second!.url, token)).status).toBe(401);
  });

  it('keep the lifetime the issuing instance was configured with', async () => {
    const configured = await buildServer(server!.db, DEFAULT_LIMITS, { tokenLifetime: { idleMs: 2 * DAY_MS, maxAgeMs: 10 * DAY_MS } });
    const device = newDevice();
    const answer = await configured.inject({ method: 'POST', url: '/v1/login', headers: { 'karte-protocol': '1' }, payload: { login: 'idler', password: PASSWORD, device } });
    await configured.close();
    expect(answer.statusCode).toBe(200);
    const token = String((answer.json() as { token: string }).token);
    const limits = await server!.db.query("SELECT idle_limit = interval '2 days' AS idle, expires_at - created_at = interval '10 days' AS age FROM tokens WHERE device_id = $1", [
      device,
    ]);
    expect(limits.rows).toEqual([{ idle: true, age: true }]);

    // An instance with the default lifetime holds it to its own.
    await leaveUnused(device, 1);
    expect((await pull(server!.url, token)).status).toBe(200);
    await leaveUnused(device, 3);
    expect((await pull(server!.url, token)).status).toBe(401);
  });

  it('of a revoked device are answered as revoked, expired or not', async () => {
    const { device, token } = await signIn(server!.url, 'idler');
    await revokeDevice(server!.db, device, null);
    await leaveUnused(device, 31);
    for (const base of instances()) {
      const answer = await pull(base, token);
      expect([answer.status, answer.body.code]).toEqual([DEVICE_REVOKED_STATUS, DEVICE_REVOKED_CODE]);
    }
  });
});
