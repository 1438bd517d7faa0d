// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCase, listCases } from '../../electron/services/cases';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

// 「20(にいまる)」 on the demo dossiers: the 20 projects, a project's page, and links a person confirms.
describe('priority projects screens', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());

  const vietnamPostal = () => listCases(backEnd.store, { country: 'VN', sector: '郵便' });

  it('lists all 20 with their sector and targets, and counts ⑰’s two suggested postal cases', async () => {
    const router = renderApp('/projects');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1) as HTMLTableRowElement[];
    expect(rows).toHaveLength(20);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([...'①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳']);
    const seventeen = [...rows[16].cells].map((cell) => cell.textContent);
    expect(seventeen).toEqual(['⑰', '郵便', 'ASEAN、ロシア', 'グローバル競争力の強化', '0', '2']);

    await userEvent.click(within(rows[16]).getByRole('link', { name: '郵便' }));
    expect(router.state.location.pathname).toBe('/project/17');
    expect(await screen.findByRole('heading', { level: 1, name: '⑰ 郵便' })).toBeTruthy();
  });

  it('links Vietnam’s two postal cases to ⑰ from its suggestions, one button each, and shows them as linked', async () => {
    const user = userEvent.setup();
    renderApp('/project/17');
    const suggested = await screen.findByRole('region', { name: /候補案件/ });
    expect(screen.getByRole('region', { name: /紐付け案件/ }).textContent).toContain('紐付けられた案件はまだありません');
    const postal = vietnamPostal();
    expect(postal).toHaveLength(2);
    // Suggesting links nothing: a person presses the button for each case.
    expect(postal.every((c) => c.project === null)).toBe(true);

    for (const c of postal) await user.click(within(suggested).getByRole('button', { name: `「${c.title}」を⑰に紐付ける` }));

    const linked = screen.getByRole('region', { name: /紐付け案件/ });
    await waitFor(() =>
      expect(
        within(linked)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(postal.map((c) => c.title)),
    );
    // Both have an order: they sit under 受注・管理, each a link to its case.
    const order = within(linked).getByRole('region', { name: '受注・管理' });
    expect(within(order).getByRole('link', { name: postal[0].title }).getAttribute('href')).toBe(`/case/${postal[0].id}`);
    expect(within(suggested).queryAllByRole('button')).toEqual([]);
    expect(within(suggested).getByText('候補の案件はありません。')).toBeTruthy();
    expect(postal.map((c) => getCase(backEnd.store, c.id).case.project)).toEqual([17, 17]);
  });

  it('shows the plan’s policy, a target with how far the cases’ plans got, and the stuck and long-without-order lists', async () => {
    renderApp('/project/9');
    await screen.findByRole('heading', { level: 1, name: '⑨ 放送コンテンツ' });
    expect(screen.getByRole('region', { name: '取組方針（今後3年間）' }).textContent).toMatch(/放送コンテンツ/);
    const targets = screen.getByRole('table', { name: '数値目標（KPI）' });
    expect([...(within(targets).getAllByRole('row')[1] as HTMLTableRowElement).cells].map((cell) => cell.textContent)).toEqual([
      '放送コンテンツの海外販売作品数',
      '4,500本',
      '2022年度',
      '計上する指標 0 件に実績なし',
    ]);
    expect(screen.getByRole('heading', { name: /^停滞案件/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^長期未受注案件/ })).toBeTruthy();
  });

  it('picks a project on the case screen, the suggested ones first, and unlinks with なし', async () => {
    const user = userEvent.setup();
    const [c] = vietnamPostal();
    renderApp(`/case/${c.id}`);
    const picker = (await screen.findByRole('combobox', { name: '重点プロジェクト' })) as HTMLSelectElement;
    const groups = [...picker.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).toEqual(['候補（分野と対象国・地域が一致）', 'その他のプロジェクト']);
    expect([...groups[0].querySelectorAll('option')].map((o) => o.textContent)).toEqual(['⑰ 郵便']);
    expect(picker.options).toHaveLength(21);

    await user.selectOptions(picker, '17');
    await waitFor(() => expect(getCase(backEnd.store, c.id).case.project).toBe(17));
    await user.selectOptions(picker, 'なし');
    await waitFor(() => expect(getCase(backEnd.store, c.id).case.project).toBeNull());
  });
});
