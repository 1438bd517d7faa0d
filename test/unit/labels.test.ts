import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as labels from '../../shared/labels';
import { SIGNATORY_LEVELS } from '../../shared/agreement-suggestion';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../../shared/model/agreement';
import { CASE_STATUSES } from '../../shared/model/case';
import { COUNTRY_FACT_KINDS } from '../../shared/model/country-fact';
import { DIRECTION_FIELDS } from '../../shared/model/direction';
import { MATCH_LISTS } from '../../shared/council/matching';
import { OFFER_KINDS } from '../../shared/model/offer';
import { ORGANISATION_SIZES, ORGANISATION_TYPES } from '../../shared/model/organisation';
import { SCHEME_TYPES } from '../../shared/model/support-scheme';
import {
  FINANCING_SCHEMES,
  FINANCING_STATUSES,
  HURDLE_STATUSES,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  PARTNER_ORIGINS,
} from '../../shared/model/plan';
import { INDICATOR_STATUSES } from '../../shared/plan/indicator-status';
import { RECORD_TABLES } from '../../shared/model/records';
import { VISIT_KINDS } from '../../shared/model/visit';
import { PACK_SECTIONS } from '../../shared/pack/pack-input';
import { PHASES } from '../../shared/phases';
import { SECTORS } from '../../shared/reference/sectors';
import { SCOPES } from '../../shared/scopes';

// One source for the words of each code: shared/labels.ts for the domain's vocabularies, the reference data for
// sectors. The app, the command line and the packs read them there; a second table elsewhere is how they drifted.

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Each table of shared/labels.ts with the codes it names, and the sectors with theirs. */
const VOCABULARIES: [name: string, codes: readonly string[], table: Record<string, Partial<labels.Label>>][] = [
  ['PHASE_LABELS', PHASES, labels.PHASE_LABELS],
  ['SCOPE_LABELS', SCOPES, labels.SCOPE_LABELS],
  ['SCOPE_MARKINGS', SCOPES, labels.SCOPE_MARKINGS],
  ['CASE_STATUS_LABELS', CASE_STATUSES, labels.CASE_STATUS_LABELS],
  ['VISIT_KIND_LABELS', VISIT_KINDS, labels.VISIT_KIND_LABELS],
  ['AGREEMENT_KIND_LABELS', AGREEMENT_KINDS, labels.AGREEMENT_KIND_LABELS],
  ['AGREEMENT_STATUS_LABELS', AGREEMENT_STATUSES, labels.AGREEMENT_STATUS_LABELS],
  ['SIGNATORY_LEVEL_LABELS', SIGNATORY_LEVELS, labels.SIGNATORY_LEVEL_LABELS],
  ['ORGANISATION_TYPE_LABELS', ORGANISATION_TYPES, labels.ORGANISATION_TYPE_LABELS],
  ['ORGANISATION_SIZE_LABELS', ORGANISATION_SIZES, labels.ORGANISATION_SIZE_LABELS],
  ['SCHEME_TYPE_LABELS', SCHEME_TYPES, labels.SCHEME_TYPE_LABELS],
  ['OFFER_KIND_LABELS', OFFER_KINDS, labels.OFFER_KIND_LABELS],
  ['COUNTRY_FACT_KIND_LABELS', COUNTRY_FACT_KINDS, labels.COUNTRY_FACT_KIND_LABELS],
  ['DIRECTION_FIELD_LABELS', DIRECTION_FIELDS, labels.DIRECTION_FIELD_LABELS],
  ['MATCH_LIST_LABELS', MATCH_LISTS, labels.MATCH_LIST_LABELS],
  ['PACK_SECTION_LABELS', PACK_SECTIONS, labels.PACK_SECTION_LABELS],
  ['RECORD_KIND_LABELS', [...RECORD_TABLES, 'conflicts'], labels.RECORD_KIND_LABELS],
  ['FINANCING_SCHEME_LABELS', FINANCING_SCHEMES, labels.FINANCING_SCHEME_LABELS],
  ['FINANCING_STATUS_LABELS', FINANCING_STATUSES, labels.FINANCING_STATUS_LABELS],
  ['PARTNER_ORIGIN_LABELS', PARTNER_ORIGINS, labels.PARTNER_ORIGIN_LABELS],
  ['INDICATOR_LEVEL_LABELS', INDICATOR_LEVELS, labels.INDICATOR_LEVEL_LABELS],
  ['INDICATOR_KIND_LABELS', INDICATOR_KINDS, labels.INDICATOR_KIND_LABELS],
  ['INDICATOR_MEASURE_LABELS', INDICATOR_MEASURES, labels.INDICATOR_MEASURE_LABELS],
  ['INDICATOR_DIRECTION_LABELS', INDICATOR_DIRECTIONS, labels.INDICATOR_DIRECTION_LABELS],
  ['INDICATOR_STATUS_LABELS', INDICATOR_STATUSES, labels.INDICATOR_STATUS_LABELS],
  ['HURDLE_STATUS_LABELS', HURDLE_STATUSES, labels.HURDLE_STATUS_LABELS],
  ['sectors', SECTORS.map((s) => s.code), Object.fromEntries(SECTORS.map((s) => [s.code, s]))],
];

