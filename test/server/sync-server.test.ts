import crypto from 'node:crypto';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/hlc';
import type { Scope } from '../../shared/scopes';
import type { SyncChange } from '../../shared/sync/change';
import { nodeOf } from '../../shared/sync/merge';
import type { PullPage, PushResult } from '../../shared/sync/protocol';
import { addOrganisation, addUser, setUserDisabled } from '../../server/accounts';
import { writeRows } from '../../electron/services/store/store';
import { DEFAULT_BATCH, login, syncOnce } from '../../electron/services/sync/client';
import { outboxCount } from '../../electron/services/sync/outbox';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// The sync server against a real PostgreSQL (embedded, started once for this file) over real HTTP.

const LIMITS = { maxPushChanges: 20, maxPullChanges: 50, maxPullBytes: 16 * 1024, bodyLimit: 64 * 1024, loginRefusals: { max: 3, windowMs: 1500 } };
const PASSWORD = 'correct horse 馬';

let server: TestSyncServer | undefined;
let db: pg.Pool;
let base: string;
let govOrg: string;
const temp = useTempDir();

beforeAll(async () => {
  server = await startSyncServer(LIMITS);
  ({ db, url: base } = server);
  govOrg = await addOrganisation(db, '外務省', 'ministry');
  const companyOrg = await addOrganisation(db, 'Acme Engineering', 'company');
  await addUser(db, { login: 'gov-editor', orgId: govOrg, role: 'editor', password: PASSWORD });
  await addUser(db, { login: 'co-editor', orgId: companyOrg, role: 'editor', password: PASSWORD });
  await addUser(db, { login: 'co-reader', orgId: companyOrg, role: 'reader', password: PASSWORD });
  await addUser(db, { login: 'leaver', orgId: companyOrg, role: 'editor', password: PASSWORD });
  await setUserDisabled(db, 'leaver', true, null);
});

afterAll(async () => {
  await server?.stop();
});

async function post(route: string, body: unknown, headers: Record<string, string> = { 'karte-protocol': '1' }): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Client {
  device: string;
  headers: Record<string, string>;
  push(changes: SyncChange[]): Promise<{ status: number; body: Record<string, unknown> }>;
  pull(cursor: string | null, limit?: number): Promise<PullPage>;
}

let deviceCount = 0;

async function signIn(login: string): Promise<Client> {
  const device = (++deviceCount).toString(16).padStart(16, '0');
  const { status, body } = await post('/v1/login', { login, password: PASSWORD, device });
  expect(status).toBe(200);
  const headers = { 'karte-protocol': '1', authorization: `Bearer ${String(body.token)}` };
  return {
    device,
    headers,
    push: (changes) => post('/v1/push', { changes }, headers),
    pull: async (cursor, limit) => {
      const response = await post('/v1/pull', { cursor, limit }, headers);
      expect(response.status).toBe(200);
      return response.body as unknown as PullPage;
    },
  };
}

let clock = Date.UTC(2026, 3, 1);

/** Records are named here for reading (or given by their id); each name stands for a record id of its own. */
const recordIds = new Map<string, string>();
function recordId(name: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(name)) return name;
  if (!recordIds.has(name)) recordIds.set(name, crypto.randomUUID());
  return recordIds.get(name) as string;
}

function change(client: Client, name: string, scope: Scope, field = 'title', value: unknown = `${name} ${scope}`): SyncChange {
  return { hlc: encodeHlc({ millis: ++clock, counter: 0, node: client.device }), author: client.device, table: 'cases', rowId: recordId(name), field, value, scope, prev: null };
}

async function storedCount(): Promise<number> {
  return Number((await db.query('SELECT count(*) FROM changes')).rows[0].count);
}

