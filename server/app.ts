import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import { loginAnswerSchema, logoutAnswerSchema, pullAnswerSchema, pushAnswerSchema } from '../shared/sync/answers';
import { DEVICE_REVOKED_CODE, DEVICE_REVOKED_STATUS, loginRequestSchema, PROTOCOL_HEADER, PROTOCOL_VERSION, pullRequestSchema, pushRequestSchema } from '../shared/sync/protocol';
import { DeviceRevoked, login, LoginRefused, revokeToken } from './accounts';
import { registerAdminRoutes } from './admin';
import { push } from './changes';
import { LoginThrottle, type LoginThrottleLimits } from './login-throttle';
import { pull } from './pull';
import { bearerToken, described, HttpError, parse, sessionOf } from './http';

// The sync server's HTTP API. Every request is checked at the door (protocol version, size, shape, token) before
// anything touches the database, so a refused request changes nothing.

export interface ServerLimits {
  /** Most changes one push may carry. */
  maxPushChanges: number;
  /** Most changes one pull page returns. */
  maxPullChanges: number;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** Refused logins one address may have for one login name in a window before it must wait. */
  loginRefusals: LoginThrottleLimits;
}

export const DEFAULT_LIMITS: ServerLimits = { maxPushChanges: 1000, maxPullChanges: 1000, bodyLimit: 8 * 1024 * 1024, loginRefusals: { max: 10, windowMs: 15 * 60_000 } };

/** The API's own description, readable without a token or protocol header: what a client is built from. */
export const OPENAPI_ROUTE = '/v1/openapi.json';

function protocolOf(request: FastifyRequest): unknown {
  const header = request.headers[PROTOCOL_HEADER];
  if (header !== undefined) return header === String(PROTOCOL_VERSION) ? PROTOCOL_VERSION : header;
  return typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>).protocol : undefined;
}

export async function buildServer(db: pg.Pool, limits: ServerLimits = DEFAULT_LIMITS): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: limits.bodyLimit });
  // Route schemas only describe the API: the handlers check bodies with the zod schemas themselves, after the
  // protocol version and the token, and answers go out as JSON.stringify writes them (a change's value byte for byte).
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      info: { title: 'Karte sync server', version: String(PROTOCOL_VERSION), description: `Protocol ${PROTOCOL_VERSION}: every request but this description names it in the ${PROTOCOL_HEADER} header or the body field protocol.` },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token POST /v1/login issues' } } },
    },
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (request.routeOptions.url === OPENAPI_ROUTE) return;
    const protocol = protocolOf(request);
    if (protocol !== PROTOCOL_VERSION) {
      throw new HttpError(400, `unsupported protocol version ${JSON.stringify(protocol ?? null)}: this server speaks protocol ${PROTOCOL_VERSION} (header ${PROTOCOL_HEADER} or body field protocol)`);
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    const code = error instanceof HttpError ? error.code : undefined;
    void reply.status(status).send({ error: status === 500 ? 'internal server error' : error.message, ...(code && { code }) });
  });

  app.get(OPENAPI_ROUTE, { schema: { summary: 'This description (OpenAPI 3)', tags: ['meta'] } }, async () => app.swagger());

  const sync = (summary: string, request: z.ZodType | undefined, answer: z.ZodType, signedIn = true) => ({ schema: described({ summary, tags: ['sync'], request, answer, signedIn }) });

  const throttle = new LoginThrottle(limits.loginRefusals);
  app.post('/v1/login', sync('Sign a device in: a token for later requests', loginRequestSchema, loginAnswerSchema, false), async (request, reply) => {
    const body = parse(loginRequestSchema, request.body);
    const key = `${request.ip} ${body.login}`;
    const waitMs = throttle.waitMs(key);
    if (waitMs > 0) {
      void reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
      throw new HttpError(429, `too many refused sign-ins for '${body.login}' from this address: try again in ${Math.ceil(waitMs / 60_000)} minute(s)`);
    }
    try {
      const token = await login(db, body);
      throttle.signedIn(key);
      return { token };
    } catch (error) {
      if (error instanceof DeviceRevoked) throw new HttpError(DEVICE_REVOKED_STATUS, error.message, DEVICE_REVOKED_CODE);
      if (error instanceof LoginRefused) {
        throttle.refused(key);
        throw new HttpError(401, error.message);
      }
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
    if (Array.isArray(sent) && sent.length > limits.maxPushChanges) throw new HttpError(413, `a push carries at most ${limits.maxPushChanges} changes; send ${sent.length} in smaller batches`);
    const { changes } = parse(pushRequestSchema, request.body);
    if (session.role === 'reader') throw new HttpError(403, 'readers may not push changes');
    return { results: await push(db, session, changes) };
  });

  app.post('/v1/pull', sync('Pull the next page of changes (and purges) after a cursor', pullRequestSchema, pullAnswerSchema), async (request) => {
    const session = await sessionOf(db, request);
    const { cursor, limit } = parse(pullRequestSchema, request.body);
    return await pull(db, session, cursor ?? null, Math.min(limit ?? limits.maxPullChanges, limits.maxPullChanges));
  });

  registerAdminRoutes(app, db);
  return app;
}
