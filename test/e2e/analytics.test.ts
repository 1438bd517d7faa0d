import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/services/excel/workbook';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { startAppServer } from '../support/app-server';
import { launchChromium } from '../support/browser';
import { demoFiles } from '../support/temp';

// The charts of the analytics screen in real Chromium under the app's Content-Security-Policy (browser mode serves
// the same policy as the desktop app): drawn as SVG, a tooltip shown, exported as SVG, PNG and CSV, and not one
// violation reported. Screenshots go to test/artifacts/e2e/ for a person to look at.

const SHOTS = path.resolve(import.meta.dirname, '../artifacts/e2e');

/** What the page reported: CSP violations (the document's own event) and console errors, which include them. */
declare global {
  interface Window {
    violations?: string[];
  }
}

describe('analytics in Chromium under the Content-Security-Policy', () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startAppServer((store) => importKarteFiles(store, demoFiles()));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', acceptDownloads: true })).newPage();
    // Listening from before the app's first script: a violation while the chart first draws counts too.
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations?.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
    });
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

  const violations = () => page.evaluate(() => window.violations ?? []);
  /** Clicks a button that saves a file, and reads the file the browser received. */
  const download = async (button: string): Promise<{ name: string; bytes: Buffer }> => {
    const [received] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const file = path.join(SHOTS, received.suggestedFilename());
    await received.saveAs(file);
    return { name: received.suggestedFilename(), bytes: fs.readFileSync(file) };
  };

  it('draws the charts as SVG and shows a tooltip without a CSP violation', async () => {
    await page.goto(`${app.server.url}/#/analytics?asOf=2021-01-01`);
    const funnel = page.getByRole('img', { name: '発掘年度別の到達件数' });
    await funnel.locator('svg').waitFor();
    expect(await page.locator('.chart-area svg').count()).toBe(3);
    expect(await page.locator('.chart-area canvas').count()).toBe(0);
    // Bars and the axis's 年度 are in the SVG itself.
    await expect.poll(() => funnel.locator('svg path').count()).toBeGreaterThan(20);
    expect(await funnel.locator('svg').textContent()).toContain('2018年度');

    // The tooltip is ECharts' rich text, drawn into the SVG (no HTML with inline styles): the phases' names a second
    // time, after the legend's.
    await funnel.scrollIntoViewIfNeeded();
    const box = (await funnel.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
    await expect.poll(async () => (await funnel.locator('svg').textContent())?.match(/受注・管理/g)?.length).toBe(2);
    await page.screenshot({ path: path.join(SHOTS, '11-analytics.png'), fullPage: true });

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('saves a chart as SVG and PNG, and its table as CSV that Excel reads in Japanese', async () => {
    const svg = await download('「発掘年度別の到達件数」をSVGで保存');
    expect(svg.name).toBe('karte-analytics-2021-01-01-funnel.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.bytes.toString('utf8')).toContain('2018年度');

    const png = await download('「発掘年度別の到達件数」をPNGで保存');
    expect(png.name).toBe('karte-analytics-2021-01-01-funnel.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Twice the chart's pixels each way: sharp on a slide.
    const box = (await page.getByRole('img', { name: '発掘年度別の到達件数' }).locator('svg').boundingBox())!;
    expect(png.bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);

    const csv = await download('「発掘年度別の到達状況（ファネル）」をCSVで保存');
    expect(csv.name).toBe('karte-analytics-2021-01-01-funnel.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF発掘年度,件数,検討,実務協議等,覚書・トップセールス等,調査・実証,受注・管理,未受注\r\n')).toBe(true);
    expect(text).toContain('2018年度,9,9,8,8,6,1,8\r\n');

    // The same table as Excel, written by the back end: the same words and numbers, the headings as its first row.
    const xlsx = await download('「発掘年度別の到達状況（ファネル）」をExcelで保存');
    expect(xlsx.name).toBe('karte-analytics-2021-01-01-funnel.xlsx');
    const [sheet] = await readWorkbook(xlsx.name, xlsx.bytes);
    expect(sheet.rows[0]).toEqual(['発掘年度', '件数', '検討', '実務協議等', '覚書・トップセールス等', '調査・実証', '受注・管理', '未受注']);
    expect(sheet.rows).toContainEqual(['2018年度', '9', '9', '8', '8', '6', '1', '8']);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('charts the time to order by 年度, narrows the figures to the 年度 of discovery, and saves the chart as PNG', async () => {
    await page.goto(`${app.server.url}/#/analytics?asOf=2021-01-01&discoveredFrom=2015&discoveredTo=2018`);
    await page.getByText(/^2021年1月1日時点: 案件19件/).waitFor();
    await page.getByRole('combobox', { name: 'グラフの区分' }).selectOption('byFiscalYear');
    const chart = page.getByRole('img', { name: '受注までの期間（発掘年度別、か月）' });
    await expect.poll(async () => (await chart.locator('svg').textContent()) ?? '').toContain('2018年度（9件・未受注8）');
    await page.screenshot({ path: path.join(SHOTS, '13-analytics-period.png') });
    await page.locator('#time-to-order').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, '14-analytics-time-to-order.png'), fullPage: true });
    const png = await download('「受注までの期間（発掘年度別、か月）」をPNGで保存');
    expect(png.name).toBe('karte-analytics-2021-01-01-time-to-order-byFiscalYear.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('colours the world map by one sector’s cases', async () => {
    await page.goto(`${app.server.url}/#/countries`);
    await page.getByRole('combobox', { name: '分野' }).selectOption('postal');
    await page.getByRole('link', { name: 'ベトナム: 進行中0件（全2件）' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '15-countries-sector.png'), fullPage: true });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a project’s page', async () => {
    await page.goto(`${app.server.url}/#/project/17`);
    await page.getByRole('heading', { name: '候補案件' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '12-project.png'), fullPage: true });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
