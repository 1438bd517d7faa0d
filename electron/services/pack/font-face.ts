import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Script } from '../../../shared/print/scripts';

// Noto Sans JP (OFL) from the installed @fontsource package, so a pack prints the same on a machine without any
// Japanese font, and the Noto fonts of the counterparts' scripts from theirs. Each package's CSS splits its font
// into unicode-range subsets; Chromium fetches only those used.
const WEIGHTS = ['400', '700'];

const SCRIPT_PACKAGES: Record<Script, string> = {
  thai: '@fontsource/noto-sans-thai',
  lao: '@fontsource/noto-sans-lao',
  khmer: '@fontsource/noto-sans-khmer',
  myanmar: '@fontsource/noto-sans-myanmar',
  arabic: '@fontsource/noto-sans-arabic',
};

/** A @fontsource package's @font-face rules with their relative url(./files/…) made absolute file:// URLs. */
function fontsourceFontFaceCss(packageName: string): string {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve(`${packageName}/400.css`));
  const filesUrl = pathToFileURL(path.join(packageDir, 'files')).href;
  return WEIGHTS.map((weight) => fs.readFileSync(path.join(packageDir, `${weight}.css`), 'utf8').replaceAll('url(./files/', `url(${filesUrl}/`)).join('\n');
}

export function notoSansJpFontFaceCss(): string {
  return fontsourceFontFaceCss('@fontsource/noto-sans-jp');
}

/** The @font-face rules of the script's bundled Noto font. */
export function scriptFontFaceCss(script: Script): string {
  return fontsourceFontFaceCss(SCRIPT_PACKAGES[script]);
}
