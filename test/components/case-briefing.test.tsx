// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getCase, updateCase } from '../../electron/services/cases';
import { renderApp } from '../support/render-app';
import { useDemoCase } from '../support/demo-case';

describe('case screen: the briefing pack panel (説明資料用)', () => {
  const demo = useDemoCase();

  // Folded at first: opened by its summary, as a person would.
  const renderPanel = async () => {
    renderApp(`/case/${demo.caseId}`);
    const panel = await screen.findByRole('region', { name: '説明資料用' });
    const details = panel.closest('details')!;
    expect(details.open).toBe(false);
    await userEvent.click(within(details).getByRole('heading', { name: '説明資料用' }));
    expect(details.open).toBe(true);
    return panel;
  };
  const stored = () => getCase(demo.backEnd.store, demo.caseId).case;

  it('saves the outcome framing and its English version, each on blur, keeping other translations', async () => {
    updateCase(demo.backEnd.store, demo.caseId, { translations: { en: { nextSteps: 'Propose to Da Nang' }, vi: { summary: 'Thành phố thông minh' } } });
    const panel = await renderPanel();
    const japanese = within(panel).getByRole('textbox', { name: '開発効果（アウトプット→開発成果）' });
    await userEvent.type(japanese, '災害による死傷者の減少');
    await userEvent.tab();
    await waitFor(() => expect(stored().outcomeFraming).toBe('災害による死傷者の減少'));

    const english = within(panel).getByRole('textbox', { name: '開発効果（アウトプット→開発成果）（英語）' });
    expect(document.activeElement).toBe(english);
    await userEvent.type(english, 'Fewer disaster casualties');
    await userEvent.tab();
    await waitFor(() => expect(stored().translations.en?.outcomeFraming).toBe('Fewer disaster casualties'));
    expect(stored().translations).toEqual({
      en: { nextSteps: 'Propose to Da Nang', outcomeFraming: 'Fewer disaster casualties' },
      vi: { summary: 'Thành phố thông minh' },
    });
    expect(stored().outcomeFraming).toBe('災害による死傷者の減少');
  });

  it('writes the English of the summary beside its Japanese text, and emptying it removes the translation', async () => {
    const panel = await renderPanel();
    const summary = stored().summary;
    expect(within(panel).getByText(summary)).toBeTruthy();
    const english = within(panel).getByRole('textbox', { name: '概要（英語）' });
    await userEvent.type(english, 'KPIs for a smart city');
    await userEvent.tab();
    await waitFor(() => expect(stored().translations).toEqual({ en: { summary: 'KPIs for a smart city' } }));
    await userEvent.clear(english);
    await userEvent.tab();
    await waitFor(() => expect(stored().translations).toEqual({}));
    expect(stored().summary).toBe(summary);
  });

  it("writes a translation in a counterpart's language chosen from the language list, beside the English one", async () => {
    updateCase(demo.backEnd.store, demo.caseId, { translations: { en: { summary: 'KPIs for a smart city' } } });
    const panel = await renderPanel();
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: '翻訳の言語' }), 'vi');
    expect(within(panel).getByRole('heading', { name: '概要欄の項目のベトナム語版' })).toBeTruthy();
    const vietnamese = within(panel).getByRole('textbox', { name: '概要（ベトナム語）' });
    expect((vietnamese as HTMLTextAreaElement).value).toBe('');
    await userEvent.type(vietnamese, 'Thành phố thông minh');
    await userEvent.tab();
    await waitFor(() => expect(stored().translations).toEqual({ en: { summary: 'KPIs for a smart city' }, vi: { summary: 'Thành phố thông minh' } }));
    // Back to English: its own text, untouched.
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: '翻訳の言語' }), 'en');
    expect((within(panel).getByRole('textbox', { name: '概要（英語）' }) as HTMLTextAreaElement).value).toBe('KPIs for a smart city');
  });

  it('ticks SDG goals on and off, kept in goal order', async () => {
    const panel = await renderPanel();
    const goals = within(panel).getByRole('group', { name: 'SDGs（持続可能な開発目標）' });
    expect(within(goals).getAllByRole('checkbox')).toHaveLength(17);
    await userEvent.click(within(goals).getByRole('checkbox', { name: '11. 住み続けられるまちづくりを' }));
    await waitFor(() => expect(stored().sdgGoals).toEqual([11]));
    await userEvent.click(within(goals).getByRole('checkbox', { name: '9. 産業と技術革新の基盤をつくろう' }));
    await waitFor(() => expect(stored().sdgGoals).toEqual([9, 11]));
    await userEvent.click(within(goals).getByRole('checkbox', { name: '11. 住み続けられるまちづくりを' }));
    await waitFor(() => expect(stored().sdgGoals).toEqual([9]));
    expect((within(goals).getByRole('checkbox', { name: '9. 産業と技術革新の基盤をつくろう' }) as HTMLInputElement).checked).toBe(true);
  });
});
