import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addOrganisation, addUser, authenticate } from '/work/main/server/accounts';
import { push } from '/work/main/server/changes';
import { pull } from '/work/main/server/pull';
import { openStore, writeRows } from '/work/main/electron/services/store/store';
import { login, syncOnce } from '/work/main/electron/services/sync/client';
import { outbox, recordPushed } from '/work/main/electron/services/sync/outbox';
import { applyRemoteChanges } from '/work/main/electron/services/sync/apply';
import { inTransaction } from '/work/main/electron/services/store/store';
import { pushRequestSchema } from '/work/main/shared/sync/protocol';
import pg from 'pg';
import { startSyncServer } from '/work/main/test/support/sync-server';
const FIELDS = ['summary', 'futurePolicy', 'notes', 'nextAction', 'financing', 'outcomeFraming', 'effectExamples', 'nextSteps', 'talkingPoints', 'region'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
const server = await startSyncServer();
try {
  const org = await addOrganisation(server.db, 'x', 'ministry');
  await addUser(server.db, { login: 'a', orgId: org, role: 'editor', password: 'p' });
  const a = openStore(path.join(dir, 'a.sqlite'), { author: 'a' });
  const b = openStore(path.join(dir, 'b.sqlite'), { author: 'b' });
  const acc = await login(a, { server: server.url, login: 'a', password: 'p' });
  await login(b, { server: server.url, login: 'a', password: 'p' });
  const session = (await authenticate(server.db, acc.token))!;
  const ids = Array.from({ length: 1000 }, () => crypto.randomUUID());
  writeRows(a, ids.map((id, i) => ({ table: 'cases', id, values: { title: `t${i}`, countries: ['VN'] } })));
  await syncOnce(a); await syncOnce(b);
  writeRows(a, ids.map((id, i) => ({ table: 'cases', id, values: Object.fromEntries(FIELDS.map((f) => [f, `第1版 ${f} 案件${i}: 現地政府との協議を継続し、実証事業の範囲と資金計画を確認する。`.repeat(3).slice(0, 120)])) })));
  const qt = new Map<string, number>();
  const orig = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
    const k = text.replace(/\s+/g, ' ').slice(0, 50);
    const s = performance.now();
    const r = (orig as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(() => qt.set(k, (qt.get(k) ?? 0) + performance.now() - s), () => {});
    return r;
  } as typeof orig;
  let t = performance.now(); let tOut = 0, tParse = 0, tPush = 0, tRec = 0;
  for (;;) {
    let s = performance.now(); const batch = outbox(a, 500); tOut += performance.now() - s;
    if (batch.changes.length === 0) break;
    s = performance.now(); const body = JSON.parse(JSON.stringify({ changes: batch.changes })); pushRequestSchema.parse(body); tParse += performance.now() - s;
    s = performance.now(); await push(server.db, session, body.changes); tPush += performance.now() - s;
    s = performance.now(); inTransaction(a, () => recordPushed(a, batch.lastSeq)); tRec += performance.now() - s;
  }
  console.log([...qt].map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join('\n')); qt.clear();
  console.log(`push direct total ${(performance.now() - t).toFixed(0)} outbox ${tOut.toFixed(0)} json+zod ${tParse.toFixed(0)} server push ${tPush.toFixed(0)} record ${tRec.toFixed(0)}`);
  t = performance.now(); let tPull = 0, tJson = 0, tApply = 0; let cursor: string | null = (b.db.prepare('SELECT lastPulledCursor FROM sync_state').pluck().get() as string);
  for (;;) {
    let s = performance.now(); const page = await pull(server.db, session, cursor, 1000); tPull += performance.now() - s;
    s = performance.now(); const j = JSON.parse(JSON.stringify(page)); tJson += performance.now() - s;
    s = performance.now(); inTransaction(b, () => applyRemoteChanges(b, j.changes)); tApply += performance.now() - s;
    cursor = page.cursor; if (!page.more) break;
  }
  console.log([...qt].map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join('\n'));
  console.log(`pull direct total ${(performance.now() - t).toFixed(0)} server pull ${tPull.toFixed(0)} json ${tJson.toFixed(0)} apply ${tApply.toFixed(0)}`);
  a.close(); b.close();
} finally { await server.stop(); fs.rmSync(dir, { recursive: true, force: true }); }
