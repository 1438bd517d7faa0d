// npm run bench, sync part: Karte's sync through the real server (Fastify + embedded PostgreSQL on 127.0.0.1) beside
// PouchDB replication through express-pouchdb on loopback, measured in the same run on the same machine.
//   (a) 10,000 changed fields (1,000 cases × 10 text fields) from client A through the server to client B;
//       target: at most half the time of (b);
//   (b) PouchDB: 10,000 documents carrying the same values, client → express-pouchdb → second client, the same batch
//       size; both servers share this process with their clients;
//   (c) one incremental change against a server holding 1,000,000 more changes, beside the same against the small one;
//   (d) 200 devices pushing and pulling at once, from a load generator in a process of its own (sync-load.ts) against
//       the server in this one; target: p99 latency under 1 s.
// Usage: npx tsx --expose-gc test/bench/sync.ts [--big 1000000] [--clients 200]
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { addOrganisation, addUser, login as serverLogin } from '../../server/accounts';
import { openStore, writeRows, type RowWrite, type Store } from '../../electron/services/store/store';
import { DEFAULT_BATCH, login, syncOnce } from '../../electron/services/sync/client';
import { outbox, recordPulled } from '../../electron/services/sync/outbox';
import { startSyncServer } from '../support/sync-server';
import { percentile } from './percentile';
import { FIELDS, text } from './sync-edits';
import type { LoadAnswer, LoadDevice, LoadFigures, LoadJob } from './sync-load';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECORDS = 1_000;
const BIG = arg('big', 1_000_000);
const CLIENTS = arg('clients', 200);
const ROUNDS = 3;
const INCREMENTAL_RUNS = 20;
const WARM_UP = 3;
const PASSWORD = 'ベンチのパスワード';

// PouchDB ships no types; the little of it used here.
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<{ id: string; rev: string }[]>;
  allDocs(): Promise<{ rows: { id: string; value: { rev: string } }[] }>;
  replicate: { to(target: string, options: object): Promise<{ docs_written: number }>; from(source: string, options: object): Promise<{ docs_written: number }> };
}
type PouchConstructor = (new (name: string) => PouchDatabase) & { plugin(plugin: unknown): void; defaults(options: object): PouchConstructor };
const require = createRequire(import.meta.url);

