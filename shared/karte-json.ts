import { z } from 'zod';
import { isCalendarPoint } from './dates';
import { PHASES } from './phases';

// "karte JSON": one table of the 別表 海外展開カルテ概要版, as transcribed (resources/demo/README.md). Validated
// at the import boundary; the data is real and a little messy, so text fields take anything, including "".

const isoList = z.string().regex(/^([A-Z]{2}(\s*,\s*[A-Z]{2})*)?$/, 'expected ISO 3166-1 alpha-2 codes separated by commas, or ""');

export const karteEventSchema = z.object({
  phase: z.enum(PHASES),
  date: z
    .string()
    .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, { error: 'expected YYYY, YYYY-MM, YYYY-MM-DD or ""', abort: true })
    .refine((date) => date === '' || isCalendarPoint(date), { error: (issue) => `${String(issue.input)} is not a date`, params: { problem: 'impossible_date' } }),
  date_text: z.string(),
  text: z.string().trim().min(1, 'an event needs its text'),
});

export const karteCaseSchema = z.object({
  country: z.string(),
  country_iso2: isoList,
  sector: z.string(),
  summary: z.string(),
  events: z.array(karteEventSchema),
  future_policy: z.string(),
  notes: z.string(),
});

export const karteFileSchema = z.object({
  title: z.string().trim().min(1, 'the table needs its title'),
  region: z.string(),
  source: z.string(),
  cases: z.array(karteCaseSchema),
});

export type KarteFile = z.infer<typeof karteFileSchema>;
export type KarteCase = z.infer<typeof karteCaseSchema>;

export function isoCodesOf(field: string): string[] {
  return field
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}
