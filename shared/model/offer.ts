import { z } from 'zod';
import { idSchema } from './ids';
import { scopeSchema } from './scope';

/** 技術, 製品, サービス */
export const OFFER_KINDS = ['technology', 'product', 'service'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/**
 * What a council member offers abroad: a technology, product or service, with its sectors. Scoped on its own: a
 * company may keep a product internal and share another with the council.
 */
export const offerSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  kind: z.enum(OFFER_KINDS),
  name: z.string().min(1),
  description: z.string(),
  /** Codes from the sector vocabulary. */
  sectors: z.array(z.string()),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type Offer = z.infer<typeof offerSchema>;
