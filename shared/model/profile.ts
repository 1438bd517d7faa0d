import { z } from 'zod';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/**
 * 先方要人: a person on the counterpart's side the delegation meets, kept once per country and linked to the visits
 * where they were met. Previous meetings are also found from the visits' counterparts and the events by name.
 */
export const profileSchema = z.object({
  id: idSchema,
  country: iso2Schema,
  /** As written in the counterpart's language (Nguyễn Mạnh Hùng). */
  name: z.string().min(1),
  /** In Japanese (グエン・マイン・フン). */
  nameJa: z.string(),
  title: z.string(),
  organisation: z.string(),
  /** 経歴: career notes, one step per line. */
  career: z.string(),
  notes: z.string(),
  /** The visits where the person was met. */
  visitIds: z.array(idSchema),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;
