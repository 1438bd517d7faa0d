import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../../electron/services/cases';
import { addEvent } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import type { Store } from '../../electron/services/store/store';
import { LAPTOP, openAppPage, type AppPage } from '../support/app-page';
import { demoFiles } from '../support/temp';

// A desk officer's day (issue 13) at a laptop's 1366×768 in real Chromium: the Vietnam dossier of the demo data
// reads in one view (the matrix in the first screen, as wide as the window, no cell cut off, its header sticking as
// the page scrolls), and search marks the query. Screenshots go to test/artifacts/e2e/ for a person to look at.

/** The demo dossiers, and a dialogue of three days in Vietnam's fire-fighting case: a long date range to wrap. */
function seed(store: Store): void {
  importKarteFiles(store, demoFiles());
  const fireFighting = listCases(store, { country: 'VN' }).find((c) => c.sectorLabel === '消防')!;
  addEvent(store, fireFighting.id, { phase: 'consultation', date: '2021年5月10日～2021年5月12日', text: '政策対話で消防用機器の規格の相互承認を協議' });
}

/** What the page says of the matrix's layout, measured in the page. */
interface MatrixLayout {
  headerTop: number;
  tableLeft: number;
  tableRight: number;
  pageScrollWidth: number;
  pageClientWidth: number;
  columnWidths: number[];
  /** Cells whose content is wider than their box: "row/column: scrollWidth > clientWidth". */
  clipped: string[];
  rows: number;
}

function measureMatrix(page: Page): Promise<MatrixLayout> {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('[role=table][aria-label="案件一覧（別表）"]')!;
    const header = table.querySelector<HTMLElement>('[role=columnheader]')!;
    const rows = [...table.querySelectorAll<HTMLElement>('[role=row]')];
    const clipped = rows.flatMap((row, r) =>
      [...row.querySelectorAll<HTMLElement>('[role=columnheader], [role=rowheader], [role=cell]')]
        .map((cell, c) => ({ cell, c }))
        .filter(({ cell }) => cell.scrollWidth > cell.clientWidth + 1)
        .map(({ cell, c }) => `${r}/${c}: ${cell.scrollWidth} > ${cell.clientWidth}`),
    );
    const box = table.getBoundingClientRect();
    return {
      headerTop: header.getBoundingClientRect().top,
      tableLeft: box.left,
      tableRight: box.right,
      pageScrollWidth: document.documentElement.scrollWidth,
      pageClientWidth: document.documentElement.clientWidth,
      columnWidths: [...rows[0].children].map((cell) => Math.round(cell.getBoundingClientRect().width)),
      clipped,
      rows: rows.length - 1,
    };
  });
}

