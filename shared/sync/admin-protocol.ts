import { z } from 'zod';
import { ORGANISATION_TYPES } from '../model/organisation';
import { deviceSchema, loginRequestSchema } from './protocol';

// The operators' part of the sync server's protocol: organisations, users, devices and their tokens. Only users of
// role admin may call it; the server and the CLI (karte admin …) share these calls, so neither can drift from the
// other.

export const ROLES = ['admin', 'editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

const loginSchema = loginRequestSchema.shape.login;
const orgNameSchema = z.string().trim().min(1).max(200);

const organisationEntrySchema = z.object({ name: z.string(), type: z.enum(ORGANISATION_TYPES), users: z.number().int() });

const userEntrySchema = z.object({
  login: z.string(),
  org: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  /** The devices the user has signed in from, oldest first. */
  devices: z.array(z.object({ id: z.string(), revoked: z.boolean() })),
});

/** A token's public id (the server makes it), never the token nor anything derived from it. */
const tokenIdSchema = z.string().regex(/^[0-9a-f]{12}$/, 'a token id is 12 hex digits (karte admin token list shows them)');

const tokenEntrySchema = z.object({
  id: tokenIdSchema,
  login: z.string(),
  device: z.string(),
  created: z.iso.datetime(),
  /** To the minute: the server records uses no more often. */
  lastUsed: z.iso.datetime(),
  /** When it stops working unless used before (idle limit) or at the latest (maximum age), whichever is sooner. */
  expires: z.iso.datetime(),
  revoked: z.boolean(),
});

/** Each admin call: its route (relative to the server's address), what it takes and what it answers. */
export const ADMIN_CALLS = {
  orgList: {
    route: 'v1/admin/org/list',
    summary: 'List organisations with their user counts',
    request: z.object({}),
    answer: z.object({ organisations: z.array(organisationEntrySchema) }),
  },
  orgAdd: {
    route: 'v1/admin/org/add',
    summary: 'Add an organisation',
    request: z.object({ name: orgNameSchema, type: z.enum(ORGANISATION_TYPES) }),
    answer: organisationEntrySchema,
  },
  userList: {
    route: 'v1/admin/user/list',
    summary: 'List users with their organisation, role and devices',
    request: z.object({}),
    answer: z.object({ users: z.array(userEntrySchema) }),
  },
  userAdd: {
    route: 'v1/admin/user/add',
    summary: 'Add a user to an organisation',
    request: z.object({ login: loginSchema, org: orgNameSchema, role: z.enum(ROLES), password: z.string().min(8, 'a password has at least 8 characters').max(1000) }),
    answer: userEntrySchema,
  },
  userDisable: {
    route: 'v1/admin/user/disable',
    summary: 'Disable a user and revoke all its tokens: its devices are signed out and cannot sign in again',
    request: z.object({ login: loginSchema }),
    answer: z.object({ login: z.string(), tokensRevoked: z.number().int() }),
  },
  deviceRevoke: {
    route: 'v1/admin/device/revoke',
    summary: 'Revoke a device and its tokens: its next request is answered 410, and the client removes its synced data',
    request: z.object({ device: deviceSchema }),
    answer: z.object({ device: z.string(), login: z.string(), tokensRevoked: z.number().int() }),
  },
  tokenList: {
    route: 'v1/admin/token/list',
    summary: 'List tokens, of every user or of one, oldest first: login, device, created, last used, expires, revoked',
    request: z.object({ login: loginSchema.optional() }),
    answer: z.object({ tokens: z.array(tokenEntrySchema) }),
  },
  tokenRevoke: {
    route: 'v1/admin/token/revoke',
    summary: 'Revoke one token by its id: its next request is answered 401, and its device must sign in again',
    request: z.object({ id: tokenIdSchema }),
    answer: tokenEntrySchema,
  },
} as const;

export type AdminCallName = keyof typeof ADMIN_CALLS;
export type AdminRequest<K extends AdminCallName> = z.output<(typeof ADMIN_CALLS)[K]['request']>;
export type AdminAnswer<K extends AdminCallName> = z.output<(typeof ADMIN_CALLS)[K]['answer']>;
