import { z } from 'zod';
import { PHASES } from '../phases';
import { idSchema, iso2Schema } from './ids';
import { scopeSchema } from './scope';

/** 補助, 出資, 融資 … as the government bodies' schemes are kinds of help; loan_equity is 海外投融資 (both). */
export const SCHEME_TYPES = ['grant', 'subsidy', 'loan', 'equity', 'loan_equity', 'survey', 'technical_cooperation', 'insurance', 'network', 'other'] as const;
export type SchemeType = (typeof SCHEME_TYPES)[number];

/** 支援ツール: a government body's support scheme a council member may use to take a case abroad. */
export const supportSchemeSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** The body that runs it (総務省, JICA, JBIC …). */
  owner: z.string(),
  type: z.enum(SCHEME_TYPES),
  /** The deployment stages as its owner names them (案件発掘, 案件形成, 事業化 …). */
  stages: z.array(z.string()),
  /** The phases of a case it serves, read from its stages (shared/council/scheme-stages.ts); a person may correct them. */
  phases: z.array(z.enum(PHASES)),
  /** The sectors as its owner writes them (脱炭素, 省エネ, 廃棄物 …). */
  sectorLabels: z.array(z.string()),
  /** Those sectors in the sector vocabulary; [] for a scheme open to every sector. */
  sectors: z.array(z.string()),
  /** The countries it is limited to; [] when none are named (countriesText may still say more, as written). */
  countries: z.array(iso2Schema),
  /** The regions it is limited to (region codes, e.g. ASEAN); [] when none. */
  regions: z.array(z.string()),
  /** Eligible countries as the source writes them (JCMパートナー国 …). */
  countriesText: z.string(),
  /** 予算 per 年度, as written (令和4年度から3か年で171億円). */
  budget: z.string(),
  /** 条件: terms and conditions as written. */
  terms: z.string(),
  /** 公募時期 */
  applicationWindow: z.string(),
  contact: z.string(),
  source: z.string(),
  scope: scopeSchema,
  deleted: z.boolean(),
});
export type SupportScheme = z.infer<typeof supportSchemeSchema>;
