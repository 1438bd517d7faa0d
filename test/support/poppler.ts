import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// Packs are checked as their readers get them: the PDF's text through poppler's pdftotext, its pages as images.

export function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} not found: the pack tests need poppler-utils (apt-get install poppler-utils; .ci/run installs it)`, { cause: error });
    }
    throw error;
  }
}

export function pdfText(file: string): string {
  return poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
}

/** The text of each page, in order. */
export function pdfPages(file: string): string[] {
  const pages = pdfText(file).split('\f');
  // pdftotext ends every page with a form feed, the last one too.
  return pages.slice(0, -1);
}

/** Table cells wrap lines anywhere: compare text with every space and line break removed. */
export function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The share of a greyscale PGM page image (as pdftoppm -gray writes it) that is not white. */
export function inkedShare(pgmFile: string): number {
  const data = fs.readFileSync(pgmFile);
  // Header: P5 <width> <height> <maxval>, each after white space, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${pgmFile} is not a binary PGM image`);
  const pixels = data.subarray(header[0].length);
  let inked = 0;
  for (const value of pixels) if (value < 200) inked++;
  return inked / pixels.length;
}
