import readline from 'node:readline/promises';
import { Writable } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { ApiName, ApiResult } from '../../shared/api';
import { describeError, errorEnvelope, formatPath } from '../../shared/errors';
import { openBackEnd } from '../../electron/services/back-end';
import { defaultDatabaseFile } from '../../electron/services/paths';
import { openStore, type Store } from '../../electron/services/store/store';
import { registerAdminCommands } from './admin';
import { registerAgreementCommands } from './agreements';
import { registerAppCommand } from './app';
import { registerCouncilCommands } from './council';
import { registerDirectionCommands } from './directions';
import type { CliContext, Io } from './context';
import { registerEventCommands } from './events';
import { registerExportCommand } from './exports';
import { registerImportCommand } from './imports';
import { registerMatchingCommands } from './matching';
import { registerPackCommand, registerReportCommand } from './packs';
import { registerRecordCommands } from './records';
import { registerPlanCommands } from './plans';
import { registerProjectCommands } from './projects';
import { registerStatsCommand } from './stats';
import { registerSyncCommands } from './sync';
import { registerVisitCommands } from './visits';

// The command line: every command goes through the same back end and typed API as the app (back-end.ts, the API's
// schemas at the door), on the store --db names; the command groups live in files of their own.

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO_DIR = path.join(ROOT, 'resources/demo');

interface GlobalOptions {
  db?: string;
  json?: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stderrIsTty: Boolean(process.stderr.isTTY),
};

function author(): string {
  return process.env.KARTE_USER ?? os.userInfo().username;
}

/** Asks on the terminal without echoing what is typed. */
async function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const terminal = readline.createInterface({ input: process.stdin, output, terminal: true });
  const answer = terminal.question(prompt);
  muted = true;
  try {
    return await answer;
  } finally {
    terminal.close();
    process.stderr.write('\n');
  }
}

/** A password from KARTE_PASSWORD or the first line of stdin: never an argument, which other users can see. */
async function readPassword(): Promise<string> {
  if (process.env.KARTE_PASSWORD) return process.env.KARTE_PASSWORD;
  if (process.stdin.isTTY) {
    const typed = await askHidden('password: ');
    if (!typed) throw new Error('no password given');
    return typed;
  }
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const password = text.split(/\r?\n/)[0];
  if (!password) throw new Error('no password: set KARTE_PASSWORD or give it on stdin');
  return password;
}

export function buildProgram(io: Io): Command {
  const program = new Command('karte')
    .description('Karte: overseas deployment dossiers (海外展開カルテ) from the command line')
    .option('--db <path>', 'the local store file', defaultDatabaseFile())
    .option('--json', 'print machine-readable JSON')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const databaseFile = () => globals().db ?? defaultDatabaseFile();
  const context: CliContext = {
    io,
    run: async (work, options = {}) => {
      const backEnd = openBackEnd({
        store: { file: databaseFile(), key: process.env.KARTE_DB_KEY, author: author() },
        demoDir: DEMO_DIR,
        version: process.env.npm_package_version ?? '0.1.0',
        sync: 'manual',
        delivery: options.delivery,
      });
      if (options.listen) backEnd.on(options.listen);
      try {
        return await work({ call: <K extends ApiName>(name: K, args: unknown) => backEnd.call(name, args) as Promise<ApiResult<K>> });
      } finally {
        await backEnd.close();
      }
    },
    withStore: <T>(work: (store: Store) => T): T => {
      const store = openStore(databaseFile(), { key: process.env.KARTE_DB_KEY, author: author() });
      try {
        return work(store);
      } finally {
        store.close();
      }
    },
    print: (json, text) => io.out(globals().json ? JSON.stringify(json, null, 2) : text()),
    readPassword,
    databaseFile,
    author,
  };

  registerImportCommand(program, context);
  registerExportCommand(program, context);
  registerRecordCommands(program, context);
  registerEventCommands(program, context);
  registerVisitCommands(program, context);
  registerAgreementCommands(program, context);
  registerStatsCommand(program, context);
  registerProjectCommands(program, context);
  registerPlanCommands(program, context);
  registerPackCommand(program, context);
  registerReportCommand(program, context);
  registerDirectionCommands(program, context);
  registerCouncilCommands(program, context);
  registerMatchingCommands(program, context);
  registerAppCommand(program, context);
  registerSyncCommands(program, context);
  registerAdminCommands(program, context);
  return program;
}

/** What went wrong, for a person at a terminal: the message, each import problem and each refused option on its line. */
function failureText(error: unknown): string {
  const { code, message, details } = errorEnvelope(error);
  if (code === 'import_failed') return `import failed, nothing was imported:\n${message}`;
  if (code === 'invalid_arguments' && details.issues) return `karte: ${details.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('\n       ')}`;
  return `karte: ${code === 'internal' ? describeError(error) : message}`;
}

/** Runs the CLI; returns the exit code: 2 for a command or option not understood, 1 for any other failure. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.err(failureText(error));
    const { code } = errorEnvelope(error);
    return code === 'invalid_arguments' || code === 'unknown_method' ? 2 : 1;
  }
}
