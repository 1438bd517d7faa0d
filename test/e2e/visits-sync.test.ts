import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { outboxCount } from '../../electron/services/sync/outbox';
import { listVisits } from '../../electron/services/visits';
import { openAppPage, type AppPage } from '../support/app-page';
import { demoFiles } from '../support/temp';

// A desk officer's day in real Chromium at a laptop's 1366×768, on the demo dossiers and no sync server: a visit is
// registered, an outcome recorded on one of its cases and listed on the visit; the sync status says there is no
// server and how much waits for one. Screenshots go to test/artifacts/e2e/ for a person to look at.

describe('visits and the sync status in Chromium', () => {
  let app: AppPage['app'];
  let page: Page;
  let errors: string[];
  let shot: AppPage['shot'];
  let close: AppPage['close'];

  beforeAll(async () => {
    ({ app, page, errors, shot, close } = await openAppPage((store) => void importKarteFiles(store, demoFiles())));
  });

  afterAll(() => close?.());

  const syncBar = () => page.getByRole('group', { name: '同期の状態' });

  it('lists the countries with dossiers or cases first in the visits filter', async () => {
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '訪問', exact: true }).click();
    await page.getByRole('heading', { name: '訪問', exact: true }).waitFor();
    const groups = page.locator('#visits-country optgroup');
    await expect.poll(() => groups.count()).toBe(2);
    expect(await groups.nth(0).getAttribute('label')).toBe('カルテ・案件・訪問のある国');
    expect(await groups.nth(1).getAttribute('label')).toBe('その他の国');
    const first = await groups
      .nth(0)
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const withCases = new Set(listCases(app.store, {}).flatMap((c) => c.countries));
    expect(first).toContain('VN');
    for (const iso2 of withCases) expect(first).toContain(iso2);
    // A few dozen countries, not the world's 250.
    expect(first.length).toBeLessThan(60);
    expect(await groups.nth(1).locator('option').count()).toBeGreaterThan(150);
    // The first choice after 'every country' is a country with cases.
    const firstChoice = await page.locator('#visits-country option').nth(1).getAttribute('value');
    expect(withCases.has(firstChoice!) || first.includes(firstChoice!)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('registers a visit, records an outcome and lists it on the visit with a link to its case', async () => {
    const form = page.getByRole('form', { name: '訪問を登録' });
    await form.getByLabel('件名').fill('総務大臣ベトナム訪問');
    await form.getByLabel('種別').selectOption({ label: 'トップセールス' });
    await form.getByLabel('国').selectOption('VN');
    await form.getByLabel('日程').fill('2021-05-10～2021-05-12');
    // Labels in one column, fields in the next, all starting at the same place.
    const starts = await form.locator('input, select').evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().left)));
    expect(new Set(starts).size).toBe(1);
    await form.scrollIntoViewIfNeeded();
    await shot('50-visit-new-form');
    await form.getByRole('button', { name: '登録' }).click();

    await page.getByRole('heading', { name: '関連案件' }).waitFor();
    const visit = listVisits(app.store, { country: 'VN' })[0];
    expect(page.url()).toContain(`#/visit/${visit.id}`);
    // The dates in Japanese style, not as typed.
    expect(await page.getByLabel('日程', { exact: true }).inputValue()).toBe('2021年5月10日～12日');

    const target = listCases(app.store, { country: 'VN' }).find((c) => c.sectorLabel === 'スマートシティ')!;
    // Checked once the store has the link: the box shows what is stored.
    await page.getByRole('checkbox', { name: target.title }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: target.title }).isChecked()).toBe(true);
    const outcomes = page.getByRole('form', { name: '訪問の成果' });
    await outcomes.getByLabel('1件目の段階').selectOption({ label: '覚書・トップセールス等' });
    expect(await outcomes.getByLabel('1件目の時期').inputValue()).toBe('2021年5月10日～12日');
    await outcomes.getByLabel('1件目の成果').fill('大臣間でスマートシティ協力覚書に署名');
    await outcomes.getByRole('button', { name: '成果を案件の経緯に記録' }).click();
    await outcomes
      .getByRole('status')
      .getByText(/^1件の経緯を記録しました。/)
      .waitFor();

    // Listed on the visit for good, not only in a passing message, with the way to its case.
    const recorded = page.getByRole('region', { name: '記録済みの成果' });
    const row = recorded.getByRole('row').filter({ hasText: '大臣間でスマートシティ協力覚書に署名' });
    await row.waitFor();
    expect(await row.innerText()).toContain('覚書・トップセールス等');
    expect(await row.innerText()).toContain('2021年5月10日～12日');
    expect(await outcomes.innerText()).toContain('記録済み 1件');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('51-visit-recorded-outcome', true);
    await recorded.scrollIntoViewIfNeeded();
    await shot('52-visit-recorded-outcome-viewport');
    // Typing the same outcome again is caught before it is sent.
    await outcomes.getByLabel('1件目の成果').fill('大臣間でスマートシティ協力覚書に署名');
    await outcomes.getByText('同じ成果がこの案件に記録済みです。').waitFor();
    expect(await outcomes.getByRole('button', { name: '成果を案件の経緯に記録' }).isDisabled()).toBe(true);

    await row.getByRole('link', { name: target.title }).click();
    await page.getByRole('heading', { name: '経緯を追加' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/case/${target.id}\\?event=[0-9a-f-]{36}$`));
    await page.getByText('大臣間でスマートシティ協力覚書に署名').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the unsent changes and that no server is set up, in the bar and on the sync screen', async () => {
    const waiting = outboxCount(app.store);
    expect(waiting).toBeGreaterThan(0);
    const count = `未送信 ${waiting.toLocaleString('ja-JP')}件`;
    await syncBar().getByText(count).waitFor();
    await syncBar().getByText('同期: 未設定').waitFor();
    expect(await syncBar().innerText()).not.toMatch(/オンライン|オフライン/);
    expect(await syncBar().getByText('同期: 未設定').getAttribute('title')).toMatch(/^同期サーバーが設定されていません。/);

    await syncBar().getByRole('link', { name: 'サインイン' }).click();
    await page.getByRole('heading', { name: '同期', exact: true }).waitFor();
    await page.getByText('同期サーバーが設定されていません。').waitFor();
    expect(await page.getByRole('status').filter({ hasText: '同期サーバーが設定されていません。' }).innerText()).toContain(
      `この端末の変更 ${waiting.toLocaleString('ja-JP')}件はまだどこにも送られておらず`,
    );
    const details = page.getByRole('region', { name: '同期の状態' });
    expect(await details.locator('dt', { hasText: '接続' }).locator('+ dd').innerText()).toBe('同期サーバー未設定');
    expect(await details.locator('dt', { hasText: '未送信の変更' }).locator('+ dd').innerText()).toBe(`${waiting.toLocaleString('ja-JP')}件`);
    expect(await details.innerText()).not.toMatch(/オンライン|オフライン/);
    await shot('53-sync-no-server', true);
    expect(errors).toEqual([]);
  });
});
