import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import { ADMIN_CALLS, type AdminAnswer, type AdminCallName, type AdminRequest } from '../shared/sync/admin-protocol';
import { addOrganisation, addUser, findOrganisation, listOrganisations, listUsers, revokeDevice, setUserDisabled, type Session } from './accounts';
import { described, HttpError, parse, sessionOf } from './http';

// The operators' routes: organisations, users and devices of this server. Only a user of role admin may call them;
// anyone else is refused before the request body is even read.

type Handlers = { [K in AdminCallName]: (request: AdminRequest<K>, caller: Session) => Promise<AdminAnswer<K>> };

const UNIQUE_VIOLATION = '23505';

/** Runs an insert, turning PostgreSQL's unique violation into a 409 that names what exists already. */
async function unlessTaken<T>(insert: Promise<T>, taken: string): Promise<T> {
  try {
    return await insert;
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new HttpError(409, taken);
    throw error;
  }
}

function handlers(db: pg.Pool): Handlers {
  return {
    orgList: async () => ({ organisations: await listOrganisations(db) }),
    orgAdd: async ({ name, type }) => {
      await unlessTaken(addOrganisation(db, name, type), `an organisation named '${name}' exists already`);
      return { name, type, users: 0 };
    },
    userList: async () => ({ users: await listUsers(db) }),
    userAdd: async ({ login, org, role, password }) => {
      const orgId = await findOrganisation(db, org);
      if (orgId === undefined) throw new HttpError(404, `no organisation named '${org}': add it first (karte admin org add)`);
      await unlessTaken(addUser(db, { login, orgId, role, password }), `a user '${login}' exists already`);
      return { login, org, role, disabled: false, devices: [] };
    },
    userDisable: async ({ login }, caller) => {
      // Nothing re-enables a user over the API: an admin who disabled themselves would lock the operators out.
      if (login === caller.login) throw new HttpError(409, 'an admin cannot disable themselves; another admin can');
      const tokensRevoked = await setUserDisabled(db, login, true);
      if (tokensRevoked === null) throw new HttpError(404, `no user '${login}'`);
      return { login, tokensRevoked };
    },
    deviceRevoke: async ({ device }) => {
      const revoked = await revokeDevice(db, device);
      if (revoked === null) throw new HttpError(404, `no device '${device}' has signed in to this server`);
      return { device, ...revoked };
    },
  };
}

async function requireAdmin(db: pg.Pool, request: FastifyRequest): Promise<Session> {
  const session = await sessionOf(db, request);
  if (session.role !== 'admin') throw new HttpError(403, `only an admin may manage organisations, users and devices; ${session.login} is ${session.role === 'editor' ? 'an' : 'a'} ${session.role}`);
  return session;
}

export function registerAdminRoutes(app: FastifyInstance, db: pg.Pool): void {
  const handle = handlers(db);
  for (const name of Object.keys(ADMIN_CALLS) as AdminCallName[]) {
    const call = ADMIN_CALLS[name];
    app.post(`/${call.route}`, { schema: described({ summary: call.summary, tags: ['admin'], request: call.request, answer: call.answer, signedIn: true }) }, async (request) => {
      const caller = await requireAdmin(db, request);
      // Each handler takes what its own call's schema parses; TypeScript cannot follow that through the loop.
      const run = handle[name] as (body: unknown, caller: Session) => Promise<unknown>;
      return await run(parse(call.request as z.ZodType, request.body), caller);
    });
  }
}
