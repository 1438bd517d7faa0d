import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';

// Layout is checked by `npm test` (npm run format:check, before vitest): this proves the check is wired in and
// that it refuses a file laid out by hand, with the project's own configuration.

const ROOT = path.resolve(import.meta.dirname, '../..');

async function formatted(file: string, source: string): Promise<boolean> {
  const filepath = path.join(ROOT, file);
  const options = await prettier.resolveConfig(filepath);
  expect(options, 'the project has a Prettier configuration').not.toBeNull();
  return await prettier.check(source, { ...options, filepath });
}

describe('the format check', () => {
  it('is part of npm test, over the whole tree', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.test).toContain('npm run format:check');
    expect(scripts['format:check']).toBe('prettier --check .');
  });

  it.each([
    ['renderer/screens/Probe.tsx', 'export const Probe = () => <p   className="x">{ 1 }</p>;\n'],
    ['electron/services/probe.ts', 'export function probe(a:number){return a+1}\n'],
    ['server/probe.ts', 'export const limits = { "maxBytes": 1 };\n'],
  ])('refuses a file laid out by hand: %s', async (file, source) => {
    expect(await formatted(file, source)).toBe(false);
  });

  it('lets through the same file once formatted', async () => {
    const filepath = path.join(ROOT, 'electron/services/probe.ts');
    const options = await prettier.resolveConfig(filepath);
    const source = await prettier.format('export function probe(a:number){return a+1}\n', { ...options, filepath });
    expect(source).toBe('export function probe(a: number) {\n  return a + 1;\n}\n');
    expect(await formatted('electron/services/probe.ts', source)).toBe(true);
  });
});
