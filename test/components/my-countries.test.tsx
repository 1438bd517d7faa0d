// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../renderer/i18n';
import { routes } from '../../renderer/App';
import { usePreferences } from '../../renderer/stores/preferences';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

describe('my countries', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  it('follows a country from its dossier and lists it first on the home screen, across restarts', async () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/dossier/VN'] });
    render(<RouterProvider router={router} />);
    const follow = await screen.findByRole('button', { name: '☆ マイカントリーに追加' });
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(follow);
    expect(screen.getByRole('button', { name: '★ マイカントリー' }).getAttribute('aria-pressed')).toBe('true');
    expect(JSON.parse(localStorage.getItem('karte.preferences')!).myCountries).toEqual(['VN']);

    await router.navigate('/');
    const mine = await screen.findByRole('region', { name: 'マイカントリー' });
    expect(await within(mine).findByText('案件9件（進行中5件）')).toBeTruthy();
    await userEvent.click(within(mine).getByRole('link', { name: 'ベトナム' }));
    expect(router.state.location.pathname).toBe('/dossier/VN');

    await userEvent.click(await screen.findByRole('button', { name: '★ マイカントリー' }));
    expect(usePreferences.getState().myCountries).toEqual([]);
  });
});
