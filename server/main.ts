import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { appDataFolder } from '../shared/app-data-folder';
import { ORGANISATION_TYPES, type OrganisationType } from '../shared/model/organisation';
import { ensureAdmin } from './accounts';
import { buildServer } from './app';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { migrate } from './migrations';

// `npm run server -- [--port N] [--host H] [--data DIR] [--pg-port N] [--admin-org NAME] [--admin-org-type TYPE]`.
// With DATABASE_URL it uses that PostgreSQL; without, a PostgreSQL of its own in DIR.

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

let embedded: RunningPostgres | undefined;

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

  let url = process.env.DATABASE_URL;
  if (!url) {
    const dir = path.resolve(values.data ?? defaultDataFolder());
    embedded = await startEmbeddedPostgres(dir, portOf(values['pg-port'], '--pg-port'));
    url = embedded.url;
    console.log(`PostgreSQL (embedded) running with data in ${dir}`);
  }
  const db = new pg.Pool({ connectionString: url });
  const applied = await migrate(db);
  if (applied.length) console.log(`database migrated: ${applied.join(', ')}`);
  if (await ensureAdmin(db, process.env.KARTE_ADMIN_PASSWORD, { name: values['admin-org'], type: orgType })) console.log(`created the user admin in '${values['admin-org']}'`);

  const app = await buildServer(db);
  const address = await app.listen({ host: values.host, port: portOf(values.port, '--port') });
  console.log(`Karte sync server listening on ${address}`);

  const shutdown = async () => {
    await app.close();
    await db.end();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // A PostgreSQL started before the failure would outlive this process.
  await embedded?.stop();
  process.exit(1);
});
