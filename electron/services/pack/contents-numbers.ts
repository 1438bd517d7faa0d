import { PAGE_NUMBER_SLOT } from '../../../shared/print/print-document';
import { namedDestinationPages } from './pdf-destinations';

// Chromium cannot print the page an element lands on (no target-counter()), so a pack's contents get their page
// numbers in two passes over the loaded page. A first print with every element invisible (the same layout, next to
// nothing to paint) tells from its named destinations where each section starts; the numbers go into the contents'
// fixed-width slots and the pack is printed; its own destinations are checked against the numbers it shows.
// Scripts are passed as text, so the same steps drive Playwright (CLI, browser mode) and Electron's webContents.

/** A pack's page, loaded with its fonts, as a shell drives it. */
export interface PackPrinter {
  /** Evaluates a script expression in the page and returns its value. */
  evaluate(script: string): Promise<unknown>;
  /** Prints the page to PDF as it stands. */
  print(): Promise<Uint8Array>;
}

const MEASURE_STYLE = 'karte-measure-pass';

const hideScript = `(() => {
  const style = document.createElement('style');
  style.id = ${JSON.stringify(MEASURE_STYLE)};
  style.textContent = 'body * { visibility: hidden !important; }';
  document.head.append(style);
  return true;
})()`;

const showScript = `(document.getElementById(${JSON.stringify(MEASURE_STYLE)}).remove(), true)`;

/** Writes each contents entry's page number into its slot; evaluates to the anchors that have no page. */
function fillScript(pages: Map<string, number>): string {
  return `((numbers) => {
  const missing = [];
  for (const link of document.querySelectorAll('.contents a')) {
    const anchor = (link.getAttribute('href') || '').slice(1);
    const number = numbers[anchor];
    if (number === undefined) missing.push(anchor);
    link.querySelector(${JSON.stringify(`.${PAGE_NUMBER_SLOT}`)}).textContent = number === undefined ? '' : String(number);
  }
  return missing;
})(${JSON.stringify(Object.fromEntries(pages))})`;
}

/** The pack printed with the page numbers of its contents filled in. */
export async function printWithContentsNumbers(printer: PackPrinter): Promise<Uint8Array> {
  await printer.evaluate(hideScript);
  let pages = namedDestinationPages(await printer.print());
  await printer.evaluate(showScript);
  // Numbers cannot change the layout (the slots are fixed-width); should they, the check below prints again.
  for (let attempt = 1; ; attempt++) {
    const missing = (await printer.evaluate(fillScript(pages))) as string[];
    if (missing.length > 0) throw new Error(`the printed pack has no page for the contents entries ${missing.join(', ')}`);
    const pdf = await printer.print();
    const printed = namedDestinationPages(pdf);
    if ([...pages].every(([anchor, number]) => printed.get(anchor) === number)) return pdf;
    if (attempt === 3) throw new Error('the page numbers of the contents did not settle after 3 prints');
    pages = printed;
  }
}
