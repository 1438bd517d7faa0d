import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The screens' words (renderer/locales) in both languages: a key missing in one shows its bare name on screen.
// English adds plural forms (_one, _other) where Japanese has one word, so keys compare without them.

const LOCALES = path.resolve(import.meta.dirname, '../../renderer/locales');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix === '' ? key : `${prefix}.${key}`));
}

function namespace(language: string, file: string): string[] {
  return [...new Set(keys(JSON.parse(fs.readFileSync(path.join(LOCALES, language, file), 'utf8'))))].sort();
}

describe('screen locales', () => {
  it('has the same namespaces in Japanese and English', () => {
    expect(fs.readdirSync(path.join(LOCALES, 'en')).sort()).toEqual(fs.readdirSync(path.join(LOCALES, 'ja')).sort());
  });

  it.each(fs.readdirSync(path.join(LOCALES, 'ja')))('%s: has the same keys in both languages, plural forms aside', (file) => {
    expect(namespace('en', file)).toEqual(namespace('ja', file));
  });
});
