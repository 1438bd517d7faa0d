// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

describe('countries screen', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  // Every country shape is named by its <title>.
  const shapeNamed = (name: string) => [...document.querySelectorAll('.world-map path > title')].find((t) => t.textContent === name)!.parentElement!;
  const rowOf = (link: HTMLElement) => [...link.closest('tr')!.cells].map((cell) => cell.textContent);

  it('lists Vietnam with its 9 cases by phase, and narrows to a region', async () => {
    const router = renderApp('/countries');
    const table = await screen.findByRole('table');
    const vietnam = within(table).getByRole('link', { name: 'ベトナム' });
    const [, cases, active, ...phases] = rowOf(vietnam);
    // Four of the nine have reached an order (受注・管理) and count as won.
    expect([cases, active]).toEqual(['9', '5']);
    expect(phases.map(Number).reduce((a, b) => a + b)).toBe(9);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '地域' }), '中南米');
    expect(within(table).queryByRole('link', { name: 'ベトナム' })).toBeNull();
    expect(rowOf(within(table).getByRole('link', { name: 'ブラジル' })).slice(1, 3)).toEqual(['2', '0']);

    await userEvent.click(within(table).getByRole('link', { name: 'ブラジル' }));
    expect(router.state.location.pathname).toBe('/dossier/BR');
  });

  it('counts and colours only the cases of the sector chosen', async () => {
    renderApp('/countries');
    const table = await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '分野' }), 'postal');
    // Vietnam's two postal cases, both won: the only country left, coloured as one without active cases.
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(rowOf(within(table).getByRole('link', { name: 'ベトナム' })).slice(1, 3)).toEqual(['2', '0']);
    expect(screen.getByRole('link', { name: 'ベトナム: 進行中0件（全2件）' }).tagName).toBe('path');
    expect(screen.queryByRole('link', { name: /^フィリピン:/ })).toBeNull();
    expect(document.querySelector('.world-map .legend-title')?.textContent).toBe('進行中の案件数（郵便）');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '分野' }), '');
    expect(await screen.findByRole('link', { name: 'ベトナム: 進行中5件（全9件）' })).toBeTruthy();
  });

  it('sorts by number of cases when the header is clicked', async () => {
    renderApp('/countries');
    const table = await screen.findByRole('table');
    await userEvent.click(within(table).getByRole('button', { name: '案件数' }));
    const first = within(table).getAllByRole('row')[1];
    expect(within(first).getByRole('link').textContent).toBe('ベトナム');
  });

  it('colours Vietnam on the map by its active cases and opens its dossier by click or Enter', async () => {
    const router = renderApp('/countries');
    const vietnam = await screen.findByRole('link', { name: 'ベトナム: 進行中5件（全9件）' });
    const france = shapeNamed('フランス');
    expect(vietnam.tagName).toBe('path');
    expect(vietnam.getAttribute('d')).toMatch(/^M[\d.,]+L/);
    expect(vietnam.getAttribute('fill')).not.toBe(france.getAttribute('fill'));
    expect(france.getAttribute('role')).toBeNull();

    await userEvent.click(vietnam);
    expect(router.state.location.pathname).toBe('/dossier/VN');

    await router.navigate('/countries');
    const philippines = await screen.findByRole('link', { name: 'フィリピン: 進行中3件（全5件）' });
    philippines.focus();
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/dossier/PH');
  });
});
