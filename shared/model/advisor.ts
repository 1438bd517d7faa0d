import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/**
 * アドバイザー (the platform's advisor system): a person with experience abroad who advises members, with their
 * fields, countries and languages, from registration to removal. How to reach them is an AdvisorContact of its own,
 * since it is shared more narrowly (government or council) than the advisor.
 */
export const advisorSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** Where they work or worked (元JICA専門家 …). */
  affiliation: z.string(),
  /** Codes from the sector vocabulary. */
  sectors: z.array(z.string()),
  countries: z.array(iso2Schema),
  /** Languages as written (ベトナム語, 英語). */
  languages: z.array(z.string()),
  /** 実績: their experience abroad as written. */
  experience: z.string(),
  registeredOn: karteDateSchema,
  /** null while registered. */
  removedOn: karteDateSchema.nullable(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Advisor = z.infer<typeof advisorSchema>;

/** How to reach an advisor (mail, telephone, the office that arranges it), scoped to government or council. */
export const advisorContactSchema = z.object({
  id: idSchema,
  advisorId: idSchema,
  contact: z.string().min(1),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type AdvisorContact = z.infer<typeof advisorContactSchema>;
