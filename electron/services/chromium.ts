import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium, driven by playwright-core: briefing-pack PDFs in browser mode and the CLI, end-to-end tests and
// benches. No browser is downloaded; .ci/run installs the package.
export const CHROMIUM = process.env.KARTE_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set KARTE_CHROMIUM`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // The machine's network is closed: Chromium's own background traffic would only fail.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
