import { countryByIso2 } from './reference/countries';
import { sectorByCode } from './reference/sectors';

/** What separates a title's first words from the rest: spaces (also full-width) and a colon. */
const SEPARATOR = /^[\s\u3000:：]+/u;

/**
 * `text` without the first of `words` it starts with, when that is a whole word (the end, a separator or a closing
 * 】 follows), and without the separator after it; null when it starts with none of them.
 */
function withoutLeading(text: string, words: string[]): string | null {
  for (const word of words) {
    if (word === '' || text.slice(0, word.length).toLowerCase() !== word.toLowerCase()) continue;
    const rest = text.slice(word.length);
    if (rest === '' || SEPARATOR.test(rest) || word.endsWith('】')) return rest.replace(SEPARATOR, '');
  }
  return null;
}

export interface DossierHeadline {
  /** What was left out of the title at its start (「ベトナム 郵便: 」), for screen readers; '' when nothing was. */
  omitted: string;
  /** The title without the country and sector the row already shows. */
  title: string;
  /** The case's summary, when the title does not already say it; else null. */
  summary: string | null;
}

/**
 * What the row of a case shows in the matrix of one country's dossier, whose rows already name the country (the
 * dossier's) and the sector (a column of its own). Imported titles read 「ベトナム 郵便: 区分機」, of which only
 * 「区分機」 is news there. A leading name of the country (also as 【ベトナム】), then the case's sector, are left
 * out only as whole words: 「ベトナム 郵便区分機」 keeps 「郵便区分機」. A title that would be left empty keeps
 * what it had before the last cut. An import shortens a long summary in the title to its first 40 characters and
 * 「…」; then the whole summary is the title.
 */
export function dossierHeadline(c: { title: string; summary: string; sector: string; sectorLabel: string }, country: string): DossierHeadline {
  const place = countryByIso2(country);
  const countryWords = place ? [place.ja, place.en, `【${place.ja}】`] : [country];
  const sector = sectorByCode(c.sector);
  // Longer names first, so 放送システム/放送利用システム is not cut as 放送システム.
  const sectorWords = [c.sectorLabel, sector?.ja ?? '', sector?.en ?? ''].sort((a, b) => b.length - a.length);

  const whole = c.title.trim();
  let title = whole;
  const withoutCountry = withoutLeading(title, countryWords);
  if (withoutCountry) title = withoutCountry;
  const withoutSector = withoutLeading(title, sectorWords);
  if (withoutSector) title = withoutSector;
  const omitted = whole.slice(0, whole.length - title.length);

  const summary = c.summary.trim();
  if (summary === '' || title.includes(summary)) return { omitted, title, summary: null };
  if (title.endsWith('…') && summary.startsWith(title.slice(0, -1))) return { omitted, title: summary, summary: null };
  return { omitted, title, summary };
}
