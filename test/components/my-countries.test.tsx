// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePreferences } from '../../renderer/stores/preferences';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

describe('my countries', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  it('follows a country from its dossier and lists it first on the home screen, across restarts', async () => {
    const router = renderApp('/dossier/VN');
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
