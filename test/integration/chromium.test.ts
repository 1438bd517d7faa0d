import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { pdfText } from '../support/pdf';
import { useTempDir } from '../support/temp';

// This machine as one with Node alone would see it: no Debian chromium, no KARTE_CHROMIUM. With no Chrome or Edge
// installed either (as on CI), the Chromium launched is the one inside @sparticuz/chromium, unpacked on first use.

describe('Chromium without a system package', () => {
  const temp = useTempDir();

  it("launches one where Debian's chromium is not installed, and prints a PDF with it", async () => {
    const browser = await launchChromium({ env: {}, platform: process.platform, arch: process.arch, exists: () => false });
    try {
      const page = await browser.newPage();
      await page.setContent('<p>Karte briefing pack</p>');
      const file = path.join(temp.dir(), 'page.pdf');
      fs.writeFileSync(file, await page.pdf());
      expect(await pdfText(file)).toContain('Karte briefing pack');
    } finally {
      await browser.close();
    }
  });
});
