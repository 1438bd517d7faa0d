import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const KARTE_BIN = path.resolve(import.meta.dirname, '../../bin/karte');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/karte as a user would, in its own process. */
export function karte(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [KARTE_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KARTE_USER: 'cli-tester', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function karteJson<T>(args: string[]): T {
  const result = karte([...args, '--json']);
  if (result.status !== 0) throw new Error(`karte ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

const run = promisify(execFile);

/**
 * bin/karte in its own process without blocking this one, for tests whose server runs in the test process. A
 * password reaches it only as the test gives one (env or stdin), never from the test's own environment.
 */
export async function karteAsync(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliResult> {
  const { KARTE_PASSWORD: _ambient, ...inherited } = process.env;
  const running = run(process.execPath, [KARTE_BIN, ...args], { env: { ...inherited, KARTE_USER: 'cli-tester', ...options.env }, timeout: 60_000 });
  running.child.stdin?.end(options.stdin ?? '');
  try {
    const { stdout, stderr } = await running;
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof failed.code === 'number' ? failed.code : null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
