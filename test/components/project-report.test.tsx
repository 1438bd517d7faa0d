// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCases, updateCase } from '../../electron/services/cases';
import { takeSnapshot } from '../../electron/services/snapshots';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';

// The follow-up report of the 20 priority projects from the app, on the demo dossiers through the real API
// handlers: a snapshot taken and listed, then the report compared with it and previewed in its frame (jsdom loads
// no frame, so the document is read where the back end keeps it; the test bridge previews but exports nothing).

describe('follow-up report of the 20 projects', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
    // Vietnam's two postal cases linked to ⑰, so the report has cases to compare with the snapshot.
    for (const c of listCases(backEnd.store, { country: 'VN', sector: '郵便' })) updateCase(backEnd.store, c.id, { project: 17 });
  });
  afterEach(() => backEnd.close());

  /** Sets a date field (jsdom's date inputs take no typing). */
  const setDay = (field: HTMLElement, day: string) => fireEvent.change(field, { target: { value: day } });

  /** The document the preview frame shows, parsed as the frame would parse it. */
  const previewDocument = async () => {
    const frame = (await screen.findByTitle('フォローアップ報告のプレビュー')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    const html = backEnd.packPreviews.document(frame.getAttribute('src')!);
    if (html === null) throw new Error(`the frame's address ${frame.getAttribute('src')} names no preview`);
    return new DOMParser().parseFromString(html, 'text/html');
  };

  it('takes a snapshot at the end of 2020年度 and lists it, then previews the report compared with it', async () => {
    const user = userEvent.setup();
    const router = renderApp('/projects');
    await user.click(await screen.findByRole('link', { name: 'フォローアップ報告（PDF）を作成' }));
    expect(router.state.location.pathname).toBe('/projects/report');
    await screen.findByRole('heading', { level: 1, name: '「20(にいまる)」フォローアップ報告' });

    const snapshots = screen.getByRole('region', { name: 'スナップショット' });
    expect(await within(snapshots).findByText('この端末にスナップショットはまだありません。')).toBeTruthy();
    const form = within(snapshots).getByRole('form', { name: 'スナップショットを作成' });
    setDay(within(form).getByLabelText('時点'), '2021-03-31');
    const take = within(form).getByRole('button', { name: 'スナップショットを作成' }) as HTMLButtonElement;
    // A snapshot needs a name.
    expect(take.disabled).toBe(true);
    await user.type(within(form).getByLabelText('名称'), '2020年度末');
    await user.click(take);

    const cases = listCases(backEnd.store).length;
    expect(await screen.findByText(`スナップショット「2020年度末」を作成しました（案件${cases}件）`)).toBeTruthy();
    const table = await within(snapshots).findByRole('table');
    const [head, row] = within(table).getAllByRole('row') as HTMLTableRowElement[];
    expect([...head.cells].map((cell) => cell.textContent)).toEqual(['名称', '時点', '案件数', '作成日時', '作成者']);
    expect([...row.cells].slice(0, 3).map((cell) => cell.textContent)).toEqual(['2020年度末', '2021年3月31日', String(cases)]);
    expect(row.cells[4].textContent).toBe('tester');
    expect((within(form).getByLabelText('名称') as HTMLInputElement).value).toBe('');

    // Choosing the snapshot to compare with starts the report at its day.
    await user.selectOptions(screen.getByLabelText('比較するスナップショット'), '2020年度末（2021年3月31日時点）');
    expect((screen.getByLabelText('起点（この日以降の動きを載せる）') as HTMLInputElement).value).toBe('2021-03-31');
    await user.selectOptions(screen.getByLabelText('配布範囲'), '協議会（表示: 協議会会員限り）');
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));

    const text = (await previewDocument()).body.textContent!;
    expect(text).toContain('「20(にいまる)」プロジェクト フォローアップ報告');
    expect(text).toContain('⑰ 郵便');
    expect(text).toContain('協議会会員限り');
    expect(text).toContain('比較するスナップショット「2020年度末」');
    for (const c of listCases(backEnd.store, { project: 17 })) expect(text).toContain(c.title);

    // A preview of other settings would mislead: changing the language withdraws it.
    await user.selectOptions(screen.getByLabelText('資料の言語'), '英語');
    expect(await screen.findByText('設定が変わりました。もう一度プレビューしてください。')).toBeTruthy();
    expect(screen.queryByTitle('フォローアップ報告のプレビュー')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));
    expect((await previewDocument()).body.textContent).toContain('The 20 Priority Projects: Follow-up Report');
  });

  it('says so when the start day is after the as-of day, and offers no preview or export', async () => {
    renderApp('/projects/report');
    const asOf = await screen.findByLabelText('時点', { selector: '#report-as-of' });
    setDay(asOf, '2021-03-31');
    setDay(screen.getByLabelText('起点（この日以降の動きを載せる）'), '2021-04-01');
    expect(await screen.findByText('起点が時点より後になっています。時点以前の日を選んでください。')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'プレビュー' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'PDFに書き出す' }) as HTMLButtonElement).disabled).toBe(true);
    setDay(screen.getByLabelText('起点（この日以降の動きを載せる）'), '2020-04-01');
    await waitFor(() => expect((screen.getByRole('button', { name: 'プレビュー' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('words a refusal of the back end in Japanese: a snapshot gone since it was listed', async () => {
    const { id } = takeSnapshot(backEnd.store, { asOf: '2021-03-31', label: '2020年度末' });
    const user = userEvent.setup();
    renderApp('/projects/report');
    await user.selectOptions(await screen.findByLabelText('比較するスナップショット'), '2020年度末（2021年3月31日時点）');
    backEnd.store.db.prepare('DELETE FROM snapshot_cases WHERE snapshotId = ?').run(id);
    backEnd.store.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));
    expect((await screen.findByRole('alert')).textContent).toContain('フォローアップ報告を作成できません。記録が見つかりません。一覧から選び直してください。');
    expect(screen.queryByTitle('フォローアップ報告のプレビュー')).toBeNull();
  });
});
