import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { listCases, updateCase } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { buildPackInput } from '../../electron/services/pack/build-input';
import { renderPackDocx } from '../../electron/services/pack/render-docx';
import { PACK_SECTION_LABELS } from '../../shared/labels';
import { printedSections } from '../../shared/pack/pack-input';
import { demoFiles, useTempDir } from '../support/temp';

// The Word export as Word reads it: the parts of the .docx package, unzipped.

describe('the briefing pack as a Word document', () => {
  const temp = useTempDir();

  it('has a Heading 1 per printed section, the 別表 in a landscape section, the marking on every page and record text as text', async () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const [marked] = listCases(store, { country: 'VN' });
    updateCase(store, marked.id, { title: '<b>郵便</b> & 区分機' });
    const input = buildPackInput(store, {
      country: 'VN',
      audience: 'council',
      lang: 'ja',
      asOf: '2025-04-01',
      dates: 'wareki',
      cover: { issuer: '総務省国際戦略局', number: '資料1', handleWithCare: true },
    });
    const zip = await JSZip.loadAsync(await renderPackDocx(input));
    const part = (name: string) => zip.file(name)!.async('string');
    const document = await part('word/document.xml');

    const sections = printedSections(input);
    expect(sections).toEqual(expect.arrayContaining(['matrix', 'cases']));
    const headings = [...document.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(headings).toEqual(['目次', ...sections.map((s) => PACK_SECTION_LABELS[s].ja)]);

    // Word sections: the portrait pages up to the 別表, the 別表 landscape, then portrait again.
    const parts = document.split(/<w:sectPr/).slice(0, -1);
    const pageSizes = [...document.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]);
    expect(pageSizes).toEqual([
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
    ]);
    const texts = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n');
    expect(texts(parts[1])).toContain(PACK_SECTION_LABELS.matrix.ja);
    expect(texts(parts[1])).not.toContain(PACK_SECTION_LABELS.cases.ja);

    // Every section has the running header with the marking, and the page number in its footer.
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map(part),
    );
    expect(headers).toHaveLength(3);
    for (const header of headers) expect(header).toContain('取扱注意\u3000協議会会員限り');
    expect(headers[0]).toContain('令和7年4月1日時点');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map(part),
    );
    for (const footer of footers) expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);

    const text = texts(document);
    expect(text).toContain('総務省国際戦略局');
    expect(text).toContain('資料1');
    expect(text).toContain('&lt;b&gt;郵便&lt;/b&gt; &amp; 区分機');
    expect(document.includes('<b>')).toBe(false);

    // Japanese text in the Japanese font whichever slot Word takes it from, in Japanese.
    const styles = await part('word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Noto Sans JP" w:cs="Noto Sans JP" w:eastAsia="Noto Sans JP" w:hAnsi="Noto Sans JP"\/>/);
    expect(styles).toContain('w:eastAsia="ja-JP"');
  });
});
