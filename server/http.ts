import type { FastifyRequest, FastifySchema } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { describeError } from '../shared/errors';
import { errorAnswerSchema } from '../shared/sync/answers';
import { DEVICE_REVOKED_CODE, DEVICE_REVOKED_STATUS, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../shared/sync/protocol';
import { authenticate, REVOKED_DEVICE, type Session } from './accounts';
import { DATABASE_UNAVAILABLE_CODE } from './db';

// What every route of the sync server shares: refusals as HTTP errors, request bodies checked by their zod schema,
// the bearer token's session, and the OpenAPI description of a route drawn from the same schemas.

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** For answers a client must act on (DEVICE_REVOKED_CODE). */
    readonly code?: string,
  ) {
    super(message);
  }
}

export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, `invalid request: ${describeError(parsed.error)}`);
  return parsed.data;
}

/** The token of `Authorization: Bearer TOKEN`, the scheme in any letter case (RFC 7235). */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

export async function sessionOf(db: pg.Pool, request: FastifyRequest): Promise<Session> {
  const token = bearerToken(request);
  const session = token === undefined ? null : await authenticate(db, token);
  if (session === REVOKED_DEVICE) throw new HttpError(DEVICE_REVOKED_STATUS, 'this device has been revoked by an operator', DEVICE_REVOKED_CODE);
  if (!session) throw new HttpError(401, 'sign in again: the token is missing, revoked or its user is disabled');
  return session;
}

/** The OpenAPI description of a 503 answer, which any route that asks PostgreSQL may give. */
export const DATABASE_UNAVAILABLE_ANSWER = {
  ...z.toJSONSchema(errorAnswerSchema, { target: 'openapi-3.0' }),
  description: `PostgreSQL is away or hung (code ${DATABASE_UNAVAILABLE_CODE}): send the same request again after Retry-After seconds`,
};

/** A route's OpenAPI description. The zod schemas in the handlers do the checking; these only describe. */
export function described(route: { summary: string; tags: string[]; request?: z.ZodType; answer: z.ZodType; signedIn: boolean; protocol?: boolean }): FastifySchema {
  return {
    summary: route.summary,
    tags: route.tags,
    ...(route.request && { body: z.toJSONSchema(route.request, { target: 'openapi-3.0', io: 'input' }) }),
    ...(route.protocol !== false && {
      headers: {
        type: 'object',
        properties: { [PROTOCOL_HEADER]: { type: 'string', enum: [String(PROTOCOL_VERSION)], description: 'the protocol version the client speaks (or the body field protocol)' } },
      },
    }),
    ...(route.signedIn && { security: [{ bearer: [] }] }),
    response: {
      200: { ...z.toJSONSchema(route.answer, { target: 'openapi-3.0' }), description: 'done' },
      '4xx': {
        ...z.toJSONSchema(errorAnswerSchema, { target: 'openapi-3.0' }),
        description: `refused, nothing changed: 400 bad protocol version or request, 401 not signed in, 403 role may not, 404 unknown, 409 exists already, 413 too large, 429 too many refused sign-ins (Retry-After), ${DEVICE_REVOKED_STATUS} device revoked (code ${DEVICE_REVOKED_CODE})`,
      },
      503: DATABASE_UNAVAILABLE_ANSWER,
    },
  };
}
