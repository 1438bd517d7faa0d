// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addEvent } from '../../electron/services/events';
import { createProfile, profilesOfCountry } from '../../electron/services/profiles';
import { questionsOfCase, questionsOfVisit } from '../../electron/services/questions';
import { createVisit } from '../../electron/services/visits';
import { renderApp } from '../support/render-app';
import { useDemoCase } from '../support/demo-case';

// 想定問答 on the case and visit pages (one panel for both), and 先方要人: linked to a visit from its people met or
// from the country's list, and listed per country with their previous meetings (issue 14, item 4).

describe('想定問答 and 先方要人 panels', () => {
  const demo = useDemoCase();

  it('adds, edits, moves and deletes a case’s questions in place', async () => {
    const user = userEvent.setup();
    renderApp(`/case/${demo.caseId}`);
    const panel = await screen.findByRole('region', { name: '想定問答' });
    expect(await within(panel).findByText(/想定問答はまだありません。/)).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: '想定問答を追加' }));
    const form = within(panel).getByRole('form', { name: '想定問答を追加' });
    // The new question starts from the case's scope.
    expect((within(form).getByRole('combobox', { name: '共有範囲' }) as HTMLSelectElement).value).toBe('council');
    await user.type(within(form).getByRole('textbox', { name: '質問' }), '実証の規模は？');
    await user.type(within(form).getByRole('textbox', { name: '回答' }), '2都市で実施予定。');
    await user.click(within(form).getByRole('button', { name: '追加' }));
    await within(panel).findByDisplayValue('実証の規模は？');
    // The form stays open, emptied, for the next question.
    expect(within(form).getByRole('textbox', { name: '質問' })).toHaveProperty('value', '');
    await user.type(within(form).getByRole('textbox', { name: '質問' }), '受注の見通しは？');
    await user.selectOptions(within(form).getByRole('combobox', { name: '共有範囲' }), 'government');
    await user.click(within(form).getByRole('button', { name: '追加' }));
    await within(panel).findByDisplayValue('受注の見通しは？');
    await user.keyboard('{Escape}');
    expect(within(panel).queryByRole('form')).toBeNull();

    expect(questionsOfCase(demo.backEnd.store, demo.caseId)).toMatchObject([
      { question: '実証の規模は？', answer: '2都市で実施予定。', scope: 'council' },
      { question: '受注の見通しは？', answer: '', scope: 'government' },
    ]);

    // The answer is written in place, saved on leaving the field.
    await user.type(within(panel).getByRole('textbox', { name: '回答（問2）' }), '先方予算の確定待ち。');
    await user.tab();
    await waitFor(() => expect(questionsOfCase(demo.backEnd.store, demo.caseId)[1].answer).toBe('先方予算の確定待ち。'));

    expect(within(panel).getByRole('button', { name: '問1を上へ' })).toHaveProperty('disabled', true);
    expect(within(panel).getByRole('button', { name: '問2を下へ' })).toHaveProperty('disabled', true);
    await user.click(within(panel).getByRole('button', { name: '問2を上へ' }));
    await waitFor(() => expect((within(panel).getByRole('textbox', { name: '質問（問1）' }) as HTMLTextAreaElement).value).toBe('受注の見通しは？'));
    // At the top, its 上へ disabled: the focus goes on to 下へ, to move it back with the keyboard.
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: '問1を下へ' })));

    await user.click(within(panel).getByRole('button', { name: '問1を削除' }));
    expect(await screen.findByText('想定問答「受注の見通しは？」を削除しました。Ctrl+Z で元に戻せます。')).toBeTruthy();
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: '想定問答' }));
    await waitFor(() => expect(within(panel).queryByDisplayValue('受注の見通しは？')).toBeNull());
    expect(questionsOfCase(demo.backEnd.store, demo.caseId).map((q) => q.question)).toEqual(['実証の規模は？']);
  });

  it('on a visit: registers a person met as a profile, links another of the country, and keeps the visit’s own questions', async () => {
    const user = userEvent.setup();
    const store = demo.backEnd.store;
    const visit = createVisit(store, {
      title: '総務大臣ベトナム訪問',
      country: 'VN',
      dates: '2021年5月',
      scope: 'government',
      counterparts: [{ name: 'Nguyen Manh Hung', title: '情報通信大臣', organisation: 'ベトナム情報通信省' }],
    });
    createProfile(store, { name: 'Tran Van An', nameJa: 'チャン・ヴァン・アン', title: '次官', country: 'VN' });
    renderApp(`/visit/${visit.id}`);

    const panel = await screen.findByRole('region', { name: '先方要人' });
    await within(panel).findByText(/この訪問に関連付けた要人はいません。/);
    await user.click(within(panel).getByRole('button', { name: 'Nguyen Manh Hungを要人として登録' }));
    await within(panel).findByRole('link', { name: 'Nguyen Manh Hung' });
    expect(profilesOfCountry(store, 'VN').find((p) => p.name === 'Nguyen Manh Hung')).toMatchObject({
      title: '情報通信大臣',
      organisation: 'ベトナム情報通信省',
      visitIds: [visit.id],
      scope: 'government',
    });
    // Registered once: the person met is no longer offered.
    expect(within(panel).queryByRole('button', { name: /を要人として登録$/ })).toBeNull();

    await user.selectOptions(within(panel).getByRole('combobox', { name: 'ベトナムの要人から追加' }), 'チャン・ヴァン・アン（Tran Van An） — 次官');
    await user.click(within(panel).getByRole('button', { name: '関連付け' }));
    await within(panel).findByRole('link', { name: 'チャン・ヴァン・アン（Tran Van An）' });
    await user.click(within(panel).getByRole('button', { name: 'チャン・ヴァン・アン（Tran Van An）の関連付けを外す' }));
    await waitFor(() => expect(within(panel).queryByRole('link', { name: 'チャン・ヴァン・アン（Tran Van An）' })).toBeNull());

    const questions = screen.getByRole('region', { name: '想定問答' });
    await user.click(within(questions).getByRole('button', { name: '想定問答を追加' }));
    await user.type(within(questions).getByRole('textbox', { name: '質問' }), '共同声明の扱いは？');
    await user.click(within(questions).getByRole('button', { name: '追加' }));
    await within(questions).findByDisplayValue('共同声明の扱いは？');
    expect(questionsOfVisit(store, visit.id)).toMatchObject([{ question: '共同声明の扱いは？', scope: 'government', caseId: null }]);
  });

  it('lists a country’s profiles with their previous meetings, each leading to its visit or case, and adds one', async () => {
    const user = userEvent.setup();
    const store = demo.backEnd.store;
    const visit = createVisit(store, { title: '官民ミッション', country: 'VN', dates: '2019年8月' });
    createProfile(store, { name: 'Nguyen Manh Hung', nameJa: 'グエン・マイン・フン', career: '2018年 大臣代行\n2019年 情報通信大臣', country: 'VN', visitIds: [visit.id] });
    const { id: eventId } = addEvent(store, demo.caseId, { phase: 'consultation', date: '2020年10月', text: 'グエン・マイン・フン大臣とオンライン会談' });
    const router = renderApp('/dossier/VN/profiles');

    const card = await screen.findByRole('region', { name: 'グエン・マイン・フン（Nguyen Manh Hung）' });
    expect(screen.getByRole('heading', { level: 1, name: 'ベトナムの先方要人' })).toBeTruthy();
    expect(within(card).getByText(/2019年 情報通信大臣/)).toBeTruthy();
    const rows = within(within(card).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('訪問 官民ミッション'), expect.stringContaining('経緯 グエン・マイン・フン大臣とオンライン会談')]);
    expect(within(rows[0]).getByRole('link')).toHaveProperty('href', expect.stringContaining(`/visit/${visit.id}`));
    expect(within(rows[1]).getByRole('link')).toHaveProperty('href', expect.stringContaining(`/case/${demo.caseId}?event=${eventId}`));

    await user.click(within(card).getByRole('button', { name: 'グエン・マイン・フン（Nguyen Manh Hung）を編集' }));
    const organisation = within(card).getByRole('textbox', { name: '所属' });
    await user.type(organisation, 'ベトナム情報通信省');
    await user.tab();
    await waitFor(() => expect(profilesOfCountry(store, 'VN')[0].organisation).toBe('ベトナム情報通信省'));

    await user.click(screen.getByRole('button', { name: '要人を登録' }));
    const form = screen.getByRole('form', { name: '要人を登録' });
    await user.type(within(form).getByRole('textbox', { name: '氏名（現地語）' }), 'Tran Van An');
    await user.type(within(form).getByRole('textbox', { name: '日本語表記' }), 'チャン・ヴァン・アン');
    await user.click(within(form).getByRole('button', { name: '登録' }));
    await screen.findByRole('region', { name: 'チャン・ヴァン・アン（Tran Van An）' });
    expect(within(screen.getByRole('region', { name: 'チャン・ヴァン・アン（Tran Van An）' })).getByText(/名前は見つかりません/)).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'ベトナムのカルテへ' }));
    expect(router.state.location.pathname).toBe('/dossier/VN');
    await user.click(await screen.findByRole('link', { name: '先方要人' }));
    expect(router.state.location.pathname).toBe('/dossier/VN/profiles');
  });
});
