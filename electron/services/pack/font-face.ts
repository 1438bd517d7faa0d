import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Noto Sans JP (OFL) from the installed @fontsource package, so a pack prints the same on a machine without any
// Japanese font. The package's CSS splits the font into unicode-range subsets; Chromium fetches only those used.
const WEIGHTS = ['400', '700'];

/** The package's @font-face rules with their relative url(./files/…) made absolute file:// URLs. */
export function notoSansJpFontFaceCss(): string {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@fontsource/noto-sans-jp/400.css'));
  const filesUrl = pathToFileURL(path.join(packageDir, 'files')).href;
  return WEIGHTS.map((weight) => fs.readFileSync(path.join(packageDir, `${weight}.css`), 'utf8').replaceAll('url(./files/', `url(${filesUrl}/`)).join('\n');
}
