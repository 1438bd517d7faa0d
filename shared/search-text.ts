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

/** The indexed form of a text: its bigrams separated by spaces. */
export function indexGrams(text: string): string {
  // Written as UTF-16 code units into one buffer and decoded once: a string per bigram (a case holds thousands) made
  // indexing the costliest part of storing a synced record after the database's own work.
  const runs = runsOf(text);
  const units = new Uint16Array(runs.reduce((n, run) => n + 3 * run.length + 1, 0));
  let end = 0;
  const put = (piece: string) => {
    for (let i = 0; i < piece.length; i++) units[end++] = piece.charCodeAt(i);
    units[end++] = SPACE;
  };
  for (const run of runs) {
    if (run.length === 1 || SURROGATE.test(run)) put(addBigrams(run, []).join(' '));
    else
      for (let i = 0; i + 1 < run.length; i++) {
        units[end++] = run.charCodeAt(i);
        units[end++] = run.charCodeAt(i + 1);
        units[end++] = SPACE;
      }
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
