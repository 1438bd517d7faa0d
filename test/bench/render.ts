// Rendering in real Chromium, through browser mode, on the store of a ministry's whole portfolio (200 countries,
// 20,000 cases, 200,000 events; --scale for a smaller one): the countries screen, the country dossier (カルテ)
// with 300 cases and 3,000 events, and the analytics screen (パイプライン分析) over every case, each from the route change
// to its complete table (and charts) on screen, beside fetching the same data over the same API (the floor: what the
// screen cannot go below), measured in the same run.
// Usage: npx tsx test/bench/render.ts [--scale 0.1]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { startAppServer } from '../support/app-server';
import { launchChromium } from '../support/browser';
import { generateKarteFiles } from '../support/karte-generator';
import { percentile } from './percentile';
import { buildIfStale } from '../../bin/cli/app';

const RUNS = 15;
const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const FOCUS = { iso2: 'VN', cases: 300, events: 3_000 };
/** The analytics' as-of day: today, as the screen takes it when none is given, named so the fetch asks the same. */
const AS_OF = new Date().toISOString().slice(0, 10);
const sizes = { countries: Math.max(20, Math.round(200 * Math.min(1, scale))), cases: Math.round(20_000 * scale), events: Math.round(200_000 * scale) };

/** A screen to time: its route, the API call that feeds it, and when it is complete (JavaScript run in the page). */
interface Screen {
  name: string;
  route: string;
  call: string;
  args: object;
  complete: string;
  target: string;
}

/** The home screen, where each visit starts from, has everything it asked for on screen. */
const HOME_LOADED = `document.querySelector('.home-screen') !== null && document.querySelector('main .loading') === null`;

/**
 * From the route change to the screen complete and painted, `RUNS` times after a first visit (which also loads the
 * screen's fonts and code, reported on its own); each run beside the same data fetched alone. Each visit starts from
 * the home screen once loaded, as a user clicks what they see: the back end answers one call at a time, so a route
 * change while the home screen's calls are under way would time those calls too (by chance, more or less of them).
 */
async function measure(page: Page, screen: Screen): Promise<void> {
  const render: number[] = [];
  const fetchOnly: number[] = [];
  let firstVisit = 0;
  for (let i = -1; i < RUNS; i++) {
    await page.evaluate(() => (window.location.hash = '#/'));
    // Polled from here: a function waited for in the page would be evaluated from text, which the app's CSP forbids.
    while ((await page.evaluate(screen.complete)) as boolean) await new Promise((resolve) => setTimeout(resolve, 10));
    while (!((await page.evaluate(HOME_LOADED)) as boolean)) await new Promise((resolve) => setTimeout(resolve, 10));
    // Passed as text: tsx would wrap named functions in a helper the page does not have.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      window.location.hash = '${screen.route}';
      const check = () => (${screen.complete}) ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(check);
      check();
    })`)) as number;
    if (i < 0) {
      firstVisit = ms;
      continue;
    }
    render.push(ms);
    fetchOnly.push(
      await page.evaluate(
        async ({ call, args }) => {
          const start = performance.now();
          const response = await fetch(`/api/call/${call}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('karte.token')}` },
            body: JSON.stringify(args),
          });
          await response.json();
          return performance.now() - start;
        },
        { call: screen.call, args: screen.args },
      ),
    );
  }
  console.log(`${screen.name}, ${RUNS} runs`);
  console.log(`  route change → painted: p50 ${percentile(render, 50).toFixed(0)} ms, p95 ${percentile(render, 95).toFixed(0)} ms (target ${screen.target})`);
  console.log(`  first visit (fonts and code loading too): ${firstVisit.toFixed(0)} ms`);
  console.log(`  the same data fetched alone:   p50 ${percentile(fetchOnly, 50).toFixed(0)} ms, p95 ${percentile(fetchOnly, 95).toFixed(0)} ms`);
  console.log(`  ratio p50 ${(percentile(render, 50) / percentile(fetchOnly, 50)).toFixed(2)}×`);
}

await buildIfStale({ out: () => {}, err: (t) => console.error(t), stderrIsTty: false }, false);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-render-'));
const files = generateKarteFiles({ seed: 2020, ...sizes, focus: FOCUS }).map((table, i) => {
  const file = path.join(dir, `t${i}.json`);
  fs.writeFileSync(file, JSON.stringify(table));
  return file;
});
console.log(`Karte render bench: ${sizes.countries} countries, ${sizes.cases} cases, ${sizes.events} events, Chromium at 1366×768`);
const app = await startAppServer((store) => importKarteFiles(store, files));
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(app.server.openUrl);
  await page.waitForSelector('main');
  await measure(page, {
    name: `countries screen (${sizes.countries} countries)`,
    route: '#/countries',
    call: 'countries.list',
    args: {},
    complete: `document.querySelectorAll('.countries-table tbody tr').length >= ${sizes.countries}`,
    target: '< 200 ms',
  });
  await measure(page, {
    name: `dossier ${FOCUS.iso2} (${FOCUS.cases} cases, ${FOCUS.events} events)`,
    route: `#/dossier/${FOCUS.iso2}`,
    call: 'dossier.get',
    args: { country: FOCUS.iso2 },
    // Windowed (DossierScreen's ALL_ROWS_MAX): complete when the table counts every case and its rows fill the window.
    complete: `(() => {
      const table = document.querySelector('[role=table]');
      const rows = document.querySelectorAll('[role=table] .matrix-body [role=row]');
      return table !== null && table.getAttribute('aria-rowcount') === '${FOCUS.cases + 1}' && rows.length > 0
        && rows[rows.length - 1].getBoundingClientRect().bottom >= window.innerHeight;
    })()`,
    target: '< 300 ms',
  });
  await measure(page, {
    name: `analytics screen (${sizes.cases} cases, ${sizes.events} events)`,
    route: `#/analytics?asOf=${AS_OF}`,
    call: 'stats.get',
    // As the screen asks: the first 100 of each list of cases.
    args: { asOf: AS_OF, limit: 100 },
    // Its three charts drawn (time to order, time in each phase, the funnel) and the last table, of the cases, filled.
    complete: `(() => {
      const charts = [...document.querySelectorAll('.analytics-screen .chart-area svg')];
      return charts.length === 3 && charts.every((svg) => svg.querySelector('path') !== null)
        && document.querySelectorAll('.analytics-screen table[aria-labelledby=case-times] tbody tr').length > 0;
    })()`,
    target: '< 1 s',
  });
} finally {
  await browser.close();
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
