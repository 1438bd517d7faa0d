import { describe, expect, it } from 'vitest';
import { namedDestinationPages } from '../../electron/services/pack/pdf-destinations';

/** A PDF of plain objects with its cross-reference table, as Chromium (Skia) writes one. */
function pdfOf(objects: string[], root: number): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root ${root} 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('namedDestinationPages', () => {
  it('numbers pages in page-tree order, nested nodes included, and decodes #xx escapes in names', () => {
    const pdf = pdfOf(
      [
        '<</Type /Catalog\n/Pages 2 0 R\n/Dests 8 0 R>>',
        '<</Type /Pages\n/Count 4\n/Kids [3 0 R 4 0 R]>>',
        '<</Type /Pages\n/Count 2\n/Kids [5 0 R 6 0 R]\n/Parent 2 0 R>>',
        '<</Type /Pages\n/Count 2\n/Kids [7 0 R 9 0 R]\n/Parent 2 0 R>>',
        '<</Type /Page\n/Parent 3 0 R>>',
        '<</Type /Page\n/Parent 3 0 R>>',
        '<</Type /Page\n/Parent 4 0 R>>',
        '<</snapshot [6 0 R /XYZ 0 841.91998 0]\n/case-#E6#A1#88 [9 0 R /XYZ 0 841.91998 0]\n/contacts [7 0 R /XYZ 0 400 0]>>',
        '<</Type /Page\n/Parent 4 0 R>>',
      ],
      1,
    );
    expect(namedDestinationPages(pdf)).toEqual(
      new Map([
        ['snapshot', 2],
        ['case-案', 4],
        ['contacts', 3],
      ]),
    );
  });

  it('finds none in a PDF without links, and refuses a PDF it cannot read', () => {
    const plain = pdfOf(['<</Type /Catalog\n/Pages 2 0 R>>', '<</Type /Pages\n/Count 1\n/Kids [3 0 R]>>', '<</Type /Page\n/Parent 2 0 R>>'], 1);
    expect(namedDestinationPages(plain).size).toBe(0);
    expect(() => namedDestinationPages(Buffer.from('%PDF-1.5\nno table here\n'))).toThrow('the printed PDF has no startxref');
  });
});
