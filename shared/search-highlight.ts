import { foldText } from './search-text';

/** A piece of a text, `match` when it is where the query occurs. */
export interface TextPart {
  text: string;
  match: boolean;
}

const RUN = /[\p{L}\p{N}]+/gu;

/**
 * Cuts `text` into the places where the query's words occur and the rest, as search finds them: each run of
 * letters and digits of the query, folded as the index folds (full-width, half-width, case). Characters are folded
 * one by one so every folded character maps back to the character it came from.
 */
export function highlightParts(text: string, query: string): TextPart[] {
  const words = foldText(query).match(RUN) ?? [];
  if (words.length === 0 || text === '') return [{ text, match: false }];
  const chars = [...text];
  let folded = '';
  // origin[i]: the index in `chars` of the character folded[i] came from.
  const origin: number[] = [];
  chars.forEach((char, i) => {
    const fold = foldText(char);
    folded += fold;
    for (let k = 0; k < fold.length; k++) origin.push(i);
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      for (let k = at; k < at + word.length; k++) marked[origin[k]] = true;
    }
  }
  const parts: TextPart[] = [];
  chars.forEach((char, i) => {
    const last = parts.at(-1);
    if (last && last.match === marked[i]) last.text += char;
    else parts.push({ text: char, match: marked[i] });
  });
  return parts;
}
