import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/** トップセールス, 官民ミッション, 政策対話, or another kind of visit. */
export const VISIT_KINDS = ['top_sales', 'public_private_mission', 'policy_dialogue', 'other'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** A member of the Japanese delegation; level as written (大臣, 副大臣, 政務官 …). */
export const delegateSchema = z.object({ name: z.string(), title: z.string(), level: z.string() });
export type Delegate = z.infer<typeof delegateSchema>;

/** Someone the delegation met on the other side. */
export const counterpartSchema = z.object({ name: z.string(), title: z.string(), organisation: z.string() });
export type Counterpart = z.infer<typeof counterpartSchema>;

/** A visit to a country; what came of it is recorded afterwards as events on its linked cases. */
export const visitSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  kind: z.enum(VISIT_KINDS),
  country: iso2Schema,
  /** Any precision, a range included (2021-05-10～2021-05-12). */
  dates: karteDateSchema,
  delegation: z.array(delegateSchema),
  counterparts: z.array(counterpartSchema),
  objectives: z.string(),
  /** 要望: what the delegation asks of the counterpart. */
  asks: z.string(),
  caseIds: z.array(idSchema),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Visit = z.infer<typeof visitSchema>;
