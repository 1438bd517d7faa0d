import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

export const CASE_STATUSES = ['active', 'won', 'on_hold', 'dropped'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Narrative fields that may hold a translation beside the Japanese text (briefing packs in English and more). */
export const TRANSLATABLE_CASE_FIELDS = ['summary', 'futurePolicy', 'financing', 'outcomeFraming', 'effectExamples', 'nextSteps', 'talkingPoints'] as const;
export type TranslatableCaseField = (typeof TRANSLATABLE_CASE_FIELDS)[number];

/**
 * Per-field translations by language code (ISO 639-1, e.g. en, vi): { en: { summary: '…' } }. One value for the
 * whole object, so it syncs as one field.
 */
export const caseTranslationsSchema = z.record(z.string().regex(/^[a-z]{2}$/), z.partialRecord(z.enum(TRANSLATABLE_CASE_FIELDS), z.string().max(100_000)));
export type CaseTranslations = z.infer<typeof caseTranslationsSchema>;

/**
 * The fields a person may set from text (the command line, a table cell): each read by its own rule in the back end
 * (electron/services/cases.ts), e.g. countries from 'VN, LA' or names, a date from 2021年4月.
 */
export const CASE_TEXT_FIELDS = [
  'title',
  'summary',
  'sector',
  'sectorLabel',
  'status',
  'futurePolicy',
  'financing',
  'nextAction',
  'nextActionDate',
  'notes',
  'region',
  'scope',
  'priority',
  'project',
  'countries',
  'companies',
  'competitors',
  'ownerOrg',
  'sdgGoals',
  'outcomeFraming',
  'effectExamples',
  'nextSteps',
  'talkingPoints',
  'translations',
] as const;
export type CaseTextField = (typeof CASE_TEXT_FIELDS)[number];

/** 持続可能な開発目標 (SDGs) goal number, 1–17. */
export const sdgGoalSchema = z.number().int().min(1).max(17);

/** 案件: in principle one sector in one country, but it may concern several countries or none yet. */
export const caseSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  countries: z.array(iso2Schema),
  /** The region a case belongs to before it is tied to a country (e.g. 中南米); free text as in the source. */
  region: z.string(),
  /** Code from the sector vocabulary (resources/reference/sectors.json). */
  sector: z.string().min(1),
  /** The sector label as written in the source (分野). */
  sectorLabel: z.string(),
  summary: z.string(),
  status: z.enum(CASE_STATUSES),
  /** 今後の方針 */
  futurePolicy: z.string(),
  ownerOrg: idSchema.nullable(),
  /** A priority case (にいまる), with or without a link to one of the 20 projects. */
  priority: z.boolean(),
  /** The priority project (「20(にいまる)」, 1–20: shared/reference/priority-projects.ts) the case belongs to, as a person confirmed it. */
  project: z.number().int().min(1).max(20).nullable(),
  companies: z.array(z.string()),
  competitors: z.array(z.string()),
  financing: z.string(),
  relatedCases: z.array(idSchema),
  nextAction: z.string(),
  nextActionDate: karteDateSchema.nullable(),
  notes: z.string(),
  // What a briefing pack says about the case; empty until someone writes it.
  sdgGoals: z.array(sdgGoalSchema),
  /** Outputs framed as development outcomes: not only "alert issued 10 minutes sooner" but "fewer disaster casualties". */
  outcomeFraming: z.string(),
  /** 効果の見える化: concrete examples of the effect. */
  effectExamples: z.string(),
  nextSteps: z.string(),
  talkingPoints: z.string(),
  translations: caseTranslationsSchema,
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Case = z.infer<typeof caseSchema>;

/**
 * A narrative field in a language: its translation where there is one, else the Japanese text, with `original`
 * set so the reader can be told the text was not translated.
 */
export function caseText(c: Case, field: TranslatableCaseField, lang: string): { text: string; original: boolean } {
  const japanese = c[field];
  if (lang === 'ja') return { text: japanese, original: false };
  const translated = c.translations[lang]?.[field];
  if (translated !== undefined && translated.trim() !== '') return { text: translated, original: false };
  return { text: japanese, original: japanese.trim() !== '' };
}

/** The translations with one field's text in one language set; an empty text removes it, so the original shows. */
export function withTranslation(translations: CaseTranslations, lang: string, field: TranslatableCaseField, text: string): CaseTranslations {
  const { [field]: _removed, ...others } = translations[lang] ?? {};
  const fields = text.trim() === '' ? others : { ...others, [field]: text };
  const { [lang]: _old, ...otherLanguages } = translations;
  return Object.keys(fields).length === 0 ? otherLanguages : { ...otherLanguages, [lang]: fields };
}
