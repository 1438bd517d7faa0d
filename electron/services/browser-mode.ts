import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiEventName, ApiEvents } from '../../shared/api';
import { ApiCallError, dispatch, type Handlers } from './api-handlers';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

// Browser mode: the same renderer and back end as the desktop app, with the typed API over HTTP on loopback.
// Every API request carries the run's random token, and only the loopback host names are served (DNS rebinding).

export interface BrowserModeOptions {
  /** Built renderer (index.html and assets); null serves the API alone. */
  staticDir: string | null;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token for this run. */
  token?: string;
}

export interface BrowserMode {
  url: string;
  /** The URL to open: carries the token in its fragment, which browsers never send to the server. */
  openUrl: string;
  token: string;
  emit: <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;
  close: () => Promise<void>;
  app: FastifyInstance;
}

const MAX_BODY = 64 * 1024 * 1024;

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Starts the HTTP server; `handlers` is given later by `attach`, so the events hub exists before the store opens. */
export async function startBrowserMode(handlers: (emit: BrowserMode['emit']) => Handlers, options: BrowserModeOptions): Promise<BrowserMode> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const app = Fastify({ bodyLimit: MAX_BODY, logger: false });
  const listeners = new Set<FastifyReply>();
  const emit: BrowserMode['emit'] = (event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const reply of listeners) reply.raw.write(frame);
  };
  const api = handlers(emit);
  let allowedHosts: Set<string> = new Set();

  app.addHook('onRequest', async (request, reply) => {
    if (!allowedHosts.has(request.headers.host ?? '')) return reply.code(421).send({ error: { kind: 'failed', message: 'unknown host' } });
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  app.post<{ Params: { name: string }; Body: unknown }>('/api/call/:name', async (request, reply) => {
    const auth = request.headers.authorization;
    if (!sameToken(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined, token)) {
      return reply.code(401).send({ error: { kind: 'failed', message: 'missing or wrong token' } });
    }
    try {
      return { result: dispatch(api, request.params.name, request.body) };
    } catch (error) {
      const failure = error instanceof ApiCallError ? error : new ApiCallError('failed', String(error));
      const status = failure.kind === 'invalid_arguments' ? 400 : failure.kind === 'not_found' ? 404 : 422;
      return reply.code(status).send({ error: failure.toJSON() });
    }
  });

  app.get<{ Querystring: { token?: string } }>('/api/events', (request, reply) => {
    if (!sameToken(request.query.token, token)) return reply.code(401).send({ error: { kind: 'failed', message: 'missing or wrong token' } });
    reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    listeners.add(reply);
    request.raw.on('close', () => listeners.delete(reply));
    return reply;
  });

  if (options.staticDir) {
    const indexHtml = path.join(options.staticDir, 'index.html');
    if (!fs.existsSync(indexHtml)) throw new Error(`the renderer is not built: ${indexHtml} is missing (run npm run build)`);
    await app.register(fastifyStatic, { root: options.staticDir, index: 'index.html', wildcard: false });
    // Client-side routes (/dossier/VN …) load the app, which routes itself.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
      return reply.code(404).send({ error: { kind: 'not_found', message: `no route ${request.method} ${request.url}` } });
    });
  }

  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);
  const url = `http://${host}:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${token}`,
    token,
    emit,
    app,
    close: async () => {
      for (const reply of listeners) reply.raw.end();
      listeners.clear();
      await app.close();
    },
  };
}
