import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type pg from 'pg';
import type { OrganisationType } from '../shared/model/organisation';
import type { AdminAnswer } from '../shared/sync/admin-protocol';
import type { Member, Role } from './permissions';

// Organisations, users, devices and the tokens devices sign in with.

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 64;

async function hashPassword(password: string, salt = crypto.randomBytes(16)): Promise<{ hash: string; salt: string }> {
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH);
  return { hash: key.toString('base64'), salt: salt.toString('base64') };
}

async function passwordMatches(password: string, hash: string, salt: string): Promise<boolean> {
  const computed = Buffer.from((await hashPassword(password, Buffer.from(salt, 'base64'))).hash, 'base64');
  const stored = Buffer.from(hash, 'base64');
  return computed.length === stored.length && crypto.timingSafeEqual(computed, stored);
}

function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function addOrganisation(db: pg.Pool, name: string, type: OrganisationType): Promise<string> {
  const id = crypto.randomUUID();
  await db.query('INSERT INTO organisations (id, name, type) VALUES ($1, $2, $3)', [id, name, type]);
  return id;
}

export async function addUser(db: pg.Pool, user: { login: string; orgId: string; role: Role; password: string }): Promise<void> {
  const { hash, salt } = await hashPassword(user.password);
  await db.query('INSERT INTO users (login, org_id, role, password_hash, password_salt) VALUES ($1, $2, $3, $4, $5)', [user.login, user.orgId, user.role, hash, salt]);
}

export async function findOrganisation(db: pg.Pool, name: string): Promise<string | undefined> {
  return (await db.query<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name])).rows[0]?.id;
}

/**
 * Which organisation an admin may manage: null for an admin of the operators' organisation (every one), else the
 * admin's own.
 */
export async function adminReach(db: pg.Pool, admin: Session): Promise<string | null> {
  const found = await db.query<{ operator: boolean }>('SELECT operator FROM organisations WHERE id = $1', [admin.orgId]);
  return found.rows[0]?.operator ? null : admin.orgId;
}

/** `within`: an organisation's id to keep to, or null for all (adminReach). */
export async function listOrganisations(db: pg.Pool, within: string | null): Promise<AdminAnswer<'orgList'>['organisations']> {
  const found = await db.query<{ name: string; type: OrganisationType; users: number }>(
    'SELECT o.name, o.type, count(u.id)::int AS users FROM organisations o LEFT JOIN users u ON u.org_id = o.id WHERE ($1::text IS NULL OR o.id = $1) GROUP BY o.id ORDER BY o.name',
    [within],
  );
  return found.rows;
}

export async function listUsers(db: pg.Pool, within: string | null): Promise<AdminAnswer<'userList'>['users']> {
  const found = await db.query<AdminAnswer<'userList'>['users'][number]>(
    `SELECT u.login, o.name AS org, u.role, u.disabled,
            coalesce(json_agg(json_build_object('id', d.id, 'revoked', d.revoked) ORDER BY d.created_at, d.id) FILTER (WHERE d.id IS NOT NULL), '[]') AS devices
       FROM users u JOIN organisations o ON o.id = u.org_id LEFT JOIN devices d ON d.user_id = u.id
      WHERE ($1::text IS NULL OR u.org_id = $1)
      GROUP BY u.id, o.name ORDER BY u.login`,
    [within],
  );
  return found.rows;
}

/**
 * Disabling a user also revokes every token it holds, in the same statement, so no device stays signed in.
 * Returns how many tokens were revoked, or null when there is no such user.
 */
export async function setUserDisabled(db: pg.Pool, login: string, disabled: boolean, within: string | null): Promise<number | null> {
  const found = await db.query<{ users: number; tokens: number }>(
    `WITH u AS (UPDATE users SET disabled = $2 WHERE login = $1 AND ($3::text IS NULL OR org_id = $3) RETURNING id),
          t AS (UPDATE tokens SET revoked = true WHERE $2 AND NOT revoked AND user_id IN (SELECT id FROM u) RETURNING 1)
     SELECT (SELECT count(*) FROM u)::int AS users, (SELECT count(*) FROM t)::int AS tokens`,
    [login, disabled, within],
  );
  return found.rows[0].users === 0 ? null : found.rows[0].tokens;
}

/**
 * Revokes a device and all its tokens, in one statement: its next request is answered as revoked, and it can never
 * sign in again. Returns its user and how many tokens were revoked, or null when there is no such device.
 */
