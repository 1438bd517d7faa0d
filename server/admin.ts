import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import { ADMIN_CALLS, type AdminAnswer, type AdminCallName, type AdminRequest } from '../shared/sync/admin-protocol';
import {
  addOrganisation,
  addUser,
  adminReach,
  findOrganisation,
  listOrganisations,
  listTokens,
  listUsers,
  revokeDevice,
  revokeTokenById,
  setUserDisabled,
  type Session,
} from './accounts';
import { described, HttpError, parse, sessionOf } from './http';

// The operators' routes: organisations, users, devices and tokens of this server. Only a user of role admin may
// call them; anyone else is refused before the request body is even read. Admins of the operators' organisation
// manage every organisation; an organisation's own admins, its users, devices and tokens only.

/** Who calls: the admin's session, and the organisation it may manage (null: every one). */
interface Caller {
  session: Session;
  within: string | null;
}

type Handlers = { [K in AdminCallName]: (request: AdminRequest<K>, caller: Caller) => Promise<AdminAnswer<K>> };

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
    orgList: async (_request, { within }) => ({ organisations: await listOrganisations(db, within) }),
    orgAdd: async ({ name, type }, { within }) => {
      if (within !== null) throw new HttpError(403, "only the operators' admins add organisations");
      await unlessTaken(addOrganisation(db, name, type), `an organisation named '${name}' exists already`);
      return { name, type, users: 0 };
    },
    userList: async (_request, { within }) => ({ users: await listUsers(db, within) }),
    userAdd: async ({ login, org, role, password }, { within }) => {
      const orgId = await findOrganisation(db, org);
      if (within !== null && orgId !== within) throw new HttpError(403, "an organisation's admin adds users to their own organisation only");
      if (orgId === undefined) throw new HttpError(404, `no organisation named '${org}': add it first (karte admin org add)`);
      await unlessTaken(addUser(db, { login, orgId, role, password }), `a user '${login}' exists already`);
      return { login, org, role, disabled: false, devices: [] };
    },
    userDisable: async ({ login }, { session, within }) => {
      // Nothing re-enables a user over the API: an admin who disabled themselves would lock the operators out.
      if (login === session.login) throw new HttpError(409, 'an admin cannot disable themselves; another admin can');
      const tokensRevoked = await setUserDisabled(db, login, true, within);
      if (tokensRevoked === null) throw new HttpError(404, `no user '${login}'${within === null ? '' : ' in your organisation'}`);
      return { login, tokensRevoked };
    },
    deviceRevoke: async ({ device }, { within }) => {
      const revoked = await revokeDevice(db, device, within);
      if (revoked === null) throw new HttpError(404, `no device '${device}' has signed in to this server${within === null ? '' : ' for your organisation'}`);
      return { device, ...revoked };
    },
    tokenList: async ({ login }, { within }) => {
      const tokens = await listTokens(db, within, login);
      if (tokens === null) throw new HttpError(404, `no user '${login}'${within === null ? '' : ' in your organisation'}`);
      return { tokens };
    },
    tokenRevoke: async ({ id }, { within }) => {
      const revoked = await revokeTokenById(db, id, within);
      if (revoked === null) throw new HttpError(404, `no token '${id}'${within === null ? '' : ' in your organisation'} (karte admin token list shows them)`);
      return revoked;
    },
  };
}

async function requireAdmin(db: pg.Pool, request: FastifyRequest): Promise<Caller> {
  const session = await sessionOf(db, request);
  if (session.role !== 'admin')
    throw new HttpError(403, `only an admin may manage organisations, users, devices and tokens; ${session.login} is ${session.role === 'editor' ? 'an' : 'a'} ${session.role}`);
  return { session, within: await adminReach(db, session) };
}

export function registerAdminRoutes(app: FastifyInstance, db: pg.Pool): void {
  const handle = handlers(db);
  for (const name of Object.keys(ADMIN_CALLS) as AdminCallName[]) {
    const call = ADMIN_CALLS[name];
    app.post(`/${call.route}`, { schema: described({ summary: call.summary, tags: ['admin'], request: call.request, answer: call.answer, signedIn: true }) }, async (request) => {
      const caller = await requireAdmin(db, request);
      // Each handler takes what its own call's schema parses; TypeScript cannot follow that through the loop.
      const run = handle[name] as (body: unknown, caller: Caller) => Promise<unknown>;
      return await run(parse(call.request as z.ZodType, request.body), caller);
    });
  }
}
