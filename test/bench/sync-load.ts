// Part (d) of the sync bench: many devices pushing and pulling at once, through the raw protocol as clients send it.
// sync.ts forks this in a process of its own: sharing the server's process (its one thread) with 200 clients, the
// load measured the clients' JSON and fetch as much as the server.
import crypto from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { encodeHlc } from '../../shared/hlc';
import type { SyncChange } from '../../shared/sync/change';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PullPage, type PushResult } from '../../shared/sync/protocol';
import { FIELDS, text } from './sync-edits';

/** A device signed in for the load (signing in is scrypt: done by sync.ts before the clock starts). */
export interface LoadDevice {
  device: string;
  login: string;
  token: string;
}

export interface LoadJob {
  url: string;
  /** The server's cursor when the load starts: every device pulls from there. */
  start: string;
  devices: LoadDevice[];
  rounds: number;
  perPush: number;
}

export interface LoadFigures {
  ms: number;
  /** Each request's time, by kind. */
  push: number[];
  pull: number[];
  /** Changes all devices pulled. */
  pulled: number;
}

/** What the load generator answers sync.ts: its figures, or why it failed. */
export type LoadAnswer = LoadFigures | { error: string };

/** Each device keeps its connection, as a client does between requests. */
const agent = new http.Agent({ keepAlive: true });

/**
 * One request. Through node:http rather than fetch: fetch took this process as much CPU per request as the server
 * spends answering it, and here the load shares the machine's cores with the server it measures.
 */
function call<T>(url: string, route: string, token: string, body: unknown): Promise<T> {
  const payload = JSON.stringify(body);
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    authorization: `Bearer ${token}`,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  };
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/v1/${route}`, { method: 'POST', headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = JSON.parse(Buffer.concat(chunks).toString()) as T & { error?: string };
        if (response.statusCode === 200) resolve(answer);
        else reject(new Error(`${route}: ${response.statusCode} ${answer.error}`));
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Every device at once, each `rounds` × (push `perPush` changes of a record of its own, pull until caught up). */
async function load({ url, start, devices, rounds, perPush }: LoadJob): Promise<LoadFigures> {
  const figures: LoadFigures = { ms: 0, push: [], pull: [], pulled: 0 };
  const began = performance.now();
  await Promise.all(
    devices.map(async ({ device, login, token }, d) => {
      let cursor: string | null = start;
      const rowId = crypto.randomUUID();
      for (let round = 0; round < rounds; round++) {
        const hlc = encodeHlc({ millis: Date.now(), counter: round, node: device });
        const changes: SyncChange[] = Array.from({ length: perPush }, (_, f) => ({
          hlc,
          author: login,
          table: 'cases',
          rowId,
          field: f === 0 ? 'title' : FIELDS[f],
          value: text(round, d, FIELDS[f]),
          scope: 'internal',
          prev: null,
        }));
        const pushed = await timed(() => call<{ results: PushResult[] }>(url, 'push', token, { changes }));
        if (pushed.value.results.some((r) => r.status !== 'applied')) throw new Error(`device ${device}: ${JSON.stringify(pushed.value.results)}`);
        figures.push.push(pushed.ms);
        for (let more = true; more;) {
          const page = await timed(() => call<PullPage>(url, 'pull', token, { cursor }));
          figures.pull.push(page.ms);
          figures.pulled += page.value.changes.length;
          cursor = page.value.cursor;
          more = page.value.more;
        }
      }
    }),
  );
  figures.ms = performance.now() - began;
  return figures;
}

process.once('message', (job: LoadJob) => {
  const answer = (message: LoadAnswer) => process.send?.(message, () => process.exit(0));
  load(job).then(answer, (error: unknown) => answer({ error: (error as Error).stack ?? String(error) }));
});
