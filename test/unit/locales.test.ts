import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The screens' words (renderer/locales) in both languages: a key missing in one shows its bare name on screen.
// English adds plural forms (_one, _other) where Japanese has one word, so keys compare without them.

const LOCALES = path.resolve(import.meta.dirname, '../../renderer/locales');
/** The texts of errors and import problems, shared with the command line. */
const SHARED_LOCALES = path.resolve(import.meta.dirname, '../../shared/locales');

/** Every text of a locale file with its key. */
function texts(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([key, child]) => texts(child, prefix === '' ? key : `${prefix}.${key}`));
}

/** The language switch names English in English, whatever the language shown. */
const NOT_JAPANESE = new Set(['common.json language']);

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

  it.each([
    ...fs.readdirSync(path.join(LOCALES, 'ja')).map((file) => path.join(LOCALES, 'ja', file)),
    ...fs.readdirSync(path.join(SHARED_LOCALES, 'ja')).map((file) => path.join(SHARED_LOCALES, 'ja', file)),
  ])('%s: every Japanese text is in Japanese, not English developer text', (file) => {
    const english = texts(JSON.parse(fs.readFileSync(file, 'utf8')))
      .filter(([key]) => !NOT_JAPANESE.has(`${path.basename(file)} ${key}`))
      // What is left once the placeholders go: Japanese words, or only punctuation and numbers around placeholders.
      .map(([key, text]) => [key, text.replace(/\{\{[^}]+\}\}/g, '')])
      .filter(([, text]) => !/[ぁ-んァ-ヶー一-龠々]/.test(text) && /[A-Za-z]{2,}/.test(text));
    expect(english).toEqual([]);
  });
});
