import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFact } from '../../electron/services/country-facts';
import { createDirection } from '../../electron/services/directions';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import type { Store } from '../../electron/services/store/store';
import { openAppPage, SHOTS, type AppPage } from '../support/app-page';
import { pdfPages, squeezed } from '../support/pdf';
import { demoFiles } from '../support/temp';

// The dossier's 国情 and 分野別の方向性 in real Chromium at 1366×768: they read without a script error, and a
// direction's 「印刷（PDF）」 downloads its one-pager, marked with the audience chosen. Screenshots go to
// test/artifacts/e2e/ for a person to look at.

function seed(store: Store): void {
  importKarteFiles(store, demoFiles());
  addFact(store, 'VN', { kind: 'capital', value: 'ハノイ', source: '外務省 国・地域情報', asOf: '2024年' });
  addFact(store, 'VN', { kind: 'population', value: '約1億30万人', source: '越統計総局', asOf: '2023年' });
  addFact(store, 'VN', { kind: 'gdp', value: '約4,297億ドル', source: 'IMF', asOf: '2023年', scope: 'government' });
  addFact(store, 'VN', { kind: 'headOfState', value: 'ルオン・クオン国家主席', source: '外務省', asOf: '2024年10月' });
  addFact(store, 'VN', { kind: 'other', label: '宗教', value: '仏教、カトリック、カオダイ教他', source: '外務省' });
  createDirection(store, { country: 'VN' }, 'postal', {
    situation: 'ベトナム郵便はホーチミン新区分センターの整備を進め、区分機の更新期を迎えている。\n電子商取引の拡大で小包が年率20%で増加。',
    strengths: '日本製郵便区分機の導入実績（2018年受注）と、日本郵便による業務改善支援の経験。',
    pathToWin: '実証事業（2021年度）から円借款の要請、入札へ。',
    bottlenecks: '中国・欧州メーカーとの価格競争、現地の保守体制。',
    measures: '官民ミッションでの提案、JICA調査の活用、保守人材の育成支援。',
    target: '2026年度までに区分機を受注。',
    scope: 'government',
  });
  createDirection(store, { region: 'asean' }, 'smart_city', { situation: 'ASEANスマートシティ・ネットワークの各都市で案件形成が進む。', target: '3都市で実証' });
}

describe('the dossier’s country facts and directions', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openAppPage(seed);
  }, 120_000);
  afterAll(() => app?.close());

  it('shows the facts and the directions, and prints a direction for the audience chosen', async () => {
    const { page } = app;
    await page.goto(`${app.app.server.url}/#/dossier/VN`);
    const facts = page.getByRole('region', { name: '国情' });
    await facts.getByRole('table').waitFor();
    await facts.scrollIntoViewIfNeeded();
    await app.shot('20-dossier-facts');
    const directions = page.getByRole('region', { name: '分野別の方向性' });
    await directions.scrollIntoViewIfNeeded();
    await app.shot('21-dossier-directions');
    await page.screenshot({ path: path.join(SHOTS, '22-dossier-panels-full.png'), fullPage: true });

    const card = directions.getByRole('article', { name: '郵便' });
    await card.getByRole('combobox', { name: '郵便の方向性の配布範囲' }).selectOption('internal');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '印刷（PDF）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^karte-direction-VN-postal-\d{4}-\d{2}-\d{2}-internal\.pdf$/);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const [printed] = (await pdfPages(file)).map(squeezed);
    expect(printed).toContain('組織内限り');
    expect(printed).toContain(squeezed('日本製郵便区分機の導入実績'));
    fs.rmSync(file);

    // The region's directions are kept where the dossier's note leads: the countries screen with the region chosen.
    await directions.getByRole('link', { name: '地域「ASEAN」の方向性を開く' }).click();
    const region = page.getByRole('region', { name: '地域「ASEAN」の方向性' });
    await region.getByRole('article', { name: 'スマートシティ' }).getByRole('textbox', { name: '目標' }).waitFor();
    await region.scrollIntoViewIfNeeded();
    await app.shot('23-region-directions');
    expect(app.errors).toEqual([]);
  }, 120_000);
});
