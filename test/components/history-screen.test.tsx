// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { useDemoCase } from '../support/demo-case';
import { call } from '../../renderer/api/client';
import { writeMeta } from '../../electron/services/sync/client';
import { sealToken } from '../../electron/services/sync/sealed-token';

describe('history screen', () => {
  const demo = useDemoCase();

  it('shows a status change old → new, an event edit with its dates, and creations one line per record', async () => {
    await call('case.update', { id: demo.caseId, values: { status: 'on_hold' } });
    const { id: eventId } = (await call('event.add', { caseId: demo.caseId, phase: 'survey_demo', date: '2021年度予定', text: 'ダナン市で実証' })) as { id: string };
    await call('event.update', { id: eventId, values: { date: '2022年夏' } });

    const router = renderApp(`/case/${demo.caseId}/history`);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);

    // Newest first: the date edit, the event's creation, the status change, then the import's creations.
    expect(rows[0].textContent).toContain('経緯「ダナン市で実証」');
    expect(rows[0].textContent).toContain('日付 2021年度予定 → 2022年夏');
    expect(rows[1].textContent).toContain('作成');
    expect(rows[2].textContent).toContain('案件');
    expect(rows[2].textContent).toContain('状況 進行中 → 保留');
    expect(rows[2].textContent).toContain('tester');
    expect(within(table).queryByText('取り消し')).toBeNull();
    // The import created the case and its six events: one line each.
    const created = rows.filter((row) => row.textContent!.includes('作成'));
    expect(created).toHaveLength(1 + 6 + 1);

    await userEvent.click(screen.getByRole('link', { name: /案件に戻る/ }));
    expect(router.state.location.pathname).toBe(`/case/${demo.caseId}`);
  });

  it('marks an undo as one, and names this device by its sync account rather than its login', async () => {
    await call('case.update', { id: demo.caseId, values: { status: 'on_hold' } });
    await call('undo', {});
    writeMeta(demo.backEnd.store, 'sync.account', { server: 'https://karte.example.go.jp', login: 'tanaka.taro', token: sealToken(demo.backEnd.store, 'token') });

    renderApp(`/case/${demo.caseId}/history`);
    const table = await screen.findByRole('table');
    const [undo, edit] = within(table).getAllByRole('row').slice(1);
    expect(within(undo).getByText('取り消し').getAttribute('title')).toBe('元に戻す（Ctrl+Z）で直前の編集を取り消した変更です。');
    expect(undo.textContent).toContain('状況 保留 → 進行中');
    expect(within(edit).queryByText('取り消し')).toBeNull();
    // The login the log holds stays on hover.
    const who = within(edit).getByText('tanaka.taro');
    expect(who.getAttribute('title')).toBe('tester');
    expect(within(table).queryByText('tester')).toBeNull();
  });
});
