import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema } from './ids';
import { scopeSchema } from './scope';

// 展開実施プラン: a light deployment plan per case, followed up afterwards. Its parts are records of their own (plans,
// indicators, indicator_periods, hurdles, plan_revisions), each scoped, logged field by field and synced; every one
// names its case (caseId), and is never visible where its case is not (親子, as a stage event).

/** 資金スキーム: how the project could be financed. */
export const FINANCING_SCHEMES = ['jica_loan', 'jica_grant', 'jica_technical', 'jbic', 'nexi', 'jict', 'join', 'adb', 'world_bank', 'jcm', 'other'] as const;
export type FinancingScheme = (typeof FINANCING_SCHEMES)[number];
/** 検討 / 申請 / 承諾 / 不採択 */
export const FINANCING_STATUSES = ['considering', 'applied', 'approved', 'rejected'] as const;
export type FinancingStatus = (typeof FINANCING_STATUSES)[number];

export const PARTNER_ORIGINS = ['domestic', 'foreign'] as const;

export const partnerSchema = z.object({
  name: z.string().min(1).max(500),
  /** 国内 or 海外 */
  origin: z.enum(PARTNER_ORIGINS),
  organisation: z.string().max(500),
  role: z.string().max(2000),
});
export type Partner = z.infer<typeof partnerSchema>;

export const financingOptionSchema = z.object({
  scheme: z.enum(FINANCING_SCHEMES),
  status: z.enum(FINANCING_STATUSES),
  note: z.string().max(2000),
  /** The support scheme (支援ツール) this option is, where the store holds it; options written before schemes were kept have none. */
  schemeId: idSchema.nullable().optional(),
});
export type FinancingOption = z.infer<typeof financingOptionSchema>;

/** The fields a person may set from text (the command line): each read by its own rule in electron/services/plans.ts. */
export const PLAN_TEXT_FIELDS = ['counterpartNeeds', 'pathToOrder', 'problem', 'partners', 'financing', 'noIndicatorsReason', 'noHurdlesReason', 'followUpDate', 'scope'] as const;
export type PlanTextField = (typeof PLAN_TEXT_FIELDS)[number];

/**
 * One per case: its id derives from the case's (planIdOf), so two devices that start a case's plan offline write one
 * plan, merged field by field.
 */
export const planSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  /** 相手国の状況・ニーズ */
  counterpartNeeds: z.string(),
  /** 受注に至る過程 */
  pathToOrder: z.string(),
  /** 解決すべき社会経済的課題 */
  problem: z.string(),
  partners: z.array(partnerSchema).max(200),
  financing: z.array(financingOptionSchema).max(50),
  /** Why the plan has no indicators, where it has none (the plan asks for a reason). */
  noIndicatorsReason: z.string(),
  /** Why the plan names no external hurdles (外的事情), where it names none. */
  noHurdlesReason: z.string(),
  /** When the plan is next followed up; an earlier one is overdue. */
  followUpDate: karteDateSchema.nullable(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Plan = z.infer<typeof planSchema>;

export const INDICATOR_LEVELS = ['output', 'outcome', 'impact'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];
/** 社会貢献 or 経済効果 */
export const INDICATOR_KINDS = ['social', 'economic'] as const;
export const INDICATOR_MEASURES = ['number', 'percent', 'qualitative'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** A number for a number or % measure, words for a qualitative one. */
export const indicatorValueSchema = z.union([z.number().finite(), z.string().max(10_000)]);
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const INDICATOR_TEXT_FIELDS = [
  'level',
  'statement',
  'kind',
  'unit',
  'measure',
  'direction',
  'cumulative',
  'baseline',
  'baselineDate',
  'verification',
  'projectKpi',
  'scope',
] as const;
export type IndicatorTextField = (typeof INDICATOR_TEXT_FIELDS)[number];

/** An indicator of the plan's logical framework (after IATI results and TolaData). */
export const indicatorSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  level: z.enum(INDICATOR_LEVELS),
  statement: z.string().min(1).max(10_000),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.string().max(200),
  measure: z.enum(INDICATOR_MEASURES),
  direction: z.enum(INDICATOR_DIRECTIONS),
  /** Its actuals add up from period to period; each period's target is the running total aimed at. */
  cumulative: z.boolean(),
  /** null: not available (把握できていない). */
  baseline: indicatorValueSchema.nullable(),
  baselineDate: karteDateSchema.nullable(),
  /** 指標の入手手段 */
  verification: z.string(),
  /**
   * The numeric target of its case's priority project (1: the first the project lists) its actuals count toward: the
   * project's page adds up the indicators that say so.
   */
  projectKpi: z.number().int().min(1).max(9).nullable(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const PERIOD_TEXT_FIELDS = ['target', 'revisedTarget', 'actual', 'comment', 'evidence'] as const;
export type PeriodTextField = (typeof PERIOD_TEXT_FIELDS)[number];

/**
 * An indicator's values for one period (a 年度 by default). Its id derives from the indicator and the period
 * (periodIdOf), so two devices entering the same period write one record.
 */
export const indicatorPeriodSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  indicatorId: idSchema,
  period: karteDateSchema,
  target: indicatorValueSchema.nullable(),
  /** A revised target is kept beside the original, never over it. */
  revisedTarget: indicatorValueSchema.nullable(),
  actual: indicatorValueSchema.nullable(),
  comment: z.string(),
  evidence: z.string(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type IndicatorPeriod = z.infer<typeof indicatorPeriodSchema>;

export const HURDLE_STATUSES = ['open', 'resolved'] as const;

/** What is done about a hurdle, and by whom. */
export const measureSchema = z.object({ text: z.string().min(1).max(5000), actor: z.string().max(500) });
export type Measure = z.infer<typeof measureSchema>;

export const HURDLE_TEXT_FIELDS = ['description', 'since', 'counterpart', 'status', 'scope'] as const;
export type HurdleTextField = (typeof HURDLE_TEXT_FIELDS)[number];

/** 外的事情: an external hurdle on the way to the order. */
export const hurdleSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  description: z.string().min(1).max(10_000),
  since: karteDateSchema.nullable(),
  /** The counterpart involved (相手国政府機関など). */
  counterpart: z.string(),
  measures: z.array(measureSchema).max(100),
  status: z.enum(HURDLE_STATUSES),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Hurdle = z.infer<typeof hurdleSchema>;

/** What a revision keeps: the plan with its live indicators (each with its periods) and hurdles as they stood. */
export const planContentSchema = z.object({
  plan: planSchema.omit({ id: true, caseId: true, deleted: true }),
  indicators: z.array(
    indicatorSchema.omit({ caseId: true, deleted: true }).extend({ periods: z.array(indicatorPeriodSchema.omit({ caseId: true, indicatorId: true, deleted: true })) }),
  ),
  hurdles: z.array(hurdleSchema.omit({ caseId: true, deleted: true })),
});
export type PlanContent = z.infer<typeof planContentSchema>;

/** A plan saved as a revision (改訂): what it held, who saved it and when. Never edited; it may be deleted. */
export const planRevisionSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  label: z.string().max(500),
  /** ISO time of saving. */
  savedAt: z.string(),
  savedBy: z.string(),
  content: planContentSchema,
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type PlanRevision = z.infer<typeof planRevisionSchema>;
