import { z } from 'zod';
import { idSchema, iso2Schema } from './ids';
import type { Scope } from '../scopes';

/**
 * A country's (or region's) dossier is one document for every organisation (its id derives from the country), so it
 * is never internal to one: an organisation that created it first could otherwise hide it from everyone else.
 */
export const DOSSIER_SCOPES = ['government', 'council', 'public'] as const satisfies readonly Scope[];

/** カルテ: the dossier of one country, or of a region for cases not yet tied to a country. */
export const dossierSchema = z.object({
  id: idSchema,
  country: iso2Schema.nullable(),
  /** Region label for a region dossier; '' for a country dossier. */
  region: z.string(),
  title: z.string().min(1),
  overview: z.string(),
  /** 二国間関係 */
  relations: z.string(),
  /** 展開方針 */
  policy: z.string(),
  /** Past ODA and support history. */
  supportHistory: z.string(),
  scope: z.enum(DOSSIER_SCOPES),
  deleted: z.boolean(),
});
export type Dossier = z.infer<typeof dossierSchema>;
