import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES } from '../../shared/model/organisation';
import { ADMIN_CALLS, type AdminAnswer } from '../../shared/sync/admin-protocol';
import { DEVICE_REVOKED_CODE } from '../../shared/sync/protocol';
import { DEFAULT_TOKEN_LIFETIME, ensureAdmin } from '../../server/accounts';
import { buildServer, HEALTH_ROUTE, OPENAPI_ROUTE, READY_ROUTE } from '../../server/app';
import { login, readAccount, syncOnce } from '../../electron/services/sync/client';
import { karteAsync } from '../support/cli';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir, withStore, withStoreAsync } from '../support/temp';

// Operators run the server through `karte admin …`, signed in as a user of role admin: organisations, users
// (their password never an argument), disabling users, revoking devices, listing and revoking tokens; the same
// routes over HTTP; and the OpenAPI description of the whole API.

const ADMIN_PASSWORD = 'operator パスワード';
const USER_PASSWORD = 'staff password 二〇二六';

let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  // As `npm run server` does on a first start.
  await ensureAdmin(server.db, ADMIN_PASSWORD, { name: 'Karte operators', type: 'ministry' });
});

afterAll(async () => {
  await server?.stop();
});

function deviceOf(file: string): string {
  return withStore(file, 'test', (store) => store.node);
}

/** Signs a store in through the desktop client, as `karte login` would. */
function signIn(file: string, user: string, password: string): Promise<unknown> {
  return withStoreAsync(file, 'test', (store) => login(store, { server: server!.url, login: user, password }));
}

function sync(file: string): Promise<unknown> {
  return withStoreAsync(file, 'test', (store) => syncOnce(store));
}

/** `karte admin …` with the store `file` (signed in as an admin). */
function karteAdmin(file: string, args: string[], options?: { env?: Record<string, string>; stdin?: string }) {
  return karteAsync(['--db', file, 'admin', ...args], options);
}