export async function revokeDevice(db: pg.Pool, device: string, within: string | null): Promise<{ login: string; tokensRevoked: number } | null> {
  const found = await db.query<{ login: string; tokens: number }>(
    `WITH d AS (UPDATE devices SET revoked = true
                 WHERE id = $1 AND ($2::text IS NULL OR user_id IN (SELECT id FROM users WHERE org_id = $2)) RETURNING user_id),
          t AS (UPDATE tokens SET revoked = true WHERE NOT revoked AND device_id IN (SELECT $1::text FROM d) RETURNING 1)
     SELECT u.login, (SELECT count(*) FROM t)::int AS tokens FROM d JOIN users u ON u.id = d.user_id`,
    [device, within],
  );
  const row = found.rows[0];
  return row ? { login: row.login, tokensRevoked: row.tokens } : null;
}

/** Signs one token out (the device's other tokens, if any, stay valid). */
export async function revokeToken(db: pg.Pool, token: string): Promise<void> {
  await db.query('UPDATE tokens SET revoked = true WHERE hash = $1', [tokenHash(token)]);
}

type TokenEntry = AdminAnswer<'tokenList'>['tokens'][number];

interface TokenRow {
  id: string;
  login: string;
  device: string;
  created: Date;
  last_used: Date;
  expires: Date;
  revoked: boolean;
}

// A token's entry for admins: when it stops working unless revoked first is the sooner of its idle and its age limit.
const TOKEN_ENTRY_COLUMNS = `t.id, u.login, t.device_id AS device, t.created_at AS created, t.last_used_at AS last_used,
  least(t.last_used_at + t.idle_limit, t.expires_at) AS expires, t.revoked`;

function tokenEntry(row: TokenRow): TokenEntry {
  return {
    id: row.id,
    login: row.login,
    device: row.device,
    created: row.created.toISOString(),
    lastUsed: row.last_used.toISOString(),
    expires: row.expires.toISOString(),
    revoked: row.revoked,
  };
}

/**
 * Tokens of the users within reach (adminReach), of one user if `login` is given, oldest first. Null when `login`
 * names no user within reach.
 */
export async function listTokens(db: pg.Pool, within: string | null, login: string | undefined): Promise<TokenEntry[] | null> {
  // Users come with no token too (a row of nulls), so a user without tokens is told from no such user.
  const found = await db.query<TokenRow | { id: null }>(
    `SELECT ${TOKEN_ENTRY_COLUMNS} FROM users u LEFT JOIN tokens t ON t.user_id = u.id
      WHERE ($1::text IS NULL OR u.org_id = $1) AND ($2::text IS NULL OR u.login = $2)
      ORDER BY t.created_at, t.id`,
    [within, login ?? null],
  );
  if (login !== undefined && found.rows.length === 0) return null;
  return found.rows.filter((row): row is TokenRow => row.id !== null).map(tokenEntry);
}

/** Revokes the token an admin names by its id, if its user is within reach; null when there is no such token. */
export async function revokeTokenById(db: pg.Pool, id: string, within: string | null): Promise<TokenEntry | null> {
  const found = await db.query<TokenRow>(
    `UPDATE tokens t SET revoked = true FROM users u
      WHERE t.id = $1 AND u.id = t.user_id AND ($2::text IS NULL OR u.org_id = $2)
      RETURNING ${TOKEN_ENTRY_COLUMNS}`,
    [id, within],
  );
  const row = found.rows[0];
  return row ? tokenEntry(row) : null;
}

/** On a first start, the operator's organisation and the user `admin`; afterwards nothing. */
export async function ensureAdmin(db: pg.Pool, password: string | undefined, org: { name: string; type: OrganisationType }): Promise<boolean> {
  const existing = await db.query("SELECT 1 FROM users WHERE login = 'admin'");
  if (existing.rowCount) return false;
  if (!password) throw new Error('first start: set KARTE_ADMIN_PASSWORD to create the user admin');
  const orgId = (await findOrganisation(db, org.name)) ?? (await addOrganisation(db, org.name, org.type));
  await db.query('UPDATE organisations SET operator = true WHERE id = $1', [orgId]);
  await addUser(db, { login: 'admin', orgId, role: 'admin', password });
  return true;
}

export class LoginRefused extends Error {}

/** The right password from a device an operator revoked: the device must drop what it synced. */
export class DeviceRevoked extends LoginRefused {}

/**
 * How long a token works: it stops when unused for `idleMs` (every use extends it), and `maxAgeMs` after it was
 * issued whatever its use; then the device signs in again.
 */
