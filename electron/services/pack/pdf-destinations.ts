// Where the named destinations of a PDF that Chromium wrote land: the pages a pack's contents link to. Chromium
// (Skia) writes a classic cross-reference table, the catalog's /Dests dictionary (name → [page /XYZ …]) and a
// page tree of plain dictionaries, so reading those few objects needs no PDF library.

function xrefOffsets(text: string): Map<number, number> {
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) throw new Error('the printed PDF has no startxref');
  const at = Number(startxref[1]);
  if (!text.startsWith('xref', at)) throw new Error('the printed PDF has no cross-reference table');
  const offsets = new Map<number, number>();
  const lines = text
    .slice(at + 4, text.indexOf('trailer', at))
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  let next = 0;
  for (const line of lines) {
    const section = /^(\d+) \d+$/.exec(line);
    if (section) {
      next = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) \d{5} ([nf])$/.exec(line);
    if (!entry) throw new Error(`the printed PDF has a broken cross-reference entry '${line}'`);
    if (entry[2] === 'n') offsets.set(next, Number(entry[1]));
    next++;
  }
  return offsets;
}

function reference(dictionary: string, key: string): number | null {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
  return found ? Number(found[1]) : null;
}

/** A PDF name with its #xx escapes decoded (UTF-8 bytes). */
function decodeName(name: string): string {
  return Buffer.from(
    name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** Each named destination of the PDF with the number (1-based) of the page it points to. */
export function namedDestinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf).toString('latin1');
  const offsets = xrefOffsets(text);
  const object = (num: number): string => {
    const at = offsets.get(num);
    if (at === undefined) throw new Error(`the printed PDF has no object ${num}`);
    return text.slice(at, text.indexOf('endobj', at));
  };
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = reference(trailer, 'Root');
  if (root === null) throw new Error('the printed PDF has no catalog');
  const catalog = object(root);

  const pageNumbers = new Map<number, number>();
  const walk = (num: number): void => {
    const node = object(num);
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(kid[1]));
    } else {
      pageNumbers.set(num, pageNumbers.size + 1);
    }
  };
  const pagesRoot = reference(catalog, 'Pages');
  if (pagesRoot === null) throw new Error('the printed PDF has no page tree');
  walk(pagesRoot);

  const destsRef = reference(catalog, 'Dests');
  const dests = destsRef !== null ? object(destsRef) : (/\/Dests\s*<<([^]*?)>>/.exec(catalog)?.[1] ?? '');
  const pages = new Map<string, number>();
  for (const [, name, page] of dests.matchAll(/\/((?:[^\s/[\]<>(){}%#]|#[0-9A-Fa-f]{2})+)\s*\[\s*(\d+)\s+\d+\s+R/g)) {
    const number = pageNumbers.get(Number(page));
    if (number !== undefined) pages.set(decodeName(name), number);
  }
  return pages;
}