/** The source and locale files under a folder of the app, by path from the repository root. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
    return /\.(tsx?|json)$/.test(entry.name) ? [file] : [];
  });
}

const CODE = ['shared', 'renderer', 'electron', 'bin', 'server'].flatMap(sourceFiles).filter((file) => /\.tsx?$/.test(file) && file !== path.join('shared', 'labels.ts'));

/** Objects in a JSON value, with where they are. */
function jsonObjects(value: unknown, where: string): [string, Record<string, unknown>][] {
  if (typeof value !== 'object' || value === null) return [];
  const children = Object.entries(value).flatMap(([key, child]) => jsonObjects(child, `${where}.${key}`));
  return Array.isArray(value) ? children : [[where, value as Record<string, unknown>], ...children];
}

describe('labels', () => {
  it('lists every table of shared/labels.ts here', () => {
    expect(Object.keys(labels).sort()).toEqual(
      VOCABULARIES.filter(([name]) => name !== 'sectors')
        .map(([name]) => name)
        .sort(),
    );
  });

  it.each(VOCABULARIES)('%s: names every code, and only codes, in Japanese and English, no two codes alike', (_name, codes, table) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
    for (const language of ['ja', 'en'] as const) {
      expect(
        codes.filter((code) => !table[code]?.[language]?.trim()),
        `codes without ${language}`,
      ).toEqual([]);
      const words = codes.map((code) => table[code][language]);
      expect(
        words.filter((word, i) => words.indexOf(word) !== i),
        `${language} words for two codes`,
      ).toEqual([]);
    }
  });

  it('writes no code of a vocabulary with its words anywhere else in the app (a { ja, en } table)', () => {
    const codes = [...new Set(VOCABULARIES.flatMap(([, vocabulary]) => vocabulary))];
    const alternatives = codes.map((code) => code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const entry = new RegExp(`(?:^|[\\s,{])['"]?(${alternatives})['"]?\\s*:\\s*\\{\\s*['"]?(?:ja|en)['"]?\\s*:`, 'gm');
    const found = CODE.flatMap((file) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(entry)].map((m) => `${file}: ${m[1]}`));
    expect(found).toEqual([]);
  });

  it('keeps no table of a vocabulary in the locale files (objects keyed by its codes)', () => {
    const found = [path.join('renderer', 'locales'), path.join('shared', 'locales')]
      .flatMap(sourceFiles)
      .flatMap((file) =>
        jsonObjects(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')), file).flatMap(([where, object]) =>
          VOCABULARIES.filter(([, codes]) => Object.keys(object).length >= 2 && Object.keys(object).every((key) => codes.includes(key))).map(([name]) => `${where}: ${name}`),
        ),
      );
    expect(found).toEqual([]);
  });
});
