import http from 'node:http';
import type net from 'node:net';
import { buildServer, createLogger } from '../../server/app';
import { openPool } from '../../server/db';
import type { TestSyncServer } from './sync-server';

// Stateless server instances as tests run them: a second app beside the test server, on the same PostgreSQL with a
// pool of its own (as another process behind a load balancer would be), and a round-robin balancer in front of both.

export interface ServerInstance {
  /** http://127.0.0.1:PORT, the same across `restart` */
  url: string;
  /** The app and its pool stop and start again, as a restarted process would; PostgreSQL stays up. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Another instance of the server on the test server's database, with the default limits. */
export async function startSecondInstance(first: TestSyncServer): Promise<ServerInstance> {
  const { connectionString } = first.db.options;
  if (!connectionString) throw new Error('the test server pool names no connection string for a second instance');
  const log = createLogger('silent');
  let port = 0;
  const start = async () => {
    const db = openPool(connectionString, log);
    const app = await buildServer(db);
    await app.listen({ host: '127.0.0.1', port });
    port = (app.server.address() as net.AddressInfo).port;
    return { db, app };
  };
  let running = await start();
  const stop = async () => {
    await running.app.close();
    await running.db.end();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    restart: async () => {
      await stop();
      running = await start();
    },
    stop,
  };
}

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/** Sends each request to the next instance in turn, whatever the client: no request sticks to an instance. */
export async function startBalancer(instances: readonly string[]): Promise<Balancer> {
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = new URL(instances[next++ % instances.length]);
    const forwarded = http.request({ hostname: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
