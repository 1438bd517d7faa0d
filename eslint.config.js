import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'better-sqlite3', message: 'Use better-sqlite3-multiple-ciphers (encryption at rest).' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3*', 'react', 'react-dom'], message: 'shared/ is pure: no Node, DOM-framework or database imports.' },
            { group: ['../electron/*', '../renderer/*', '../server/*', '../../electron/*', '../../renderer/*', '../../server/*'], message: 'shared/ imports nothing above it.' },
          ],
        },
      ],
    },
  },
);
