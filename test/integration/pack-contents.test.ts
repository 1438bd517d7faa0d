import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateCase } from '../../electron/services/cases';
import { openDossier, updateDossier } from '../../electron/services/dossiers';
import { dateOf } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { newId } from '../../electron/services/record-ids';
import { writeRows, type Store } from '../../electron/services/store/store';
import { createVisit, updateVisit } from '../../electron/services/visits';
import { formatDate } from '../../shared/dates';
import { karte } from '../support/cli';
import { pdfFonts, pdfPageImage, pdfPages, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

// A visit pack from the whole shared data set, read back page by page: every section where its contents entry
// says, in order, with nothing above its audience, and its page images saved for a person to look at.

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/pack');
const MARKUP = '<script>alert(1)</script><b>x</b>';

/** A page's squeezed text without what its margins print, first: the running header and the page number. */
function pageBody(page: string, marking: string): string {
  const margins = new RegExp(`^ベトナム海外展開カルテ説明資料（\\d+年\\d+月\\d+日時点）${marking}\\d+/\\d+`);
  expect(page).toMatch(margins);
  return page.replace(margins, '');
}

/** Every demo table imported, and around Vietnam what a desk officer adds before a minister's visit. */
function briefedStore(store: Store): { visitId: string; linked: string[] } {
  importKarteFiles(store, demoFiles());
  const cases = openDossier(store, 'VN').cases.map((c) => c.case);
  const postal = cases.find((c) => c.summary === '区分機')!;
  const smartCity = cases.find((c) => c.title.includes('スマートシティ'))!;
  const [japanPost, ministryOnly] = [newId(), newId()];
  writeRows(store, [
    {
      table: 'agreements',
      id: newId(),
      values: {
        title: '郵便分野の協力覚書',
        kind: 'moc',
        parties: ['総務省', '越・情報通信省'],
        signatoryLevel: '大臣間',
        date: dateOf('2016年9月'),
        place: 'ハノイ',
        countries: ['VN'],
        scope: 'council',
      },
    },
    { table: 'agreements', id: newId(), values: { title: '政府限りの交換公文', kind: 'exchange_of_notes', date: dateOf('2018年3月'), countries: ['VN'], scope: 'government' } },
    {
      table: 'agreements',
      id: newId(),
      values: { title: 'スマートシティ協力に関する共同声明', kind: 'joint_statement', date: dateOf('2020年1月'), countries: ['VN', 'PH'], scope: 'public' },
    },
    { table: 'organisations', id: japanPost, values: { nameJa: '日本郵便株式会社', nameEn: 'Japan Post Co., Ltd.', type: 'company', scope: 'council' } },
    { table: 'organisations', id: ministryOnly, values: { nameJa: '政府限りの調整室', nameEn: 'Coordination office', type: 'ministry', scope: 'government' } },
  ]);
  updateCase(store, postal.id, {
    ownerOrg: japanPost,
    talkingPoints: '区分機の稼働実績を紹介する',
    translations: { vi: { summary: 'Máy chia chọn bưu phẩm', talkingPoints: 'Giới thiệu kết quả vận hành máy chia chọn' } },
  });
  updateCase(store, smartCity.id, { ownerOrg: ministryOnly });
  updateDossier(store, 'VN', { overview: 'ASEANの中核国の一つ', relations: '包括的戦略的パートナーシップ', supportHistory: '円借款による郵便近代化の支援' });
  createVisit(store, { title: '官民ミッション派遣', kind: 'public_private_mission', country: 'VN', dates: '2017年夏' });
  const { id: earlier } = createVisit(store, { title: '郵便政策対話', kind: 'policy_dialogue', country: 'VN', dates: '2019年2月' });
  updateVisit(store, earlier, { counterparts: [{ name: 'Tran Van B', title: 'Director General', organisation: 'VNPost' }] });
  createVisit(store, { title: '政府限りの事前協議', kind: 'policy_dialogue', country: 'VN', dates: '2020年3月', scope: 'government' });
  const linked = [postal.id, smartCity.id, cases[0].id];
  const { id: visitId } = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021-05-10～2021-05-12', caseIds: linked });
  updateVisit(store, visitId, {
    objectives: '郵便区分機の追加受注に向けた働きかけ',
    asks: `次期入札への参加機会の確保${MARKUP}`,
    delegation: [{ name: '山田太郎', title: '総務大臣', level: '大臣' }],
    counterparts: [{ name: 'Nguyen Manh Hung', title: 'Minister', organisation: 'Ministry of Information and Communications' }],
  });
  return { visitId, linked };
}

/** The page number the contents page prints after an entry (whose text may wrap anywhere). */
function contentsNumber(contentsPage: string, entry: string): number {
  const chars = [...squeezed(entry)].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = new RegExp(`${chars.join('\\s*')}\\s+(\\d+)(?:\\s|$)`).exec(contentsPage);
  if (!found) throw new Error(`no contents entry '${entry}' with a page number in:\n${contentsPage}`);
  return Number(found[1]);
}

describe('a briefing pack from the full shared data set', () => {
  const temp = useTempDir();

  it('prints each section in order on the page its contents entry gives, the handed-over parts also in Vietnamese, nothing above the council', async () => {
    const { visitId, linked } = briefedStore(temp.store('full.sqlite'));
    const out = path.join(temp.dir(), 'visit.pdf');
    const result = karte(['--db', path.join(temp.dir(), 'full.sqlite'), 'pack', '--visit', visitId, '--audience', 'council', '--counterpart-lang', 'vi', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const pages = await pdfPages(out);
    const flat = pages.map(squeezed);

    // Each section starts on the page the contents give: the first, the 別表 and the cases open their page (their
    // heading first after the running header); the briefer sections follow on the page before.
    const sections = ['訪問の目的と要望', '国別概況', '二国間の経緯', '案件一覧（別表）', '案件別資料', '発言要領', '関係者・連絡先'];
    const opening = new Set(['訪問の目的と要望', '案件一覧（別表）', '案件別資料']);
    const starts = sections.map((heading) => contentsNumber(pages[1], heading));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts[0]).toBe(3);
    sections.forEach((heading, i) => {
      const body = pageBody(flat[starts[i] - 1], '協議会会員限り');
      if (opening.has(heading)) expect(body.startsWith(heading), heading).toBe(true);
      else expect(body, heading).toContain(heading);
    });
    // Each case, on the page the contents give, with every event fit for the council; the cases follow one another,
    // the first right under the section's heading.
    const store = temp.store('full.sqlite');
    const vietnam = openDossier(store, 'VN').cases;
    const caseStarts = linked.map((id) => contentsNumber(pages[1], vietnam.find((c) => c.case.id === id)!.case.title));
    expect(caseStarts[0]).toBe(starts[4]);
    linked.forEach((id, i) => {
      const { case: c, events } = vietnam.find((d) => d.case.id === id)!;
      // Up to the page the next case starts on (the same page, when it starts there).
      const end = i + 1 < caseStarts.length ? caseStarts[i + 1] : starts[5];
      const casePages = flat.slice(caseStarts[i] - 1, end).join('');
      expect(flat[caseStarts[i] - 1], c.title).toContain(squeezed(c.title));
      if (i === 0) expect(pageBody(flat[caseStarts[i] - 1], '協議会会員限り').startsWith(`案件別資料${squeezed(c.title)}`), c.title).toBe(true);
      for (const e of events) {
        expect(casePages, e.text).toContain(squeezed(e.text));
        expect(casePages, e.text).toContain(squeezed(formatDate(e.date, 'ja')));
      }
    });
    // Cases flow: no more pages for them than cases.
    expect(starts[5] - starts[4]).toBeLessThanOrEqual(linked.length);

    const all = flat.join('');
    // The bilateral history: the dossier's account, then agreements and visits in date order, as far as the council may see.
    const history = flat
      .slice(starts[2] - 1, starts[3] - 1)
      .join('')
      .split('二国間の経緯')
      .at(-1)!;
    const order = [
      '包括的戦略的パートナーシップ',
      '円借款による郵便近代化の支援',
      '郵便分野の協力覚書',
      '官民ミッション派遣',
      '郵便政策対話',
      'スマートシティ協力に関する共同声明',
    ].map((text) => history.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(history).toContain('大臣間');
    for (const narrower of ['政府限りの交換公文', '政府限りの事前協議', '政府限りの調整室', '政府関係機関限り']) expect(all).not.toContain(narrower);
    expect(flat[starts[1] - 1]).toContain('ASEANの中核国の一つ');

    const contacts = flat.slice(starts[6] - 1).join('');
    for (const expected of ['山田太郎', '総務大臣', 'NguyenManhHung', 'TranVanB', 'VNPost', '日本郵便株式会社', 'JapanPostCo.,Ltd.'])
      expect(contacts, expected).toContain(expected);
    // The people are in the contacts, not repeated in the visit section.
    expect(flat[starts[0] - 1]).not.toContain('山田太郎');

    expect(all).toContain(squeezed(`次期入札への参加機会の確保${MARKUP}`));
    expect(all).toContain(squeezed('区分機 ベトナム語 Máy chia chọn bưu phẩm'));
    expect(flat[starts[5] - 1]).toContain(squeezed('区分機の稼働実績を紹介する ベトナム語 Giới thiệu kết quả vận hành máy chia chọn'));
    // Vietnamese prints in the bundled font too.
    for (const name of await pdfFonts(out)) expect(name).toMatch(/^[A-Z]{6}\+NotoSansJP/);

    // The cover, the contents and the first case page as images, for a person to look at; none of them blank.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const page of [1, 2, caseStarts[0]]) {
      const { png, inkedShare } = await pdfPageImage(out, page, 80);
      fs.writeFileSync(path.join(ARTIFACTS, `visit-council-p${page}.png`), png);
      expect(inkedShare, `page ${page}`).toBeGreaterThan(0.002);
    }
  });

  it('prints what only government may see in the government pack, marked 政府関係機関限り', async () => {
    const { visitId } = briefedStore(temp.store('full.sqlite'));
    const out = path.join(temp.dir(), 'government.pdf');
    const result = karte(['--db', path.join(temp.dir(), 'full.sqlite'), 'pack', '--visit', visitId, '--audience', 'government', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const pages = (await pdfPages(out)).map(squeezed);
    for (const page of pages) expect(page).toContain('政府関係機関限り');
    const all = pages.join('');
    for (const narrower of ['政府限りの交換公文', '政府限りの事前協議', '政府限りの調整室']) expect(all).toContain(narrower);
    expect(all).not.toContain('協議会会員限り');
    expect(all).not.toContain('ベトナム語');
  });
});
