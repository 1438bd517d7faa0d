import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

export const CASE_STATUSES = ['active', 'won', 'on_hold', 'dropped'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, { ja: string; en: string }> = {
  active: { ja: '進行中', en: 'Active' },
  won: { ja: '受注', en: 'Won' },
  on_hold: { ja: '保留', en: 'On hold' },
  dropped: { ja: '断念', en: 'Dropped' },
};

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
  /** One of the 20 priority projects (にいまる). */
  priority: z.boolean(),
  companies: z.array(z.string()),
  competitors: z.array(z.string()),
  financing: z.string(),
  relatedCases: z.array(idSchema),
  nextAction: z.string(),
  nextActionDate: karteDateSchema.nullable(),
  notes: z.string(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Case = z.infer<typeof caseSchema>;
