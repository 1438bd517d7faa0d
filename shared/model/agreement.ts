import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/** 覚書 MoU, 協力覚書 MoC, 共同声明, E/N, MOA. */
export const AGREEMENT_KINDS = ['mou', 'moc', 'joint_statement', 'exchange_of_notes', 'moa', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
/** 協議中 / signed / 格上げ (upgraded to a higher-level agreement). */
export const AGREEMENT_STATUSES = ['negotiating', 'signed', 'upgraded'] as const;

export const agreementSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  kind: z.enum(AGREEMENT_KINDS),
  parties: z.array(z.string()),
  /** Level on each side, e.g. 大臣間. */
  signatoryLevel: z.string(),
  date: karteDateSchema,
  place: z.string(),
  subject: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  countries: z.array(iso2Schema),
  /** An agreement may serve several cases and is re-listed in every dossier of its countries. */
  caseIds: z.array(idSchema),
  scope: scopeSchema,
  /**
   * The timeline event the agreement was marked from (「協定として登録」: the event records its signing); null for one
   * entered on its own. Deleting the event deletes the agreement; an event has at most one.
   */
  eventId: idSchema.nullable(),
  deleted: z.boolean(),
});
export type Agreement = z.infer<typeof agreementSchema>;
