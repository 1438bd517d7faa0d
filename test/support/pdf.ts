import fs from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Packs are checked as their readers get them, with pdf.js (Firefox's PDF reader) in the test process: the text of
// each page, the fonts it prints in, and its pages as images. Nothing outside npm is needed.

async function readPdf<T>(file: string, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
  try {
    return await read(pdf);
  } finally {
    await pdf.destroy();
  }
}

/**
 * The text of each page, in order, as Chromium printed it: the page margins (running header, page number) first,
 * then the page's own text, a table cell by cell.
 */
export function pdfPages(file: string): Promise<string[]> {
  return readPdf(file, async (pdf) => {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const { items } = await (await pdf.getPage(number)).getTextContent();
      const text = items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
      // Noto Sans JP draws ・ and ‧ with one glyph, which Chromium's PDF maps back to ‧; the packs print only ・.
      pages.push(text.replaceAll('\u2027', '\u30fb'));
    }
    return pages;
  });
}

/** The text of every page, a line break between pages. */
export async function pdfText(file: string): Promise<string> {
  return (await pdfPages(file)).join('\n');
}

/** The names of the fonts the pages print in, each once; an embedded subset is named ABCDEF+Name. */
export function pdfFonts(file: string): Promise<string[]> {
  return readPdf(file, async (pdf) => {
    const names = new Set<string>();
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const { fnArray, argsArray } = await page.getOperatorList();
      fnArray.forEach((fn, i) => {
        if (fn === OPS.setFont) names.add((page.commonObjs.get((argsArray[i] as [string])[0]) as { name: string }).name);
      });
    }
    return [...names];
  });
}

/** Each page's size in points (pdf.js's viewport at scale 1): A4 portrait is 595×842, landscape 842×595. */
export function pdfPageSizes(file: string): Promise<{ width: number; height: number }[]> {
  return readPdf(file, async (pdf) => {
    const sizes: { width: number; height: number }[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const { width, height } = (await pdf.getPage(number)).getViewport({ scale: 1 });
      sizes.push({ width: Math.round(width), height: Math.round(height) });
    }
    return sizes;
  });
}

/** Page `number` (from 1) drawn at `dpi`: the PNG, and the share of its pixels that are not white. */
export function pdfPageImage(file: string, number: number, dpi: number): Promise<{ png: Buffer; inkedShare: number }> {
  return readPdf(file, async (pdf) => {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // pdf.js draws on any canvas with the DOM's 2D context API, which @napi-rs/canvas implements in Node.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2] < 200) inked++;
    }
    return { png: canvas.toBuffer('image/png'), inkedShare: inked / (canvas.width * canvas.height) };
  });
}

/** Table cells wrap lines anywhere: compare text with every space and line break removed. */
export function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}
