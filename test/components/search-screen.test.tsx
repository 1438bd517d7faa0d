// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

describe('search screen', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  it('groups hits for 覚書 by country and case, and jumps to the case of a hit', async () => {
    const router = renderApp('/search?q=覚書');
    const vietnam = await screen.findByRole('heading', { level: 2, name: 'ベトナム' });
    expect(screen.getByRole('heading', { level: 2, name: 'フィリピン' })).toBeTruthy();
    const section = vietnam.closest('section')!;
    // The query is marked where it occurs.
    expect(within(section).getAllByText('覚書', { selector: 'mark' }).length).toBeGreaterThan(5);
    // A case's hits as its timeline reads, oldest first, whatever their phases.
    const postal = within(section).getByRole('heading', { level: 3, name: 'ベトナム 郵便: 区分機' }).closest('.hit-case')!;
    expect([...postal.querySelectorAll('li time')].map((time) => time.textContent)).toEqual(['2009年9月', '2015年1月', '2019年1月']);
    const hit = within(section).getByRole('link', { name: '局長間で覚書に署名' });
    await userEvent.click(hit);
    expect(router.state.location.pathname).toMatch(/^\/case\/[0-9a-f-]{36}$/);
    expect(router.state.location.search).toMatch(/^\?event=[0-9a-f-]{36}$/);
  });

  it('names a case found by its title once, by its heading', async () => {
    renderApp('/search?q=区分機');
    const title = await screen.findByRole('heading', { level: 3, name: 'ベトナム 郵便: 区分機' });
    expect(within(title).getByText('区分機', { selector: 'mark' })).toBeTruthy();
    expect(screen.getAllByText((_, element) => element?.tagName === 'A' && element.textContent === 'ベトナム 郵便: 区分機')).toHaveLength(1);
  });

  it('searches from the top bar and says when nothing matches', async () => {
    const router = renderApp('/');
    const box = await screen.findByRole('searchbox');
    await userEvent.type(box, '量子暗号{Enter}');
    expect(router.state.location.pathname).toBe('/search');
    expect(await screen.findByText('「量子暗号」は見つかりませんでした')).toBeTruthy();
  });
});
