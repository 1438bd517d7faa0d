import type { PackInput } from '../../../shared/pack/pack-input';
import { packRunningHeader, renderPackHtml } from '../../../shared/pack/render-html';
import { notoSansJpFontFaceCss } from './font-face';
import { renderPackPdf } from './render-pdf';

/** Renders a pack (already filtered to its audience by buildPackInput) and writes it as a PDF. */
export async function writePackPdf(input: PackInput, outFile: string): Promise<void> {
  const html = renderPackHtml(input, { fontFaceCss: notoSansJpFontFaceCss() });
  const header = packRunningHeader(input);
  await renderPackPdf(html, outFile, `${header.title}${header.marking}`);
}
