import { z } from 'zod';
import { karteDateSchema } from '../dates';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/** The facts of 国情 a dossier usually keeps, in the order a pack prints them; 'other' is labelled by the user. */
export const COUNTRY_FACT_KINDS = ['capital', 'population', 'area', 'gdp', 'gdpPerCapita', 'growth', 'headOfState', 'headOfGovernment', 'language', 'currency', 'other'] as const;
export type CountryFactKind = (typeof COUNTRY_FACT_KINDS)[number];

/** 国情: one fact of a country's basic data as a user keeps it on the dossier, with where it comes from and as of when. */
export const countryFactSchema = z.object({
  id: idSchema,
  country: iso2Schema,
  kind: z.enum(COUNTRY_FACT_KINDS),
  /** The label of an 'other' fact (e.g. 宗教); '' for the kinds that have their own. */
  label: z.string(),
  /** As written: 約9,946万人, US$4,088億. */
  value: z.string().min(1),
  /** 出典, e.g. 世界銀行, 外務省 国・地域情報. */
  source: z.string(),
  /** The date the figure is as of (2023年). */
  asOf: karteDateSchema,
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type CountryFact = z.infer<typeof countryFactSchema>;