async function post(route: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'karte-protocol': '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server!.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

type TokenEntry = AdminAnswer<'tokenList'>['tokens'][number];

interface UserEntry {
  login: string;
  org: string;
  role: string;
  disabled: boolean;
  devices: { id: string; revoked: boolean }[];
}

describe('karte admin', () => {
  const temp = useTempDir();

  // A dozen CLI processes, each starting TypeScript through tsx: more than the default time on a busy machine.
  it('manages organisations, users and devices of the server the admin is signed in to', { timeout: 180_000 }, async () => {
    const [adminDb, aliceDb, bobDb] = ['operator', 'alice', 'bob'].map((name) => path.join(temp.dir(), `${name}.sqlite`));
    const admin = (args: string[], options?: { env?: Record<string, string>; stdin?: string }) => karteAdmin(adminDb, args, options);

    // Not signed in yet: nothing to act on.
    const early = await admin(['org', 'list']);
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/not signed in/);
    await signIn(adminDb, 'admin', ADMIN_PASSWORD);

    const [ministry, company, wrongType] = await Promise.all([
      admin(['org', 'add', '国土交通省', '--type', 'ministry', '--json']),
      admin(['org', 'add', 'Acme Engineering', '--type', 'company']),
      admin(['org', 'add', 'Somewhere', '--type', 'club']),
    ]);
    expect(JSON.parse(ministry.stdout)).toEqual({ name: '国土交通省', type: 'ministry', users: 0 });
    expect(company.stdout).toMatch(/added organisation Acme Engineering \(company\)/);
    // A value the schema refuses is a usage error (exit 2), named by its option.
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toMatch(/type: Invalid option/);

    // The password from KARTE_PASSWORD or from stdin, never from the command line.
    const [alice, bob] = await Promise.all([
      admin(['user', 'add', 'alice', '--org', '国土交通省', '--role', 'editor'], { env: { KARTE_PASSWORD: USER_PASSWORD } }),
      admin(['user', 'add', 'bob', '--org', 'Acme Engineering', '--role', 'reader'], { stdin: `${USER_PASSWORD}\n` }),
    ]);
    expect([alice.status, bob.status], alice.stderr + bob.stderr).toEqual([0, 0]);
    expect(bob.stdout).toMatch(/added user bob \(reader\) to Acme Engineering/);

    // Both sign in with the passwords given; their devices show in the list.
    await Promise.all([signIn(aliceDb, 'alice', USER_PASSWORD), signIn(bobDb, 'bob', USER_PASSWORD)]);
    const [adminDevice, aliceDevice, bobDevice] = [deviceOf(adminDb), deviceOf(aliceDb), deviceOf(bobDb)];
    const [orgs, users, userTable, notAdmin] = await Promise.all([
      admin(['org', 'list', '--json']),
      admin(['user', 'list', '--json']),
      admin(['user', 'list']),
      // An editor is no admin.
      karteAsync(['--db', aliceDb, 'admin', 'org', 'list']),
    ]);
    expect(JSON.parse(orgs.stdout)).toEqual([
      { name: 'Acme Engineering', type: 'company', users: 1 },
      { name: 'Karte operators', type: 'ministry', users: 1 },
      { name: '国土交通省', type: 'ministry', users: 1 },
    ]);
    expect((JSON.parse(users.stdout) as UserEntry[]).map((u) => [u.login, u.org, u.role, u.disabled, u.devices])).toEqual([
      ['admin', 'Karte operators', 'admin', false, [{ id: adminDevice, revoked: false }]],
      ['alice', '国土交通省', 'editor', false, [{ id: aliceDevice, revoked: false }]],
      ['bob', 'Acme Engineering', 'reader', false, [{ id: bobDevice, revoked: false }]],
    ]);
    expect(userTable.stdout).toMatch(new RegExp(`^login\\s+organisation\\s+role\\s+status\\s+devices\n(.*\n)?alice\\s+国土交通省\\s+editor\\s+active\\s+${aliceDevice}`));
    expect(notAdmin.status).toBe(1);
    expect(notAdmin.stderr).toMatch(/403: only an admin may/);

    // Revoking Alice's device: her next sync is answered that it is revoked. Disabling Bob signs his device out.
    const [revoked, disabled] = await Promise.all([admin(['device', 'revoke', aliceDevice, '--json']), admin(['user', 'disable', 'bob'])]);
    expect(JSON.parse(revoked.stdout)).toEqual({ device: aliceDevice, login: 'alice', tokensRevoked: 1 });
    expect(disabled.stdout).toMatch(/disabled bob: 1 token\(s\) revoked/);
    await expect(sync(aliceDb)).rejects.toThrow(/revoked/);
    await expect(sync(bobDb)).rejects.toThrow(/401/);
    const after = JSON.parse((await admin(['user', 'list', '--json'])).stdout) as UserEntry[];
    expect(after.find((u) => u.login === 'bob')?.disabled).toBe(true);
    expect(after.find((u) => u.login === 'alice')?.devices).toEqual([{ id: aliceDevice, revoked: true }]);
  });

  it('lists tokens and revokes one by its public id', { timeout: 180_000 }, async () => {
    const [adminDb, erinDb] = ['operator', 'erin'].map((name) => path.join(temp.dir(), `${name}.sqlite`));
    const admin = (args: string[], options?: Parameters<typeof karteAdmin>[2]) => karteAdmin(adminDb, args, options);
    await signIn(adminDb, 'admin', ADMIN_PASSWORD);
    const added = await admin(['user', 'add', 'erin', '--org', 'Karte operators', '--role', 'editor'], { env: { KARTE_PASSWORD: USER_PASSWORD } });
    expect(added.status, added.stderr).toBe(0);
    await signIn(erinDb, 'erin', USER_PASSWORD);
    const erinDevice = deviceOf(erinDb);

    const [listed, table, everyone] = await Promise.all([
      admin(['token', 'list', '--user', 'erin', '--json']),
      admin(['token', 'list', '--user', 'erin']),
      admin(['token', 'list', '--json']),
    ]);
    const tokens = JSON.parse(listed.stdout) as TokenEntry[];
    expect(tokens).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        login: 'erin',
        device: erinDevice,
        created: expect.any(String),
        lastUsed: expect.any(String),
        expires: expect.any(String),
        revoked: false,
      },
    ]);
    const [token] = tokens;
    // Unused, it expires after the idle limit, before its maximum age.
    expect(Date.parse(token.expires) - Date.parse(token.lastUsed)).toBe(DEFAULT_TOKEN_LIFETIME.idleMs);
    expect(table.stdout).toMatch(new RegExp(`^id\\s+login\\s+device\\s+created\\s+last used\\s+expires\\s+status\n${token.id}\\s+erin\\s+${erinDevice}\\s.*\\sactive\n$`));
    expect((JSON.parse(everyone.stdout) as TokenEntry[]).map((t) => t.login)).toEqual(expect.arrayContaining(['admin', 'erin']));
    // Neither the token nor its hash leaves the server.
    const { hash } = (await server!.db.query<{ hash: string }>('SELECT hash FROM tokens WHERE id = $1', [token.id])).rows[0];
    for (const secret of [withStore(erinDb, 'test', (store) => readAccount(store)!.token), hash]) expect(listed.stdout + table.stdout + everyone.stdout).not.toContain(secret);

    const revoked = await admin(['token', 'revoke', token.id]);
    expect(revoked.stdout).toContain(`revoked token ${token.id} of erin (device ${erinDevice})`);
    await expect(sync(erinDb)).rejects.toThrow(/401/);
    expect((await admin(['token', 'list', '--user', 'erin'])).stdout).toMatch(new RegExp(`^${token.id}\\s.*\\srevoked$`, 'm'));
    const [notAnId, unknown, noUser] = await Promise.all([
      admin(['token', 'revoke', 'not-an-id']),
      admin(['token', 'revoke', '0123456789ab']),
      admin(['token', 'list', '--user', 'nobody']),
    ]);
    expect([notAnId.status, unknown.status, noUser.status]).toEqual([2, 1, 1]);
    expect(notAnId.stderr).toMatch(/a token id is 12 hex digits/);
    expect(unknown.stderr).toMatch(/404: no token '0123456789ab'/);
    expect(noUser.stderr).toMatch(/404: no user 'nobody'/);
  });
});

