import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { openStore } from '../../electron/services/store/store';
import { KARTE_BIN } from '../support/cli';
import { generateKarteFiles } from '../support/karte-generator';
import { demoFiles, snapshot, useTempDir } from '../support/temp';

describe('an import killed half way', () => {
  const temp = useTempDir();

  it('leaves the store exactly as it was, and the next import completes', async () => {
    const db = path.join(temp.dir(), 'karte.sqlite');
    const before = openStore(db, { author: 'a' });
    importKarteFiles(before, demoFiles());
    const expected = snapshot(before);
    before.close();

    const big = generateKarteFiles({ seed: 7, countries: 4, cases: 4_000, events: 40_000 }).map((table, i) => {
      const file = path.join(temp.dir(), `big-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(table));
      return file;
    });

    const child = spawn(process.execPath, [KARTE_BIN, '--db', db, 'import', ...big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // The first progress line comes a tenth into the first of four files: well inside the one import transaction.
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (/importing big-0\.json \(1\/4\): case \d+\/1000/.test(stderr)) resolve();
      });
      child.on('exit', () => reject(new Error(`import ended before it could be killed: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');
    expect(stdout).toBe('');

    const after = openStore(db, { author: 'a' });
    expect(snapshot(after)).toEqual(expected);
    const report = importKarteFiles(after, big.slice(0, 1));
    expect(report.casesAdded).toBe(1000);
    after.close();
  });
});
