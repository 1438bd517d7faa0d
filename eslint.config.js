import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of architecture.md, enforced: imports only go downward, and each layer keeps to what it may use.
// A rule for a folder replaces the general one, so each list repeats what holds everywhere.

const everywhere = { paths: [{ name: 'better-sqlite3', message: 'Use better-sqlite3-multiple-ciphers (encryption at rest).' }], patterns: [] };

const ELECTRON = { name: 'electron', message: "Only electron/main*.ts and electron/preload*.ts import 'electron': the back end runs without it (tests, CLI, browser mode)." };

/** One layer's import rule: what holds everywhere, and the layer's own forbidden modules and patterns. */
function layer(patterns, { electron = false } = {}) {
  return { 'no-restricted-imports': ['error', { paths: electron ? everywhere.paths : [...everywhere.paths, ELECTRON], patterns }] };
}

const NODE = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'better-sqlite3*'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Layout is Prettier's (npm run format): no lint rule argues with it.
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', everywhere],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer([
      { group: [...NODE, 'react', 'react-dom'], message: 'shared/ is pure: no Node, DOM-framework or database imports.' },
      { group: ['**/electron/**', '**/renderer/**', '**/server/**', '**/bin/**'], message: 'shared/ imports nothing above it.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layer([
      { group: [...NODE, 'pg', 'fastify'], message: 'The renderer talks to the back end only through the typed API (renderer/api/client.ts).' },
      { group: ['**/electron/**', '**/server/**', '**/bin/**'], message: 'The renderer imports only shared/ and its own files.' },
    ]),
  },
  {
    // A screen is a route of its own: what two screens share lives in components/.
    files: ['renderer/screens/**/*.{ts,tsx}'],
    rules: layer([
      { group: [...NODE, 'pg', 'fastify'], message: 'The renderer talks to the back end only through the typed API (renderer/api/client.ts).' },
      { group: ['**/electron/**', '**/server/**', '**/bin/**'], message: 'The renderer imports only shared/ and its own files.' },
      { group: ['./*Screen', './*Screen.tsx'], message: 'A screen does not import another screen: move what they share to renderer/components/.' },
    ]),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: layer([{ group: ['**/renderer/**', '**/server/**', '**/bin/**'], message: 'The back end imports only shared/ and its own modules.' }]),
  },
  {
    files: ['electron/unlock/**/*.{ts,tsx}'],
    rules: layer([{ group: ['**/server/**', '**/bin/**'], message: 'The unlock page imports only shared/ and the renderer.' }]),
  },
  {
    files: ['server/**/*.ts'],
    rules: layer([{ group: ['**/electron/**', '**/renderer/**', '**/bin/**'], message: 'The sync server imports only shared/.' }]),
  },
  {
    files: ['bin/**/*.ts'],
    rules: layer([{ group: ['**/renderer/**'], message: 'The command line runs the back end, never the UI code.' }]),
  },
);
