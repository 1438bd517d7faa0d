import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import { appDataFolder } from '../shared/app-data-folder';
import { ORGANISATION_TYPES, type OrganisationType } from '../shared/model/organisation';
import { DEFAULT_TOKEN_LIFETIME, ensureAdmin } from './accounts';
import { buildServer, createLogger, DEFAULT_LIMITS, logLevelSchema } from './app';
import { DEFAULT_DATABASE_OPTIONS, openPool } from './db';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { migrate } from './migrations';

// `npm run server -- [--port N] [--host H] [--data DIR] [--pg-port N] [--admin-org NAME] [--admin-org-type TYPE]`.
// With DATABASE_URL it uses that PostgreSQL; without, a PostgreSQL of its own in DIR. It logs JSON lines to
// standard output at KARTE_LOG_LEVEL (info by default); KARTE_STATEMENT_TIMEOUT_MS bounds every statement (15 s);
// tokens live KARTE_TOKEN_IDLE_DAYS unused (30) and KARTE_TOKEN_MAX_AGE_DAYS at most (180); behind a load balancer,
// KARTE_TRUST_PROXY names the proxies to believe (true, or their addresses: Fastify's trustProxy).

const USAGE = 'usage: npm run server -- [--port N] [--host 127.0.0.1] [--data DIR] [--pg-port N] [--admin-org NAME] [--admin-org-type ministry|agency|…]';

/** As root the embedded PostgreSQL runs as the postgres user, which cannot enter /root: a system folder then. */
function defaultDataFolder(): string {
  if (process.getuid?.() === 0) return '/var/lib/karte/server/pg';
  const appData = appDataFolder({ platform: process.platform, home: os.homedir(), env: process.env, join: path.join });
  return path.join(appData, 'server', 'pg');
}

function portOf(text: string, name: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got '${text}'\n${USAGE}`);
  return port;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function daysOf(name: string, fallbackMs: number): number {
  const text = process.env[name];
  if (text === undefined) return fallbackMs;
  const days = Number(text);
  if (!(days > 0)) throw new Error(`${name} must be a number of days, got '${text}'`);
  return days * DAY_MS;
}

/** KARTE_TRUST_PROXY as Fastify takes it: true (every proxy), or the proxies' addresses, comma-separated. */
function trustProxyOf(text: string | undefined): boolean | string {
  if (text === undefined || text === 'false') return false;
  return text === 'true' ? true : text;
}

function millisecondsOf(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`${name} must be a number of milliseconds, got '${text}'`);
  return ms;
}

let embedded: RunningPostgres | undefined;
/** Set once the arguments are checked: a mistake in them is told plainly, later failures are logged. */
let log: FastifyBaseLogger | undefined;

/** Stops what this process started, so a PostgreSQL of its own does not outlive it. */
async function fail(error: unknown): Promise<never> {
  if (log) log.fatal({ err: error }, 'the server stops on an error');
  else console.error(error instanceof Error ? error.message : error);
  await embedded?.stop();
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8470' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      'pg-port': { type: 'string', default: '54329' },
      'admin-org': { type: 'string', default: 'Karte operators' },
      'admin-org-type': { type: 'string', default: 'ministry' },
    },
  });
  const orgType = values['admin-org-type'] as OrganisationType;
  if (!ORGANISATION_TYPES.includes(orgType)) throw new Error(`--admin-org-type must be one of ${ORGANISATION_TYPES.join(', ')}`);
  const port = portOf(values.port, '--port');
  const pgPort = portOf(values['pg-port'], '--pg-port');
  const level = logLevelSchema.safeParse(process.env.KARTE_LOG_LEVEL ?? 'info');
  if (!level.success) throw new Error(`KARTE_LOG_LEVEL must be one of ${logLevelSchema.options.join(', ')}, got '${process.env.KARTE_LOG_LEVEL}'`);
  const statementTimeoutMs = millisecondsOf(process.env.KARTE_STATEMENT_TIMEOUT_MS, 'KARTE_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_OPTIONS.statementTimeoutMs);
  log = createLogger(level.data);

  let url = process.env.DATABASE_URL;
  if (!url) {
    const dir = path.resolve(values.data ?? defaultDataFolder());
    embedded = await startEmbeddedPostgres(dir, pgPort, log);
    url = embedded.url;
    log.info({ dir, port: pgPort }, 'PostgreSQL (embedded) running');
  }
  const db = openPool(url, log, { ...DEFAULT_DATABASE_OPTIONS, statementTimeoutMs });
  const applied = await migrate(db);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');
  if (await ensureAdmin(db, process.env.KARTE_ADMIN_PASSWORD, { name: values['admin-org'], type: orgType })) log.info({ org: values['admin-org'] }, 'created the user admin');

  const tokenLifetime = { idleMs: daysOf('KARTE_TOKEN_IDLE_DAYS', DEFAULT_TOKEN_LIFETIME.idleMs), maxAgeMs: daysOf('KARTE_TOKEN_MAX_AGE_DAYS', DEFAULT_TOKEN_LIFETIME.maxAgeMs) };
  const app = await buildServer(db, DEFAULT_LIMITS, { logger: log, tokenLifetime, trustProxy: trustProxyOf(process.env.KARTE_TRUST_PROXY) });
  // Fastify logs the address ("Server listening at …"): what a script starting the server waits for.
  await app.listen({ host: values.host, port });

  const shutdown = async (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    await db.end();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal).catch(fail));
  process.once('SIGTERM', (signal) => void shutdown(signal).catch(fail));
}

process.on('uncaughtException', (error) => void fail(error));
process.on('unhandledRejection', (error) => void fail(error));
void main().catch(fail);
