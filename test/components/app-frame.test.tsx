// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { usePreferences } from '../../renderer/stores/preferences';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';

// The frame every screen sits in: an address with no screen, the way past the top bar for a keyboard, where focus
// goes after a move, and the 和暦 switch where it cannot apply.

describe('the app frame', () => {
  let backEnd: TestBackEnd;
  afterEach(() => {
    backEnd.close();
    act(() => usePreferences.getState().setLanguage('ja'));
  });

  it('says in Japanese that an unknown address has no page, inside the app with its navigation', async () => {
    backEnd = installBackEnd();
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'このページはありません' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ホームに戻る' }).getAttribute('href')).toBe('/');
  });

  it('lets a keyboard skip the top bar, and moves focus to the screen after navigation', async () => {
    backEnd = installBackEnd({ demo: true });
    renderApp('/');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '本文へ移動' }));
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('main'));

    await userEvent.click(within(screen.getByRole('navigation', { name: 'main' })).getByRole('link', { name: '国一覧' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('turns the 和暦 switch off in English, saying it applies to the Japanese display', async () => {
    backEnd = installBackEnd();
    renderApp('/');
    act(() => usePreferences.getState().setWarekiDates(true));
    expect((screen.getByRole('checkbox', { name: '和暦で表示' }) as HTMLInputElement).disabled).toBe(false);
    act(() => usePreferences.getState().setLanguage('en'));
    const wareki = (await screen.findByRole('checkbox', { name: 'Era dates (Japanese screens only)' })) as HTMLInputElement;
    expect(wareki.disabled).toBe(true);
    expect(wareki.checked).toBe(false);
    act(() => usePreferences.getState().setWarekiDates(false));
  });

  it('writes the pack’s as-of day beside the date field as a Japanese reader reads it', async () => {
    backEnd = installBackEnd({ demo: true });
    renderApp('/pack?country=VN');
    const field = (await screen.findByLabelText('時点')) as HTMLInputElement;
    await userEvent.clear(field);
    await userEvent.type(field, '2026-12-06');
    expect(field.parentElement?.textContent).toContain('2026年12月6日');
  });
});
