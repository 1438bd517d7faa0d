// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { karteDateSchema, parseDateText } from '../../shared/dates';
import { TRANSLATABLE_CASE_FIELDS, type Case } from '../../shared/model/case';
import { RECORD_SCHEMAS } from '../../shared/model/records';
import type { StageEvent } from '../../shared/model/stage-event';
import type { Organisation } from '../../shared/model/organisation';
import type { Visit } from '../../shared/model/visit';
import type { Agreement } from '../../shared/model/agreement';
import {
  bilateralHistory,
  DEFAULT_PACK_SECTIONS,
  EMPTY_PACK_COVER,
  omittedSections,
  opensPage,
  printedSections,
  PACK_SECTIONS,
  type PackInput,
  type PackLanguage,
  type PackPlan,
} from '../../shared/pack/pack-input';
import { packDate, packRunningHeader, renderPackHtml } from '../../shared/pack/render-html';
import { matchCase } from '../../shared/council/matching';
import { PAGE_NUMBER_SLOT } from '../../shared/print/print-document';
import { countryByIso2 } from '../../shared/reference/countries';
import { regionsOfCountry } from '../../shared/reference/regions';

const MARKUP = '<script>alert(1)</script><b>x</b>';
const FONT_CSS = "@font-face { font-family: 'Noto Sans JP'; src: url(file:///fonts/a.woff2) format('woff2'); }";

function aCase(fields: Partial<Case>): Case {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'ベトナム 郵便: 区分機',
    countries: ['VN'],
    region: '',
    sector: 'postal',
    sectorLabel: '郵便',
    summary: '区分機',
    status: 'won',
    futurePolicy: 'トップセールス等で日本企業を支援',
    ownerOrg: null,
    priority: false,
    project: null,
    companies: [],
    competitors: [],
    financing: '',
    relatedCases: [],
    nextAction: '',
    nextActionDate: null,
    notes: '',
    sdgGoals: [],
    outcomeFraming: '',
    effectExamples: '',
    nextSteps: '',
    talkingPoints: '',
    translations: {},
    scope: 'council',
    deleted: false,
    ...fields,
  };
}

function anEvent(fields: Partial<StageEvent>): StageEvent {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    caseId: '11111111-1111-4111-8111-111111111111',
    phase: 'mou_top_sales',
    date: parseDateText('2015年1月')!,
    text: '副大臣間で郵便覚書に署名',
    organisation: '',
    signatoryLevel: '',
    source: '',
    visitId: null,
    scope: 'council',
    deleted: false,
    ...fields,
  };
}

function aVisit(fields: Partial<Visit>): Visit {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    title: '総務大臣ベトナム訪問',
    kind: 'top_sales',
    country: 'VN',
    dates: parseDateText('2021-05-10～2021-05-12')!,
    delegation: [{ name: '山田太郎', title: '総務大臣', level: '大臣' }],
    counterparts: [{ name: 'Nguyen Van A', title: 'Minister', organisation: 'MIC' }],
    objectives: '郵便区分機の受注支援',
    asks: '入札への参加',
    caseIds: [],
    scope: 'council',
    deleted: false,
    ...fields,
  };
}

function anAgreement(fields: Partial<Agreement>): Agreement {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    title: '郵便分野の協力覚書',
    kind: 'moc',
    parties: ['総務省', '越・情報通信省'],
    signatoryLevel: '大臣間',
    date: parseDateText('2016年9月')!,
    place: 'ハノイ',
    subject: '郵便の近代化',
    status: 'signed',
    countries: ['VN'],
    caseIds: [],
    scope: 'council',
    eventId: null,
    deleted: false,
    ...fields,
  };
}

function packInput(lang: PackLanguage, c: Case = aCase({}), events: StageEvent[] = [anEvent({})], visits: { visit?: Visit; previousVisits?: Visit[] } = {}): PackInput {
  return {
    lang,
    counterpartLang: null,
    audience: 'government',
    sections: [...DEFAULT_PACK_SECTIONS],
    country: countryByIso2('VN')!,
    regions: regionsOfCountry('VN'),
    asOf: parseDateText('2026-11-24')!,
    dates: 'seireki',
    casePerPage: false,
    cover: EMPTY_PACK_COVER,
    dossier: null,
    cases: [{ case: c, currentPhase: 'mou_top_sales', events, plan: null, questions: [] }],
    visit: visits.visit ?? null,
    previousVisits: visits.previousVisits ?? [],
    agreements: [],
    organisations: [],
    facts: [],
    directions: [],
    visitQuestions: [],
    profiles: [],
    council: [],
  };
}

const JAPAN_POST: Organisation = {
  id: 'o',
  nameJa: '日本郵便',
  nameEn: 'Japan Post',
  type: 'company',
  size: 'unknown',
  location: '',
  description: '',
  councilMember: false,
  scope: 'council',
  deleted: false,
};

/** The pack with something in every section: a dossier narrative, talking points and an organisation. */
function withEverySection(input: PackInput, lang: PackLanguage = input.lang): PackInput {
  const words =
    lang === 'ja'
      ? { overview: '東南アジアの成長市場', relations: '包括的戦略的パートナー', talk: '日本の技術の信頼性を強調' }
      : { overview: 'A growing market', relations: 'Strategic partners', talk: 'Stress reliability' };
  return {
    ...input,
    dossier: {
      id: 'd',
      country: 'VN',
      region: '',
      title: 'ベトナム',
      overview: words.overview,
      relations: words.relations,
      policy: '',
      supportHistory: '',
      scope: 'council',
      deleted: false,
    },
    cases: input.cases.map((c) => ({ ...c, case: { ...c.case, talkingPoints: words.talk, translations: lang === 'en' ? { en: { talkingPoints: words.talk } } : {} } as Case })),
    organisations: [JAPAN_POST],
  };
}

