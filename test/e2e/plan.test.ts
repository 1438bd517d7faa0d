import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { addHurdle, addIndicator, addMeasure, saveRevision, setPeriodValues, setPlanField, updateHurdle, updatePlan } from '../../electron/services/plans';
import type { Store } from '../../electron/services/store/store';
import { startAppServer } from '../support/app-server';
import { launchChromium } from '../support/browser';
import { demoFiles } from '../support/temp';

// The deployment plan (展開実施プラン) of a case in real Chromium at a laptop's 1366×768: a plan with partners,
// financing, indicators over three 年度 (one target revised), hurdles and two revisions compared. Screenshots go to
// test/artifacts/e2e/ for a person to look at.

const SHOTS = path.resolve(import.meta.dirname, '../artifacts/e2e');

/** Vietnam's smart-city case with a plan as a desk officer would have written it. */
function seedPlan(store: Store): void {
  importKarteFiles(store, demoFiles());
  const caseId = listCases(store, { country: 'VN' }).find((c) => c.sectorLabel === 'スマートシティ')!.id;
  updatePlan(store, caseId, {
    counterpartNeeds:
      'ダナン市・フエ市では都市化に伴う交通渋滞と豪雨時の浸水が深刻化しており、市人民委員会はデータに基づく都市管理（スマートシティ）への移行を優先課題としている。',
    pathToOrder: '2024年度に実証（交通管制・防災）を行い、成果をもとに2025年度の市予算またはJICA円借款での本格導入を提案する。',
    problem: '交通渋滞による経済損失の削減、浸水被害の早期把握と住民避難の迅速化。',
    partners: [
      { name: 'A社', origin: 'domestic', organisation: '日本電気系SIer', role: '交通管制システムの提供・実証の取りまとめ' },
      { name: 'B社', origin: 'domestic', organisation: '気象センサーメーカー', role: '浸水センサーの設置' },
      { name: 'ダナン市情報通信局', origin: 'foreign', organisation: 'ダナン市人民委員会', role: '実証サイトの提供、データ連携' },
    ],
    financing: [
      { scheme: 'jica_technical', status: 'approved', note: '2024年度 中小企業・SDGsビジネス支援事業' },
      { scheme: 'jica_loan', status: 'considering', note: '本格導入時' },
    ],
  });
  setPlanField(store, caseId, 'followUpDate', '2025年4月');
  const signals = addIndicator(store, caseId, { statement: 'スマート交通信号を導入した交差点数', level: 'output', unit: '箇所', baseline: 0, cumulative: true });
  setPeriodValues(store, signals.id, '2023', { target: 10, actual: 12 });
  setPeriodValues(store, signals.id, '2024', { target: 40, actual: 20 });
  setPeriodValues(store, signals.id, '2025', { target: 80 });
  const time = addIndicator(store, caseId, { statement: '主要幹線道路の朝ピーク時の平均移動時間', level: 'outcome', unit: '分', baseline: 42, direction: 'lower' });
  setPeriodValues(store, time.id, '2023', { target: 40, actual: 41 });
  setPeriodValues(store, time.id, '2024', { target: 35, actual: 38, comment: '工事渋滞の影響' });
  const warnings = addIndicator(store, caseId, { statement: '浸水警報の発出から住民への通知までの時間の短縮', level: 'impact', measure: 'percent', baseline: 0 });
  setPeriodValues(store, warnings.id, '2024', { target: 50, actual: 45 });
  addIndicator(store, caseId, { statement: '市民の都市サービス満足度', level: 'impact', measure: 'qualitative', kind: 'economic' });
  saveRevision(store, caseId, '2024年度当初');
  setPeriodValues(store, time.id, '2024', { revisedTarget: 37 });
  const budget = addHurdle(store, caseId, { description: '市の2025年度予算でのスマートシティ関連予算の計上が未定', counterpart: 'ダナン市計画投資局', since: null });
  addMeasure(store, budget.id, { text: '政策対話で予算化を要請', actor: '総務省' });
  addMeasure(store, budget.id, { text: '実証成果の報告会を開催', actor: 'A社' });
  const data = addHurdle(store, caseId, { description: '個人データの越境移転規制（政令53号）への対応', counterpart: '公安省' });
  updateHurdle(store, data.id, { status: 'resolved' });
  saveRevision(store, caseId, '2024年度中間見直し');
}

describe('the deployment plan in Chromium', () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startAppServer(seedPlan);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' })).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(app.server.openUrl);
    await page.getByRole('navigation', { name: 'main' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the plan on the case page, opened at the plan', async () => {
    const caseId = listCases(app.store, { country: 'VN' }).find((c) => c.sectorLabel === 'スマートシティ')!.id;
    await page.goto(`${app.server.url}/#/case/${caseId}?plan`);
    const plan = page.getByRole('region', { name: '展開実施プラン' });
    await plan.getByRole('heading', { name: '指標' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, '20-plan-top.png') });
    await plan.getByRole('heading', { name: '指標' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await page.screenshot({ path: path.join(SHOTS, '21-plan-indicators.png') });
    await plan.getByRole('button', { name: '2024年度の値を編集: 主要幹線道路の朝ピーク時の平均移動時間' }).click();
    await page.screenshot({ path: path.join(SHOTS, '22-plan-period-editor.png') });
    await plan.getByRole('button', { name: '取り消し' }).click();
    await plan.getByRole('button', { name: '現在と比較: 2024年度当初' }).click();
    await plan.getByRole('region', { name: /^比較:/ }).waitFor();
    await plan.getByRole('heading', { name: '外的事情' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, '23-plan-hurdles-revisions.png') });
    await page.screenshot({ path: path.join(SHOTS, '24-plan-full.png'), fullPage: true });
    expect(await plan.getByText('フォローアップ期限超過').count()).toBe(1);

    // In English, the same plan: the longer words must not break the layout.
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Deployment plan' });
    await english.getByRole('heading', { name: 'Indicators' }).scrollIntoViewIfNeeded();
    await english.getByRole('heading', { name: 'Deployment plan' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, '26-plan-english.png') });
    await page.getByRole('button', { name: '日本語' }).click();
    expect(errors).toEqual([]);
  });

  it('lists the overdue follow-up on the home screen', async () => {
    await page.goto(`${app.server.url}/#/`);
    await page.getByRole('region', { name: /フォローアップ期限を過ぎたプラン/ }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '25-home-overdue-plans.png') });
    expect(errors).toEqual([]);
  });
});
