// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCase, getCase } from '../../electron/services/cases';
import { renderApp } from '../support/render-app';
import { useDemoCase } from '../support/demo-case';

describe('case screen', () => {
  const demo = useDemoCase();

  const renderCase = async () => {
    const router = renderApp(`/case/${demo.caseId}`);
    await screen.findByRole('heading', { name: '経緯' });
    return router;
  };
  const stored = () => getCase(demo.backEnd.store, demo.caseId);
  const eventRow = (text: string) => screen.getByText(text).closest('li')!;

  it('shows the timeline phase by phase, the form to add an event first, and the time spent in each phase', async () => {
    await renderCase();
    const timeline = screen.getByRole('region', { name: '経緯' });
    const headings = within(timeline)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual(['経緯を追加', '検討', '実務協議等', '覚書・トップセールス等', '調査・実証']);
    // The timeline comes before the summary fields and the briefing fields, which are folded.
    const fields = screen.getByRole('region', { name: '案件の概要' });
    const briefing = screen.getByRole('region', { name: '説明資料用' });
    expect(timeline.compareDocumentPosition(fields) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(fields.compareDocumentPosition(briefing) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(briefing.closest('details')!.open).toBe(false);
    const mou = screen.getByRole('region', { name: '覚書・トップセールス等' });
    expect(
      within(mou)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.event-text')!.textContent),
    ).toEqual(['大臣間で改定覚書に署名', '大臣間で協力推進の合意']);
    expect(screen.getByRole('heading', { name: '現在の段階: 調査・実証' })).toBeTruthy();
    const spans = screen.getByRole('rowheader', { name: '検討' }).closest('tr')!;
    // 2017年3月 → 2018年1月
    expect(spans.textContent).toContain('10か月');
  });

  it('adds an event with a planned fiscal year; it shows at once and is stored', async () => {
    await renderCase();
    const form = screen.getByRole('form', { name: '経緯を追加' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: '段階' }), 'order_management');
    await userEvent.type(within(form).getByRole('textbox', { name: '日付' }), '2021年度予定');
    await userEvent.type(within(form).getByRole('textbox', { name: '内容' }), '日系企業によるソリューション導入{Enter}');

    const row = (await screen.findByText('日系企業によるソリューション導入')).closest('li')!;
    expect(row.closest('section')!.getAttribute('aria-label')).toBe('受注・管理');
    expect(row.textContent).toContain('2021年度（予定）');
    const added = stored().events.find((e) => e.text === '日系企業によるソリューション導入')!;
    expect(added).toMatchObject({ phase: 'order_management', scope: 'council', date: { precision: 'fiscal_year', planned: true, sort: '2021-04' } });
    // The form is ready for the next one.
    expect((within(form).getByRole('textbox', { name: '内容' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('folds the form to add an event under its heading, keeping what was typed', async () => {
    await renderCase();
    const form = screen.getByRole('form', { name: '経緯を追加' }) as HTMLFormElement;
    await userEvent.type(within(form).getByRole('textbox', { name: '内容' }), '書きかけ');
    const toggle = screen.getByRole('button', { name: '経緯を追加' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(form.id);
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(form.hidden).toBe(true);
    await userEvent.click(toggle);
    expect(form.hidden).toBe(false);
    expect((within(form).getByRole('textbox', { name: '内容' }) as HTMLTextAreaElement).value).toBe('書きかけ');
  });

  it("labels the case's scope where it is chosen", async () => {
    await renderCase();
    const scope = screen.getAllByRole('combobox', { name: '共有範囲' })[0] as HTMLSelectElement;
    expect(scope.id).toBe('case-scope');
    expect(scope.value).toBe('council');
    await userEvent.selectOptions(scope, 'government');
    await waitFor(() => expect(stored().case.scope).toBe('government'));
  });

  it('leads from a case of a whole region (no country) back to the countries screen at its region', async () => {
    const { id } = createCase(demo.backEnd.store, { title: 'アフリカ 国民ID: 国民IDプラットフォームの導入支援', countries: [], region: 'アフリカ' });
    const router = renderApp(`/case/${id}`);
    const related = await screen.findByRole('navigation', { name: '関連ページ' });
    const back = within(related).getByRole('link', { name: '← 国一覧: アフリカの地域案件' });
    expect(within(related).queryByRole('link', { name: /のカルテ$/ })).toBeNull();
    await userEvent.click(back);
    expect(router.state.location.pathname).toBe('/countries');
    expect(router.state.location.search).toBe('?region=africa');
  });

  it('keeps a date it cannot read as written, says so beside it, and sorts it last in its phase', async () => {
    await renderCase();
    await userEvent.click(within(eventRow('大臣間で改定覚書に署名')).getByRole('button', { name: /編集/ }));
    const editor = screen.getByRole('form', { name: '経緯を編集: 大臣間で改定覚書に署名' });
    const date = within(editor).getByRole('textbox', { name: '日付' });
    expect(document.activeElement).toBe(date);
    await userEvent.clear(date);
    await userEvent.type(date, '来年の春ごろ{Enter}');
    await waitFor(() => expect(screen.queryByRole('form', { name: '経緯を編集: 大臣間で改定覚書に署名' })).toBeNull());
    const row = eventRow('大臣間で改定覚書に署名');
    expect(row.textContent).toContain('来年の春ごろ （日付として読めないため、書いたとおり保存。並べ替えでは最後）');
    expect(stored().events.find((e) => e.text === '大臣間で改定覚書に署名')!.date).toMatchObject({ precision: 'unknown', text: '来年の春ごろ', sort: null });
    const phase = row.closest('section')!;
    expect([...phase.querySelectorAll('li')].at(-1)).toBe(row);
  });

  it('edits an event with the keyboard alone: date and text, saved with Enter', async () => {
    await renderCase();
    within(eventRow('大臣間で協力推進の合意')).getByRole('button', { name: /編集/ }).focus();
    await userEvent.keyboard('{Enter}');
    const date = screen.getByRole('textbox', { name: '日付', description: /Enter で保存/ });
    await userEvent.clear(date);
    await userEvent.type(date, '2020年1月21日');
    await userEvent.tab();
    await userEvent.keyboard('{Control>}a{/Control}大臣間で協力推進の合意（ハノイ）{Enter}');
    await screen.findByText('大臣間で協力推進の合意（ハノイ）');
    const edited = stored().events.find((e) => e.text === '大臣間で協力推進の合意（ハノイ）')!;
    expect(edited.date).toMatchObject({ precision: 'day', from: '2020-01-21', text: '2020年1月21日' });
  });

  it('changes the scope of an event through its badge', async () => {
    await renderCase();
    const badge = within(eventRow('大臣間で改定覚書に署名')).getByRole('combobox', { name: '共有範囲を変更（現在: 協議会）' });
    await userEvent.selectOptions(badge, 'government');
    await waitFor(() => expect(stored().events.find((e) => e.text === '大臣間で改定覚書に署名')!.scope).toBe('government'));
    expect(await within(eventRow('大臣間で改定覚書に署名')).findByRole('combobox', { name: '共有範囲を変更（現在: 政府関係機関）' })).toBeTruthy();
  });

  it('deletes an event, and Ctrl+Z brings it back', async () => {
    await renderCase();
    await userEvent.click(within(eventRow('大臣間で協力推進の合意')).getByRole('button', { name: /削除/ }));
    await waitFor(() => expect(screen.queryByText('大臣間で協力推進の合意')).toBeNull());
    expect(stored().events.map((e) => e.text)).not.toContain('大臣間で協力推進の合意');
    expect(screen.getByRole('status').textContent).toContain('Ctrl+Z');
    // Focus went to the timeline heading, outside any field, where Ctrl+Z is the app's undo.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '経緯' }));
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('大臣間で協力推進の合意')).toBeTruthy();
    // Said as the screens say it, not by the field's name in the store.
    expect(await screen.findByText('経緯の追加・削除を元に戻しました')).toBeTruthy();
    expect(stored().events.map((e) => e.text)).toContain('大臣間で協力推進の合意');
  });

  it('saves the summary fields in place: text on blur, status and priority on change', async () => {
    await renderCase();
    const policy = screen.getByRole('textbox', { name: '今後の方針' });
    await userEvent.clear(policy);
    await userEvent.type(policy, 'ダナン市での実装を提案');
    expect(stored().case.futurePolicy).not.toBe('ダナン市での実装を提案');
    await userEvent.tab();
    await waitFor(() => expect(stored().case.futurePolicy).toBe('ダナン市での実装を提案'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '状況' }), 'on_hold');
    await waitFor(() => expect(stored().case.status).toBe('on_hold'));
    await userEvent.click(screen.getByRole('checkbox', { name: /にいまる/ }));
    await waitFor(() => expect(stored().case.priority).toBe(true));
    const title = screen.getByRole('textbox', { name: '案件名' });
    await userEvent.clear(title);
    await userEvent.tab();
    // A case needs its title: the store refuses, the field says so and keeps what was typed.
    expect((await screen.findByRole('alert')).textContent).toContain('保存できませんでした');
    expect(stored().case.title).toBe('ベトナム スマートシティ: スマートシティのKPI及び日系企業のソリューション');
  });
});
