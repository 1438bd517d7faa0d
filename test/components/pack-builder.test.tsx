// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCases, updateCase } from '../../electron/services/cases';
import { createVisit, updateVisit } from '../../electron/services/visits';
import type { CaseSummary } from '../../shared/views';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';

// The pack builder on the demo dossiers, through the real API handlers: what it asks the back end for shows in the
// preview document the frame is pointed at (jsdom loads no frame, so the document is read where the back end keeps it).

const MARKUP = '<img src=x onerror="parent.document.title=\'pwned\'"><script>parent.document.title="pwned"</script>';

describe('pack builder', () => {
  let backEnd: TestBackEnd;
  /** Vietnam's cases: the first narrowed to government staff, the second titled with markup, then the rest. */
  let vietnam: CaseSummary[];
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
    const ids = listCases(backEnd.store, { country: 'VN' }).map((c) => c.id);
    updateCase(backEnd.store, ids[0], { scope: 'government' });
    updateCase(backEnd.store, ids[1], { title: `${MARKUP} 郵便` });
    const now = listCases(backEnd.store, { country: 'VN' });
    vietnam = ids.map((id) => now.find((c) => c.id === id)!);
  });
  afterEach(() => backEnd.close());

  /** The document the preview frame shows, parsed as the frame would parse it. */
  const previewDocument = async () => {
    const frame = (await screen.findByTitle('説明資料のプレビュー')) as HTMLIFrameElement;
    // Same-origin only for the font files; never allow-scripts.
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    const html = backEnd.packPreviews.document(frame.getAttribute('src')!);
    if (html === null) throw new Error(`the frame's address ${frame.getAttribute('src')} names no preview`);
    return new DOMParser().parseFromString(html, 'text/html');
  };

  it('previews Vietnam for the council with the chosen cases only, narrower cases held back, markup as text', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.click(await screen.findByRole('link', { name: '説明資料' }));
    await user.selectOptions(await screen.findByLabelText('国'), 'VN');
    await user.selectOptions(screen.getByLabelText('配布範囲'), '協議会（表示: 協議会会員限り）');

    const [narrowed, marked, left, ...kept] = vietnam;
    // Every case starts ticked; the one scoped to government staff cannot be, and says why.
    const narrowedBox = (await screen.findByRole('checkbox', { name: narrowed.title })) as HTMLInputElement;
    expect(narrowedBox.disabled).toBe(true);
    expect(narrowedBox.checked).toBe(false);
    expect(narrowedBox.closest('li')!.textContent).toContain('配布範囲より狭い共有範囲のため印刷されません');
    expect(narrowedBox.closest('li')!.textContent).toContain('政府関係機関');
    for (const c of [marked, left, ...kept]) expect((screen.getByRole('checkbox', { name: c.title }) as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: left.title }));
    await user.click(screen.getByRole('checkbox', { name: '国別概況' }));
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    expect(await screen.findByText(`プレビュー: ${kept.length + 1}件の案件（印刷時のA4ページ）`)).toBeTruthy();
    const document = await previewDocument();
    const text = document.body.textContent!;
    for (const c of kept) expect(text).toContain(c.title);
    expect(text).toContain(`${MARKUP} 郵便`);
    expect(text).not.toContain(left.title);
    expect(text).not.toContain(narrowed.title);
    expect(text).toContain('協議会会員限り');
    expect(text).toContain('案件一覧（別表）');
    expect(text).not.toContain('国別概況');
    // The title's markup is text in the preview: no element came of it.
    expect(document.querySelectorAll('img, script')).toHaveLength(0);

    // Changing a setting withdraws the preview rather than show one that export would not print.
    await user.selectOptions(screen.getByLabelText('資料の言語'), '英語');
    expect(await screen.findByText('設定が変わりました。もう一度プレビューしてください。')).toBeTruthy();
    expect(screen.queryByTitle('説明資料のプレビュー')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));
    expect((await previewDocument()).body.textContent).toContain('Council members only');
  });

  it('lists the sections left out and why, writes dates in 和暦 when chosen, and remembers the cover for the next pack', async () => {
    const user = userEvent.setup();
    renderApp('/pack?country=VN');
    await user.selectOptions(await screen.findByLabelText('日付の表記'), '和暦（令和2年1月）');
    await user.type(screen.getByLabelText('発行元'), '総務省国際戦略局');
    await user.type(screen.getByLabelText('配布先'), '協議会 会員各位');
    await user.click(screen.getByRole('checkbox', { name: '「取扱注意」と表示する' }));
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('記載がないため省略したセクション:');
    expect(note.textContent).toContain('発言要領（どの案件にも発言要領が記入されていません）');
    expect(note.textContent).toContain('関係者・連絡先（訪問団・面会先・関係機関の記録がありません）');
    const document = await previewDocument();
    const text = document.body.textContent!;
    expect(text).toContain('令和2年1月');
    expect(text).not.toContain('2020年1月');
    expect(document.querySelector('.cover .issuer')?.textContent).toBe('総務省国際戦略局');
    expect(document.querySelector('.cover .handling')?.textContent).toBe('取扱注意');
    expect(document.querySelector('section.landscape')?.id).toBe('matrix');
    expect(document.querySelector('#talking-points')).toBeNull();

    // The next pack starts from the same cover.
    cleanup();
    renderApp('/pack?country=VN');
    expect(((await screen.findByLabelText('発行元')) as HTMLInputElement).value).toBe('総務省国際戦略局');
    expect(JSON.parse(localStorage.getItem('karte.preferences')!).packCover).toMatchObject({ issuer: '総務省国際戦略局', distribution: '協議会 会員各位', handleWithCare: true });
  });

  it('starts a visit pack from the visit screen with the visit and its linked cases', async () => {
    const [first, second, other] = vietnam.slice(2);
    const { id } = createVisit(backEnd.store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2025-05-10' });
    updateVisit(backEnd.store, id, { caseIds: [first.id, second.id], objectives: '郵便分野の協力を確認' });
    const user = userEvent.setup();
    const router = renderApp(`/visit/${id}`);
    await user.click(await screen.findByRole('link', { name: '説明資料を作成' }));
    expect(router.state.location.search).toBe(`?visit=${id}`);

    await waitFor(() => expect((screen.getByRole('checkbox', { name: first.title }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('checkbox', { name: second.title }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: other.title }) as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));
    const text = (await previewDocument()).body.textContent!;
    expect(text).toContain('郵便分野の協力を確認');
    expect(text).toContain(first.title);
    expect(text).not.toContain(other.title);
  });
});
