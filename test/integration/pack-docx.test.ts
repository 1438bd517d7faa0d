import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listCases, updateCase } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { PACK_SECTION_LABELS } from '../../shared/labels';
import { PACK_SECTIONS } from '../../shared/pack/pack-input';
import { karteAsync } from '../support/cli';
import { pdfText, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

// `karte pack --format docx` as an office opens it: LibreOffice, a Word-compatible reader, converts the .docx to PDF,
// and it must say what the PDF of the same request says, with the same cases left out for the audience.

const run = promisify(execFile);
const SOFFICE = '/usr/bin/soffice';

/**
 * Converts a Word document to PDF with LibreOffice in a profile of its own, so runs side by side do not share one.
 * Without a Japanese font LibreOffice prints every kanji as the same box, and its PDF reads as one character repeated.
 */
async function convertToPdf(docx: string, dir: string): Promise<string> {
  if (!fs.existsSync(SOFFICE)) {
    throw new Error(`LibreOffice is needed to read the Word export (${SOFFICE} is missing): install the Debian package libreoffice-writer-nogui`);
  }
  const { stdout: japaneseFonts } = await run('fc-list', [':lang=ja', 'family']);
  if (japaneseFonts.trim() === '') throw new Error('LibreOffice needs a Japanese font to print the Word export: install the Debian package fonts-noto-cjk');
  const profile = pathToFileURL(path.join(dir, 'libreoffice-profile')).href;
  await run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000 });
  const pdf = path.join(dir, `${path.basename(docx, '.docx')}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF of ${docx}`);
  return pdf;
}

describe('karte pack --format docx', () => {
  const temp = useTempDir();

  it('writes a Word document with the sections of the PDF, leaving out what is narrower than the audience', { timeout: 300_000 }, async () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const [narrowed, ...kept] = listCases(store, { country: 'VN' });
    updateCase(store, narrowed.id, { scope: 'government' });
    store.close();
    const dir = temp.dir();
    const pack = async (audience: string, format: string) => {
      const out = path.join(dir, `${audience}.${format}`);
      const result = await karteAsync(['--db', store.file, 'pack', '--country', 'VN', '--audience', audience, '--format', format, '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      return out;
    };

    const pdf = await pack('council', 'pdf');
    const docx = await pack('council', 'docx');
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const wider = await pack('government', 'docx');
    const fromPdf = squeezed(await pdfText(pdf));
    const fromDocx = squeezed(await pdfText(await convertToPdf(docx, dir)));
    const fromWider = squeezed(await pdfText(await convertToPdf(wider, dir)));

    // The same sections: those the PDF prints, and none it leaves out.
    const printed = PACK_SECTIONS.filter((s) => fromPdf.includes(squeezed(PACK_SECTION_LABELS[s].ja)));
    expect(printed).toEqual(expect.arrayContaining(['matrix', 'cases']));
    expect(PACK_SECTIONS.filter((s) => fromDocx.includes(squeezed(PACK_SECTION_LABELS[s].ja)))).toEqual(printed);
    for (const text of ['目次', '協議会会員限り', ...kept.map((c) => c.title)]) {
      expect(fromPdf).toContain(squeezed(text));
      expect(fromDocx).toContain(squeezed(text));
    }

    // The case narrowed to government staff is in neither of the council's packs, and in the government's.
    expect(fromPdf).not.toContain(squeezed(narrowed.title));
    expect(fromDocx).not.toContain(squeezed(narrowed.title));
    expect(fromWider).toContain(squeezed(narrowed.title));
    expect(fromWider).toContain('政府関係機関限り');

    const refused = await karteAsync(['--db', store.file, 'pack', '--country', 'VN', '--audience', 'council', '--format', 'rtf', '--out', path.join(dir, 'x.rtf')]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/format.*"pdf"\|"docx"/);
  });
});
