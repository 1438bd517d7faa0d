import { z } from 'zod';
import { idSchema } from './ids';
import { scopeSchema } from './scope';

/**
 * 想定問答: a question the counterpart (or the press) may put, with the answer the delegation gives. Kept on a case
 * or on a visit (exactly one of the two), scoped like any other entry: an answer may be for the government only.
 */
export const questionSchema = z.object({
  id: idSchema,
  caseId: idSchema.nullable(),
  visitId: idSchema.nullable(),
  question: z.string().min(1),
  answer: z.string(),
  /** Order within its case or visit, smallest first. */
  position: z.number().int(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Question = z.infer<typeof questionSchema>;
