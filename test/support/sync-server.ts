import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { DestinationStream } from 'pino';
import { buildServer, createLogger, DEFAULT_LIMITS, type ServerLimits } from '../../server/app';
import { DEFAULT_DATABASE_OPTIONS, openPool, type DatabaseOptions } from '../../server/db';
import { startEmbeddedPostgres, type RunningPostgres } from '../../server/embedded-postgres';
import { migrate } from '../../server/migrations';

// The sync server as tests run it: a real PostgreSQL (embedded, in a temp folder) and the Fastify app on 127.0.0.1.

export interface TestSyncServer {
  /** The pool of the running server (a new one after `restart`). */
  db: pg.Pool;
  /** http://127.0.0.1:PORT, the same across `halt` and `restart` */
  url: string;
  /** PostgreSQL's address, for a connection of a test's own beside the server's pool. */
  databaseUrl: string;
  /**
   * The server goes down as a crashed or killed process would be seen by its clients: every HTTP connection is cut
   * at once (a push in flight loses its answer), then PostgreSQL stops once the handlers still running let go of it.
   */
  halt(): Promise<void>;
  /** Starts PostgreSQL on the same data folder and port again, and the app on the same HTTP port. */
  restart(): Promise<void>;
  /** PostgreSQL alone goes down (a fast shutdown); the app and its pool run on. */
  stopDatabase(): Promise<void>;
  /** PostgreSQL comes back on the same data folder and port, under the running app. */
  startDatabase(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestSyncServerOptions {
  /** The pool's timeouts. */
  database?: DatabaseOptions;
  /** Where the server logs, at every level; without one it logs nothing. */
  logStream?: DestinationStream;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

interface Running {
  postgres: RunningPostgres;
  db: pg.Pool;
  app: FastifyInstance;
}

/** Starts PostgreSQL, migrates it, and serves the app on any free port; `stop` removes everything again. */
export async function startSyncServer(limits: ServerLimits = DEFAULT_LIMITS, options: TestSyncServerOptions = {}): Promise<TestSyncServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-server-'));
  // The postgres system user (root runs PostgreSQL as it) must be able to enter the folder.
  fs.chmodSync(dir, 0o755);
  const pgPort = await freePort();
  const log = options.logStream ? createLogger('trace', options.logStream) : createLogger('silent');
  let httpPort = 0;
  const startPostgres = async (): Promise<RunningPostgres> => {
    const started = Date.now();
    const postgres = await startEmbeddedPostgres(path.join(dir, 'pg'), pgPort, log);
    console.log(`embedded PostgreSQL started in ${Date.now() - started} ms`);
    return postgres;
  };
  const start = async (): Promise<Running> => {
    const postgres = await startPostgres();
    const db = openPool(postgres.url, log, options.database ?? DEFAULT_DATABASE_OPTIONS);
    await migrate(db);
    const app = await buildServer(db, limits, { logger: log });
    await app.listen({ host: '127.0.0.1', port: httpPort });
    httpPort = (app.server.address() as net.AddressInfo).port;
    return { postgres, db, app };
  };
  let running: Running | null;
  try {
    running = await start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`the server tests need a real PostgreSQL and the embedded one did not start: ${(error as Error).message}`, { cause: error });
  }
  const databaseUrl = running.postgres.url;
  const halt = async () => {
    if (!running) return;
    const { postgres, db, app } = running;
    running = null;
    // Stop listening and drop every socket first: app.close() alone would wait for the requests in flight.
    app.server.close();
    app.server.closeAllConnections();
    await app.close();
    // Waits for the clients the handlers still hold; the pool's error handler hears the goodbye (57P01) of any
    // connection still closing when PostgreSQL stops.
    await db.end();
    await postgres.stop();
  };
  let lastDb = running.db;
  return {
    get db() {
      return lastDb;
    },
    url: `http://127.0.0.1:${httpPort}`,
    databaseUrl,
    halt,
    restart: async () => {
      await halt();
      running = await start();
      lastDb = running.db;
    },
    stopDatabase: async () => {
      await running?.postgres.stop();
    },
    startDatabase: async () => {
      if (running) running.postgres = await startPostgres();
    },
    stop: async () => {
      await halt();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
