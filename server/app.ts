import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type pg from 'pg';
import pino, { type DestinationStream } from 'pino';
import { z } from 'zod';
import { loginAnswerSchema, logoutAnswerSchema, pullAnswerSchema, pushAnswerSchema } from '../shared/sync/answers';
import { DEVICE_REVOKED_CODE, DEVICE_REVOKED_STATUS, loginRequestSchema, PROTOCOL_HEADER, PROTOCOL_VERSION, pullRequestSchema, pushRequestSchema } from '../shared/sync/protocol';
import { DEFAULT_TOKEN_LIFETIME, DeviceRevoked, login, LoginRefused, revokeToken, type TokenLifetime } from './accounts';
import { registerAdminRoutes } from './admin';
import { push } from './changes';
import { LoginThrottle, type LoginThrottleLimits } from './login-throttle';
import { pull } from './pull';
import { checkDatabase, DATABASE_UNAVAILABLE_CODE, isDatabaseUnavailable } from './db';
import { bearerToken, DATABASE_UNAVAILABLE_ANSWER, described, HttpError, parse, sessionOf } from './http';

// The sync server's HTTP API. Every request is checked at the door (protocol version, size, shape, token) before
// anything touches the database, so a refused request changes nothing.

export interface ServerLimits {
  /** Most changes one push may carry. */
  maxPushChanges: number;
  /** Most changes one pull page returns. */
  maxPullChanges: number;
  /** Most bytes of values one pull page carries (at least one change, whatever its size). */
  maxPullBytes: number;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** Refused logins one address may have for one login name in a window before it must wait. */
  loginRefusals: LoginThrottleLimits;
}

// A push or a page of 5,000 changes: every round trip costs a request, a transaction on each side and a wait for the
// disk, and the byte caps (the client's 2 MiB of values per push, 4 MiB per page) keep memory flat however many fit.
export const DEFAULT_LIMITS: ServerLimits = {
  maxPushChanges: 5000,
  maxPullChanges: 5000,
  maxPullBytes: 4 * 1024 * 1024,
  bodyLimit: 8 * 1024 * 1024,
  loginRefusals: { max: 10, windowMs: 15 * 60_000 },
};

/** The API's own description, readable without a token or protocol header: what a client is built from. */
export const OPENAPI_ROUTE = '/v1/openapi.json';
/** Liveness: the process answers, PostgreSQL is not asked. */
export const HEALTH_ROUTE = '/health';
/** Readiness: PostgreSQL answers too, within READY_TIMEOUT_MS. */
export const READY_ROUTE = '/ready';
/** Routes for anyone, without a token or protocol header: load balancers and orchestrators probe the last two. */
const OPEN_ROUTES = new Set([OPENAPI_ROUTE, HEALTH_ROUTE, READY_ROUTE]);

const READY_TIMEOUT_MS = 2_000;
/** Seconds a client is asked to wait before trying again while PostgreSQL is away. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

export interface ServerOptions {
  /** Where the server logs (createLogger); without one it logs nothing. */
  logger?: FastifyBaseLogger;
  /** How long a token lives unused, and at most (DEFAULT_TOKEN_LIFETIME). */
  tokenLifetime?: TokenLifetime;
  /**
   * Behind a load balancer or reverse proxy: which proxies' X-Forwarded-For to believe (Fastify's trustProxy: true,
   * or addresses), so that each client's own address counts in the login throttle rather than the
   * proxy's, which all clients would share. Off by default: a client could then name any address it likes.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
}

export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
export type LogLevel = z.infer<typeof logLevelSchema>;

/**
 * The server's logger: one JSON line per event (pino), to `stream` or standard output. Tokens, passwords and the
 * Authorization header are censored wherever they appear in what is logged: a log is read by more people than the
 * database is.
 */
export function createLogger(level: LogLevel, stream?: DestinationStream): FastifyBaseLogger {
  const redact = {
    paths: [
      'password',
      'token',
      '*.password',
      '*.token',
      'req.body.password',
      'req.body.token',
      'headers.authorization',
      'headers.cookie',
      'req.headers.authorization',
      'req.headers.cookie',
    ],
    censor: '[redacted]',
  };
  return stream ? pino({ level, redact }, stream) : pino({ level, redact });
}

/** A caller's own x-request-id is kept, to follow a request across services, when it is short and plain: it goes into every log line. */
const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/;

function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

function protocolOf(request: FastifyRequest): unknown {
  const header = request.headers[PROTOCOL_HEADER];
  if (header !== undefined) return header === String(PROTOCOL_VERSION) ? PROTOCOL_VERSION : header;
  return typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>).protocol : undefined;
}

