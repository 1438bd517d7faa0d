import { z } from 'zod';
import { idSchema } from './ids';
import { scopeSchema } from './scope';

export const ORGANISATION_TYPES = ['ministry', 'agency', 'fund', 'international', 'local_government', 'company', 'university', 'embassy', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Government and government-affiliated bodies see `government`-scope content; the type decides. */
export const GOVERNMENT_TYPES: readonly OrganisationType[] = ['ministry', 'agency', 'fund', 'local_government', 'embassy'];

export function isGovernmentAffiliated(type: OrganisationType): boolean {
  return GOVERNMENT_TYPES.includes(type);
}

/** 大企業, 中小企業, or not known. */
export const ORGANISATION_SIZES = ['large', 'sme', 'unknown'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

/** An organisation; one that is a member of the council (協議会会員) keeps its member profile here too. */
export const organisationSchema = z.object({
  id: idSchema,
  nameJa: z.string().min(1),
  nameEn: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  size: z.enum(ORGANISATION_SIZES),
  /** The ward or prefecture it is based in, as written (横浜市中区, 東京都). */
  location: z.string(),
  /** What it does, in a few lines, as the member writes it. */
  description: z.string(),
  /** A member of the council (デジタル海外展開プラットフォーム). */
  councilMember: z.boolean(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Organisation = z.infer<typeof organisationSchema>;
