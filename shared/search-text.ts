// Japanese has no spaces between words and dossier searches are often two characters (覚書, 郵便, 消防), which
// SQLite's trigram tokenizer cannot find. So every text is indexed as overlapping character bigrams, and a query
// becomes a phrase of its bigrams: a match is a substring match, in any script, at any length from two up.

const RUN = /[\p{L}\p{N}]+/gu;

/** NFKC folds full-width letters and digits and half-width katakana; lower case folds Latin. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function runsOf(text: string): string[] {
  return foldText(text).match(RUN) ?? [];
}

/** A surrogate: only a run holding one has characters that are two UTF-16 units long. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Adds a run's bigrams to `grams` (a run of one character: that character). */
function addBigrams(run: string, grams: string[]): string[] {
  // Split into characters only where a surrogate needs it: spreading every run, and a flatMap over them, made
  // indexing the slowest part of storing a synced record.
  const chars = SURROGATE.test(run) ? [...run] : run;
  if (chars.length === 1) grams.push(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

const SPACE = 0x20;
const utf16 = new TextDecoder('utf-16le');

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
let wordUnitTable: Uint8Array | undefined;

/** 1 for each UTF-16 code unit that is a letter or digit by itself (no surrogate is); made on first use, in 8 ms. */
function wordUnits(): Uint8Array {
  if (wordUnitTable === undefined) {
    wordUnitTable = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) if (LETTER_OR_DIGIT.test(String.fromCharCode(unit))) wordUnitTable[unit] = 1;
  }
  return wordUnitTable;
}

/** The indexed form of a text: its bigrams separated by spaces. */
export function indexGrams(text: string): string {
  const folded = foldText(text);
  // Characters two units long are rare: a text holding one is taken run by run.
  if (SURROGATE.test(folded)) return (folded.match(RUN) ?? []).flatMap((run) => addBigrams(run, [])).join(' ');
  // One pass over the code units, written into one buffer and decoded once: a string per bigram (a case holds
  // thousands), and then a string per run, made indexing the costliest part of storing a record after the database's.
  const word = wordUnits();
  const units = new Uint16Array(3 * folded.length);
  let end = 0;
  let run = 0;
  for (let i = 0; i <= folded.length; i++) {
    const unit = i < folded.length ? folded.charCodeAt(i) : SPACE;
    if (word[unit] === 1) {
      if (run > 0) {
        units[end++] = folded.charCodeAt(i - 1);
        units[end++] = unit;
        units[end++] = SPACE;
      }
      run++;
      continue;
    }
    // A run of one character is indexed as that character.
    if (run === 1) {
      units[end++] = folded.charCodeAt(i - 1);
      units[end++] = SPACE;
    }
    run = 0;
  }
  // Without the last separator.
  return utf16.decode(units.subarray(0, Math.max(0, end - 1)));
}

/**
 * The FTS5 MATCH expression for a query: every run of letters or digits must occur. Returns null when the query
 * has nothing to search for. A single character matches the bigrams it starts.
 */
export function matchExpression(query: string): string | null {
  const runs = runsOf(query);
  if (runs.length === 0) return null;
  // Tokens hold only letters and digits, so quoting them needs no escaping.
  return runs.map((run) => ([...run].length === 1 ? `"${run}"*` : `"${addBigrams(run, []).join(' ')}"`)).join(' AND ');
}

/** A short excerpt of `text` around the first place the query occurs, for result lists. */
export function excerpt(text: string, query: string, width = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const runs = runsOf(query);
  const folded = foldText(flat);
  const at = runs.length > 0 && folded.length === flat.length ? folded.indexOf(runs[0]) : -1;
  if (at < 0 || flat.length <= width) return flat.length <= width ? flat : `${flat.slice(0, width)}…`;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