describe('renderPackHtml', () => {
  it('prints markup in any record field as text', () => {
    const c = aCase({ title: `T${MARKUP}`, summary: `S${MARKUP}`, sectorLabel: `L${MARKUP}`, futurePolicy: `F${MARKUP}` });
    const html = renderPackHtml(packInput('ja', c, [anEvent({ text: `E${MARKUP}`, date: parseDateText('')! })]), { fontFaceCss: FONT_CSS });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;';
    for (const field of ['T', 'S', 'L', 'F', 'E']) expect(html).toContain(`${field}${escaped}`);
  });

  it('is an A4 document marked with its audience on the cover and in the running header, in the bundled font', () => {
    const html = renderPackHtml(packInput('ja'), { fontFaceCss: FONT_CSS });
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(html).toContain('size: A4;');
    expect(html).toContain(FONT_CSS);
    expect(html).toContain('@top-right { content: "政府関係機関限り"');
    expect(html).toContain('counter(page) " / " counter(pages)');
    expect(html).toContain('<div class="marking">政府関係機関限り</div>');
    expect(html).toContain('<h1>ベトナム 海外展開カルテ 説明資料</h1>');
    expect(packRunningHeader(packInput('ja'))).toEqual({ title: 'ベトナム 海外展開カルテ 説明資料（2026年11月24日時点）', marking: '政府関係機関限り' });
  });

  it('keeps the running header one CSS string whatever line breaks its text holds, so it cannot add style rules', () => {
    // CSS reads a carriage return or form feed as a line break, which ends a string: the rest would be parsed as rules.
    const injected = 'Viet\rNam"; } body { display: none } @page { x: "\fy\nz';
    const input = { ...packInput('en'), country: { ...packInput('en').country, en: injected } };
    const html = renderPackHtml(input, { fontFaceCss: FONT_CSS });
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toMatch(/[\r\f]/);
    expect(style).toMatch(/@top-left \{ content: "(?:[^"\\\n\r\f]|\\[^\n\r\f])*"; font-size: 7\.5pt;/);
    expect(style).not.toMatch(/^\s*body \{ display: none \}/m);
  });

  it('lays the case matrix out as the 別表: a column per phase, then 今後の方針, each event in its phase with its date', () => {
    const html = renderPackHtml(packInput('ja'), { fontFaceCss: FONT_CSS });
    const head = ['案件', '検討', '実務協議等', '覚書・トップセールス等', '調査・実証', '受注・管理', '今後の方針'].map((label) => `<th>${label}</th>`).join('');
    expect(html).toContain(`<thead><tr>${head}</tr></thead>`);
    // The event sits in the third phase column: after the case cell and two empty cells.
    expect(html).toMatch(/<\/a><\/td><td><\/td><td><\/td><td><ul><li><span class="date">2015年1月<\/span> 副大臣間で郵便覚書に署名<\/li><\/ul><\/td>/);
  });

  it('speaks English in every heading and label when asked, dates included', () => {
    const html = renderPackHtml(withEverySection(packInput('en')), { fontFaceCss: FONT_CSS });
    expect(html).toContain('<html lang="en">');
    for (const label of ['Contents', 'Country snapshot', 'Case matrix', 'Consideration', 'MoU and top-level sales', 'Order won and management', 'Future policy', 'Timeline']) {
      expect(html).toContain(label);
    }
    expect(packRunningHeader(packInput('en')).title).toBe('Vietnam Overseas Deployment Dossier: Briefing Pack (As of 24 Nov 2026)');
    expect(html).toContain('<span class="date">Jan 2015</span>');
    expect(html).toContain('content: "Government and affiliated bodies only"');
    // Record text stays as recorded until translations exist.
    expect(html).toContain('副大臣間で郵便覚書に署名');
    expect(html).not.toMatch(/目次|国別概況|今後の方針/);
  });

  it('prints the visit after the contents and previous visits in the bilateral history, every field escaped', () => {
    const visit = aVisit({ objectives: `O${MARKUP}`, asks: `A${MARKUP}`, delegation: [{ name: `N${MARKUP}`, title: '総務大臣', level: '大臣' }] });
    const earlier = aVisit({ id: '44444444-4444-4444-8444-444444444444', title: `V${MARKUP}`, kind: 'policy_dialogue', dates: parseDateText('2019年夏')! });
    const html = renderPackHtml(withEverySection(packInput('ja', aCase({}), [anEvent({})], { visit, previousVisits: [earlier] })), { fontFaceCss: FONT_CSS });
    expect(html).not.toContain('<script');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;';
    for (const field of ['O', 'A', 'N', 'V']) expect(html).toContain(`${field}${escaped}`);
    const order = ['<h2>目次', '<h2>訪問の目的と要望', '<h2>国別概況', '<h2>二国間の経緯', '<h2>案件一覧'].map((heading) => html.indexOf(heading));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<td>2019年夏</td><td>政策対話</td>');
    expect(html).toContain('<p class="visit">総務大臣ベトナム訪問');
  });

  describe('briefing fields', () => {
    const briefed = aCase({
      sdgGoals: [9, 11],
      outcomeFraming: '災害による死傷者の減少',
      effectExamples: '警報の発出が10分早まった',
      financing: '円借款',
      nextSteps: '次期入札への参加',
      talkingPoints: '日本の技術の信頼性を強調',
      translations: { en: { outcomeFraming: 'Fewer disaster casualties', talkingPoints: 'Stress the reliability of Japanese technology' } },
    });

    it('prints SDG goals, outcomes, effects, financing and next steps on the case page, and the talking points after the cases', () => {
      const html = renderPackHtml(packInput('ja', briefed), { fontFaceCss: FONT_CSS });
      expect(html).toContain('<ul class="sdgs">\n<li>SDG 9: 産業と技術革新の基盤をつくろう</li>\n<li>SDG 11: 住み続けられるまちづくりを</li>\n</ul>');
      const order = [
        '<h3>SDGs',
        '<h3>開発効果</h3>\n<p>災害による死傷者の減少',
        '<h3>効果の事例</h3>\n<p>警報の発出が10分早まった',
        '<h3>資金</h3>\n<p>円借款',
        '<h3>今後の進め方</h3>\n<p>次期入札への参加',
        '<h2>発言要領</h2>',
        '日本の技術の信頼性を強調',
      ].map((part) => html.indexOf(part));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      // The Japanese pack has nothing to mark and prints no translation.
      expect(html).not.toContain('class="untranslated"');
      expect(html).not.toContain('Fewer disaster casualties');
    });

    it('prints the English translation where there is one, and the Japanese original, marked, where there is none', () => {
      const html = renderPackHtml(packInput('en', briefed), { fontFaceCss: FONT_CSS });
      const tag = ' <span class="untranslated">[Japanese original]</span>';
      expect(html).toContain('<h3>Development outcomes</h3>\n<p>Fewer disaster casualties</p>');
      expect(html).not.toContain('災害による死傷者の減少');
      expect(html).toContain(`<h3>Examples of effects${tag}</h3>\n<p>警報の発出が10分早まった</p>`);
      expect(html).toContain(`<h3>Financing${tag}</h3>`);
      expect(html).toContain(`<td>区分機${tag}</td>`);
      expect(html).toContain('<li>SDG 9: Industry, innovation and infrastructure</li>');
      expect(html).toContain('<h2>Talking points</h2>\n<h3>ベトナム 郵便: 区分機</h3>\n<p>Stress the reliability of Japanese technology</p>');
    });

    it('leaves out briefing fields nobody wrote, and the sections with nothing to say, saying why', () => {
      const input = packInput('ja', aCase({ futurePolicy: '' }));
      const html = renderPackHtml(input, { fontFaceCss: FONT_CSS });
      expect(html).not.toMatch(/<h3>(SDGs|開発効果|効果の事例|資金|今後の進め方|今後の方針)/);
      expect(html).not.toContain('記載なし');
      expect(html).not.toMatch(/<h2>(国別概況|二国間の経緯|発言要領|関係者・連絡先)/);
      expect(html).not.toMatch(/href="#(snapshot|history|talking-points|contacts)"/);
      expect(omittedSections(input)).toEqual([
        { section: 'snapshot', reason: 'counts_only' },
        { section: 'facts', reason: 'no_facts' },
        { section: 'history', reason: 'no_history' },
        { section: 'directions', reason: 'no_directions' },
        { section: 'council', reason: 'no_council_matches' },
        { section: 'talkingPoints', reason: 'no_talking_points' },
        { section: 'questions', reason: 'no_questions' },
        { section: 'profiles', reason: 'no_profiles' },
        { section: 'contacts', reason: 'no_contacts' },
      ]);
      // Without the 別表 the counts are all the snapshot has to say of the cases: it prints, as one row.
      const noMatrix = { ...input, sections: DEFAULT_PACK_SECTIONS.filter((s) => s !== 'matrix') };
      expect(omittedSections(noMatrix).map((o) => o.section)).not.toContain('snapshot');
      expect(renderPackHtml(noMatrix, { fontFaceCss: FONT_CSS })).toMatch(
        /<table class="phase-counts">\n<thead><tr><th>検討<\/th>.*<th>段階の記録なし<\/th><\/tr><\/thead>\n<tbody><tr><td>0<\/td><td>0<\/td><td>1<\/td>/,
      );
      // A visit with nothing written of its objectives or asks, and a plan section with no plan, are left out too.
      const visitPack = { ...packInput('ja', aCase({}), [anEvent({})], { visit: aVisit({ objectives: '', asks: '' }) }), sections: [...PACK_SECTIONS] };
      expect(omittedSections(visitPack).filter((o) => ['visit', 'plan'].includes(o.section))).toEqual([
        { section: 'visit', reason: 'no_objectives' },
        { section: 'plan', reason: 'no_plans' },
      ]);
    });

    it('prints markup in the briefing fields and their translations as text', () => {
      const c = aCase({
        outcomeFraming: `O${MARKUP}`,
        effectExamples: `X${MARKUP}`,
        financing: `F${MARKUP}`,
        nextSteps: `N${MARKUP}`,
        talkingPoints: `T${MARKUP}`,
        translations: { en: { outcomeFraming: `EO${MARKUP}`, talkingPoints: `ET${MARKUP}` } },
      });
      const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;';
      const ja = renderPackHtml(packInput('ja', c), { fontFaceCss: FONT_CSS });
      const en = renderPackHtml(packInput('en', c), { fontFaceCss: FONT_CSS });
      for (const html of [ja, en]) {
        expect(html).not.toContain('<script');
        expect(html).not.toContain('<b>');
      }
      for (const field of ['O', 'X', 'F', 'N', 'T']) expect(ja).toContain(`${field}${escaped}`);
      for (const field of ['EO', 'X', 'F', 'N', 'ET']) expect(en).toContain(`${field}${escaped}`);
    });
  });

  describe('sections', () => {
    /** The h2 headings in document order. */
    const headings = (html: string) => [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);

    it('prints every section in order by default, and lists each in the contents with an empty page-number slot', () => {
      const html = renderPackHtml(withEverySection(packInput('ja', aCase({}), [anEvent({})], { visit: aVisit({}) })), { fontFaceCss: FONT_CSS });
      expect(headings(html)).toEqual([
        '目次',
        '訪問の目的と要望',
        '国別概況',
        '二国間の経緯',
        '案件一覧（別表）',
        '案件別資料',
        'ベトナム 郵便: 区分機',
        '発言要領',
        '関係者・連絡先',
      ]);
      const entries = [...html.matchAll(/<a href="#([^"]+)"><span class="entry">([^<]*)<\/span><span class="leader"><\/span><span class="([^"]+)"><\/span><\/a>/g)];
      expect(entries.map((m) => [m[1], m[2]])).toEqual([
        ['visit', '訪問の目的と要望'],
        ['snapshot', '国別概況'],
        ['history', '二国間の経緯'],
        ['matrix', '案件一覧（別表）'],
        ['cases', '案件別資料'],
        ['case-11111111-1111-4111-8111-111111111111', 'ベトナム 郵便: 区分機'],
        ['talking-points', '発言要領'],
        ['contacts', '関係者・連絡先'],
      ]);
      expect(entries.every((m) => m[3] === PAGE_NUMBER_SLOT)).toBe(true);
      // Every contents entry points at an element of the document.
      for (const [, anchor] of entries) expect(html).toContain(`id="${anchor}"`);
    });

    it('prints only the sections chosen, the cover and contents always, and the visit section only for a visit', () => {
      const chosen = { ...packInput('ja', aCase({}), [anEvent({})], { visit: aVisit({}) }), sections: ['matrix' as const, 'contacts' as const] };
      const html = renderPackHtml(chosen, { fontFaceCss: FONT_CSS });
      expect(headings(html)).toEqual(['目次', '案件一覧（別表）', '関係者・連絡先']);
      expect(html).toContain('<div class="marking">政府関係機関限り</div>');
      expect(html).not.toContain('href="#snapshot"');
      const countryPack = renderPackHtml({ ...packInput('ja'), sections: ['visit', 'snapshot'] }, { fontFaceCss: FONT_CSS });
      expect(headings(countryPack)).toEqual(['目次', '国別概況']);
    });

    it('leaves out the matrix and the cases when the audience may see no case, and says so in the contents', () => {
      const input = { ...packInput('ja'), cases: [] };
      const html = renderPackHtml(input, { fontFaceCss: FONT_CSS });
      expect(html).toContain('</ol>\n<p class="muted">この配布範囲で示せる案件はありません。</p>\n</section>');
      expect(headings(html)).toEqual(['目次']);
      expect(
        omittedSections(input)
          .filter((o) => o.reason === 'no_cases')
          .map((o) => o.section),
      ).toEqual(['snapshot', 'matrix', 'cases']);
    });
  });

  describe('dates, cover and layout', () => {
    it('writes every date in 西暦, 和暦 or both, as chosen per pack; an English pack in English', () => {
      const ja = (dates: PackInput['dates']) => ({ lang: 'ja' as const, dates });
      const jan2020 = parseDateText('2020年1月')!;
      expect(packDate(ja('seireki'), jan2020)).toBe('2020年1月');
      expect(packDate(ja('wareki'), jan2020)).toBe('令和2年1月');
      expect(packDate(ja('both'), jan2020)).toBe('令和2年1月（2020年1月）');
      expect(packDate(ja('wareki'), parseDateText('2019年度')!)).toBe('令和元年度');
      expect(packDate({ lang: 'en', dates: 'wareki' }, jan2020)).toBe('Jan 2020');
      // What both write alike prints once.
      expect(packDate(ja('both'), parseDateText('2030年代前半')!)).toBe('2030年代前半');

      const visit = aVisit({ dates: parseDateText('2020年1月')! });
      const html = renderPackHtml({ ...packInput('ja', aCase({}), [anEvent({})], { visit }), dates: 'wareki' }, { fontFaceCss: FONT_CSS });
      expect(packRunningHeader({ ...packInput('ja'), dates: 'wareki' }).title).toBe('ベトナム 海外展開カルテ 説明資料（令和8年11月24日時点）');
      expect(html).toContain('<p class="as-of">令和8年11月24日時点</p>');
      expect(html).toContain('<span class="date">平成27年1月</span> 副大臣間で郵便覚書に署名');
      expect(html).toContain('<td>平成27年1月</td><td>副大臣間で郵便覚書に署名</td>');
      expect(html).toContain('総務大臣ベトナム訪問 (令和2年1月)');
      expect(html).not.toMatch(/20(15|20|26)年/);
      const both = renderPackHtml({ ...packInput('ja'), dates: 'both' }, { fontFaceCss: FONT_CSS });
      expect(both).toContain('<td>平成27年1月（2015年1月）</td>');
    });

    it('prints the issuing office, number, date and distribution on the cover, and 取扱注意 there and on every page, as text', () => {
      const cover = { issuer: '総務省国際戦略局', number: `資料1${MARKUP}`, distribution: '日ベトナムICT協議会 会員各位', handleWithCare: true };
      const input = { ...packInput('ja'), cover };
      const html = renderPackHtml(input, { fontFaceCss: FONT_CSS });
      expect(html).toContain('<div class="handling">取扱注意</div>\n<div class="marking">政府関係機関限り</div>');
      expect(html).toContain(
        '<p class="number">資料1&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</p>\n<p class="as-of">2026年11月24日時点</p>\n<p class="issuer">総務省国際戦略局</p>',
      );
      expect(html).toContain('<p class="distributed-to">配布先: 日ベトナムICT協議会 会員各位</p>');
      expect(html).not.toContain('<script');
      expect(packRunningHeader(input).marking).toBe('取扱注意\u3000政府関係機関限り');
      // Nothing set: no empty lines, no 取扱注意.
      const plain = renderPackHtml(packInput('ja'), { fontFaceCss: FONT_CSS });
      expect(plain).not.toMatch(/class="(number|issuer|distributed-to|handling)"/);
      expect(packRunningHeader(packInput('ja')).marking).toBe('政府関係機関限り');
    });

    it('prints the 別表 on landscape pages inside the portrait pack, and the cases one after another unless one per page is chosen', () => {
      const two = {
        ...packInput('ja'),
        cases: [0, 1].map((i) => ({ case: aCase({ id: `case-${i}`, title: `案件${i}` }), currentPhase: null, events: [], plan: null, questions: [] })),
      };
      const html = renderPackHtml(two, { fontFaceCss: FONT_CSS });
      expect(html).toContain('size: A4;');
      expect(html).toContain('@page landscape { size: A4 landscape;');
      expect(html).toContain('section.landscape { page: landscape; }');
      expect(html).toContain('<section class="page landscape" id="matrix">');
      // One section for the cases, each case a block in it whose title and facts stay together.
      expect(html).toContain('<section class="page cases-flow" id="cases">\n<h2>案件別資料</h2>\n<section class="case" id="case-case-0">\n<div class="case-head">\n<h2>案件0</h2>');
      expect(html).toContain('<section class="case" id="case-case-1">');
      expect(html).toContain('.case-head { break-inside: avoid; }');
      // The first section after the contents, the 別表 and the cases open a page; the briefer sections follow on.
      const full = withEverySection(two);
      expect(printedSections(full).map((s) => `${s}:${opensPage(full, s)}`)).toEqual([
        'snapshot:true',
        'history:false',
        'matrix:true',
        'cases:true',
        'talkingPoints:false',
        'contacts:false',
      ]);
      expect(renderPackHtml(full, { fontFaceCss: FONT_CSS })).toMatch(/<section class="flow" id="history">[\s\S]*<section class="flow" id="talking-points">/);
      const perPage = renderPackHtml({ ...two, casePerPage: true }, { fontFaceCss: FONT_CSS });
      expect(perPage).toContain('<section class="page cases-per-page" id="cases">');
      expect(perPage).toContain('.cases-per-page .case + .case { break-before: page;');
    });
  });

  describe('bilateral history', () => {
    it('merges agreements and visits in date order, undated last, an agreement before a visit of the same date', () => {
      const visit = (id: string, dates: string) => aVisit({ id, title: `visit ${dates}`, dates: parseDateText(dates)! });
      const agreement = (id: string, date: string) => anAgreement({ id, title: `agreement ${date}`, date: parseDateText(date)! });
      const merged = bilateralHistory(
        [agreement('a1', '2016年9月'), agreement('a2', ''), agreement('a3', '2019-05-01')],
        [visit('v1', '2019-05-01'), visit('v2', '2015年'), visit('v3', '2020年度')],
      );
      expect(merged.map((item) => (item.kind === 'agreement' ? item.agreement.title : item.visit.title))).toEqual([
        'visit 2015年',
        'agreement 2016年9月',
        'agreement 2019-05-01',
        'visit 2019-05-01',
        'visit 2020年度',
        'agreement ',
      ]);
    });

    it('prints agreements with their kind, parties, level and status beside the visits, and the dossier narrative, every field escaped', () => {
      const input: PackInput = {
        ...packInput('ja', aCase({}), [anEvent({})], { previousVisits: [aVisit({ title: '政策対話', kind: 'policy_dialogue', dates: parseDateText('2019年夏')! })] }),
        agreements: [anAgreement({ subject: `S${MARKUP}` })],
        dossier: {
          id: 'd',
          country: 'VN',
          region: '',
          title: 'ベトナム',
          overview: `O${MARKUP}`,
          relations: '戦略的パートナー',
          policy: '',
          supportHistory: '円借款の実績',
          scope: 'council',
          deleted: false,
        },
      };
      const html = renderPackHtml(input, { fontFaceCss: FONT_CSS });
      expect(html).not.toContain('<script');
      expect(html).toContain('<h3>概況</h3>\n<p>O&lt;script&gt;');
      const order = [
        '<h3>二国間関係</h3>\n<p>戦略的パートナー',
        '<h3>ODA・支援の経緯</h3>\n<p>円借款の実績',
        '<td>2016年9月</td><td>協力覚書（MoC）</td><td>郵便分野の協力覚書<br>S&lt;script&gt;',
        '<td>2019年夏</td><td>政策対話</td>',
      ].map((part) => html.indexOf(part));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(html).toContain('当事者: 総務省、越・情報通信省 / 署名レベル: 大臣間 / 場所: ハノイ / 署名済み');
    });
  });

  it("lists the visit's delegation and counterparts, whom previous visits met and the cases' organisations as contacts", () => {
    const input: PackInput = {
      ...packInput('en', aCase({}), [anEvent({})], {
        visit: aVisit({}),
        previousVisits: [
          aVisit({
            id: '66666666-6666-4666-8666-666666666666',
            title: 'Earlier mission',
            dates: parseDateText('2018-03')!,
            counterparts: [{ name: `P${MARKUP}`, title: 'Director', organisation: 'VNPost' }],
          }),
        ],
      }),
      organisations: [JAPAN_POST],
    };
    const html = renderPackHtml(input, { fontFaceCss: FONT_CSS });
    const contacts = html.slice(html.indexOf('id="contacts">'));
    expect(contacts).toContain('<h3>Delegation</h3>');
    expect(contacts).toContain('<td>山田太郎</td><td>総務大臣</td><td>大臣</td>');
    expect(contacts).toContain('<td>Nguyen Van A</td><td>Minister</td><td>MIC</td>');
    expect(contacts).toContain('<td>P&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</td><td>Director</td><td>VNPost</td><td>Earlier mission (Mar 2018)</td>');
    expect(contacts).toContain('<td>日本郵便</td><td>Japan Post</td><td>Company</td>');
    // The people are listed once, under the contacts, not in the visit section too.
    expect(html.split('山田太郎')).toHaveLength(2);
  });

  it("prints the counterpart-language translation of summaries and talking points beside the pack's text, marked with its language", () => {
    const c = aCase({
      talkingPoints: '日本の技術の信頼性を強調',
      translations: { en: { talkingPoints: 'Stress reliability' }, vi: { summary: `Máy chia chọn bưu phẩm${MARKUP}`, talkingPoints: 'Nhấn mạnh độ tin cậy' } },
    });
    const ja = renderPackHtml({ ...packInput('ja', c), counterpartLang: 'vi' }, { fontFaceCss: FONT_CSS });
    expect(ja).toContain('<td>区分機<div class="counterpart" lang="vi"><span class="language">ベトナム語</span>\n<p>Máy chia chọn bưu phẩm&lt;script&gt;');
    expect(ja).toContain('<p>日本の技術の信頼性を強調</p>\n<div class="counterpart" lang="vi"><span class="language">ベトナム語</span>\n<p>Nhấn mạnh độ tin cậy</p>');
    expect(ja).not.toContain('<script');
    const en = renderPackHtml({ ...packInput('en', c), counterpartLang: 'vi' }, { fontFaceCss: FONT_CSS });
    expect(en).toContain('<p>Stress reliability</p>\n<div class="counterpart" lang="vi"><span class="language">Vietnamese</span>');
    // No translation in the counterpart's language: nothing extra is printed.
    const th = renderPackHtml({ ...packInput('ja', c), counterpartLang: 'th' }, { fontFaceCss: FONT_CSS });
    expect(th).not.toContain('class="counterpart"');
  });

  it('sets a right-to-left translation right to left, and names and loads the fonts of only the scripts the pack prints', () => {
    const c = aCase({ translations: { ar: { summary: `نظام البريد${MARKUP}` }, th: { summary: 'ระบบไปรษณีย์' } } });
    const asked: string[] = [];
    const fonts = { fontFaceCss: FONT_CSS, scriptFontFaceCss: (script: string) => (asked.push(script), `/* ${script} faces */`) };
    const ar = renderPackHtml({ ...packInput('ja', c), counterpartLang: 'ar' }, fonts);
    expect(ar).toContain('<div class="counterpart" lang="ar" dir="rtl"><span class="language">アラビア語</span>\n<p>نظام البريد&lt;script&gt;');
    expect(ar).toContain('/* arabic faces */\n\n@page');
    expect(ar).toContain("html { font-family: 'Noto Sans JP', 'Noto Sans Arabic', sans-serif;");
    expect(asked).toEqual(['arabic']);
    // The Thai translation is not printed, so neither is its font named nor loaded.
    const plain = renderPackHtml(packInput('ja', c), fonts);
    expect(plain).toContain("html { font-family: 'Noto Sans JP', sans-serif;");
    expect(plain).not.toContain('faces');
    expect(asked).toEqual(['arabic']);
  });
});