describe('admin routes over HTTP', () => {
  it('check bodies with the shared schemas and refuse what exists already, changing nothing', async () => {
    const login = await post('/v1/login', { login: 'admin', password: ADMIN_PASSWORD, device: 'ad0000000000000a' });
    const token = String(login.body.token);
    const orgsBefore = await post('/v1/admin/org/list', {}, token);

    const shortPassword = await post('/v1/admin/user/add', { login: 'dave', org: 'Karte operators', role: 'editor', password: 'short' }, token);
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body.error).toMatch(/password: a password has at least 8 characters/);
    const wrongRole = await post('/v1/admin/user/add', { login: 'dave', org: 'Karte operators', role: 'owner', password: USER_PASSWORD }, token);
    expect(wrongRole.status).toBe(400);
    const taken = await post('/v1/admin/user/add', { login: 'admin', org: 'Karte operators', role: 'editor', password: USER_PASSWORD }, token);
    expect(taken).toEqual({ status: 409, body: { error: "a user 'admin' exists already" } });
    const noOrg = await post('/v1/admin/user/add', { login: 'dave', org: '存在しない省', role: 'editor', password: USER_PASSWORD }, token);
    expect(noOrg.status).toBe(404);
    expect(noOrg.body.error).toMatch(/no organisation named '存在しない省'/);
    expect((await post('/v1/admin/org/add', { name: 'Karte operators', type: 'agency' }, token)).status).toBe(409);
    expect((await post('/v1/admin/user/disable', { login: 'nobody' }, token)).status).toBe(404);
    expect((await post('/v1/admin/device/revoke', { device: 'not-a-device' }, token)).status).toBe(400);
    expect((await post('/v1/admin/device/revoke', { device: '0123456789abcdef' }, token)).status).toBe(404);
    const users = (await post('/v1/admin/user/list', {}, token)).body.users as UserEntry[];
    expect(users.map((u) => u.login)).not.toContain('dave');
    expect(await post('/v1/admin/org/list', {}, token)).toEqual(orgsBefore);
  });

  it("keeps an organisation's own admin to its own users and devices", async () => {
    const operator = String((await post('/v1/login', { login: 'admin', password: ADMIN_PASSWORD, device: 'ad0000000000000b' })).body.token);
    for (const [name, type] of [
      ['地方の市役所', 'local_government'],
      ['他社', 'company'],
    ] as const)
      expect((await post('/v1/admin/org/add', { name, type }, operator)).status).toBe(200);
    for (const [login, org, role] of [
      ['city-admin', '地方の市役所', 'admin'],
      ['city-staff', '地方の市役所', 'editor'],
      ['rival', '他社', 'editor'],
    ] as const) {
      expect((await post('/v1/admin/user/add', { login, org, role, password: USER_PASSWORD }, operator)).status).toBe(200);
    }
    const rivalDevice = 'ad0000000000000d';
    expect((await post('/v1/login', { login: 'rival', password: USER_PASSWORD, device: rivalDevice })).status).toBe(200);
    const cityAdmin = String((await post('/v1/login', { login: 'city-admin', password: USER_PASSWORD, device: 'ad0000000000000c' })).body.token);

    expect((await post('/v1/admin/org/list', {}, cityAdmin)).body).toEqual({ organisations: [{ name: '地方の市役所', type: 'local_government', users: 2 }] });
    expect(((await post('/v1/admin/user/list', {}, cityAdmin)).body.users as UserEntry[]).map((u) => u.login)).toEqual(['city-admin', 'city-staff']);
    const before = await post('/v1/admin/user/list', {}, operator);
    expect(await post('/v1/admin/org/add', { name: '新しい組織', type: 'agency' }, cityAdmin)).toEqual({
      status: 403,
      body: { error: "only the operators' admins add organisations" },
    });
    expect((await post('/v1/admin/user/add', { login: 'mole', org: '他社', role: 'editor', password: USER_PASSWORD }, cityAdmin)).status).toBe(403);
    expect((await post('/v1/admin/user/disable', { login: 'rival' }, cityAdmin)).status).toBe(404);
    expect((await post('/v1/admin/device/revoke', { device: rivalDevice }, cityAdmin)).status).toBe(404);
    expect(await post('/v1/admin/user/list', {}, operator)).toEqual(before);
    // Within its own organisation it acts.
    expect((await post('/v1/admin/user/add', { login: 'city-new', org: '地方の市役所', role: 'reader', password: USER_PASSWORD }, cityAdmin)).status).toBe(200);
    expect(await post('/v1/admin/user/disable', { login: 'city-staff' }, cityAdmin)).toEqual({ status: 200, body: { login: 'city-staff', tokensRevoked: 0 } });
  });

  it("keeps an organisation's own admin to its own users' tokens", async () => {
    const signInOver = async (login: string, password: string, device: string) => {
      const answer = await post('/v1/login', { login, password, device });
      expect(answer.status).toBe(200);
      return String(answer.body.token);
    };
    const operator = await signInOver('admin', ADMIN_PASSWORD, 'ad00000000000010');
    for (const [name, type] of [
      ['トークン市', 'local_government'],
      ['トークン社', 'company'],
    ] as const)
      expect((await post('/v1/admin/org/add', { name, type }, operator)).status).toBe(200);
    for (const [login, org, role] of [
      ['token-admin', 'トークン市', 'admin'],
      ['token-staff', 'トークン市', 'editor'],
      ['token-idle', 'トークン市', 'reader'],
      ['token-rival', 'トークン社', 'editor'],
    ] as const) {
      expect((await post('/v1/admin/user/add', { login, org, role, password: USER_PASSWORD }, operator)).status).toBe(200);
    }
    const cityAdmin = await signInOver('token-admin', USER_PASSWORD, 'ad00000000000011');
    const staff = await signInOver('token-staff', USER_PASSWORD, 'ad00000000000012');
    const rival = await signInOver('token-rival', USER_PASSWORD, 'ad00000000000013');
    const tokensOf = async (login: string | undefined, caller: string) => (await post('/v1/admin/token/list', { login }, caller)).body.tokens as TokenEntry[];
    const [[staffToken], [rivalToken]] = [await tokensOf('token-staff', operator), await tokensOf('token-rival', operator)];

    expect((await tokensOf(undefined, cityAdmin)).map((t) => t.login).sort()).toEqual(['token-admin', 'token-staff']);
    expect((await tokensOf(undefined, operator)).map((t) => t.login)).toEqual(expect.arrayContaining(['admin', 'token-admin', 'token-staff', 'token-rival']));
    expect(await tokensOf('token-idle', cityAdmin)).toEqual([]);
    expect(await post('/v1/admin/token/list', { login: 'token-rival' }, cityAdmin)).toEqual({ status: 404, body: { error: "no user 'token-rival' in your organisation" } });
    expect((await post('/v1/admin/token/revoke', { id: rivalToken.id }, cityAdmin)).status).toBe(404);
    expect((await post('/v1/pull', { cursor: null }, rival)).status).toBe(200);
    expect((await post('/v1/admin/token/revoke', { id: 'token-staff' }, operator)).status).toBe(400);

    // Within its own organisation it revokes: that token is refused, while the device may sign in again.
    expect(await post('/v1/admin/token/revoke', { id: staffToken.id }, cityAdmin)).toEqual({ status: 200, body: { ...staffToken, revoked: true } });
    expect((await post('/v1/pull', { cursor: null }, staff)).status).toBe(401);
    expect((await post('/v1/login', { login: 'token-staff', password: USER_PASSWORD, device: 'ad00000000000012' })).status).toBe(200);
  });

  it('still asks for the protocol version', async () => {
    const response = await fetch(`${server!.url}/v1/admin/org/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/this server speaks protocol 1/);
  });
});

describe('the OpenAPI description', () => {
  it('is served without token or protocol header and describes every route with its body and answer', async () => {
    const response = await fetch(`${server!.url}${OPENAPI_ROUTE}`);
    expect(response.status).toBe(200);
    const spec = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } }; responses: Record<string, { content?: unknown }> }>
      >;
    };
    expect(spec.openapi).toMatch(/^3\./);

    // Every route the server registers, as Fastify lists them.
    const app = await buildServer(server!.db);
    await app.ready();
    const routes = [...app.printRoutes({ commonPrefix: false }).matchAll(/(\/\S*) \(([A-Z, ]+)\)/g)].flatMap(([, url, methods]) =>
      methods
        .split(', ')
        .filter((m) => m !== 'HEAD')
        .map((method) => ({ url, method: method.toLowerCase() })),
    );
    await app.close();
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/v1/login', '/v1/logout', '/v1/push', '/v1/pull', OPENAPI_ROUTE, ...Object.values(ADMIN_CALLS).map((c) => `/${c.route}`)]),
    );
    for (const { url, method } of routes) {
      const operation = spec.paths[url]?.[method];
      expect(operation, `${method} ${url}`).toBeDefined();
      if ([OPENAPI_ROUTE, HEALTH_ROUTE, READY_ROUTE].includes(url)) continue;
      expect(operation.responses['200'].content, `${method} ${url} answer`).toBeDefined();
      expect(operation.responses['4XX'].content, `${method} ${url} refusals`).toBeDefined();
      if (url !== '/v1/logout') expect(operation.requestBody, `${method} ${url} body`).toBeDefined();
    }

    // Drawn from the zod schemas: the organisation types, the revoked-device code in the refusals.
    const orgAdd = spec.paths['/v1/admin/org/add'].post.requestBody!.content['application/json'].schema as { properties: { type: { enum: string[] } } };
    expect(orgAdd.properties.type.enum).toEqual([...ORGANISATION_TYPES]);
    expect(JSON.stringify(spec.paths['/v1/push'])).toContain(DEVICE_REVOKED_CODE);
  });
});
