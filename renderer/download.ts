// Files the renderer hands to the browser's downloads (in the desktop app, Electron's save dialog): a briefing pack
// browser mode prepared, a chart as SVG or PNG, a table as CSV.

/** Hands `blob` to the downloads under `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
  // Released once the browser has surely read it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** One CSV field: quoted when it holds a quote, a comma or a line break (RFC 4180). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A table as CSV, exactly the words and numbers it shows, head included. A UTF-8 BOM first and CRLF line ends:
 * without the BOM, Excel in Japanese reads UTF-8 as Shift_JIS and garbles every Japanese word.
 */
export function tableCsv(table: HTMLTableElement): Blob {
  const lines = tableTexts(table).map((row) => row.map(csvField).join(','));
  return new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
}

/** A table's cells as the words and numbers it shows, row by row, head included. */
export function tableTexts(table: HTMLTableElement): string[][] {
  return [...table.rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim()));
}
