import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import rules of architecture.md are part of `npm test` through the lint run; this proves the rules catch
// each kind of crossing, and let through what is allowed, by linting one-line files placed in each layer.

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function importProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layers', () => {
  it.each([
    ['renderer/screens/Probe.tsx', "import { openStore } from '../../electron/services/store/store';"],
    ['renderer/components/Probe.tsx', "import fs from 'node:fs';"],
    ['renderer/screens/Probe.tsx', "import { HistoryScreen } from './HistoryScreen';"],
    ['electron/services/probe.ts', "import { app } from 'electron';"],
    ['electron/services/probe.ts', "import { App } from '../../renderer/App';"],
    ['server/probe.ts', "import { openStore } from '../electron/services/store/store';"],
    ['server/probe.ts', "import { app } from 'electron';"],
    ['shared/probe.ts', "import fs from 'node:fs';"],
    ['shared/probe.ts', "import { push } from '../server/changes';"],
    ['bin/cli/probe.ts', "import { App } from '../../renderer/App';"],
  ])('refuses in %s: %s', async (file, source) => {
    expect(await importProblems(file, source)).toHaveLength(1);
  });

  it.each([
    ['renderer/screens/Probe.tsx', "import { SCOPES } from '../../shared/scopes';\nimport { FieldValue } from '../components/FieldValue';"],
    ['electron/services/probe.ts', "import fs from 'node:fs';\nimport { SCOPES } from '../../shared/scopes';"],
    ['electron/main-probe.ts', "import { app } from 'electron';\nimport { openStore } from './services/store/store';"],
    ['server/probe.ts', "import pg from 'pg';\nimport { SCOPES } from '../shared/scopes';"],
    ['bin/cli/probe.ts', "import { openStore } from '../../electron/services/store/store';"],
  ])('lets through in %s: %s', async (file, source) => {
    expect(await importProblems(file, source)).toEqual([]);
  });
});