function elapsed<T>(start: number, value: T): { ms: number; value: T } {
  return { ms: performance.now() - start, value };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  return elapsed(start, await work());
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const median = (xs: number[]) => percentile(xs, 50);

/** A full collection before each side's round: neither pays for the garbage the other left. */
function settleHeap(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the sync bench collects garbage between rounds: run it with --expose-gc (npm run bench does)');
  gc();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-sync-bench-'));
const server = await startSyncServer();
const stores: Store[] = [];
let pouchServer: http.Server | undefined;
// Loading and vacuuming a million changes takes longer than the server lets one statement run: a connection of the
// bench's own does it.
const bulk = new pg.Client({ connectionString: server.databaseUrl });
try {
  console.log(
    `Karte sync bench (${os.cpus().length} cores, node ${process.version}); server and clients A, B in this process, the devices of (d) in another, PostgreSQL embedded, all on 127.0.0.1`,
  );
  const org = await addOrganisation(server.db, '国土交通省', 'ministry');
  for (const user of ['alice', 'bob']) await addUser(server.db, { login: user, orgId: org, role: 'editor', password: PASSWORD });

  const open = async (name: string, user: string) => {
    const store = openStore(path.join(dir, `${name}.sqlite`), { author: user });
    stores.push(store);
    await login(store, { server: server.url, login: user, password: PASSWORD });
    return store;
  };
  const a = await open('a', 'alice');
  const b = await open('b', 'bob');

  // (a) The records exist on both sides first (not timed); then A edits 10 text fields of each: 10,000 changes.
  const ids = Array.from({ length: RECORDS }, () => crypto.randomUUID());
  writeRows(
    a,
    ids.map((id, i) => ({ table: 'cases', id, values: { title: `案件${i}`, countries: ['VN'] } })),
  );
  const setup = await timed(async () => [await syncOnce(a), await syncOnce(b)]);
  console.log(`\nsetup: ${RECORDS} cases created on A and synced to B in ${ms(setup.ms)} (${setup.value[0].pushed} changes)`);

  const changeCount = RECORDS * FIELDS.length;

  // (b) PouchDB, memory adapter on all three databases (no disk on either side; Karte's stores and PostgreSQL write
  // to disk with fsync). Same 10,000 values as documents; the same batch size as Karte's push (DEFAULT_BATCH).
  const PouchDB = require('pouchdb') as PouchConstructor;
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });
  const expressPouch = require('express-pouchdb') as (pouch: PouchConstructor, options: object) => { listen(port: number, host: string, ready: () => void): http.Server };
  pouchServer = await new Promise<http.Server>((resolve) => {
    const s = expressPouch(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const remote = `http://127.0.0.1:${(pouchServer.address() as { port: number }).port}/bench`;
  const pa = new MemoryPouch('pouch-a');
  const pb = new MemoryPouch('pouch-b');
  const replication = { batch_size: DEFAULT_BATCH };
  const docId = (i: number, f: string) => `${ids[i]}:${f}`;
  await pa.bulkDocs(ids.flatMap((id, i) => FIELDS.map((f) => ({ _id: docId(i, f), table: 'cases', rowId: id, field: f, scope: 'council', value: text(0, i, f) }))));
  await pa.replicate.to(remote, replication);
  await pb.replicate.from(remote, replication);

  const karteRound = async (round: number) => {
    const edits: RowWrite[] = ids.map((id, i) => ({ table: 'cases', id, values: Object.fromEntries(FIELDS.map((f) => [f, text(round, i, f)])) }));
    const written = writeRows(a, edits).length;
    const push = await timed(() => syncOnce(a));
    const pull = await timed(() => syncOnce(b));
    if (push.value.pushed !== written || pull.value.pulled !== written)
      throw new Error(`round ${round}: wrote ${written}, pushed ${push.value.pushed}, pulled ${pull.value.pulled}`);
    return { push: push.ms, pull: pull.ms };
  };
  const pouchRound = async (round: number) => {
    const revs = new Map((await pa.allDocs()).rows.map((r) => [r.id, r.value.rev]));
    await pa.bulkDocs(
      ids.flatMap((id, i) =>
        FIELDS.map((f) => ({ _id: docId(i, f), _rev: revs.get(docId(i, f)), table: 'cases', rowId: id, field: f, scope: 'council', value: text(round, i, f) })),
      ),
    );
    const push = await timed(() => pa.replicate.to(remote, replication));
    const pull = await timed(() => pb.replicate.from(remote, replication));
    if (push.value.docs_written !== changeCount || pull.value.docs_written !== changeCount)
      throw new Error(`PouchDB round ${round}: wrote ${push.value.docs_written}/${pull.value.docs_written}`);
    return { push: push.ms, pull: pull.ms };
  };
  // Round by round, one of each, so that both see the same machine: measured one after the other, a busier minute
  // for either moved the ratio by a tenth.
  const karte: { push: number; pull: number }[] = [];
  const pouch: { push: number; pull: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    settleHeap();
    karte.push(await karteRound(round));
    settleHeap();
    pouch.push(await pouchRound(round));
  }
  const sample = b.db.prepare(`SELECT ${FIELDS.join(', ')} FROM cases WHERE id = ?`).get(ids[7]);
  if (JSON.stringify(sample) !== JSON.stringify(a.db.prepare(`SELECT ${FIELDS.join(', ')} FROM cases WHERE id = ?`).get(ids[7]))) throw new Error('B does not hold A’s values');

  const row = (label: string, runs: { push: number; pull: number }[]) => {
    const total = median(runs.map((r) => r.push + r.pull));
    console.log(
      `  ${label.padEnd(34)} push ${ms(median(runs.map((r) => r.push))).padStart(8)}  pull ${ms(median(runs.map((r) => r.pull))).padStart(8)}  total ${ms(total).padStart(8)}  ${Math.round((changeCount / total) * 1000)} changes/s`,
    );
    return total;
  };
  console.log(
    `\n(a, b) ${changeCount} changed fields A → server → B (${RECORDS} cases × ${FIELDS.length} fields of 120 characters), median of ${ROUNDS} rounds, one of each in turn`,
  );
  console.log(`  push = syncOnce on A (its push, then a pull that finds nothing new: a device is not sent its own changes), pull = syncOnce on B`);
  const karteTotal = row('Karte (SQLite ⇄ Fastify/PostgreSQL)', karte);
  const pouchTotal = row('PouchDB (memory ⇄ express-pouchdb)', pouch);
  console.log(`  ratio Karte/PouchDB ${(karteTotal / pouchTotal).toFixed(2)}×   target: at most 0.50×`);

  // (c) One edit, synced A → server → B, first against the server as it is, then with a million more changes.
  const incremental = async (): Promise<{ a: number[]; b: number[] }> => {
    const times = { a: [] as number[], b: [] as number[] };
    for (let i = -WARM_UP; i < INCREMENTAL_RUNS; i++) {
      writeRows(a, [{ table: 'cases', id: ids[i + WARM_UP], values: { nextAction: `追加の確認 ${performance.now()}` } }]);
      const pushed = await timed(() => syncOnce(a));
      const pulled = await timed(() => syncOnce(b));
      if (pushed.value.pushed !== 1 || pulled.value.pulled !== 1) throw new Error(`incremental sync moved ${pushed.value.pushed}/${pulled.value.pulled} changes`);
      if (i < 0) continue;
      times.a.push(pushed.ms);
      times.b.push(pulled.ms);
    }
    return times;
  };
  const serverChanges = async () => Number((await server.db.query<{ n: string }>('SELECT count(*) AS n FROM changes')).rows[0].n);
  const localChanges = (store: Store) => store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
  // B's part of its sync that only looks for its own changes to push (it has none): what a reader device pays.
  const outboxMs = (store: Store) => median(Array.from({ length: 5 }, () => elapsed(performance.now(), outbox(store)).ms));
  await bulk.connect();
  await settle(bulk);
  const small = { size: await serverChanges(), local: localChanges(b), outbox: outboxMs(b), ...(await incremental()) };

  const generated = await timed(() => generateChanges(bulk, org, BIG));
  // A and B are in sync with the grown log: their cursors move to its end. Pulling a million changes through the
  // client would time the first sync, not the incremental one, so B's log gets as many rows by SQL (log rows of other
  // records, no record rows): what its own outbox and lookups see. A's store does not hold them.
  const padded = elapsed(performance.now(), padLocalLog(b, BIG));
  const end = (await server.db.query<{ seq: string }>('SELECT max(server_seq) AS seq FROM changes')).rows[0].seq;
  for (const store of [a, b]) recordPulled(store, end);
  const big = { size: await serverChanges(), local: localChanges(b), outbox: outboxMs(b), ...(await incremental()) };
  console.log(
    `\n(c) one changed field A → server → B, ${INCREMENTAL_RUNS} runs each after ${WARM_UP} unmeasured; the big log: ${BIG} changes of ${BIG / 10} records inserted with SQL in ${ms(generated.ms)} on the server, ${ms(padded.ms)} into B's log`,
  );
  for (const [label, t] of [
    [`server ${small.size}, B's log ${small.local}`, small],
    [`server ${big.size}, B's log ${big.local}`, big],
  ] as const) {
    console.log(
      `  ${label.padEnd(34)} A push+sync p50 ${ms(median(t.a)).padStart(7)} p95 ${ms(percentile(t.a, 95)).padStart(7)}   B pull+sync p50 ${ms(median(t.b)).padStart(7)} p95 ${ms(percentile(t.b, 95)).padStart(7)} (its outbox query ${ms(t.outbox)})`,
    );
  }
  console.log(
    `  ratio big/small (p50 of A+B): ${((median(big.a) + median(big.b)) / (median(small.a) + median(small.b))).toFixed(2)}×   target: < 50 ms per incremental sync whatever the store holds`,
  );
  await explainSync(server.db, a, ids[0]);

  // (d) Many devices at once, each pushing a few changes and pulling what the others pushed meanwhile.
  await concurrentClients(server.url, server.db);
} finally {
  for (const s of stores) s.close();
  pouchServer?.close();
  await bulk.end();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * `count` changes of count/10 council records of the organisation, 10 fields each, straight into PostgreSQL: each
 * record's ten fields one write, which creates it, with the reach push would give them.
 */
async function generateChanges(db: pg.Client, org: string, count: number): Promise<void> {
  const node = '0123456789abcdef';
  const records = count / 10;
  await db.query(
    `INSERT INTO records (tbl, row_id, owner_org, scope, scope_hlc)
     SELECT 'cases', md5('bench' || r)::uuid::text, $1, 'council', to_char((timestamptz '2024-01-01Z' + r * interval '1 ms') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-' || $2
       FROM generate_series(1, $3::int) r`,
    [org, node, records],
  );
  await db.query(
    `INSERT INTO changes (hlc, field, tbl, row_id, value, scope, prev, author, org_id, reach, creates)
     SELECT to_char((timestamptz '2024-01-01Z' + r * interval '1 ms') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-' || $2,
            (ARRAY['title','summary','futurePolicy','notes','nextAction','financing','outcomeFraming','effectExamples','nextSteps','talkingPoints'])[f],
            'cases', md5('bench' || r)::uuid::text, to_json(repeat('現地政府との協議を継続する。', 8)), 'council', NULL, 'generator', $1, 'council', true
       FROM generate_series(1, $3::int) r, generate_series(1, 10) f
      ORDER BY r, f`,
    [org, node, records],
  );
  await settle(db);
}

/** Vacuumed, analysed and checkpointed, as a server that has held its data a while: no autovacuum pass mid-measurement. */
async function settle(db: pg.Client): Promise<void> {
  await db.query('VACUUM ANALYZE changes');
  await db.query('VACUUM ANALYZE records');
  await db.query('CHECKPOINT');
}

/** `count` log rows of count/10 records this store does not hold, 10 fields each, from other devices. */
function padLocalLog(store: Store, count: number): void {
  store.db.transaction(() =>
    store.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
         INSERT INTO change_log (hlc, author, tbl, rowId, field, value, scope, prev)
         SELECT '2024-01-01T00:00:00.000Z-' || printf('%04x', (i / 10) % 65536) || '-' || printf('%016x', (i / 10) / 65536 + 1), 'generator', 'cases',
                'pad-' || (i / 10), json_extract(?, '$[' || (i % 10) || ']'), json_quote('現地政府との協議を継続する。'), 'council', NULL
           FROM n`,
      )
      .run(count, JSON.stringify(['title', ...FIELDS.slice(0, 9)])),
  )();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * The plans of the statements one incremental sync sends (captured from the pool as the server runs them), so a
 * missing index shows as a sequential scan over the big tables.
 */
async function explainSync(db: pg.Pool, store: Store, id: string): Promise<void> {
  const sent: { text: string; values?: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  const capture = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof config === 'string' ? config : config.text;
    if (/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(text) && !/pg_advisory|FROM tokens/i.test(text))
      sent.push({ text, values: typeof config === 'string' ? values : config.values });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = capture as typeof original;
  try {
    writeRows(store, [{ table: 'cases', id, values: { nextAction: `計画の確認 ${performance.now()}` } }]);
    await syncOnce(store);
  } finally {
    pg.Client.prototype.query = original;
  }
  console.log(`  plans of the ${sent.length} statements one incremental sync sends against the big log (reads run with EXPLAIN ANALYZE, the write is planned only):`);
  const client = await db.connect();
  try {
    for (const { text, values } of sent) {
      await client.query('BEGIN');
      // The writes happened already: their plans are read without running them again.
      const explain = /\b(INSERT|UPDATE|DELETE)\b/i.test(text) ? 'EXPLAIN (COSTS OFF)' : 'EXPLAIN (ANALYZE, COSTS OFF)';
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`${explain} ${text}`, values)).rows.map((r) => r['QUERY PLAN']);
      await client.query('ROLLBACK');
      const scans = plan.map((l) => /(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)( using \S+)? on \S+/.exec(l)?.[0]).filter((s) => s !== undefined);
      const time = plan.find((l) => l.startsWith('Execution Time'));
      const full = scans.some((s) => /^Seq Scan on (changes|records)/.test(s));
      console.log(`    ${full ? 'FULL SCAN ' : ''}${text.replace(/\s+/g, ' ').slice(0, 60).padEnd(60)} ${scans.join(', ') || '(no table scan)'}${time ? `; ${time}` : ''}`);
    }
  } finally {
    client.release();
  }
}

/** Runs the load generator (sync-load.ts) in a process of its own and waits for its figures. */
function runLoad(job: LoadJob): Promise<LoadFigures> {
  // Forked with this process's Node options, so the TypeScript loader runs the generator too.
  const generator = fork(fileURLToPath(new URL('./sync-load.ts', import.meta.url)));
  return new Promise((resolve, reject) => {
    generator.once('message', (answer: LoadAnswer) => ('error' in answer ? reject(new Error(`the load generator failed: ${answer.error}`)) : resolve(answer)));
    generator.once('exit', (code) => reject(new Error(`the load generator exited (${code}) without its figures`)));
    generator.send(job);
  });
}

async function concurrentClients(url: string, db: pg.Pool): Promise<void> {
  const ROUNDS_EACH = 5;
  const PER_PUSH = 5;
  const ORGANISATIONS = 20;
  // Devices of 20 organisations writing organisation-internal (組織内) records: each pulls what its colleagues push,
  // and every pull still pages through everyone's changes. One user per organisation, a device and token each
  // (signing in is scrypt: done before the clock starts). Raw protocol requests from a process of their own
  // (sync-load.ts): this measures the server, not 200 SQLite stores, nor 200 clients in the server's process.
  const users: string[] = [];
  for (let o = 0; o < ORGANISATIONS; o++) {
    const orgId = await addOrganisation(db, `負荷試験機関${o}`, 'ministry');
    await addUser(db, { login: `load${o}`, orgId, role: 'editor', password: PASSWORD });
    users.push(`load${o}`);
  }
  const devices: LoadDevice[] = [];
  for (let d = 0; d < CLIENTS; d++) {
    const device = crypto.randomBytes(8).toString('hex');
    const login = users[d % ORGANISATIONS];
    devices.push({ device, login, token: (await serverLogin(db, { login, password: PASSWORD, device })).token });
  }
  const start = (await db.query<{ seq: string }>('SELECT max(server_seq) AS seq FROM changes')).rows[0].seq;
  const run = await runLoad({ url, start, devices, rounds: ROUNDS_EACH, perPush: PER_PUSH });
  const pushedChanges = CLIENTS * ROUNDS_EACH * PER_PUSH;
  const requests = run.push.length + run.pull.length;
  const all = [...run.push, ...run.pull];
  console.log(`\n(d) ${CLIENTS} devices of ${ORGANISATIONS} organisations at once, each ${ROUNDS_EACH} × (push ${PER_PUSH} changes, pull until caught up): ${ms(run.ms)}`);
  console.log(
    `  ${Math.round((pushedChanges / run.ms) * 1000)} changes/s pushed, ${Math.round((run.pulled / run.ms) * 1000)} changes/s pulled, ${Math.round((requests / run.ms) * 1000)} requests/s`,
  );
  for (const [label, xs] of [
    ['push', run.push],
    ['pull', run.pull],
    ['all requests', all],
  ] as const) {
    console.log(`  ${label.padEnd(13)} p50 ${ms(percentile(xs, 50)).padStart(8)}  p99 ${ms(percentile(xs, 99)).padStart(8)}  (${xs.length} requests)`);
  }
  console.log('  target: p99 of all requests under 1000 ms');
}
