import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addOrganisation, addUser } from '/work/main/server/accounts';
import { openStore, writeRows } from '/work/main/electron/services/store/store';
import { login, syncOnce } from '/work/main/electron/services/sync/client';
import { startSyncServer } from '/work/main/test/support/sync-server';
const FIELDS = ['summary', 'futurePolicy', 'notes', 'nextAction', 'financing', 'outcomeFraming', 'effectExamples', 'nextSteps', 'talkingPoints', 'region'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
const server = await startSyncServer();
const realFetch = globalThis.fetch; let inFetch = 0; let n = 0;
globalThis.fetch = (async (...args: Parameters<typeof fetch>) => { const s = performance.now(); const r = await realFetch(...args); const body = await r.arrayBuffer(); inFetch += performance.now() - s; n++; return new Response(body, { status: r.status, headers: r.headers }); }) as typeof fetch;
try {
  const org = await addOrganisation(server.db, 'x', 'ministry');
  await addUser(server.db, { login: 'a', orgId: org, role: 'editor', password: 'p' });
  const a = openStore(path.join(dir, 'a.sqlite'), { author: 'a' });
  const b = openStore(path.join(dir, 'b.sqlite'), { author: 'b' });
  await login(a, { server: server.url, login: 'a', password: 'p' });
  await login(b, { server: server.url, login: 'a', password: 'p' });
  const ids = Array.from({ length: 1000 }, () => crypto.randomUUID());
  writeRows(a, ids.map((id, i) => ({ table: 'cases', id, values: { title: `t${i}`, countries: ['VN'] } })));
  await syncOnce(a); await syncOnce(b);
  for (let round = 1; round <= 3; round++) {
    writeRows(a, ids.map((id, i) => ({ table: 'cases', id, values: Object.fromEntries(FIELDS.map((f) => [f, `第${round}版 ${f} 案件${i}: 現地政府との協議を継続し、実証事業の範囲と資金計画を確認する。`.repeat(3).slice(0, 120)])) })));
    inFetch = 0; n = 0; let s = performance.now(); await syncOnce(a); console.log(`A sync ${(performance.now() - s).toFixed(0)} ms, in fetch ${inFetch.toFixed(0)} ms over ${n} requests`);
    inFetch = 0; n = 0; s = performance.now(); await syncOnce(b); console.log(`B sync ${(performance.now() - s).toFixed(0)} ms, in fetch ${inFetch.toFixed(0)} ms over ${n} requests`);
  }
  a.close(); b.close();
} finally { await server.stop(); fs.rmSync(dir, { recursive: true, force: true }); }
