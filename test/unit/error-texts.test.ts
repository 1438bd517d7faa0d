import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, IMPORT_PROBLEM_CODES, type ErrorEnvelope } from '../../shared/errors';
import { errorText, problemText } from '../../renderer/api/error-text';
import { labelResources } from '../../renderer/labels';

// Every error the back end can send has words in both languages, and those words are the user's: no code, no
// placeholder and no English developer text ends up on a Japanese screen.

// The screens' words, and the error codes' words (shared: the desktop app's start-up dialog speaks them too).
const LOCALES = [path.resolve(import.meta.dirname, '../../renderer/locales'), path.resolve(import.meta.dirname, '../../shared/locales')];
const ERROR_TEXTS = path.resolve(import.meta.dirname, '../../shared/locales');

async function translator(language: 'ja' | 'en'): Promise<TFunction> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const locales of LOCALES)
    for (const file of fs.readdirSync(path.join(locales, language)))
      resources[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(locales, language, file), 'utf8'));
  resources.labels = labelResources(language);
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { [language]: resources }, defaultNS: 'common', interpolation: { escapeValue: false } });
  return instance.t;
}

/** Details as the back end fills them for any code: every placeholder a text may use has a value. */
const DETAILS = {
  table: 'cases',
  record: 'a1b2',
  field: 'summary',
  params: {
    limitKiB: 256,
    text: '2020年13月',
    country: 'XX',
    author: 'tanaka',
    server: 'https://sync.example.jp',
    minutes: 15,
    status: 403,
    reason: 'as_of',
    name: 'x',
    file: 'karte.xlsx',
    sector: 'postal',
    region: 'asean',
  },
};

describe('error texts', () => {
  for (const language of ['ja', 'en'] as const) {
    it(`has a text in ${language} for every error code and import problem, with nothing left unfilled`, async () => {
      const t = await translator(language);
      for (const code of ERROR_CODES) {
        const envelope: ErrorEnvelope = { code, message: 'an English message for developers', details: DETAILS };
        const text = errorText(t, envelope);
        expect(text, code).not.toMatch(/\{\{|errors:|code\.|an English message/);
        expect(text.length, code).toBeGreaterThan(5);
        if (language === 'ja') expect(text, code).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      }
      for (const code of IMPORT_PROBLEM_CODES) {
        const text = problemText(t, {
          file: 'vn.json',
          where: 'cases[0]',
          code,
          params: {
            code: 'XX',
            date: '2020-02-30',
            of: 1,
            reason: 'ENOENT',
            issue: 'too_small',
            minimum: 1,
            origin: 'string',
            text: '2019年度末ごろ',
            case: 'c1',
            line: 4,
            column: 21,
          },
          message: 'English',
        });
        expect(text, code).not.toMatch(/\{\{|errors:|import\.|English/);
        if (language === 'ja') expect(text, code).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      }
    });
  }

  it('words each issue of a refused call by the field it names, in Japanese', async () => {
    const t = await translator('ja');
    const text = errorText(t, {
      code: 'invalid_record',
      message: 'cases x: title: Too small',
      details: {
        table: 'cases',
        record: 'x',
        issues: [{ code: 'too_small', path: ['title'], origin: 'string', minimum: 1, message: 'Too small: expected string to have >=1 characters' }],
      },
    });
    expect(text).toBe(`保存できませんでした。入力内容を確認してください。 「${t('case:fields.title')}」: 入力してください`);
  });

  it('names a sector and a region the back end sends by code in the user’s language, and an unknown code as typed', async () => {
    const exists = { code: 'direction_exists', message: 'x', details: { table: 'directions', field: 'sector', params: { sector: 'postal' } } } as const;
    expect(errorText(await translator('ja'), exists)).toMatch(/^郵便の方向性はすでにあります。/);
    expect(errorText(await translator('en'), exists)).toMatch(/direction for Postal/);
    expect(errorText(await translator('ja'), { code: 'unknown_region', message: 'x', details: { params: { region: 'atlantis' } } })).toMatch(/「atlantis」という地域/);
  });

  it('has the same keys in both languages', () => {
    const keys = (language: string) => {
      const flat = (value: unknown, prefix: string): string[] =>
        typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => flat(v, `${prefix}.${k}`)) : [prefix];
      return flat(JSON.parse(fs.readFileSync(path.join(ERROR_TEXTS, language, 'errors.json'), 'utf8')), 'errors').sort();
    };
    expect(keys('en')).toEqual(keys('ja'));
  });
});