export interface TokenLifetime {
  idleMs: number;
  maxAgeMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A month without a sync means a device left aside; half a year bounds what one stolen token is worth. */
export const DEFAULT_TOKEN_LIFETIME: TokenLifetime = { idleMs: 30 * DAY_MS, maxAgeMs: 180 * DAY_MS };

/**
 * Checks the password and issues a token for the device; the device is bound to the user on its first sign-in. The
 * token keeps the lifetime it is issued with. The user's organisation comes with it: the client then knows what it
 * may change (a company only the member records it created) before a sync tells it.
 */
export async function login(
  db: pg.Pool,
  request: { login: string; password: string; device: string },
  lifetime: TokenLifetime = DEFAULT_TOKEN_LIFETIME,
): Promise<{ token: string; organisation: { name: string; type: OrganisationType } }> {
  const found = await db.query<{ id: string; password_hash: string; password_salt: string; disabled: boolean; org_name: string; org_type: OrganisationType }>(
    `SELECT u.id, u.password_hash, u.password_salt, u.disabled, o.name AS org_name, o.type AS org_type
       FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.login = $1`,
    [request.login],
  );
  const user = found.rows[0];
  // The same answer for an unknown login, a wrong password and a disabled account, after the same work (an unknown
  // login's password is hashed too, against nothing): neither the answer nor its time tells which logins exist.
  const matches = await passwordMatches(request.password, user?.password_hash ?? '', user?.password_salt ?? '');
  if (!user || !matches || user.disabled) throw new LoginRefused('wrong login or password, or the account is disabled');
  await db.query('INSERT INTO devices (id, user_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [request.device, user.id]);
  const device = (await db.query<{ user_id: string; revoked: boolean }>('SELECT user_id, revoked FROM devices WHERE id = $1', [request.device])).rows[0];
  if (device.revoked) throw new DeviceRevoked('this device has been revoked by an operator');
  if (device.user_id !== user.id) throw new LoginRefused('this device is registered to another user');
  const token = crypto.randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO tokens (hash, user_id, device_id, idle_limit, expires_at)
     VALUES ($1, $2, $3, $4 * interval '1 millisecond', now() + $5 * interval '1 millisecond')`,
    [tokenHash(token), user.id, request.device, lifetime.idleMs, lifetime.maxAgeMs],
  );
  return { token, organisation: { name: user.org_name, type: user.org_type } };
}

export interface Session extends Member {
  login: string;
  role: Role;
  device: string;
}

/** A token of a device an operator revoked: whatever else holds, that device must remove its synced data. */
export const REVOKED_DEVICE = 'revoked device';

/**
 * A token's last use is recorded to this precision: authenticate runs on every request, and a token's idle limit is
 * days, so one write a minute per token is plenty.
 */
const LAST_USE_PRECISION = "interval '1 minute'";

/**
 * The signed-in user behind a bearer token; REVOKED_DEVICE when the token's device has been revoked; null when the
 * token is unknown, revoked or expired, or its user disabled. Each use extends the token's idle limit.
 */
export async function authenticate(db: pg.Pool, token: string): Promise<Session | typeof REVOKED_DEVICE | null> {
  const hash = tokenHash(token);
  const found = await db.query<{
    login: string;
    role: Role;
    org_id: string;
    type: OrganisationType;
    device_id: string;
    valid: boolean;
    device_revoked: boolean;
    use_unrecorded: boolean;
  }>({
    // Named: every request runs it, and PostgreSQL then plans it once per connection rather than each time.
    name: 'authenticate',
    text: `SELECT u.login, u.role, u.org_id, o.type, t.device_id, d.revoked AS device_revoked,
            NOT t.revoked AND NOT u.disabled AND now() < t.expires_at AND now() < t.last_used_at + t.idle_limit AS valid,
            t.last_used_at < now() - ${LAST_USE_PRECISION} AS use_unrecorded
       FROM tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.org_id JOIN devices d ON d.id = t.device_id
      WHERE t.hash = $1`,
    values: [hash],
  });
  const row = found.rows[0];
  if (row?.device_revoked) return REVOKED_DEVICE;
  if (!row?.valid) return null;
  // The condition again: of instances racing to record the same use, one writes.
  if (row.use_unrecorded) await db.query(`UPDATE tokens SET last_used_at = now() WHERE hash = $1 AND last_used_at < now() - ${LAST_USE_PRECISION}`, [hash]);
  return { login: row.login, role: row.role, orgId: row.org_id, orgType: row.type, device: row.device_id };
}
