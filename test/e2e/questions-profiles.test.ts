import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../../electron/services/cases';
import { addEvent } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { createProfile } from '../../electron/services/profiles';
import { addQuestion } from '../../electron/services/questions';
import type { Store } from '../../electron/services/store/store';
import { createVisit } from '../../electron/services/visits';
import { openAppPage, overflowsSideways, type AppPage } from '../support/app-page';
import { demoFiles } from '../support/temp';

// 想定問答 and 先方要人 (issue 14, item 4) in real Chromium at a laptop's 1366×768: the case page's and the visit
// page's panels and a country's profiles screen, laid out without a horizontal scroll and with no script error.
// Screenshots go to test/artifacts/e2e/ for a person to look at.

let caseId = '';
let visitId = '';

function prepare(store: Store): void {
  importKarteFiles(store, demoFiles());
  caseId = listCases(store, { country: 'VN' }).find((c) => c.sectorLabel === 'スマートシティ')!.id;
  addQuestion(store, { caseId }, { question: '実証の規模と時期は？', answer: 'ダナン市など2都市で、2021年度中の実施を予定している。' });
  addQuestion(store, { caseId }, { question: '日本企業の参画見通しは？', answer: '先方予算の確定待ち。確定次第、入札への参加を働きかける。', scope: 'government' });
  addQuestion(store, { caseId }, { question: '中国・韓国企業の動きは？', answer: '' });
  visitId = createVisit(store, {
    title: '総務大臣ベトナム訪問',
    country: 'VN',
    dates: '2021年5月10日～12日',
    scope: 'government',
    caseIds: [caseId],
    counterparts: [
      { name: 'Nguyen Manh Hung', title: '情報通信大臣', organisation: 'ベトナム情報通信省' },
      { name: 'Pham Minh Chinh', title: '首相', organisation: 'ベトナム政府' },
    ],
  }).id;
  const earlier = createVisit(store, { title: '官民ミッション（スマートシティ）', country: 'VN', dates: '2019年8月' });
  createProfile(store, {
    name: 'Nguyen Manh Hung',
    nameJa: 'グエン・マイン・フン',
    title: '情報通信大臣',
    organisation: 'ベトナム情報通信省',
    career: '2018年7月 情報通信大臣代行\n2019年4月 情報通信大臣',
    notes: '日本の郵便・放送分野の協力に関心が高い。',
    country: 'VN',
    visitIds: [visitId, earlier.id],
    scope: 'government',
  });
  createProfile(store, { name: 'Tran Van An', nameJa: 'チャン・ヴァン・アン', title: '次官', organisation: 'ベトナム情報通信省', country: 'VN' });
  addEvent(store, caseId, { phase: 'consultation', date: '2020年10月', text: 'グエン・マイン・フン大臣とオンライン会談、スマートシティ協力を確認' });
  addQuestion(store, { visitId }, { question: '共同声明の扱いは？', answer: '文言を調整中。', scope: 'government' });
}

describe('想定問答 and 先方要人 in Chromium', () => {
  let app: AppPage['app'];
  let page: Page;
  let errors: string[];
  let shot: AppPage['shot'];
  let close: AppPage['close'];

  beforeAll(async () => {
    ({ app, page, errors, shot, close } = await openAppPage(prepare));
  });
  afterAll(() => close?.());

  // Below the sticky top bar and status line, which would cover a panel's heading scrolled to the very top.
  const scrollTo = (selector: string) => page.evaluate((s) => window.scrollTo(0, document.querySelector(s)!.getBoundingClientRect().top + window.scrollY - 80), selector);
  const noSideways = async () => expect(await overflowsSideways(page)).toBe(false);

  it("shows the case's 想定問答 in order, each scoped, the first not movable up", async () => {
    await page.goto(`${app.server.url}/#/case/${caseId}`);
    const panel = page.getByRole('region', { name: '想定問答' });
    await panel.getByRole('textbox', { name: '質問（問3）' }).waitFor();
    expect(await panel.getByRole('textbox', { name: '質問（問1）' }).inputValue()).toBe('実証の規模と時期は？');
    expect(await panel.getByRole('button', { name: '問1を上へ' }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: '想定問答を追加' }).click();
    await panel.getByRole('form', { name: '想定問答を追加' }).waitFor();
    await scrollTo('.questions');
    await noSideways();
    await shot('60-case-questions');
  });

  it("shows the visit's 先方要人 and 想定問答", async () => {
    await page.goto(`${app.server.url}/#/visit/${visitId}`);
    const profiles = page.getByRole('region', { name: '先方要人' });
    await profiles.getByRole('link', { name: 'グエン・マイン・フン（Nguyen Manh Hung）' }).waitFor();
    // The minister is linked already; the prime minister, only written among the people met, is offered as a profile.
    expect(await profiles.getByRole('button', { name: 'Pham Minh Chinhを要人として登録' }).isVisible()).toBe(true);
    expect(await profiles.getByRole('button', { name: 'Nguyen Manh Hungを要人として登録' }).count()).toBe(0);
    await page.getByRole('region', { name: '想定問答' }).getByRole('textbox', { name: '質問（問1）' }).waitFor();
    await scrollTo('.visit-profiles');
    await noSideways();
    await shot('61-visit-profiles-questions');
  });

  it("lists Vietnam's profiles with their previous meetings", async () => {
    await page.goto(`${app.server.url}/#/dossier/VN`);
    await page.getByRole('link', { name: '先方要人' }).waitFor();
    await shot('64-dossier-header');
    await page.getByRole('link', { name: '先方要人' }).click();
    const card = page.getByRole('region', { name: 'グエン・マイン・フン（Nguyen Manh Hung）' });
    await card.getByRole('table').waitFor();
    const meetings = await card.getByRole('row').allInnerTexts();
    expect(meetings.slice(1).map((row) => row.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining('官民ミッション（スマートシティ）'),
      expect.stringContaining('グエン・マイン・フン大臣とオンライン会談'),
      expect.stringContaining('総務大臣ベトナム訪問'),
    ]);
    await noSideways();
    await shot('62-profiles', true);
    await card.getByRole('button', { name: 'グエン・マイン・フン（Nguyen Manh Hung）を編集' }).click();
    await card.getByRole('textbox', { name: '経歴' }).waitFor();
    await noSideways();
    await shot('63-profile-editing');
    expect(errors).toEqual([]);
  });
});
