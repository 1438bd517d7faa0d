import { z } from 'zod';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/** The parts of a 方向性 one-pager, in print order. */
export const DIRECTION_FIELDS = ['situation', 'strengths', 'pathToWin', 'bottlenecks', 'measures', 'target'] as const;
export type DirectionField = (typeof DIRECTION_FIELDS)[number];

/**
 * 方向性: the one-page line the government takes on one sector in one country (or a region, for a sector not yet tied
 * to a country): where things stand, what Japan brings, how an order is won, what stands in the way, what is done
 * about it, and the target.
 */
export const directionSchema = z.object({
  id: idSchema,
  /** null for a region's. */
  country: iso2Schema.nullable(),
  /** The region code for a region's (e.g. ASEAN); '' for a country's. */
  region: z.string(),
  /** Code from the sector vocabulary (resources/reference/sectors.json). */
  sector: z.string().min(1),
  /** 現状 */
  situation: z.string(),
  /** 我が国の強み */
  strengths: z.string(),
  /** 受注への道筋 */
  pathToWin: z.string(),
  /** ボトルネック */
  bottlenecks: z.string(),
  /** 対応策 */
  measures: z.string(),
  /** 目標 */
  target: z.string(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Direction = z.infer<typeof directionSchema>;
