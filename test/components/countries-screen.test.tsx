// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/services/cases';
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
    const vietnam = screen.getByRole('link', { name: 'ベトナム: 進行中0件（全2件）' });
    expect(vietnam.tagName).toBe('path');
    // Hatched: a pale fill would read as no cases, or as sea.
    expect(vietnam.getAttribute('fill')).toBe('url(#world-map-none-active)');
    expect(document.getElementById('world-map-none-active')?.tagName).toBe('pattern');
    expect(screen.queryByRole('link', { name: /^フィリピン:/ })).toBeNull();
    expect(document.querySelector('.world-map .legend-title')?.textContent).toBe('進行中の案件数（郵便）');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '分野' }), '');
    expect(await screen.findByRole('link', { name: 'ベトナム: 進行中5件（全9件）' })).toBeTruthy();
  });

  it('lists each parent region before its sub-regions', async () => {
    renderApp('/countries');
    await screen.findByRole('table');
    const names = within(screen.getByRole('combobox', { name: '地域' }))
      .getAllByRole('option')
      .map((o) => o.textContent!.trim());
    for (const [parent, child] of [
      ['インド太平洋', 'ASEAN'],
      ['中南米', '南米'],
      ['欧米', '北米'],
    ])
      expect(names.indexOf(parent)).toBeLessThan(names.indexOf(child));
  });

  it('lists the cases of a whole region (地域案件) under their region, narrowed with the region and the sector', async () => {
    const africa = createCase(backEnd.store, { title: 'アフリカ 国民ID: 国民IDプラットフォームの導入支援', countries: [], region: 'africa', sectorLabel: 'デジタルガバメント' });
    createCase(backEnd.store, { title: '中南米 地デジ: 日本方式の普及', countries: [], region: '南米', sectorLabel: '放送システム' });
    const router = renderApp('/countries');
    const regionCases = await screen.findByRole('region', { name: '地域案件' });
    expect(
      within(regionCases)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['南米', 'アフリカ']);
    const link = within(regionCases).getByRole('link', { name: 'アフリカ 国民ID: 国民IDプラットフォームの導入支援' });
    expect(link.closest('section')!.getAttribute('aria-labelledby')).toBe(within(regionCases).getByRole('heading', { name: 'アフリカ' }).id);
    // In no country's row.
    expect(within(screen.getAllByRole('table')[0]).queryByText(/国民ID/)).toBeNull();

    // 中南米 holds 南米 and its case; Africa's is not in it.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '地域' }), 'latin_america');
    expect(router.state.location.search).toBe('?region=latin_america');
    await waitFor(() => expect(within(screen.getByRole('region', { name: '地域案件' })).queryByText(/国民ID/)).toBeNull());
    expect(within(screen.getByRole('region', { name: '地域案件' })).getByRole('link', { name: '中南米 地デジ: 日本方式の普及' })).toBeTruthy();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '地域' }), 'africa');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '分野' }), 'broadcasting');
    await waitFor(() => expect(screen.queryByRole('region', { name: '地域案件' })).toBeNull());
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '分野' }), 'e_government');
    await userEvent.click(await screen.findByRole('link', { name: 'アフリカ 国民ID: 国民IDプラットフォームの導入支援' }));
    expect(router.state.location.pathname).toBe(`/case/${africa.id}`);
  });

  it('opens at the region given in the address', async () => {
    createCase(backEnd.store, { title: 'アフリカ 国民ID: 国民IDプラットフォームの導入支援', countries: [], region: 'アフリカ' });
    renderApp('/countries?region=africa');
    const regionCases = await screen.findByRole('region', { name: '地域案件' });
    expect((screen.getByRole('combobox', { name: '地域' }) as HTMLSelectElement).value).toBe('africa');
    expect(within(regionCases).getByRole('link', { name: /国民ID/ })).toBeTruthy();
    expect(screen.getByText('この地域に案件のある国はありません。')).toBeTruthy();
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