/** Every change the client may hold, page by page, and the cursor after the last page. */
async function pullAll(client: Client, limit?: number): Promise<{ changes: SyncChange[]; cursor: string | null }> {
  const changes: SyncChange[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await client.pull(cursor, limit);
    changes.push(...(page.changes as SyncChange[]));
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

describe('login', () => {
  it('issues a token for the right password and refuses a wrong one or a disabled user', async () => {
    const ok = await post('/v1/login', { login: 'gov-editor', password: PASSWORD, device: 'aaaaaaaaaaaaaaa1' });
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^[\w-]{40,}$/);
    expect((await post('/v1/login', { login: 'gov-editor', password: 'wrong', device: 'aaaaaaaaaaaaaaa1' })).status).toBe(401);
    expect((await post('/v1/login', { login: 'nobody', password: PASSWORD, device: 'aaaaaaaaaaaaaaa1' })).status).toBe(401);
    expect((await post('/v1/login', { login: 'leaver', password: PASSWORD, device: 'aaaaaaaaaaaaaaa2' })).status).toBe(401);
  });

  it('turns a login name away from an address after repeated wrong passwords, until the window passes', async () => {
    await addUser(db, { login: 'guessed', orgId: govOrg, role: 'editor', password: PASSWORD });
    const attempt = (login: string, password: string) => post('/v1/login', { login, password, device: 'aaaaaaaaaaaaaaa3' });
    for (let i = 0; i < 3; i++) expect((await attempt('guessed', `guess ${i}`)).status).toBe(401);
    const blocked = await attempt('guessed', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatch(/too many refused sign-ins for 'guessed'/);
    // Others sign in as ever.
    expect((await post('/v1/login', { login: 'gov-editor', password: PASSWORD, device: 'aaaaaaaaaaaaaaa1' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await attempt('guessed', PASSWORD)).status).toBe(200);
  });

  it('counts guesses sent at once: no more than the limit get to try a password', async () => {
    await addUser(db, { login: 'stormed', orgId: govOrg, role: 'editor', password: PASSWORD });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post('/v1/login', { login: 'stormed', password: `guess ${i}`, device: 'aaaaaaaaaaaaaaa4' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(LIMITS.loginRefusals.max).fill(401), ...Array(10 - LIMITS.loginRefusals.max).fill(429)]);
  });

  it('refuses pushes without a valid token', async () => {
    const before = await storedCount();
    const response = await post('/v1/push', { changes: [] }, { 'karte-protocol': '1', authorization: 'Bearer forged' });
    expect(response.status).toBe(401);
    expect(await storedCount()).toBe(before);
  });
});

describe('push', () => {
  it('is idempotent: the same batch twice is stored once and acknowledged as duplicate', async () => {
    const gov = await signIn('gov-editor');
    const batch = [change(gov, 'idem-1', 'council'), change(gov, 'idem-1', 'council', 'status', 'active'), change(gov, 'idem-2', 'public')];
    const before = await storedCount();
    const first = await gov.push(batch);
    expect(first.status).toBe(200);
    expect((first.body.results as PushResult[]).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const second = await gov.push(batch);
    expect((second.body.results as PushResult[]).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await storedCount()).toBe(before + 3);
  });

  it('rejects each change the user may not write, with a reason, and applies the rest of the batch', async () => {
    const gov = await signIn('gov-editor');
    const company = await signIn('co-editor');
    await gov.push([change(gov, 'gov-owned', 'internal')]);
    const batch = [
      change(company, 'co-1', 'council'),
      change(company, 'co-2', 'government'),
      change(company, 'gov-owned', 'internal'),
      change(company, 'co-3', 'internal'),
      change(gov, 'forged', 'public'),
      { ...change(company, 'co-4', 'public'), scope: 'nonsense' as Scope },
    ];
    const before = await storedCount();
    const { status, body } = await company.push(batch);
    expect(status).toBe(200);
    const results = body.results as PushResult[];
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied', 'rejected', 'rejected']);
    expect(results[1].reason).toMatch(/government-affiliated/);
    expect(results[2].reason).toMatch(/internal to another organisation/);
    expect(results[4].reason).toMatch(/changes it wrote itself/);
    expect(results[5].reason).toMatch(/not a valid change: scope/);
    expect(results.map((r) => [r.hlc, r.field])).toEqual(batch.map((c) => [c.hlc, c.field]));
    expect(await storedCount()).toBe(before + 2);
  });

  it('refuses a change to a stage event whose case the user may not hold (親子), though the event alone would be in reach', async () => {
    const gov = await signIn('gov-editor');
    const company = await signIn('co-editor');
    const event = (client: Client, rowId: string, field: string, value: unknown): SyncChange => ({ ...change(client, rowId, 'council', field, value), table: 'events' });
    const [caseId, eventId, newEventId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    // Ids come from the source file, so a company that imported the same file holds the same event ids.
    const setUp = await gov.push([change(gov, caseId, 'government'), event(gov, eventId, 'caseId', caseId), event(gov, eventId, 'text', '局長間協議')]);
    expect((setUp.body.results as PushResult[]).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const ownCase = crypto.randomUUID();
    const { body } = await company.push([
      event(company, eventId, 'text', '書き換え'),
      event(company, newEventId, 'caseId', caseId),
      change(company, ownCase, 'council'),
      // Taken into a case of its own, the event would come down to the company.
      event(company, eventId, 'caseId', ownCase),
    ]);
    expect((body.results as PushResult[]).map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied', 'rejected']);
    expect((body.results as PushResult[])[0].reason).toMatch(/case .* out of this user's reach/);
  });

  it('lets a reader push nothing', async () => {
    const reader = await signIn('co-reader');
    const before = await storedCount();
    const response = await reader.push([change(reader, 'by-reader', 'public')]);
    expect(response.status).toBe(403);
    expect(await storedCount()).toBe(before);
  });
});

describe('requests refused at the door change nothing', () => {
  it('answers a wrong or missing protocol version with 400 naming the supported one', async () => {
    const gov = await signIn('gov-editor');
    const before = await storedCount();
    for (const headers of [{ 'karte-protocol': '2' }, {}] as Record<string, string>[]) {
      const response = await post('/v1/push', { changes: [change(gov, 'wrong-version', 'public')] }, headers);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatch(/this server speaks protocol 1/);
    }
    const inBody = await post('/v1/login', { protocol: 1, login: 'gov-editor', password: PASSWORD, device: gov.device });
    expect(inBody.status).toBe(200);
    expect(await storedCount()).toBe(before);
  });

  it('refuses an oversized batch, an oversized body and a malformed one', async () => {
    const gov = await signIn('gov-editor');
    const before = await storedCount();
    const tooMany = Array.from({ length: LIMITS.maxPushChanges + 1 }, (_, i) => change(gov, `many-${i}`, 'public'));
    expect((await gov.push(tooMany)).status).toBe(413);
    expect((await gov.push([change(gov, 'huge', 'public', 'summary', 'x'.repeat(LIMITS.bodyLimit))])).status).toBe(413);
    const malformed = await post('/v1/push', { changes: 'all of them' }, gov.headers);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/changes: /);
    expect(await storedCount()).toBe(before);
  });

  it('answers a cursor no pull ever handed out with 400, even one past the largest the log can count to', async () => {
    const gov = await signIn('gov-editor');
    for (const cursor of ['9999999999999999999', '9223372036854775808', '-1', 'abc']) {
      const response = await post('/v1/pull', { cursor }, gov.headers);
      expect(response.status, cursor).toBe(400);
      expect(response.body.error).toMatch(/a cursor is what the last pull returned/);
    }
    expect((await post('/v1/pull', { cursor: '9223372036854775807' }, gov.headers)).status).toBe(200);
  });

  it('rejects a change that is not one, naming what is wrong, and takes the rest of the batch', async () => {
    const gov = await signIn('gov-editor');
    const before = await storedCount();
    const good = change(gov, 'good-beside-bad', 'public');
    const { status, body } = await gov.push([
      { ...change(gov, 'bad', 'public'), hlc: 'yesterday' },
      { ...change(gov, 'bad', 'public'), author: 'x'.repeat(10_000) },
      { ...change(gov, 'bad', 'public'), rowId: 'row\u0000id' },
      "x'); DELETE FROM records;--" as unknown as SyncChange,
      good,
    ]);
    expect(status).toBe(200);
    const results = body.results as PushResult[];
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(results[0].reason).toMatch(/hlc: not an HLC timestamp/);
    expect(results[1].reason).toMatch(/author: /);
    expect(results[2].reason).toMatch(/rowId: expected a record id/);
    expect(results[3]).toEqual({ hlc: '', field: '', status: 'rejected', reason: expect.stringMatching(/not a valid change/) });
    expect(await storedCount()).toBe(before + 1);
  });
});

describe('pull', () => {
  it('pages through the log by cursor, bounded in size, without echoing a device its own changes', async () => {
    const gov = await signIn('gov-editor');
    const laptop = await signIn('gov-editor');
    const start = (await laptop.pull(null, 1_000_000)).changes.length;
    const pushed = Array.from({ length: 7 }, (_, i) => change(gov, `page-${i}`, 'council'));
    await gov.push(pushed);
    const all = await pullAll(laptop, 3);
    // The author is the signed-in user, whatever the device claimed.
    expect(all.changes.slice(start)).toEqual(pushed.map((c) => ({ ...c, author: 'gov-editor' })));
    expect((await pullAll(gov, 3)).changes.filter((c) => nodeOf(c.hlc) === gov.device)).toEqual([]);
    const first = await laptop.pull(null, 3);
    expect(first.changes).toHaveLength(3);
    expect(first.more).toBe(true);
    const bounded = await laptop.pull(null, 1_000_000);
    expect(bounded.changes.length).toBeLessThanOrEqual(LIMITS.maxPullChanges);
    expect(await laptop.pull(all.cursor)).toEqual({ changes: [], purges: [], cursor: all.cursor, more: false, own: [] });
  });

  it('hands back a text holding the NUL character as it was written, which PostgreSQL cannot hold as text', async () => {
    const gov = await signIn('gov-editor');
    const laptop = await signIn('gov-editor');
    const from = (await pullAll(laptop)).cursor;
    const pushed = [change(gov, 'nul-summary', 'public', 'summary', 'before\u0000after'), change(gov, 'nul-companies', 'public', 'companies', ['\u0000'])];
    expect(((await gov.push(pushed)).body.results as PushResult[]).map((r) => r.status)).toEqual(['applied', 'applied']);
    const pulled = (await laptop.pull(from)).changes as SyncChange[];
    expect(pulled.map((c) => c.value)).toEqual(['before\u0000after', ['\u0000']]);
  });

  it('never gives a company user a government-scope change or another organisation’s internal one', async () => {
    const gov = await signIn('gov-editor');
    const company = await signIn('co-editor');
    // What the company's people receive on another device (a device is not sent back what it wrote).
    const colleague = await signIn('co-editor');
    const scopes = fc.constantFrom<Scope>('internal', 'government', 'council', 'public');
    let row = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), scopes), { minLength: 1, maxLength: 8 }), async (edits) => {
        const pushed: SyncChange[] = [];
        for (const [byGov, scope] of edits) {
          const c = byGov ? change(gov, `prop-${++row}`, scope) : change(company, `prop-${++row}`, scope === 'government' ? 'council' : scope);
          const { body } = await (byGov ? gov : company).push([c]);
          expect((body.results as PushResult[])[0].status).toBe('applied');
          pushed.push(c);
        }
        const received = (await pullAll(colleague, 5)).changes;
        const owners = await db.query<{ row_id: string; owner_org: string }>('SELECT row_id, owner_org FROM records');
        const govRows = new Set(owners.rows.filter((r) => r.owner_org === govOrg).map((r) => r.row_id));
        for (const c of received) {
          expect(c.scope).not.toBe('government');
          if (c.scope === 'internal') expect(govRows.has(c.rowId)).toBe(false);
        }
        const seen = new Set(received.map((c) => c.hlc));
        const due = pushed.filter((c) => c.scope === 'council' || c.scope === 'public' || (c.scope === 'internal' && nodeOf(c.hlc) === company.device));
        expect(due.every((c) => seen.has(c.hlc))).toBe(true);
      }),
      { numRuns: 8 },
    );
  });
});

describe('the author a pushed change is logged under', () => {
  it('is the signed-in user’s, in this device’s log too: a creation’s row and an edit’s', async () => {
    const store = temp.store();
    await login(store, { server: base, login: 'gov-editor', password: PASSWORD });
    const id = crypto.randomUUID();
    writeRows(store, [{ table: 'cases', id, values: { title: '案件', countries: ['VN'], scope: 'public' } }]);
    writeRows(store, [{ table: 'cases', id, values: { summary: '概要' } }]);
    expect(store.db.prepare('SELECT DISTINCT author FROM change_log WHERE rowId = ?').pluck().all(id)).toEqual([store.author]);
    expect(store.author).not.toBe('gov-editor');

    await syncOnce(store);
    expect(store.db.prepare('SELECT field, author FROM change_log WHERE rowId = ? ORDER BY seq').all(id)).toEqual([
      { field: '', author: 'gov-editor' },
      { field: 'summary', author: 'gov-editor' },
    ]);
  });
});

// Last: its changes would fill the pages the tests above read whole.
describe('a client sending more than the server takes', () => {
  it('goes on in smaller pushes after the 413, and the server holds each change once', async () => {
    const store = temp.store();
    await login(store, { server: base, login: 'gov-editor', password: PASSWORD });
    const ids = Array.from({ length: 9 }, () => crypto.randomUUID());
    // A change per field each case sets: more than twice the server's 20 per push.
    const written = writeRows(
      store,
      ids.map((id, i) => ({ table: 'cases', id, values: { title: `案件${i}`, countries: ['VN'], summary: `概要${i}`, notes: `備考${i}`, scope: 'public' } })),
    ).length;
    expect(written).toBeGreaterThan(2 * LIMITS.maxPushChanges);

    const report = await syncOnce(store, { batchSize: DEFAULT_BATCH });
    expect(report.pushed).toBe(written);
    expect(report.rejected).toEqual([]);
    expect(outboxCount(store)).toBe(0);
    const held = await db.query<{ n: string }>('SELECT count(*) AS n FROM changes WHERE row_id = ANY($1)', [ids]);
    expect(Number(held.rows[0].n)).toBe(written);
  });
});
