import { OTHER_SECTOR, SECTORS, sectorOfLabel } from '../reference/sectors';

// The council's sources write a scheme's sectors as their owners do (通信, 放送, 脱炭素, 医療健康 …). A word of one
// sector is read through the vocabulary's aliases (resources/reference/sectors.json); the words below stand for
// several sectors at once.

/** The vocabulary's sectors that are not ICT: the infrastructure fields the plan covers beside it. */
const NON_ICT_SECTORS = new Set(['transport', 'water', 'waste_to_energy', 'decarbonisation', OTHER_SECTOR]);

/**
 * ICT is every ICT sector named one by one, not [] (which means every sector): 総務省's ICT package does not fund a
 * water or waste case, and a scheme listed for one would be offered where it cannot help.
 */
const ICT_SECTORS = SECTORS.map((s) => s.code).filter((code) => !NON_ICT_SECTORS.has(code));

const WIDE_WORDS: Readonly<Record<string, readonly string[]>> = {
  ICT: ICT_SECTORS,
  // JICT's 通信 is the networks it invests in: mobile (5G), fixed backbones and submarine cables.
  通信: ['5g', 'broadband', 'submarine_cable'],
  // Its 放送 is the broadcasters themselves, their systems and the content they carry (Japanese channels abroad).
  放送: ['broadcasting', 'broadcast_content'],
};

function fold(word: string): string {
  return word.normalize('NFKC').trim().toUpperCase();
}

const WIDE = new Map(Object.entries(WIDE_WORDS).map(([word, codes]) => [fold(word), codes]));

/** The sector codes a source's sector words name, in the vocabulary's order; a word the vocabulary does not know names none. */
export function sectorsOfWords(words: readonly string[]): string[] {
  const named = new Set(
    words.flatMap((word) => {
      const wide = WIDE.get(fold(word));
      if (wide) return wide;
      const code = sectorOfLabel(word);
      return code === OTHER_SECTOR ? [] : [code];
    }),
  );
  return SECTORS.map((s) => s.code).filter((code) => named.has(code));
}
