import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from '../support/app-page';

// The top bar at a laptop's 1366 px (issue: in English the navigation squeezed the search box to nothing): in both
// languages every link and control stays on screen and the search box keeps room to type a query.

/** Where each part of the top bar lies, and how wide the page has become. */
async function topBarBoxes(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const rect = document.querySelector(selector)!.getBoundingClientRect();
      return { left: rect.left, right: rect.right, width: rect.width };
    };
    const links = [...document.querySelectorAll('.topbar nav a, .topbar .brand, .topbar .language, .topbar .wareki')];
    return {
      search: box('.searchbox input'),
      rightmost: Math.max(...links.map((link) => link.getBoundingClientRect().right)),
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    };
  });
}

describe('the top bar at 1366×768', () => {
  let page: Page;
  let errors: string[];
  let shot: AppPage['shot'];
  let close: AppPage['close'];

  beforeAll(async () => {
    ({ page, errors, shot, close } = await openAppPage());
  });

  afterAll(() => close?.());

  it('fits in Japanese with room to search', async () => {
    const boxes = await topBarBoxes(page);
    await shot('70-top-bar-ja');
    expect(boxes.search.width).toBeGreaterThanOrEqual(200);
    expect(boxes.rightmost).toBeLessThanOrEqual(boxes.viewport);
    expect(boxes.pageWidth).toBeLessThanOrEqual(boxes.viewport);
  });

  it('fits in English with room to search', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Home' }).waitFor();
    const boxes = await topBarBoxes(page);
    await shot('71-top-bar-en');
    expect(boxes.search.width).toBeGreaterThanOrEqual(200);
    expect(boxes.rightmost).toBeLessThanOrEqual(boxes.viewport);
    expect(boxes.pageWidth).toBeLessThanOrEqual(boxes.viewport);
    expect(errors).toEqual([]);
  });
});
