import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeHlc } from '../../shared/hlc';
import type { SyncChange } from '../../shared/sync/change';
import { addOrganisation, addUser } from '../../server/accounts';
import { createLogger, DEFAULT_LIMITS, HEALTH_ROUTE, OPENAPI_ROUTE, READY_ROUTE } from '../../server/app';
import { DATABASE_UNAVAILABLE_CODE } from '../../server/db';
import { writeRows } from '../../electron/services/store/store';
import { login as clientLogin, syncOnce } from '../../electron/services/sync/client';
import { outboxCount } from '../../electron/services/sync/outbox';
import { freePort, startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// The sync server survives its database: connections PostgreSQL drops, PostgreSQL stopped and started again under
// it, a PostgreSQL that hangs on a lock, and a server killed outright whose PostgreSQL outlived it. Meanwhile it
// answers 503 (code database_unavailable) rather than dying or waiting without end, and its logs carry no secret.

const PASSWORD = 'resilience パスワード';
/** Low, so a hung PostgreSQL is given up on quickly; high enough that a busy machine's ordinary statements pass. */
const STATEMENT_TIMEOUT_MS = 2_000;
const ROOT = path.resolve(import.meta.dirname, '../..');

let server: TestSyncServer | undefined;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  server = await startSyncServer(DEFAULT_LIMITS, {
    database: { statementTimeoutMs: STATEMENT_TIMEOUT_MS, connectTimeoutMs: 5_000 },
    logStream: { write: (line: string) => void logLines.push(line) },
  });
  base = server.url;
  const org = await addOrganisation(server.db, '防災庁', 'ministry');
  await addUser(server.db, { login: 'ed', orgId: org, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A request to the test server, or to the server at `origin`. */
async function request(method: 'GET' | 'POST', route: string, options: { body?: unknown; headers?: Record<string, string>; origin?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.body !== undefined && { 'content-type': 'application/json' }), ...options.headers };
  const response = await fetch(`${options.origin ?? base}${route}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

function post(route: string, body: unknown, token?: string, headers: Record<string, string> = {}, origin?: string): Promise<Answer> {
  return request('POST', route, { body, headers: { 'karte-protocol': '1', ...(token && { authorization: `Bearer ${token}` }), ...headers }, origin });
}

let deviceCount = 0;

async function signIn(): Promise<{ device: string; token: string }> {
  const device = (0xa000 + ++deviceCount).toString(16).padStart(16, '0');
  const { status, body } = await post('/v1/login', { login: 'ed', password: PASSWORD, device });
  expect(status, JSON.stringify(body)).toBe(200);
  return { device, token: String(body.token) };
}

function change(device: string): SyncChange {
  return {
    hlc: encodeHlc({ millis: Date.now() - 60_000 + ++deviceCount, counter: 0, node: device }),
    author: device,
    table: 'cases',
    rowId: crypto.randomUUID(),
    field: 'title',
    value: 'title',
    scope: 'council',
    prev: null,
  };
}

const UNAVAILABLE = { error: expect.any(String), code: DATABASE_UNAVAILABLE_CODE };

/** A connection of the test's own beside the server's pool. PostgreSQL going away ends it too: that is no failure. */
async function adminConnection(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** How many connections wait for a lock. */
async function lockWaiters(client: pg.Client): Promise<number> {
  return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rows[0].n;
}

/** Terminates every other client connection to PostgreSQL, waiting until each backend has gone; returns how many. */
async function terminateOthers(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ terminated: boolean }>(
    `SELECT pg_terminate_backend(pid, 10000) AS terminated FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  expect(rows.every((r) => r.terminated)).toBe(true);
  return rows.length;
}

function loggedEntries(lines: readonly string[]): Record<string, unknown>[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

describe('PostgreSQL closing the server’s connections', () => {
  it('logs each, keeps serving, and the next requests succeed', async () => {
    const { device, token } = await signIn();
    // Several requests at once, so the pool holds several connections.
    await Promise.all([post('/v1/push', { changes: [change(device)] }, token), post('/v1/pull', { cursor: null }, token), request('GET', READY_ROUTE)]);
    expect(server!.db.totalCount).toBeGreaterThan(0);
    const admin = await adminConnection(server!.databaseUrl);
    try {
      expect(await terminateOthers(admin)).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // The pool hears each goodbye (57P01) and lets the connection go.
    await vi.waitFor(() => expect(server!.db.totalCount).toBe(0), { timeout: 30_000 });
    expect(loggedEntries(logLines).some((e) => e.msg === 'PostgreSQL closed an idle connection' && e.code === '57P01')).toBe(true);

    const pushed = await post('/v1/push', { changes: [change(device)] }, token);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect((await post('/v1/pull', { cursor: null }, token)).status).toBe(200);
    expect((await request('GET', READY_ROUTE)).status).toBe(200);
  });
});

describe('PostgreSQL stopped while the server runs', () => {
  const temp = useTempDir();

  it('answers 503 meanwhile, serves again once it is back, and a push that failed goes again with each change stored once', async () => {
    const store = temp.store('outage.sqlite');
    const newCase = (title: string) => ({ table: 'cases' as const, id: crypto.randomUUID(), values: { title } });
    writeRows(store, [newCase('before the outage')]);
    await clientLogin(store, { server: base, login: 'ed', password: PASSWORD });
    await syncOnce(store);
    expect(outboxCount(store)).toBe(0);
    const { device, token } = await signIn();

    writeRows(store, [newCase('written during the outage'), newCase('and another')]);
    const waiting = outboxCount(store);
    expect(waiting).toBeGreaterThan(0);

    await server!.stopDatabase();
    try {
      const pushed = await post('/v1/push', { changes: [change(device)] }, token);
      expect(pushed).toMatchObject({ status: 503, body: UNAVAILABLE });
      expect(Number(pushed.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await post('/v1/pull', { cursor: null }, token)).toMatchObject({ status: 503, body: UNAVAILABLE });
      expect(await post('/v1/login', { login: 'ed', password: PASSWORD, device })).toMatchObject({ status: 503, body: UNAVAILABLE });
      expect(await request('GET', READY_ROUTE)).toMatchObject({ status: 503, body: UNAVAILABLE });
      expect(await request('GET', HEALTH_ROUTE)).toMatchObject({ status: 200, body: { status: 'ok' } });
      await expect(syncOnce(store, { retryDelays: [] })).rejects.toMatchObject({ status: 503, serverCode: DATABASE_UNAVAILABLE_CODE, code: 'sync_server_unavailable' });
      expect(outboxCount(store)).toBe(waiting);
    } finally {
      await server!.startDatabase();
    }

    expect(await request('GET', READY_ROUTE)).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect((await post('/v1/push', { changes: [change(device)] }, token)).status).toBe(200);
    const report = await syncOnce(store);
    expect(report.pushed).toBe(waiting);
    expect(outboxCount(store)).toBe(0);

    const own = store.db.prepare('SELECT hlc, field FROM changes WHERE substr(hlc, -16) = ? ORDER BY hlc, field').all(store.node);
    const held = await server!.db.query('SELECT hlc, field, count(*)::int AS copies FROM changes WHERE right(hlc, 16) = $1 GROUP BY hlc, field ORDER BY hlc, field', [store.node]);
    expect(held.rows).toEqual(own.map((c) => ({ ...(c as object), copies: 1 })));
  });
});

describe('a hung PostgreSQL', () => {
  it('answers a push 503 within the statement timeout while a lock holds it up, and takes it once the lock is gone', async () => {
    const { device, token } = await signIn();
    const admin = await adminConnection(server!.databaseUrl);
    try {
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE changes IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const pushed = await post('/v1/push', { changes: [change(device)] }, token);
      const elapsed = performance.now() - started;
      expect(pushed).toMatchObject({ status: 503, body: UNAVAILABLE });
      // Far past the statement timeout, to allow for a busy machine, and far short of forever.
      expect(elapsed).toBeLessThan(STATEMENT_TIMEOUT_MS + 20_000);
      expect(await post('/v1/pull', { cursor: null }, token)).toMatchObject({ status: 503, body: UNAVAILABLE });
      // PostgreSQL itself still answers: the server is ready, only that table is held.
      expect((await request('GET', READY_ROUTE)).status).toBe(200);
    } finally {
      await admin.query('ROLLBACK');
      await admin.end();
    }
    const pushed = await post('/v1/push', { changes: [change(device)] }, token);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect((pushed.body.results as { status: string }[])[0].status).toBe('applied');
  });
});

describe('logs', () => {
  it('carry no password, token or Authorization header through a login and a push', async () => {
    const from = logLines.length;
    const { device, token } = await signIn();
    expect((await post('/v1/push', { changes: [change(device)] }, token)).status).toBe(200);
    const lines = logLines.slice(from);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain(PASSWORD);
    expect(lines.join('')).not.toContain(token);
    expect(lines.join('').toLowerCase()).not.toContain('bearer');
  });

  it('censor secrets in whatever is logged', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    log.info(
      { req: { headers: { authorization: 'Bearer secret-token-1' }, body: { password: 'secret-password-1' } }, token: 'secret-token-2', user: { password: 'secret-password-2' } },
      'a request',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/secret-/);
    expect(lines[0]).toContain('[redacted]');
  });

  it('name each request by an id, a caller’s own when it is short and plain', async () => {
    const own = await post('/v1/pull', { cursor: null }, undefined, { 'x-request-id': 'trace-4711' });
    expect(own.status).toBe(401);
    expect(own.headers.get('x-request-id')).toBe('trace-4711');
    await vi.waitFor(() => expect(loggedEntries(logLines).some((e) => e.reqId === 'trace-4711' && e.msg === 'request completed')).toBe(true));
    for (const unsafe of ['x'.repeat(200), 'two words', '{"level":60}']) {
      const answer = await request('GET', HEALTH_ROUTE, { headers: { 'x-request-id': unsafe } });
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const first = (await request('GET', HEALTH_ROUTE)).headers.get('x-request-id');
    const second = (await request('GET', HEALTH_ROUTE)).headers.get('x-request-id');
    expect(first).not.toBe(second);
  });

  it('answer any other failure 500 and log it with its stack', async () => {
    const { token } = await signIn();
    const admin = await adminConnection(server!.databaseUrl);
    const from = logLines.length;
    try {
      await admin.query('ALTER TABLE tokens RENAME TO tokens_away');
      const answer = await post('/v1/pull', { cursor: null }, token);
      expect(answer).toMatchObject({ status: 500, body: { error: 'internal server error' } });
      expect(answer.body.code).toBeUndefined();
    } finally {
      await admin.query('ALTER TABLE tokens_away RENAME TO tokens');
      await admin.end();
    }
    const logged = loggedEntries(logLines.slice(from)).find((e) => e.level === 50);
    expect(logged?.msg).toBe('unexpected error: answered 500');
    expect((logged?.err as { stack?: string }).stack).toMatch(/relation "tokens" does not exist[\s\S]*\n\s+at /);
  });
});

describe('routes', () => {
  it('take a bearer token whatever the letter case of its scheme', async () => {
    const { token } = await signIn();
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      expect((await post('/v1/pull', { cursor: null }, undefined, { authorization: `${scheme} ${token}` })).status, scheme).toBe(200);
    }
    expect((await post('/v1/pull', { cursor: null }, undefined, { authorization: `Basic ${token}` })).status).toBe(401);
  });

  it('answer /health and /ready without a token or protocol header, and describe them', async () => {
    expect(await request('GET', HEALTH_ROUTE)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await request('GET', READY_ROUTE)).toMatchObject({ status: 200, body: { status: 'ready' } });
    const description = (await request('GET', OPENAPI_ROUTE)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(description.paths[HEALTH_ROUTE].get.responses)).toEqual(['200']);
    expect(Object.keys(description.paths[READY_ROUTE].get.responses).sort()).toEqual(['200', '503']);
    expect(description.paths['/v1/push'].post.responses['503']).toBeDefined();
  });
});

// The server as `npm run server` runs it, as a process of its own with its embedded PostgreSQL.

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface ServerProcess {
  /** The server's own process (tsx runs it as a child of its own). */
  pid: number;
  /** Resolves when the tsx process has exited. */
  exited: Promise<void>;
  lines: string[];
}

const ADMIN_PASSWORD = 'resilience admin password';

/** Starts server/main.ts and waits for its "listening" line, which names its pid. */
function spawnServer(dataDir: string, pgPort: number, port: number): Promise<ServerProcess> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child: ChildProcess = spawn(TSX, ['server/main.ts', '--data', dataDir, '--pg-port', String(pgPort), '--port', String(port)], {
    cwd: ROOT,
    // A statement timeout long enough for a push held up by a lock to still wait when the test ends its connection.
    env: { ...env, KARTE_ADMIN_PASSWORD: ADMIN_PASSWORD, KARTE_LOG_LEVEL: 'info', KARTE_STATEMENT_TIMEOUT_MS: '120000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`cannot run ${TSX}: ${error.message}`)));
    void exited.then(() => reject(new Error(`the server exited before listening:\n${lines.join('\n')}`)));
    child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const entry = loggedEntries([line])[0];
      if (typeof entry?.msg === 'string' && entry.msg.includes('listening')) resolve({ pid: Number(entry.pid), exited, lines });
    });
  });
}

/** The command line of process `pid`, '' when none runs under it (or only its zombie). */
function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function running(pid: number): boolean {
  return commandOf(pid) !== '';
}

/** The pid in PostgreSQL's lock file, or null without one. */
function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'postmaster.pid');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : null;
}

async function ready(port: number): Promise<number> {
  return (await request('GET', READY_ROUTE, { origin: `http://127.0.0.1:${port}` })).status;
}

describe('the server process', () => {
  let folder: string;
  const started: number[] = [];
  const dataDirs: string[] = [];

  beforeAll(() => {
    expect(process.platform, 'these tests read /proc').toBe('linux');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-server-process-'));
    // The postgres system user (root runs PostgreSQL as it) must be able to enter the folder.
    fs.chmodSync(folder, 0o755);
  });

  afterAll(() => {
    // Whatever a failed test left running: the servers by their pids, their PostgreSQL by its lock file.
    for (const pid of started) if (running(pid)) process.kill(pid, 'SIGKILL');
    for (const dataDir of dataDirs) {
      const pgPid = postmasterPid(dataDir);
      if (pgPid && commandOf(pgPid).includes(dataDir)) process.kill(pgPid, 'SIGINT');
    }
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function newDataDir(name: string): string {
    const dataDir = path.join(folder, name);
    dataDirs.push(dataDir);
    return dataDir;
  }

  async function start(dataDir: string, pgPort: number, port: number): Promise<ServerProcess> {
    const server = await spawnServer(dataDir, pgPort, port);
    started.push(server.pid);
    return server;
  }

  async function stop(server: ServerProcess): Promise<void> {
    process.kill(server.pid, 'SIGTERM');
    await server.exited;
  }

  it('comes up again after kill -9, stopping the PostgreSQL the killed one left running, and stops it with SIGTERM', { timeout: 300_000 }, async () => {
    const dataDir = newDataDir('killed');
    const [pgPort, port] = [await freePort(), await freePort()];
    const first = await start(dataDir, pgPort, port);
    expect(await ready(port)).toBe(200);
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    const leftRunning = postmasterPid(dataDir);
    expect(leftRunning && running(leftRunning), 'PostgreSQL outlives a server killed outright').toBe(true);

    const second = await start(dataDir, pgPort, port);
    expect(await ready(port)).toBe(200);
    expect(
      loggedEntries(second.lines).some((e) => e.msg === 'stopping the PostgreSQL a previous server left running' && e.postgresPid === leftRunning && e.pid === second.pid),
    ).toBe(true);
    expect(running(leftRunning!)).toBe(false);

    // PostgreSQL closing the server's connections, one of them under a push waiting for a lock, does not end the
    // process: the push is answered 503.
    const origin = `http://127.0.0.1:${port}`;
    const device = '00000000000000e1';
    const signedIn = await post('/v1/login', { login: 'admin', password: ADMIN_PASSWORD, device }, undefined, {}, origin);
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    const password = fs.readFileSync(`${dataDir}.password`, 'utf8').trim();
    const admin = await adminConnection(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/postgres`);
    try {
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE changes IN ACCESS EXCLUSIVE MODE');
      const pushing = post('/v1/push', { changes: [change(device)] }, String(signedIn.body.token), {}, origin);
      await vi.waitFor(async () => expect(await lockWaiters(admin)).toBe(1), { timeout: 60_000, interval: 100 });
      expect(await terminateOthers(admin)).toBeGreaterThan(0);
      expect(await pushing).toMatchObject({ status: 503, body: UNAVAILABLE });
    } finally {
      await admin.query('ROLLBACK');
      await admin.end();
    }
    expect(running(second.pid)).toBe(true);
    expect(await ready(port)).toBe(200);
    expect((await post('/v1/push', { changes: [change(device)] }, String(signedIn.body.token), {}, origin)).status).toBe(200);

    const secondPostgres = postmasterPid(dataDir)!;
    await stop(second);
    expect(running(secondPostgres)).toBe(false);
    expect(postmasterPid(dataDir)).toBeNull();
  });

  it('removes a stale postmaster.pid at start, and signals no process that is not its PostgreSQL', { timeout: 300_000 }, async () => {
    const dataDir = newDataDir('stale');
    const [pgPort, port] = [await freePort(), await freePort()];
    await stop(await start(dataDir, pgPort, port));
    const lockFile = path.join(dataDir, 'postmaster.pid');
    const exitedProcess = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => exitedProcess.once('exit', resolve));
    // And a pid that runs something else now, as after a reboot: no PostgreSQL, so the file is stale as well, and
    // that process must not be signalled.
    const bystander = spawn('sleep', ['300']);
    try {
      for (const pid of [exitedProcess.pid!, bystander.pid!]) {
        fs.writeFileSync(lockFile, `${pid}\n${dataDir}\n1700000000\n${pgPort}\n/tmp\n127.0.0.1\n  5432001   3\nready   \n`);
        const server = await start(dataDir, pgPort, port);
        expect(await ready(port)).toBe(200);
        expect(loggedEntries(server.lines).some((e) => e.msg === 'removed a stale postmaster.pid: no PostgreSQL runs under its pid')).toBe(true);
        expect(postmasterPid(dataDir)).not.toBe(pid);
        await stop(server);
      }
      expect(running(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill();
    }
  });
});