describe('the dossier and search screens at 1366×768', () => {
  let app: AppPage['app'];
  let page: Page;
  let errors: string[];
  let shot: AppPage['shot'];
  let close: AppPage['close'];

  beforeAll(async () => {
    ({ app, page, errors, shot, close } = await openAppPage(seed));
  });

  afterAll(() => close?.());

  const matrix = () => page.getByRole('table', { name: '案件一覧（別表）' });

  /** Opens the dossier afresh (the narrative folded again), from the home screen. */
  async function openVietnam() {
    await page.goto(`${app.server.url}/#/`);
    await page.goto(`${app.server.url}/#/dossier/VN`);
    await matrix().getByRole('rowgroup').nth(1).getByRole('row').nth(8).waitFor();
    // Fonts and the top bar's measured height settle.
    await page.waitForTimeout(300);
  }

  it('shows the whole matrix of Vietnam in the first screen, as wide as the window, no cell cut off', async () => {
    await openVietnam();
    await shot('40-dossier-vietnam-top');
    const layout = await measureMatrix(page);
    console.log(
      `dossier VN at 1366×768: matrix header at ${Math.round(layout.headerTop)}px, table ${Math.round(layout.tableLeft)}–${Math.round(layout.tableRight)}px, columns ${layout.columnWidths.join(' | ')} px`,
    );
    expect(layout.rows).toBe(9);
    // The header in the upper half of the first screen.
    expect(layout.headerTop).toBeLessThan(LAPTOP.height / 2);
    // As wide as the window at most: the page never scrolls sideways.
    expect(layout.tableLeft).toBeGreaterThanOrEqual(0);
    expect(layout.tableRight).toBeLessThanOrEqual(LAPTOP.width);
    expect(layout.pageScrollWidth).toBeLessThanOrEqual(layout.pageClientWidth);
    expect(layout.clipped).toEqual([]);
    // 今後の方針 takes a share like the others, never the width of its longest line.
    expect(layout.columnWidths.at(-1)).toBeLessThan(300);
    // The long range is inside its cell (no cell is clipped, above), written from its first day.
    const fireFighting = matrix()
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '消防', exact: true }) });
    expect(await fireFighting.getByRole('cell').nth(2).innerText()).toMatch(/^2021年5月10日～/);

    // Titles without the country and sector the row shows; the whole title is still the link's name.
    const postal = matrix()
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '郵便', exact: true }) })
      .first();
    const link = postal.getByRole('link', { name: 'ベトナム 郵便: 区分機', exact: true });
    const shown = await link.evaluate((a) =>
      [...a.childNodes]
        .filter((node) => !(node instanceof HTMLElement && node.classList.contains('visually-hidden')))
        .map((node) => node.textContent)
        .join('')
        .trim(),
    );
    expect(shown).toBe('区分機');
  });

  it('keeps the header row in view below the top bar as the page scrolls down', async () => {
    await openVietnam();
    await page.evaluate(() => window.scrollTo(0, 700));
    await page.waitForTimeout(200);
    await shot('41-dossier-vietnam-scrolled');
    const { headerTop, topBar, scrolled } = await page.evaluate(() => ({
      headerTop: document.querySelector('[role=table] [role=columnheader]')!.getBoundingClientRect().top,
      topBar: document.querySelector('.topbar')!.getBoundingClientRect().bottom,
      scrolled: window.scrollY,
    }));
    console.log(`scrolled ${scrolled}px: header at ${Math.round(headerTop)}px, top bar ends at ${Math.round(topBar)}px`);
    expect(scrolled).toBeGreaterThan(100);
    expect(Math.abs(headerTop - topBar)).toBeLessThanOrEqual(2);
    // The last case is reachable in the page itself, not hidden in an inner box.
    const last = matrix().getByRole('rowgroup').nth(1).getByRole('row').last();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(LAPTOP.height);
  });

  it('folds the empty narrative fields behind 「概況を記入」 and shows them on a click', async () => {
    await openVietnam();
    expect(await page.getByRole('textbox', { name: '概要', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: '概況を記入' }).click();
    for (const name of ['概要', '二国間関係', '展開方針', 'これまでの支援（ODA等）']) await page.getByRole('textbox', { name, exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await shot('42-dossier-narrative-open');
  });

  it('breaks no English word in the English matrix, and still fits the window', async () => {
    await openVietnam();
    await page.getByRole('button', { name: 'English' }).click();
    const table = page.getByRole('table', { name: 'Cases (annex table)' });
    const cyber = table.getByRole('rowheader', { name: 'Cybersecurity', exact: true });
    await cyber.waitFor();
    await page.waitForTimeout(200);
    // One line: the word is not split across two.
    const lines = await cyber.evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    const clipped = await table.evaluate((element) =>
      [...element.querySelectorAll<HTMLElement>('[role=columnheader], [role=rowheader], [role=cell]')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent),
    );
    expect(clipped).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await shot('43-dossier-vietnam-english');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('marks 覚書 in the search results, names each case once and lists its hits by date', async () => {
    await page.goto(`${app.server.url}/#/search?q=${encodeURIComponent('覚書')}`);
    await page.getByRole('heading', { level: 2, name: 'ベトナム' }).waitFor();
    await page.waitForTimeout(200);
    await shot('44-search-memorandum');
    await shot('45-search-memorandum-full', true);
    const marks = await page.locator('main mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(10);
    expect(new Set(marks)).toEqual(new Set(['覚書']));

    const groups = await page.locator('.hit-case').evaluateAll((cases) =>
      cases.map((group) => ({
        title: group.querySelector('h3')?.textContent ?? '',
        text: group.textContent ?? '',
        dates: [...group.querySelectorAll('li time')].map((time) => time.getAttribute('datetime') ?? ''),
      })),
    );
    const postal = groups.find((g) => g.title.includes('区分機'))!;
    expect(postal.dates).toEqual(['2009-09', '2015-01', '2019-01']);
    for (const group of groups) {
      expect(group.text.split(group.title).length - 1, group.title).toBe(1);
      expect([...group.dates].sort(), group.title).toEqual(group.dates);
    }
    expect(errors).toEqual([]);
  });
});
