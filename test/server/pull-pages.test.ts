import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/hlc';
import { MAX_VALUE_BYTES } from '../../shared/sync/change';
import type { PushResult } from '../../shared/sync/protocol';
import { addOrganisation, addUser } from '../../server/accounts';
import { DEFAULT_LIMITS } from '../../server/app';
import { createCase, listCases } from '../../electron/services/cases';
import { login, readAccount, syncOnce } from '../../electron/services/sync/client';
import { freePort, startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// Large values through a server process of its own, whose memory can be read: every value is capped, every pull
// page is cut by bytes, so 72 values near the cap (which used to be 7.9 MB each, and pages of 79 MB that took the
// server to 1.4 GB and a 500) come down page by page with the server's memory flat.

const PASSWORD = 'pull-pages password';
const MAIN = path.resolve(import.meta.dirname, '../../server/main.ts');

let database: TestSyncServer | undefined;
let server: ChildProcess | undefined;
let base: string;

/** Peak resident memory of a process, in MiB (Linux /proc: the machines this runs on). */
function peakMiB(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (!fs.existsSync(status)) throw new Error(`this test reads the server's peak memory from ${status}, which this system does not have`);
  const peak = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(status, 'utf8'));
  if (!peak) throw new Error(`no VmHWM line in ${status}`);
  return Number(peak[1]) / 1024;
}

beforeAll(async () => {
  database = await startSyncServer();
  const ministry = await addOrganisation(database.db, '総務省', 'ministry');
  for (const login of ['writer', 'reader-device']) await addUser(database.db, { login, orgId: ministry, role: 'editor', password: PASSWORD });
  const port = await freePort();
  // Node itself with tsx's loader, not the tsx command, which would run the server in a child of its own.
  server = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: database.databaseUrl, KARTE_ADMIN_PASSWORD: PASSWORD, KARTE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  for (let waited = 0; ; waited += 200) {
    if ((await fetch(`${base}/health`).catch(() => null))?.ok) break;
    if (waited > 30_000 || server.exitCode !== null) throw new Error(`the server process did not start:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await database?.stop();
});

describe('values near the cap', () => {
  const temp = useTempDir();

  it('are capped on the way in, and come down in pages cut by bytes with the server’s memory flat', async () => {
    const writer = temp.store('writer.sqlite');
    await login(writer, { server: base, login: 'writer', password: PASSWORD });
    // A value just under the cap: Japanese text at three bytes a character, as JSON.
    const nearCap = (i: number) => `${String(i).padStart(3, '0')} ${'議事録の全文。'.repeat(Math.floor((MAX_VALUE_BYTES - 100) / 21))}`;
    for (let i = 0; i < 72; i++) createCase(writer, { title: `大容量案件 ${i}`, countries: ['VN'], notes: nearCap(i) });
    expect((await syncOnce(writer)).rejected).toEqual([]);

    // What broke the server before: a value of 7.9 MB, under the request limit, is refused on its own.
    const token = readAccount(writer)!.token;
    const headers = { 'content-type': 'application/json', 'karte-protocol': '1', authorization: `Bearer ${token}` };
    const huge = {
      hlc: encodeHlc({ millis: Date.now(), counter: 1, node: writer.node }),
      author: 'writer',
      table: 'cases',
      rowId: crypto.randomUUID(),
      field: 'notes',
      value: 'x'.repeat(7_900_000),
      scope: 'council',
      prev: null,
    };
    const refused = await fetch(`${base}/v1/push`, { method: 'POST', headers, body: JSON.stringify({ changes: [huge] }) });
    expect(refused.status).toBe(200);
    expect(((await refused.json()) as { results: PushResult[] }).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/a value is at most 256 KiB/) });

    const before = peakMiB(server!.pid!);
    const reader = temp.store('reader.sqlite');
    await login(reader, { server: base, login: 'reader-device', password: PASSWORD });
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    for (let more = true; more;) {
      const response = await fetch(`${base}/v1/pull`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${readAccount(reader)!.token}` },
        body: JSON.stringify({ cursor }),
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      pageSizes.push(Buffer.byteLength(text));
      ({ cursor, more } = JSON.parse(text) as { cursor: string | null; more: boolean });
    }
    const report = await syncOnce(reader);
    const after = peakMiB(server!.pid!);
    console.log(`${pageSizes.length} pages, largest ${(Math.max(...pageSizes) / 2 ** 20).toFixed(2)} MiB; server peak memory ${before.toFixed(0)} → ${after.toFixed(0)} MiB`);

    expect(report.quarantined).toBe(0);
    expect(listCases(reader, { country: 'VN' }).filter((c) => c.title.startsWith('大容量案件'))).toHaveLength(72);
    expect(pageSizes.length).toBeGreaterThanOrEqual(4);
    for (const size of pageSizes) expect(size).toBeLessThanOrEqual(DEFAULT_LIMITS.maxPullBytes + MAX_VALUE_BYTES);
    expect(after - before, 'the server’s peak memory grew with the data it paged through').toBeLessThan(100);
  });
});
