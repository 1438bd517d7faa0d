// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../renderer/i18n';
import { routes } from '../../renderer/App';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

describe('search screen', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  const renderAt = (path: string) => {
    const router = createMemoryRouter(routes, { initialEntries: [path] });
    render(<RouterProvider router={router} />);
    return router;
  };

  it('groups hits for 覚書 by country and case, and jumps to the case of a hit', async () => {
    const router = renderAt('/search?q=覚書');
    const vietnam = await screen.findByRole('heading', { level: 2, name: 'ベトナム' });
    expect(screen.getByRole('heading', { level: 2, name: 'フィリピン' })).toBeTruthy();
    const section = vietnam.closest('section')!;
    const hit = within(section).getByRole('link', { name: '局長間で覚書に署名' });
    await userEvent.click(hit);
    expect(router.state.location.pathname).toMatch(/^\/case\/[0-9a-f-]{36}$/);
    expect(router.state.location.search).toMatch(/^\?event=[0-9a-f-]{36}$/);
  });

  it('searches from the top bar and says when nothing matches', async () => {
    const router = renderAt('/');
    const box = await screen.findByRole('searchbox');
    await userEvent.type(box, '量子暗号{Enter}');
    expect(router.state.location.pathname).toBe('/search');
    expect(await screen.findByText('「量子暗号」は見つかりませんでした')).toBeTruthy();
  });
});
