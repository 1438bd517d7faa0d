import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/services/cases';
import { addContact, createAdvisor } from '../../electron/services/council/advisors';
import { addEvent } from '../../electron/services/events';
import { importCouncilFiles } from '../../electron/services/import/council-import';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import type { Store } from '../../electron/services/store/store';
import { openAppPage, overflowsSideways, SHOTS, type AppPage } from '../support/app-page';
import { pdfPages, squeezed } from '../support/pdf';
import { DEMO_DIR, demoFiles } from '../support/temp';

// The council database (issue 15) in real Chromium at a laptop's 1366×768: a Vietnamese waste-to-energy case's
// matching panel, the sector page printed for an audience, the schemes and a member's page, reached from the top
// bar's 「協議会データベース」. Screenshots go to test/artifacts/e2e/.

const COUNCIL_FILES = ['support-schemes.json', 'track-records.json'].map((f) => path.join(DEMO_DIR, 'council', f));
const WASTE_CASE = 'ベトナム 廃棄物発電: ハノイ';

let wasteId = '';

function prepare(store: Store): void {
  importKarteFiles(store, demoFiles());
  importCouncilFiles(store, COUNCIL_FILES);
  const { id } = createCase(store, { title: WASTE_CASE, countries: ['VN'], sectorLabel: '廃棄物発電' });
  wasteId = id;
  addEvent(store, id, { phase: 'consideration', date: '2022年4月', text: 'ハノイ市と廃棄物発電の検討を開始' });
  const advisor = createAdvisor(store, {
    name: '山田太郎',
    affiliation: '元JICA専門家（廃棄物管理）、横浜市資源循環局OB',
    sectors: ['waste_to_energy', 'water'],
    countries: ['VN', 'PH', 'ID'],
    languages: ['ベトナム語', '英語'],
    experience: 'ハノイ市・ダナン市で廃棄物処理計画の策定支援（2015〜2020年）。',
    registeredOn: '2022年4月',
    scope: 'council',
  });
  addContact(store, advisor.id, { contact: 'yamada@example.jp（協議会事務局経由）', scope: 'government' });
}

describe('the council database in Chromium', () => {
  let app: AppPage['app'];
  let page: Page;
  let errors: string[];
  let shot: AppPage['shot'];
  let close: AppPage['close'];

  beforeAll(async () => {
    ({ app, page, errors, shot, close } = await openAppPage(prepare));
  });
  afterAll(() => close?.());

  it("shows a case's matching with reasons, and what does not fit when unfolded", async () => {
    await page.goto(`${app.server.url}/#/case/${wasteId}`);
    const panel = page.getByRole('region', { name: '支援ツール・会員・アドバイザーとのマッチング' });
    await panel.getByRole('link', { name: 'JCM設備補助事業' }).waitFor();
    await panel.getByText(/^該当しないもの/).click();
    // Below the sticky top bar.
    await panel.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 80));
    await shot('70-case-match');
    expect(await overflowsSideways(page)).toBe(false);
  }, 60_000);

  it('shows the sector page and prints it for the audience chosen', async () => {
    await page.goto(`${app.server.url}/#/council/sectors/waste_to_energy`);
    await page.getByRole('heading', { level: 1, name: '分野別の状況：廃棄物発電' }).waitFor();
    await page
      .getByRole('region', { name: /^支援ツール/ })
      .getByRole('link', { name: 'JCM設備補助事業' })
      .waitFor();
    await shot('71-sector-page');
    await page.screenshot({ path: path.join(SHOTS, '72-sector-page-full.png'), fullPage: true });
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByRole('combobox', { name: '配布範囲' }).selectOption('council');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '印刷（PDF）' }).click()]);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const printed = (await pdfPages(file)).map(squeezed).join('');
    expect(printed).toContain('JCM設備補助事業');
    expect(printed).toContain(squeezed(WASTE_CASE));
    fs.rmSync(file);

    // A sector with cases in many countries and phases.
    await page.goto(`${app.server.url}/#/council/sectors/postal`);
    await page.getByRole('heading', { level: 1, name: '分野別の状況：郵便' }).waitFor();
    await page
      .getByRole('region', { name: /^段階別の案件/ })
      .getByRole('table')
      .waitFor();
    // (イ) Where its cases are: Vietnam on the map (the demo's postal cases are all there), and the analytics' sector ×
    // region matrix narrowed to the sector one click away.
    const map = page.getByRole('region', { name: '地域別の案件（分野×地域）' });
    await map.getByRole('link', { name: /^ベトナム/ }).waitFor();
    expect(await map.getByRole('link', { name: /^フィリピン/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, '79-sector-postal-full.png'), fullPage: true });
    expect(await overflowsSideways(page)).toBe(false);
    await map.getByRole('link', { name: '分析の「分野×地域」の表で郵便を見る' }).click();
    await page.waitForURL(/#\/analytics\?sector=postal/);
    expect(
      await page
        .locator('select')
        .filter({ has: page.locator('option[value="postal"]') })
        .first()
        .inputValue(),
    ).toBe('postal');
  }, 120_000);

  it('lists the schemes from the top bar, and opens a member with its track records and fitting cases', async () => {
    await page.goto(`${app.server.url}/#/`);
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '協議会データベース' }).click();
    await page.getByRole('heading', { level: 2, name: 'JCM設備補助事業' }).waitFor();
    await shot('73-schemes');
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByRole('link', { name: 'JCM設備補助事業' }).click();
    await page.getByRole('heading', { level: 1, name: 'JCM設備補助事業' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '76-scheme-page-full.png'), fullPage: true });
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('navigation', { name: '協議会データベースの内容' }).getByRole('link', { name: '支援ツール' }).click();

    await page.getByRole('navigation', { name: '協議会データベースの内容' }).getByRole('link', { name: '会員' }).click();
    await page.getByRole('link', { name: '横浜ウォーター株式会社' }).click();
    await page.getByRole('region', { name: '海外展開実績' }).getByRole('textbox', { name: '事業名（水道公社への高効率ポンプの導入）' }).waitFor();
    await page.getByRole('region', { name: 'この会員に合う案件と支援ツール' }).getByRole('link').first().waitFor();
    await shot('74-member');
    await page.screenshot({ path: path.join(SHOTS, '75-member-full.png'), fullPage: true });
    expect(await overflowsSideways(page)).toBe(false);

    // In English the same page, its words from the English locale and the reasons' English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Cases and support schemes that fit this member' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '77-member-en-full.png'), fullPage: true });
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: '日本語' }).click();
    expect(errors).toEqual([]);
  }, 60_000);

  it('lists the advisors and opens one with their contacts', async () => {
    await page.goto(`${app.server.url}/#/council/advisors`);
    await page.getByRole('link', { name: '山田太郎' }).click();
    await page.getByRole('heading', { level: 1, name: '山田太郎' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '78-advisor-full.png'), fullPage: true });
    expect(await overflowsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
  }, 60_000);
});
