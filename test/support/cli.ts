import { spawnSync } from 'node:child_process';
import path from 'node:path';

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
