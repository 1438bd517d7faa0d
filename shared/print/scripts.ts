// The scripts of counterparts' languages that the bundled Noto Sans JP has no glyphs for (Vietnamese is Latin, and
// prints in it). Each prints in a Noto font of its own, bundled too, so a pack prints alike on a machine without
// them; a document names and loads only the fonts of the scripts its text is written in.

export const SCRIPTS = ['thai', 'lao', 'khmer', 'myanmar', 'arabic'] as const;
export type Script = (typeof SCRIPTS)[number];

/** Each script's bundled font, by the family its @fontsource package declares. */
export const SCRIPT_FONT_FAMILIES: Record<Script, string> = {
  thai: 'Noto Sans Thai',
  lao: 'Noto Sans Lao',
  khmer: 'Noto Sans Khmer',
  myanmar: 'Noto Sans Myanmar',
  arabic: 'Noto Sans Arabic',
};

// The Unicode blocks of each script, presentation forms included (text pasted from a PDF often holds them). Arabic's
// block of presentation forms B ends before U+FEFF, the byte order mark that any pasted text may start with.
const SCRIPT_CHARACTERS: Record<Script, RegExp> = {
  thai: /[\u0E00-\u0E7F]/,
  lao: /[\u0E80-\u0EFF]/,
  khmer: /[\u1780-\u17FF\u19E0-\u19FF]/,
  myanmar: /[\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F]/,
  arabic: /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/,
};

/** The scripts `text` is partly written in, of those with a bundled font of their own. */
export function scriptsIn(text: string): Script[] {
  return SCRIPTS.filter((script) => SCRIPT_CHARACTERS[script].test(text));
}

/** The font-family list of a document: the Japanese font first (it holds Latin too), then the scripts' own. */
export function fontStack(scripts: readonly Script[]): string {
  return ["'Noto Sans JP'", ...scripts.map((script) => `'${SCRIPT_FONT_FAMILIES[script]}'`), 'sans-serif'].join(', ');
}

// Languages written right to left, by ISO 639-1 code: Arabic, Divehi, Persian, Hebrew, Pashto, Sindhi, Uyghur,
// Urdu, Yiddish.
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Whether text in the language `lang` (ISO 639-1) runs right to left. */
export function isRightToLeft(lang: string): boolean {
  return RIGHT_TO_LEFT.has(lang);
}
