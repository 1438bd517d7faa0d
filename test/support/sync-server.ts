import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildServer, DEFAULT_LIMITS, type ServerLimits } from '../../server/app';
import { startEmbeddedPostgres, type RunningPostgres } from '../../server/embedded-postgres';
import { migrate } from '../../server/migrations';

// The sync server as tests run it: a real PostgreSQL (embedded, in a temp folder) and the Fastify app on 127.0.0.1.

export interface TestSyncServer {
  db: pg.Pool;
  /** http://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Starts PostgreSQL, migrates it, and serves the app on any free port; `stop` removes everything again. */
export async function startSyncServer(limits: ServerLimits = DEFAULT_LIMITS): Promise<TestSyncServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-server-'));
  // The postgres system user (root runs PostgreSQL as it) must be able to enter the folder.
  fs.chmodSync(dir, 0o755);
  const started = Date.now();
  let postgres: RunningPostgres;
  try {
    postgres = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`the server tests need a real PostgreSQL and the embedded one did not start: ${(error as Error).message}`, { cause: error });
  }
  console.log(`embedded PostgreSQL started in ${Date.now() - started} ms`);
  const db = new pg.Pool({ connectionString: postgres.url });
  await migrate(db);
  const app = await buildServer(db, limits);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    db,
    url,
    stop: async () => {
      await app.close();
      // pool.end() resolves before its connections have closed; stopping PostgreSQL under one makes the pool re-emit
      // the server's goodbye (57P01) as an unhandled error. So wait until every connection is gone.
      let open = db.totalCount;
      const closed = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        db.on('remove', () => --open === 0 && resolve());
      });
      await db.end();
      await closed;
      await postgres.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
