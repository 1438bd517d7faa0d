import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDossier } from '../../electron/services/dossiers';
import { createVisit, updateVisit } from '../../electron/services/visits';
import { karte } from '../support/cli';
import { pdfFonts, pdfPageImage, pdfPages, pdfPageSizes, pdfText, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

describe('karte pack', () => {
  const temp = useTempDir();
  const importedDb = () => {
    const db = path.join(temp.dir(), 'pack.sqlite');
    const result = karte(['--db', db, 'import', ...demoFiles()]);
    expect(result.status, result.stderr).toBe(0);
    return db;
  };
  const pack = (db: string, name: string, args: string[]) => {
    const out = path.join(temp.dir(), name);
    const result = karte(['--db', db, 'pack', '--country', 'VN', ...args, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    return out;
  };
  // Read in-process from the same store file the CLI wrote.
  const vietnam = (db: string) => openDossier(temp.store(path.basename(db)), 'VN').cases;

  it('prints every Vietnam case with its dated events for the council, marked 協議会会員限り, in the bundled Japanese font', async () => {
    const db = importedDb();
    const out = pack(db, 'vn.pdf', ['--lang', 'ja', '--audience', 'council']);
    const text = await pdfText(out);
    const flat = squeezed(text);
    const cases = vietnam(db);
    expect(cases).toHaveLength(9);
    for (const { case: c, events } of cases) {
      expect(flat).toContain(squeezed(c.title));
      expect(flat).toContain(squeezed(c.summary));
      for (const e of events) expect(flat, e.text).toContain(squeezed(e.text));
    }
    expect(text).not.toContain('政府関係機関限り');
    // Every page carries the running header with the audience marking, and its number.
    const pages = await pdfPages(out);
    // Cover, contents, the 別表 on its landscape pages, the cases one after another: no page per empty section or per case.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pages.length).toBeLessThanOrEqual(10);
    pages.forEach((page, i) => {
      expect(page).toContain('協議会会員限り');
      expect(page).toContain('ベトナム 海外展開カルテ 説明資料（');
      expect(page).toContain(`${i + 1} / ${pages.length}`);
    });
    expect(flat).toContain('2018年夏ホーチミン新区分センターの区分機を日本企業が受注');
    const order = ['目次', '案件一覧（別表）', '案件別資料'].map((heading) => text.indexOf(heading));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // With no Japanese font on the machine, any text not in the bundled font would print through another one.
    const fonts = await pdfFonts(out);
    expect(fonts.length).toBeGreaterThan(0);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSansJP/);

    const { png } = await pdfPageImage(out, 1, 60);
    expect(png.length).toBeGreaterThan(5_000);
  });

  it('writes the Vietnam council pack as a ministry paper: 和暦 dates, the cover filled in, the 別表 in landscape, no empty section', async () => {
    const db = importedDb();
    const out = pack(db, 'wareki.pdf', [
      '--audience',
      'council',
      '--dates',
      'wareki',
      '--issuer',
      '総務省国際戦略局',
      '--number',
      '資料1',
      '--distribution',
      '日ベトナムICT協議会 会員各位',
      '--handle-with-care',
    ]);
    const pages = (await pdfPages(out)).map(squeezed);
    const all = pages.join('');
    // Every date in 和暦, the running header's too: 2020年1月 in the data prints as 令和2年1月.
    expect(all).toContain('令和2年1月');
    expect(all).not.toContain('2020年1月');
    expect(all).toContain('平成30年夏ホーチミン新区分センターの区分機を日本企業が受注');
    for (const page of pages) expect(page).toMatch(/^ベトナム海外展開カルテ説明資料（令和\d+年\d+月\d+日時点）取扱注意協議会会員限り/);
    // The cover: markings, number, date, issuing office, distribution.
    for (const part of ['取扱注意協議会会員限り資料1', '総務省国際戦略局', '配布先:日ベトナムICT協議会会員各位', '配布範囲:協議会会員限り']) expect(pages[0]).toContain(part);
    // Nothing the demo data leaves empty prints: no 記載なし, no page for a section with nothing to say.
    expect(all).not.toContain('記載なし');
    for (const left of ['国別概況', '二国間の経緯', '発言要領', '関係者・連絡先']) expect(all).not.toContain(left);
    // The 別表 on A4 landscape pages, everything else A4 portrait.
    const sizes = await pdfPageSizes(out);
    const landscape = sizes.flatMap((size, i) => (size.width > size.height ? [i] : []));
    expect(landscape.length).toBeGreaterThan(0);
    for (const i of landscape) expect(sizes[i], `page ${i + 1}`).toEqual({ width: 842, height: 595 });
    for (const [i, size] of sizes.entries()) if (!landscape.includes(i)) expect(size, `page ${i + 1}`).toEqual({ width: 595, height: 842 });
    // The landscape pages are the 別表's, one run of them after the contents, and the cases come next, in portrait.
    expect(landscape).toEqual(Array.from({ length: landscape.length }, (_, k) => 2 + k));
    const matrixPages = landscape;
    expect(pages[matrixPages[0]]).toContain('案件一覧（別表）');
    // The cases follow one another: more cases than pages after the 別表.
    expect(pages.length - 1 - matrixPages.at(-1)!).toBeLessThan(vietnam(db).length);
  });

  it('leaves an event scoped government out of the council pack and prints it in the government pack', async () => {
    const db = importedDb();
    const cases = vietnam(db);
    const allTexts = cases.flatMap((c) => c.events.map((e) => e.text));
    // An event whose text no other Vietnam event or case contains, so its absence is telling.
    const narrowed = cases.flatMap((c) => c.events).find((e) => allTexts.filter((t) => t.includes(e.text)).length === 1 && e.phase === 'consultation')!;
    expect(karte(['--db', db, 'event', 'set', narrowed.id, 'scope', 'government']).status).toBe(0);

    const council = squeezed(await pdfText(pack(db, 'council.pdf', ['--audience', 'council'])));
    expect(council).not.toContain(squeezed(narrowed.text));
    expect(council).toContain('協議会会員限り');

    const government = squeezed(await pdfText(pack(db, 'government.pdf', ['--audience', 'government'])));
    expect(government).toContain(squeezed(narrowed.text));
    expect(government).toContain('政府関係機関限り');
    expect(government).not.toContain('協議会会員限り');
  });

  it('leaves out a case scoped internal, with its events, from every wider audience', async () => {
    const db = importedDb();
    const postal = vietnam(db).find((c) => c.case.summary === '区分機')!;
    expect(karte(['--db', db, 'case', 'set', postal.case.id, 'scope', 'internal']).status).toBe(0);
    const council = squeezed(await pdfText(pack(db, 'council.pdf', ['--audience', 'council'])));
    expect(council).not.toContain(squeezed(postal.case.title));
    expect(council).not.toContain('ホーチミン新区分センター');
    const internal = squeezed(await pdfText(pack(db, 'internal.pdf', ['--audience', 'internal'])));
    expect(internal).toContain('ホーチミン新区分センター');
    expect(internal).toContain('組織内限り');
  });

  it('prints markup in a case summary as text', async () => {
    const db = importedDb();
    const target = vietnam(db)[0];
    const markup = '<script>alert(1)</script><b>x</b>';
    expect(karte(['--db', db, 'case', 'set', target.case.id, 'summary', markup]).status).toBe(0);
    const text = await pdfText(pack(db, 'markup.pdf', ['--audience', 'council']));
    expect(text).toContain(markup);
  });

  it('writes an English pack in English, the Japanese it falls back on marked, and only the cases asked for', async () => {
    const db = importedDb();
    const cases = vietnam(db);
    const chosen = [cases[3], cases[1]];
    const text = await pdfText(pack(db, 'en.pdf', ['--lang', 'en', '--audience', 'council', '--cases', chosen.map((c) => c.case.id.slice(0, 8)).join(',')]));
    const flat = squeezed(text);
    for (const heading of ['Contents', 'Case matrix', 'Consideration', 'MoU and top-level sales', 'Survey and demonstration', 'Future policy', 'Council members only', 'As of']) {
      expect(flat).toContain(squeezed(heading));
    }
    // The demo data has nothing for these: they are left out.
    for (const heading of ['Country snapshot', 'Bilateral history', 'Talking points', 'Contacts']) expect(flat).not.toContain(squeezed(heading));
    for (const heading of ['目次', '国別概況', '二国間の経緯', '案件一覧', '案件別資料', '発言要領', '関係者', '協議会会員限り', '時点']) expect(text).not.toContain(heading);
    // No summary has an English translation: each prints in Japanese, marked.
    expect(flat).toContain(squeezed(`Summary ${chosen[0].case.summary} [Japanese original]`));
    expect(flat.indexOf(squeezed(chosen[0].case.title))).toBeLessThan(flat.indexOf(squeezed(chosen[1].case.title)));
    for (const other of cases.filter((c) => !chosen.includes(c))) expect(flat).not.toContain(squeezed(other.case.title));
  });

  it('writes a pack for a visit: its objectives, asks and delegation after the contents, its linked cases, and previous visits fit for the audience', async () => {
    const db = importedDb();
    const store = temp.store(path.basename(db));
    const cases = vietnam(db);
    const linked = [cases[2], cases[0]];
    createVisit(store, { title: '官民ミッション派遣', kind: 'public_private_mission', country: 'VN', dates: '2019年夏' });
    createVisit(store, { title: '政府限りの事前協議', kind: 'policy_dialogue', country: 'VN', dates: '2020年3月', scope: 'government' });
    const { id } = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021-05-10～2021-05-12', caseIds: linked.map((c) => c.case.id) });
    updateVisit(store, id, {
      objectives: '郵便区分機の追加受注に向けた働きかけ',
      asks: '次期入札への日本企業の参加機会の確保',
      delegation: [
        { name: '山田太郎', title: '総務大臣', level: '大臣' },
        { name: '鈴木一郎', title: '国際戦略局長', level: '局長' },
      ],
      counterparts: [{ name: 'Nguyen Manh Hung', title: 'Minister', organisation: 'Ministry of Information and Communications' }],
    });

    const out = path.join(temp.dir(), 'visit.pdf');
    const result = karte(['--db', db, 'pack', '--visit', id.slice(0, 8), '--audience', 'council', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const text = await pdfText(out);
    const flat = squeezed(text);
    for (const expected of [
      '訪問の目的と要望',
      '郵便区分機の追加受注に向けた働きかけ',
      '次期入札への日本企業の参加機会の確保',
      '山田太郎',
      '鈴木一郎',
      'NguyenManhHung',
      '二国間の経緯',
      '官民ミッション派遣',
    ]) {
      expect(flat, expected).toContain(squeezed(expected));
    }
    expect(flat).not.toContain('政府限りの事前協議');
    const order = ['目次', '訪問の目的と要望', '二国間の経緯', '案件一覧（別表）', '関係者・連絡先'].map((heading) => flat.lastIndexOf(heading));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(flat.indexOf(squeezed(linked[0].case.title))).toBeLessThan(flat.indexOf(squeezed(linked[1].case.title)));
    for (const other of cases.filter((c) => !linked.includes(c))) expect(flat).not.toContain(squeezed(other.case.title));

    const government = squeezed(await pdfText(pack(db, 'government.pdf', ['--audience', 'government'])));
    expect(government).toContain('政府限りの事前協議');
  });

  it('prints only the sections asked for, the cover and contents always, and refuses an unknown section', async () => {
    const db = importedDb();
    const pages = await pdfPages(pack(db, 'sections.pdf', ['--audience', 'council', '--sections', 'talkingPoints,cases,matrix']));
    const flat = pages.map(squeezed);
    expect(flat[0]).toContain('協議会会員限り');
    expect(flat[1]).toContain('目次1.案件一覧（別表）');
    // In print order, whatever order they were asked in; the talking points, which no case has, left out.
    expect(flat[2]).toContain('案件一覧（別表）');
    expect(flat.at(-1)).not.toContain('案件一覧（別表）');
    expect(flat.join('')).toContain('案件別資料');
    for (const left of ['国別概況', '二国間の経緯', '発言要領', '関係者・連絡先']) expect(flat.join('')).not.toContain(left);
    const unknown = karte(['--db', db, 'pack', '--country', 'VN', '--audience', 'council', '--sections', 'matrix,gossip', '--out', path.join(temp.dir(), 'never.pdf')]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/sections\[1\]: Invalid option: expected one of "visit"/);
  });

  it('refuses an unknown country, an unknown audience and a missing Chromium, on stderr with a non-zero exit', () => {
    const db = importedDb();
    const out = path.join(temp.dir(), 'never.pdf');
    const unknownCountry = karte(['--db', db, 'pack', '--country', 'XX', '--audience', 'council', '--out', out]);
    expect(unknownCountry.status).not.toBe(0);
    expect(unknownCountry.stderr).toContain("unknown country code 'XX'");
    const badAudience = karte(['--db', db, 'pack', '--country', 'VN', '--audience', 'ministers', '--out', out]);
    expect(badAudience.status).not.toBe(0);
    expect(badAudience.stderr).toMatch(/audience: Invalid option: expected one of "internal"/);
    const noAudience = karte(['--db', db, 'pack', '--country', 'VN', '--out', out]);
    expect(noAudience.status).not.toBe(0);
    expect(noAudience.stderr).toContain('--audience');
    const noChromium = karte(['--db', db, 'pack', '--country', 'VN', '--audience', 'council', '--out', out], { KARTE_CHROMIUM: '/nonexistent/chromium' });
    expect(noChromium.status).not.toBe(0);
    expect(noChromium.stderr).toContain('Chromium not found at /nonexistent/chromium');
    expect(fs.existsSync(out)).toBe(false);
  });
});
