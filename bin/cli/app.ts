import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openBackEnd } from '../../electron/services/back-end';
import { startBrowserMode } from '../../electron/services/browser-mode';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext, Io } from './context';

// `karte app` (npm start): the desktop app where an Electron binary is installed, else browser mode on loopback.

const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist/renderer');
const DEMO_DIR = path.join(ROOT, 'resources/demo');

/** The Electron binary, or null where the electron package was installed without it (as on these machines). */
export function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds what is older than its sources: the renderer, and for the desktop app its main process and preload. */
export async function buildIfStale(io: Io, withElectron: boolean): Promise<void> {
  const sources = Math.max(...['renderer', 'shared', 'resources/reference'].map((d) => newestMtime(path.join(ROOT, d))));
  const built = path.join(RENDERER_DIR, 'index.html');
  const { build } = await import('vite');
  // A build is for users even when a test run starts it (NODE_ENV 'test' would make Vite bundle React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
      io.err('building the user interface…');
      await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    if (withElectron) await build({ configFile: path.join(ROOT, 'vite.electron.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

export interface AppOptions {
  db: string;
  host: string;
  port: number;
  browser: boolean;
  author: string;
}

export async function runApp(options: AppOptions, io: Io): Promise<void> {
  const electron = options.browser ? null : electronBinary();
  await buildIfStale(io, electron !== null);
  if (electron) {
    const child = spawn(electron, [path.join(ROOT, 'dist/electron/main.js'), `--db=${options.db}`], { stdio: 'inherit' });
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    return;
  }
  if (options.host !== '127.0.0.1' && options.host !== 'localhost') {
    io.err(`warning: listening on ${options.host}, beyond this machine; anyone who has the URL with its token can use the store`);
  }
  const server = await startBrowserMode(
    (delivery) =>
      openBackEnd({
        store: { file: options.db, key: process.env.KARTE_DB_KEY, author: options.author },
        demoDir: DEMO_DIR,
        version: process.env.npm_package_version ?? '0.1.0',
        delivery,
      }),
    { staticDir: RENDERER_DIR, host: options.host, port: options.port },
  );
  const why = options.browser ? 'as asked' : 'no Electron binary installed; `npm run electron:install` fetches it where there is internet';
  io.out(`Karte is running in browser mode (${why}). Open:\n  ${server.openUrl}\nstore: ${options.db}\nCtrl+C stops it.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}

/** --port as commander reads it: a port number, or a usage error (exit 2) that says what a port is. */
function portNumber(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new InvalidArgumentError('a port number from 0 to 65535 (0: any free port)');
  return port;
}

export function registerAppCommand(program: Command, { io, databaseFile, author }: CliContext): void {
  program
    .command('app')
    .description('start the app: the desktop app where Electron is installed, else browser mode on 127.0.0.1')
    .option('--host <host>', 'address to listen on in browser mode', '127.0.0.1')
    .option('--port <port>', 'port in browser mode (0: any free port)', portNumber, 0)
    .option('--browser', 'browser mode even where Electron is installed')
    .action((options: { host: string; port: number; browser?: boolean }) =>
      runApp({ db: databaseFile(), host: options.host, port: options.port, browser: options.browser === true, author: author() }, io),
    );
}