describe('record text in the pack', () => {
  /** What a careless or hostile entry could hold: markup, a way out of an attribute, of the style element and of a CSS string. */
  const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(1)>'<b>b</b></style><style>*{display:none}</style>"; } body { display: none } @page { x: "`;
  /** The elements and attributes the pack's own markup uses: anything else would have come from record text. */
  const PACK_ELEMENTS = [
    'html',
    'head',
    'meta',
    'title',
    'style',
    'body',
    'section',
    'div',
    'h1',
    'h2',
    'h3',
    'h4',
    'p',
    'ol',
    'ul',
    'li',
    'a',
    'span',
    'strong',
    'br',
    'table',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ];
  const PACK_ATTRIBUTES = ['lang', 'dir', 'charset', 'class', 'id', 'href'];

  /**
   * The record with every text its schema declares (nested ones and dates' text too) replaced by a marker naming
   * its place followed by HOSTILE; each such text is added to `texts`.
   */
  function hostile<T>(schema: z.ZodType, value: T, place: string, texts: string[]): T {
    const text = () => {
      texts.push(`⟦${place}⟧${HOSTILE}`);
      return texts.at(-1)!;
    };
    // A date of unknown precision prints its text as written.
    if (schema === karteDateSchema) return { ...parseDateText('')!, text: text() } as T;
    if (schema instanceof z.ZodString) return text() as T;
    if (schema instanceof z.ZodArray) return (value as unknown[]).map((item, i) => hostile(schema.element as z.ZodType, item, `${place}[${i}]`, texts)) as T;
    const entries = (each: (key: string, item: unknown) => unknown) => Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, each(key, item)]));
    if (schema instanceof z.ZodObject) {
      const shape = schema.shape as Record<string, z.ZodType>;
      return entries((key, item) => (key in shape ? hostile(shape[key], item, `${place}.${key}`, texts) : item)) as T;
    }
    if (schema instanceof z.ZodRecord) return entries((key, item) => hostile(schema.valueType as z.ZodType, item, `${place}.${key}`, texts)) as T;
    return value;
  }

  /** A deployment plan whose every text is hostile: its fields, partners, financing notes, indicators, periods, hurdles. */
  function hostilePlan(caseId: string, texts: string[]): PackPlan {
    const base = { caseId, scope: 'council' as const, deleted: false };
    const plan = hostile(
      RECORD_SCHEMAS.plans,
      {
        ...base,
        id: 'p',
        counterpartNeeds: '',
        pathToOrder: '',
        problem: '',
        partners: [{ name: '', origin: 'domestic' as const, organisation: '', role: '' }],
        financing: [{ scheme: 'jica_loan' as const, status: 'applied' as const, note: '' }],
        noIndicatorsReason: '',
        noHurdlesReason: '',
        followUpDate: parseDateText('2026年10月'),
        scope: 'council' as const,
      },
      'plan',
      texts,
    );
    const indicator = (id: string, measure: 'number' | 'qualitative', value: number | string) => {
      const fields = hostile(
        RECORD_SCHEMAS.indicators,
        {
          ...base,
          id,
          level: 'outcome' as const,
          statement: '',
          kind: 'social' as const,
          unit: '',
          measure,
          direction: 'higher' as const,
          cumulative: false,
          baseline: value,
          baselineDate: null,
          verification: '',
          projectKpi: null,
        },
        'indicator',
        texts,
      );
      const period = hostile(
        RECORD_SCHEMAS.indicator_periods,
        { ...base, id: `${id}-p`, indicatorId: id, period: parseDateText('2025年度')!, target: value, revisedTarget: value, actual: value, comment: '', evidence: '' },
        'period',
        texts,
      );
      return { ...fields, periods: [period], reading: { status: 'no_data' as const, period: null, actual: null, target: null, ratio: null } };
    };
    const words = () => {
      texts.push(`⟦indicatorValue.⟧${HOSTILE}`);
      return texts.at(-1)!;
    };
    const hurdle = hostile(
      RECORD_SCHEMAS.hurdles,
      { ...base, id: 'h', description: '', since: null, counterpart: '', measures: [{ text: '', actor: '' }], status: 'open' as const },
      'hurdle',
      texts,
    );
    return { plan, indicators: [indicator('i1', 'number', 30_000), indicator('i2', 'qualitative', words())], hurdles: [hurdle], status: 'no_data' };
  }

  /**
   * The schemes and members matched to the case, every text of theirs hostile: a scheme, a member with an offer and a
   * project abroad that used it, matched as the pack matches (the codes matching reads kept as codes).
   */
  function hostileCouncil(c: Case, texts: string[]): PackInput['council'] {
    const base = { scope: 'council' as const, deleted: false };
    const scheme = {
      ...hostile(
        RECORD_SCHEMAS.schemes,
        {
          ...base,
          id: 's',
          name: '',
          owner: '',
          type: 'subsidy' as const,
          stages: [''],
          phases: [],
          sectorLabels: [''],
          sectors: [],
          countries: [],
          regions: [],
          countriesText: '',
          budget: '',
          terms: '',
          applicationWindow: '',
          contact: '',
          source: '',
        },
        'scheme',
        texts,
      ),
      id: 's',
      phases: ['survey_demo' as const],
      sectors: ['postal'],
      countries: [],
      regions: [],
    };
    const organisation = {
      ...hostile(
        RECORD_SCHEMAS.organisations,
        { ...base, id: 'm', nameJa: '', nameEn: '', type: 'company' as const, size: 'sme' as const, location: '', description: '', councilMember: true },
        'member',
        texts,
      ),
      id: 'm',
    };
    const offer = {
      ...hostile(RECORD_SCHEMAS.offers, { ...base, id: 'of', organisationId: 'm', kind: 'product' as const, name: '', description: '', sectors: [] }, 'offer', texts),
      organisationId: 'm',
      sectors: ['postal'],
    };
    const record = {
      ...hostile(
        RECORD_SCHEMAS.track_records,
        {
          ...base,
          id: 'tr',
          organisationId: 'm',
          project: '',
          country: 'VN',
          place: '',
          date: parseDateText('2019年')!,
          schemeId: 's',
          category: '',
          sectors: [],
          relatedCaseId: null,
        },
        'trackRecord',
        texts,
      ),
      organisationId: 'm',
      country: 'VN',
      schemeId: 's',
      sectors: ['postal'],
    };
    const need = { id: c.id, title: c.title, sector: 'postal', countries: ['VN'], region: '', status: 'active' as const, phase: 'survey_demo' as const };
    const match = matchCase(need, [scheme], [{ organisation, offers: [offer], trackRecords: [record] }], []);
    return [{ caseId: c.id, caseTitle: c.title, schemes: match.schemes, members: match.members }];
  }

  /** A visit pack in which every text of every kind of record, and the country's and regions' names, is hostile. */
  function hostilePack(lang: PackLanguage, texts: string[]): PackInput {
    const translated = Object.fromEntries(TRANSLATABLE_CASE_FIELDS.map((field) => [field, field]));
    const c = hostile(RECORD_SCHEMAS.cases, aCase({ translations: { en: translated, vi: translated } }), 'case', texts);
    const names = z.object({ ja: z.string(), en: z.string() });
    const event = hostile(RECORD_SCHEMAS.events, anEvent({}), 'event', texts);
    const visit = hostile(RECORD_SCHEMAS.visits, aVisit({}), 'visit', texts);
    const previousVisit = hostile(RECORD_SCHEMAS.visits, aVisit({ id: '44444444-4444-4444-8444-444444444444' }), 'previousVisit', texts);
    const question = { id: 'q', caseId: null, visitId: null, question: '', answer: '', position: 0, scope: 'council' as const, deleted: false };
    return {
      ...packInput(lang),
      counterpartLang: 'vi',
      country: { iso2: 'VN', ...hostile(names, { ja: '', en: '' }, 'country', texts) },
      regions: regionsOfCountry('VN').map((r) => ({ ...r, ...hostile(names, r, `region.${r.code}`, texts) })),
      dossier: hostile(
        RECORD_SCHEMAS.dossiers,
        { id: 'd', country: 'VN', region: '', title: 'ベトナム', overview: '', relations: '', policy: '', supportHistory: '', scope: 'council', deleted: false },
        'dossier',
        texts,
      ),
      sections: [...PACK_SECTIONS],
      cases: [
        {
          case: c,
          currentPhase: 'survey_demo',
          events: [event],
          plan: hostilePlan(c.id, texts),
          questions: [hostile(RECORD_SCHEMAS.questions, { ...question, caseId: c.id }, 'caseQuestion', texts)],
        },
      ],
      visit,
      previousVisits: [previousVisit],
      facts: [
        hostile(
          RECORD_SCHEMAS.country_facts,
          { id: 'f', country: 'VN', kind: 'other' as const, label: '', value: '', source: '', asOf: parseDateText('2023年')!, scope: 'council' as const, deleted: false },
          'fact',
          texts,
        ),
      ],
      directions: [
        hostile(
          RECORD_SCHEMAS.directions,
          {
            id: 'dir',
            country: null,
            region: 'ASEAN',
            sector: 'postal',
            situation: '',
            strengths: '',
            pathToWin: '',
            bottlenecks: '',
            measures: '',
            target: '',
            scope: 'council' as const,
            deleted: false,
          },
          'direction',
          texts,
        ),
      ],
      visitQuestions: [hostile(RECORD_SCHEMAS.questions, { ...question, visitId: visit.id }, 'visitQuestion', texts)],
      profiles: [
        {
          profile: hostile(
            RECORD_SCHEMAS.profiles,
            { id: 'p', country: 'VN', name: '', nameJa: '', title: '', organisation: '', career: '', notes: '', visitIds: [visit.id], scope: 'council' as const, deleted: false },
            'profile',
            texts,
          ),
          meetings: [
            { kind: 'visit' as const, date: previousVisit.dates, visit: previousVisit },
            { kind: 'event' as const, date: event.date, event, caseTitle: c.title },
          ],
        },
      ],
      agreements: [hostile(RECORD_SCHEMAS.agreements, anAgreement({}), 'agreement', texts)],
      council: hostileCouncil(c, texts),
      organisations: [
        hostile(
          RECORD_SCHEMAS.organisations,
          { id: 'o', nameJa: '', nameEn: '', type: 'agency', size: 'unknown', location: '', description: '', councilMember: false, scope: 'council', deleted: false },
          'organisation',
          texts,
        ),
      ],
    };
  }

  it.each<PackLanguage>(['ja', 'en'])('prints every text of every kind of record as text (%s): no element, attribute or style rule comes from one', (lang) => {
    const texts: string[] = [];
    const input = hostilePack(lang, texts);
    const source = renderPackHtml(input, { fontFaceCss: FONT_CSS });
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const elements = [...doc.querySelectorAll('*')];

    expect([...new Set(elements.map((e) => e.localName))].filter((name) => !PACK_ELEMENTS.includes(name))).toEqual([]);
    expect(elements.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => !PACK_ATTRIBUTES.includes(name))).toEqual([]);

    // One style element, whole, and the running header one CSS string in it.
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0].textContent).toContain(FONT_CSS);
    expect(styles[0].textContent).toContain('ul.sdgs { margin: 0; padding-left: 5mm; }');
    expect(styles[0].textContent).not.toContain('<');
    expect(styles[0].textContent).toMatch(/@top-left \{ content: "(?:[^"\\\n\r\f]|\\[^\n\r\f])*"; font-size: 7\.5pt;/);

    // Whatever prints, prints whole: as text, or as an attribute value (the case's anchor).
    const printed = texts.filter((text) => source.includes(text.slice(0, text.indexOf('⟧') + 1)));
    const values = elements.flatMap((e) => [...e.attributes].map((a) => a.value));
    const whole = (text: string) => doc.body.textContent!.includes(text) || doc.title.includes(text) || values.some((value) => value.includes(text));
    expect(printed.filter((text) => !whole(text))).toEqual([]);
    for (const kind of [
      'country',
      'region',
      'dossier',
      'case',
      'event',
      'agreement',
      'organisation',
      'visit',
      'previousVisit',
      'plan',
      'indicator',
      'indicatorValue',
      'hurdle',
      'caseQuestion',
      'visitQuestion',
      'fact',
      'direction',
      'profile',
      'scheme',
      'member',
      'offer',
      'trackRecord',
    ]) {
      expect(
        printed.some((text) => text.startsWith(`⟦${kind}.`)),
        kind,
      ).toBe(true);
    }

    // The contents and the matrix link to the case page by its id, whatever the id holds.
    const anchor = `case-${input.cases[0].case.id}`;
    expect(doc.getElementById(anchor)?.localName).toBe('section');
    expect(elements.filter((e) => e.getAttribute('href') === `#${anchor}`)).toHaveLength(2);
  });
});
