import { documentHtml, documentMarginText, type PrintDocument } from '../delivery';
import { notoSansJpFontFaceCss, scriptFontFaceCss } from './font-face';
import { renderPackPdf } from './render-pdf';

/** Renders a document (a pack already filtered to its audience by buildPackInput) and writes it as a PDF. */
export async function writeDocumentPdf(document: PrintDocument, outFile: string): Promise<void> {
  await renderPackPdf(documentHtml(document, { fontFaceCss: notoSansJpFontFaceCss(), scriptFontFaceCss }), outFile, documentMarginText(document));
}
