import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, listCases } from '../../electron/services/cases';
import { addEvent } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import type { Store } from '../../electron/services/store/store';
import { openAppPage, type AppPage } from '../support/app-page';
import { demoFiles } from '../support/temp';

// A desk officer's day (issue 13) in real Chromium at a laptop's 1366×768: a Vietnam case page opens on its timeline
// and the way to add an event, the briefing fields folded away; a case of a whole region (no country) is found on
// the countries screen under its region, and its page leads back there. Screenshots go to test/artifacts/e2e/.

const REGION_CASE_TITLE = 'アフリカ 国民ID: 国民IDプラットフォームの導入支援';

/** The demo dossiers, and a case of Africa as a whole: no country yet, only its region. */
function prepare(store: Store): void {
  importKarteFiles(store, demoFiles());
  const { id } = createCase(store, {
    title: REGION_CASE_TITLE,
    countries: [],
    region: 'africa',
    sectorLabel: 'デジタルガバメント',
    summary: 'アフリカ諸国での国民ID基盤の導入に向け、関心国を募る。',
  });
  addEvent(store, id, { phase: 'consideration', date: '2020年10月', text: 'アフリカ開発会議の閣僚会合で国民ID基盤の協力を紹介' });
}

describe('the case page and the countries screen in Chromium', () => {
  let app: AppPage['app'];
  let page: Page;
  let errors: string[];
  let shot: AppPage['shot'];
  let close: AppPage['close'];

  beforeAll(async () => {
    ({ app, page, errors, shot, close } = await openAppPage(prepare));
  });

  afterAll(() => close?.());

  // The top bar is sticky: a full-page shot taken scrolled down draws it in the middle of the page.
  const top = () => page.evaluate(() => window.scrollTo(0, 0));

  it('opens a Vietnam case on its timeline, 経緯を追加 a few Tab presses from the top, the briefing fields folded', async () => {
    const caseId = listCases(app.store, { country: 'VN' }).find((c) => c.sectorLabel === 'スマートシティ')!.id;
    await page.goto(`${app.server.url}/#/case/${caseId}`);
    const timeline = page.getByRole('region', { name: '経緯', exact: true });
    await timeline.getByText('大臣間で改定覚書に署名').waitFor();
    // The plan comes last and loads on its own: measured once it is there.
    await page.getByRole('region', { name: '展開実施プラン' }).getByRole('heading', { name: '指標' }).waitFor();

    const layout = await page.evaluate(() => {
      const top = (selector: string) => Math.round(document.querySelector(selector)!.getBoundingClientRect().top + window.scrollY);
      return { timeline: top('.timeline'), addEvent: top('.add-event'), page: document.documentElement.scrollHeight };
    });
    console.info(`case page: timeline at ${layout.timeline} px, 経緯を追加 at ${layout.addEvent} px, page ${layout.page} px high`);
    // On the first screen, below the top bar and the case's title.
    expect(layout.timeline).toBeLessThan(300);
    expect(layout.addEvent).toBeLessThan(768);

    // As a keyboard starts on a page: 本文へ移動 (the document's first Tab stop) skips the top bar; then Tab to 経緯を追加.
    await page.getByRole('button', { name: '本文へ移動' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    const focused: string[] = [];
    for (let presses = 1; presses <= 30; presses++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element?.tagName === 'BUTTON' ? element.textContent!.trim() : `${element?.tagName} ${element?.getAttribute('aria-label') ?? element?.id ?? ''}`;
      });
      focused.push(name);
      if (name === '経緯を追加') break;
    }
    console.info(`Tab presses to 経緯を追加: ${focused.length} (${focused.join(' → ')})`);
    expect(focused.at(-1)).toBe('経緯を追加');
    expect(focused.length).toBeLessThanOrEqual(8);
    expect(await page.evaluate(() => document.activeElement!.getAttribute('aria-expanded'))).toBe('true');
    // The next Tab is in the form, at its first field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('add-event-phase');

    // The briefing fields (説明資料用) are folded away, and open on request.
    const briefing = page.locator('details.briefing');
    expect(await briefing.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByRole('textbox', { name: '発言要領', exact: true }).isVisible()).toBe(false);

    // The case's scope is a control of normal size with a label one can read.
    const scope = page.getByRole('combobox', { name: '共有範囲', exact: true }).first();
    expect(await scope.inputValue()).toBe('council');
    const box = (await scope.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(await scope.evaluate((s) => parseFloat(getComputedStyle(s).fontSize))).toBeGreaterThanOrEqual(13);
    expect(await page.locator('label[for="case-scope"]').isVisible()).toBe(true);

    await top();
    await shot('30-case-first-screen');
    await shot('31-case-full-page', true);
    await page.getByText('説明資料用', { exact: true }).click();
    await page.getByRole('textbox', { name: '発言要領', exact: true }).waitFor();
    await top();
    await shot('32-case-briefing-open', true);
    await page.getByText('説明資料用', { exact: true }).click();

    // In English, the longer words keep the same layout.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Add an event' }).waitFor();
    await top();
    await shot('33-case-english');
    await page.getByRole('button', { name: '日本語' }).click();

    // With the keyboard alone, from 経緯を追加: phase as it is, a date, the scope as it is, the text, Enter.
    const add = page.getByRole('button', { name: '経緯を追加' });
    await add.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2021年度予定');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ダナン市で実装を提案');
    await page.keyboard.press('Enter');
    const added = timeline.getByRole('region', { name: '調査・実証' }).getByText('ダナン市で実装を提案');
    await added.waitFor();
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('add-event-text');
    expect(errors).toEqual([]);
  });

  it('lists the regions, each parent before its sub-regions', async () => {
    await page.goto(`${app.server.url}/#/countries`);
    const options = await page.getByRole('combobox', { name: '地域' }).locator('option').allInnerTexts();
    const names = options.map((o) => o.trim());
    for (const [parent, child] of [
      ['インド太平洋', 'ASEAN'],
      ['中南米', '南米'],
      ['欧米', '欧州'],
    ]) {
      expect(names.indexOf(parent), `${parent} before ${child} in ${names.join(', ')}`).toBeLessThan(names.indexOf(child));
      expect(names.indexOf(parent)).toBeGreaterThan(0);
    }
  });

  it('finds the region-level case under its region (地域案件) on the countries screen, and its page leads back', async () => {
    await page.goto(`${app.server.url}/#/countries`);
    const regionCases = page.getByRole('region', { name: '地域案件' });
    await regionCases.getByRole('heading', { name: 'アフリカ' }).waitFor();
    await shot('34-countries-region-cases', true);

    // Narrowed to Africa, the case is still there; narrowed elsewhere, it is not.
    await page.getByRole('combobox', { name: '地域' }).selectOption({ label: 'アフリカ' });
    await regionCases.getByRole('link', { name: REGION_CASE_TITLE }).waitFor();
    await shot('35-countries-africa', true);
    await page.getByRole('combobox', { name: '地域' }).selectOption({ label: 'ASEAN' });
    await expect.poll(() => page.getByRole('link', { name: REGION_CASE_TITLE }).count()).toBe(0);
    await page.getByRole('combobox', { name: '地域' }).selectOption({ label: 'アフリカ' });

    await regionCases.getByRole('link', { name: REGION_CASE_TITLE }).click();
    await page.getByRole('region', { name: '経緯', exact: true }).getByText('アフリカ開発会議の閣僚会合で国民ID基盤の協力を紹介').waitFor();
    const back = page.getByRole('navigation', { name: '関連ページ' }).getByRole('link', { name: /アフリカ/ });
    expect(await back.innerText()).toContain('国一覧');
    await shot('36-region-case');
    await back.click();
    await regionCases.getByRole('link', { name: REGION_CASE_TITLE }).waitFor();
    expect(page.url()).toContain('#/countries?region=africa');
    expect(await page.getByRole('combobox', { name: '地域' }).inputValue()).toBe('africa');
    expect(errors).toEqual([]);
  });
});
