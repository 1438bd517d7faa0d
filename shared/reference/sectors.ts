import data from '../../resources/reference/sectors.json' with { type: 'json' };
import type { LabelLanguage } from '../labels';

export interface Sector {
  code: string;
  ja: string;
  en: string;
  aliases: string[];
}

/** The sector vocabulary (分野) of the action plan. */
export const SECTORS: readonly Sector[] = data.sectors;
export const OTHER_SECTOR = 'other';

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const ALIASES = SECTORS.flatMap((s) => [s.code, s.ja, s.en, ...s.aliases].map((alias) => ({ alias: fold(alias), code: s.code }))).sort((a, b) => b.alias.length - a.alias.length);

/** Latin aliases match whole words only, so 'ai' does not match inside 'detail'. */
function contains(text: string, alias: string): boolean {
  if (!/^[a-z0-9 -]+$/.test(alias)) return text.includes(alias);
  return new RegExp(`(^|[^a-z0-9])${alias}($|[^a-z0-9])`).test(text);
}

/**
 * Maps a free-text sector label (統計ICT, 放送システム/放送利用システム, デジタルガバメント(電子政府)) onto the
 * vocabulary: an exact name or alias first, else the longest alias the label contains, else 'other'.
 */
export function sectorOfLabel(label: string): string {
  const text = fold(label);
  if (text === '') return OTHER_SECTOR;
  const exact = ALIASES.find((a) => a.alias === text);
  if (exact) return exact.code;
  return ALIASES.find((a) => contains(text, a.alias))?.code ?? OTHER_SECTOR;
}

/**
 * Every sector a text names (a project's description: 水道公社への高効率ポンプの導入), in the vocabulary's order.
 * The longest aliases are read first and taken out of the text, so 上下水道 is not read again as 水道's shorter kin;
 * 'other' is never named.
 */
export function sectorsInText(text: string): string[] {
  let rest = fold(text);
  const found = new Set<string>();
  for (const { alias, code } of ALIASES) {
    if (code === OTHER_SECTOR || !contains(rest, alias)) continue;
    found.add(code);
    rest = rest.split(alias).join('\u0000');
  }
  return SECTORS.map((s) => s.code).filter((code) => found.has(code));
}

export function sectorByCode(code: string): Sector | undefined {
  return SECTORS.find((s) => s.code === code);
}

/** A case's sector for a reader: in Japanese the label its source wrote, else the vocabulary's; in English the vocabulary's. */
export function sectorName(code: string, label: string, language: LabelLanguage): string {
  if (language === 'ja') return label || sectorByCode(code)?.ja || code;
  return sectorByCode(code)?.en ?? label;
}
