import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import { describeError } from '../shared/errors';
import { loginRequestSchema, PROTOCOL_HEADER, PROTOCOL_VERSION, pullRequestSchema, pushRequestSchema } from '../shared/sync/protocol';
import { authenticate, login, LoginRefused, type Session } from './accounts';
import { pull, push } from './changes';

// The sync server's HTTP API. Every request is checked at the door (protocol version, size, shape, token) before
// anything touches the database, so a refused request changes nothing.

export interface ServerLimits {
  /** Most changes one push may carry. */
  maxPushChanges: number;
  /** Most changes one pull page returns. */
  maxPullChanges: number;
  /** Largest request body, in bytes. */
  bodyLimit: number;
}

export const DEFAULT_LIMITS: ServerLimits = { maxPushChanges: 1000, maxPullChanges: 1000, bodyLimit: 8 * 1024 * 1024 };

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

function protocolOf(request: FastifyRequest): unknown {
  const header = request.headers[PROTOCOL_HEADER];
  if (header !== undefined) return header === String(PROTOCOL_VERSION) ? PROTOCOL_VERSION : header;
  return typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>).protocol : undefined;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, `invalid request: ${describeError(parsed.error)}`);
  return parsed.data;
}

async function sessionOf(db: pg.Pool, request: FastifyRequest): Promise<Session> {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  const session = match && (await authenticate(db, match[1]));
  if (!session) throw new HttpError(401, 'sign in again: the token is missing, revoked or its user or device is disabled');
  return session;
}

export function buildServer(db: pg.Pool, limits: ServerLimits = DEFAULT_LIMITS): FastifyInstance {
  const app = Fastify({ bodyLimit: limits.bodyLimit });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const protocol = protocolOf(request);
    if (protocol !== PROTOCOL_VERSION) {
      throw new HttpError(400, `unsupported protocol version ${JSON.stringify(protocol ?? null)}: this server speaks protocol ${PROTOCOL_VERSION} (header ${PROTOCOL_HEADER} or body field protocol)`);
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    void reply.status(status).send({ error: status === 500 ? 'internal server error' : error.message });
  });

  app.post('/v1/login', async (request) => {
    const body = parse(loginRequestSchema, request.body);
    try {
      return { token: await login(db, body) };
    } catch (error) {
      if (error instanceof LoginRefused) throw new HttpError(401, error.message);
      throw error;
    }
  });

  app.post('/v1/push', async (request) => {
    const session = await sessionOf(db, request);
    const sent = (request.body as { changes?: unknown } | null)?.changes;
    if (Array.isArray(sent) && sent.length > limits.maxPushChanges) throw new HttpError(413, `a push carries at most ${limits.maxPushChanges} changes; send ${sent.length} in smaller batches`);
    const { changes } = parse(pushRequestSchema, request.body);
    if (session.role === 'reader') throw new HttpError(403, 'readers may not push changes');
    return { results: await push(db, session, changes) };
  });

  app.post('/v1/pull', async (request) => {
    const session = await sessionOf(db, request);
    const { cursor, limit } = parse(pullRequestSchema, request.body);
    return await pull(db, session, cursor ?? null, Math.min(limit ?? limits.maxPullChanges, limits.maxPullChanges));
  });

  return app;
}
