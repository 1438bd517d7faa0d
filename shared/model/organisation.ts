import { z } from 'zod';
import { idSchema } from './ids';
import { scopeSchema } from './scope';

export const ORGANISATION_TYPES = ['ministry', 'agency', 'fund', 'international', 'local_government', 'company', 'university', 'embassy', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Government and government-affiliated bodies see `government`-scope content; the type decides. */
export const GOVERNMENT_TYPES: readonly OrganisationType[] = ['ministry', 'agency', 'fund', 'local_government', 'embassy'];

export const organisationSchema = z.object({
  id: idSchema,
  nameJa: z.string().min(1),
  nameEn: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Organisation = z.infer<typeof organisationSchema>;
