import { z } from 'zod';
import { PHASES } from '../phases';
import { karteDateSchema } from '../dates';
import { idSchema } from './ids';
import { scopeSchema } from './scope';

/** The fields a person may set from text (the command line, a table cell), each read by its own rule in the back end. */
export const EVENT_TEXT_FIELDS = ['phase', 'date', 'text', 'organisation', 'signatoryLevel', 'source', 'scope'] as const;
export type EventTextField = (typeof EVENT_TEXT_FIELDS)[number];

/** One dated step of a case's history; the list of a case's events is its timeline. */
export const stageEventSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  phase: z.enum(PHASES),
  date: karteDateSchema,
  text: z.string().min(1),
  /** Who acted: organisation name as written. */
  organisation: z.string(),
  /** Level of the signatories or meeting, such as 大臣間, 副大臣間, 局長間. */
  signatoryLevel: z.string(),
  source: z.string(),
  /** The visit whose outcome this event records (the visit screen lists them); null for any other event. */
  visitId: idSchema.nullable(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type StageEvent = z.infer<typeof stageEventSchema>;