export async function buildServer(db: pg.Pool, limits: ServerLimits = DEFAULT_LIMITS, options: ServerOptions = {}): Promise<FastifyInstance> {
  const tokenLifetime = options.tokenLifetime ?? DEFAULT_TOKEN_LIFETIME;
  const app = Fastify({ bodyLimit: limits.bodyLimit, loggerInstance: options.logger, genReqId: requestId, trustProxy: options.trustProxy ?? false });
  // Route schemas only describe the API: the handlers check bodies with the zod schemas themselves, after the
  // protocol version and the token, and answers go out as JSON.stringify writes them (a change's value byte for byte).
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Karte sync server',
        version: String(PROTOCOL_VERSION),
        description: `Protocol ${PROTOCOL_VERSION}: every request but this description names it in the ${PROTOCOL_HEADER} header or the body field protocol.`,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token POST /v1/login issues' } } },
    },
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('x-request-id', request.id);
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (OPEN_ROUTES.has(request.routeOptions.url ?? '')) return;
    const protocol = protocolOf(request);
    if (protocol !== PROTOCOL_VERSION) {
      throw new HttpError(
        400,
        `unsupported protocol version ${JSON.stringify(protocol ?? null)}: this server speaks protocol ${PROTOCOL_VERSION} (header ${PROTOCOL_HEADER} or body field protocol)`,
      );
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply: FastifyReply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'PostgreSQL is away or hung: answered 503');
      void reply
        .status(503)
        .header('retry-after', String(UNAVAILABLE_RETRY_AFTER_S))
        .send({ error: 'the database is unavailable: try again shortly', code: DATABASE_UNAVAILABLE_CODE });
      return;
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unexpected error: answered 500');
    const code = error instanceof HttpError ? error.code : undefined;
    void reply.status(status).send({ error: status === 500 ? 'internal server error' : error.message, ...(code && { code }) });
  });

  app.get(OPENAPI_ROUTE, { schema: { summary: 'This description (OpenAPI 3)', tags: ['meta'] } }, async () => app.swagger());

  // Probed every few seconds: their requests are logged only when something is wrong.
  const probe = { logLevel: 'warn' } as const;
  const probeAnswer = (status: string) => ({ ...z.toJSONSchema(z.object({ status: z.literal(status) }), { target: 'openapi-3.0' }), description: status });
  app.get(
    HEALTH_ROUTE,
    { ...probe, schema: { summary: 'Liveness: the server process answers (PostgreSQL is not asked)', tags: ['meta'], response: { 200: probeAnswer('ok') } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    READY_ROUTE,
    {
      ...probe,
      schema: { summary: `Readiness: PostgreSQL answers within ${READY_TIMEOUT_MS} ms`, tags: ['meta'], response: { 200: probeAnswer('ready'), 503: DATABASE_UNAVAILABLE_ANSWER } },
    },
    async () => {
      await checkDatabase(db, READY_TIMEOUT_MS);
      return { status: 'ready' };
    },
  );

  const sync = (summary: string, request: z.ZodType | undefined, answer: z.ZodType, signedIn = true) => ({
    schema: described({ summary, tags: ['sync'], request, answer, signedIn }),
  });

  const throttle = new LoginThrottle(db, limits.loginRefusals);
  app.post('/v1/login', sync('Sign a device in: a token for later requests', loginRequestSchema, loginAnswerSchema, false), async (request, reply) => {
    const body = parse(loginRequestSchema, request.body);
    const attempt = { login: body.login, address: request.ip };
    const waitMs = await throttle.admit(attempt);
    if (waitMs > 0) {
      void reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
      throw new HttpError(429, `too many refused sign-ins for '${body.login}' from this address: try again in ${Math.ceil(waitMs / 60_000)} minute(s)`);
    }
    try {
      const signedIn = await login(db, body, tokenLifetime);
      await throttle.signedIn(attempt);
      return signedIn;
    } catch (error) {
      if (error instanceof DeviceRevoked) throw new HttpError(DEVICE_REVOKED_STATUS, error.message, DEVICE_REVOKED_CODE);
      if (error instanceof LoginRefused) throw new HttpError(401, error.message);
      throw error;
    }
  });

  app.post('/v1/logout', sync("Sign out: revokes the request's token", undefined, logoutAnswerSchema), async (request) => {
    // Answered like any request first: a revoked device hears so, an invalid token gets 401.
    await sessionOf(db, request);
    await revokeToken(db, bearerToken(request) as string);
    return {};
  });

  app.post('/v1/push', sync('Push changes: each is applied, a duplicate, or rejected with its reason', pushRequestSchema, pushAnswerSchema), async (request) => {
    const session = await sessionOf(db, request);
    const sent = (request.body as { changes?: unknown } | null)?.changes;
    if (Array.isArray(sent) && sent.length > limits.maxPushChanges)
      throw new HttpError(413, `a push carries at most ${limits.maxPushChanges} changes; send ${sent.length} in smaller batches`);
    const { changes } = parse(pushRequestSchema, request.body);
    if (session.role === 'reader') throw new HttpError(403, 'readers may not push changes');
    return { results: await push(db, session, changes) };
  });

  app.post('/v1/pull', sync('Pull the next page of changes (and purges) after a cursor', pullRequestSchema, pullAnswerSchema), async (request) => {
    const session = await sessionOf(db, request);
    const { cursor, limit } = parse(pullRequestSchema, request.body);
    return await pull(db, session, cursor ?? null, { maxChanges: Math.min(limit ?? limits.maxPullChanges, limits.maxPullChanges), maxBytes: limits.maxPullBytes });
  });

  registerAdminRoutes(app, db);
  return app;
}
