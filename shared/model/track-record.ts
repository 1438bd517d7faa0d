import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/**
 * 海外展開実績: a project a member took abroad: where, when, under which scheme, and the case it became where there is
 * one. The case is named by relatedCaseId, not caseId, so the record is not a part of the case: a member's track
 * record stays the member's to share, whoever may see the case.
 */
export const trackRecordSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  project: z.string().min(1),
  country: iso2Schema,
  /** The city or site as written (ダナン, メトロセブ). */
  place: z.string(),
  date: karteDateSchema,
  /** The support scheme used, where it is a scheme the store holds; null otherwise. */
  schemeId: idSchema.nullable(),
  /** The scheme or grouping as the source writes it (JCM設備補助事業, YUSA, 大企業). */
  category: z.string(),
  /** Codes from the sector vocabulary. */
  sectors: z.array(z.string()),
  relatedCaseId: idSchema.nullable(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type TrackRecord = z.infer<typeof trackRecordSchema>;
