// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAccount } from '../../electron/services/sync/client';
import { outboxCount } from '../../electron/services/sync/outbox';
import { addOrganisation, addUser, revokeToken } from '../../server/accounts';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import i18next from '../../renderer/i18n';
import { renderApp } from '../support/render-app';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { call } from '../../renderer/api/client';

// The sync bar in the layout and the sign-in screen, on a temp store signed in to a real sync server.

const PASSWORD = '画面のパスワード';

let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const org = await addOrganisation(server.db, '外務省', 'ministry');
  for (const login of ['alice', 'bob']) await addUser(server.db, { login, orgId: org, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

function syncBar(): HTMLElement {
  return screen.getByRole('group', { name: '同期の状態' });
}

async function fillSignIn(values: { server?: string; login?: string; password: string }): Promise<void> {
  const form = screen.getByRole('form', { name: 'サインイン' });
  for (const [label, value] of [
    ['同期サーバーのURL', values.server],
    ['ログイン名', values.login],
    ['パスワード', values.password],
  ] as const) {
    if (value === undefined) continue;
    const input = within(form).getByLabelText(label);
    await userEvent.clear(input);
    await userEvent.type(input, value);
  }
  await userEvent.click(within(form).getByRole('button', { name: 'サインイン' }));
}

describe('sync status and sign-in', () => {
  let backEnd: TestBackEnd;
  afterEach(() => backEnd.close());

  it('says sync is not set up and leads to the sign-in form', async () => {
    backEnd = installBackEnd();
    const router = renderApp('/');
    await waitFor(() => expect(syncBar().textContent).toContain('同期: 未設定'));
    expect(syncBar().textContent).toBe('同期: 未設定未送信 0件サインイン');
    await userEvent.click(within(syncBar()).getByRole('link', { name: 'サインイン' }));
    expect(router.state.location.pathname).toBe('/sync');
    expect(await screen.findByRole('form', { name: 'サインイン' })).toBeTruthy();
  });

  it('counts the changes waiting without a server, and says there is no server rather than online', async () => {
    backEnd = installBackEnd({ demo: true });
    const waiting = outboxCount(backEnd.store);
    expect(waiting).toBeGreaterThan(500);
    const count = waiting.toLocaleString('ja-JP');
    renderApp('/sync');
    // The bar: no server, and the demo dossiers' changes waiting for one (counted as the language writes numbers).
    await waitFor(() => expect(within(syncBar()).getByText(`未送信 ${count}件`)).toBeTruthy());
    const state = within(syncBar()).getByText('同期: 未設定');
    expect(state.getAttribute('title')).toMatch(/^同期サーバーが設定されていません。/);
    expect(syncBar().textContent).not.toMatch(/オンライン|オフライン/);

    // The sync screen says the same, in words.
    expect((await screen.findByText('同期サーバーが設定されていません。')).closest('[role=status]')?.textContent).toContain(
      `この端末の変更 ${count}件はまだどこにも送られておらず`,
    );
    const details = screen.getByRole('region', { name: '同期の状態' });
    expect(within(details).getByText('接続').nextElementSibling?.textContent).toBe('同期サーバー未設定');
    expect(within(details).getByText('未送信の変更').nextElementSibling?.textContent).toBe(`${count}件`);
    expect(details.textContent).not.toMatch(/オンライン|オフライン/);

    // An edit adds to the count at once.
    await call('case.create', { title: 'ベトナム 郵便近代化', countries: ['VN'], sectorLabel: '郵便' });
    const more = outboxCount(backEnd.store).toLocaleString('ja-JP');
    expect(more).not.toBe(count);
    await waitFor(() => expect(within(syncBar()).getByText(`未送信 ${more}件`)).toBeTruthy());
    // Thousands are separated, as the 1,126 waiting changes were.
    expect(i18next.t('sync:status.outbox', { count: 1126 })).toBe('未送信 1,126件');
    expect(i18next.t('sync:status.outbox', { count: 1126, lng: 'en' })).toBe('1,126 changes not sent');
  });

  it('signs in at the real server, shows the outbox, syncs now, signs out and refuses a bad password', async () => {
    backEnd = installBackEnd({ demo: true });
    renderApp('/sync');
    await screen.findByRole('form', { name: 'サインイン' });

    // A wrong password: the server's refusal is shown, nothing is kept.
    await fillSignIn({ server: server!.url, login: 'alice', password: '違う' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'サインインできませんでした。ログイン名かパスワードが違うか、アカウントが無効になっています。確かめてもう一度入力してください。',
    );
    expect(readAccount(backEnd.store)).toBeUndefined();

    await fillSignIn({ password: PASSWORD });
    expect((await screen.findByText(/alice として .* にサインインしています。/, undefined, { timeout: 10_000 })).textContent).toBe(
      `alice として ${server!.url} にサインインしています。`,
    );
    // The first sync sends the demo dossiers; the bar then shows when it ended, exactly on hover.
    await waitFor(() => expect(within(syncBar()).queryByText(/^未送信/)).toBeNull(), { timeout: 20_000 });
    const lastSync = await within(syncBar()).findByText((_, element) => element?.tagName === 'TIME');
    expect(lastSync.getAttribute('title')).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d\d:\d\d$/);
    expect(syncBar().textContent).toMatch(/^オンラインすべて送信済み最終同期 (今|\d+ 秒前)今すぐ同期$/);
    const details = screen.getByRole('region', { name: '同期の状態' });
    expect(within(details).getByText('接続').nextElementSibling?.textContent).toBe('オンライン');

    // An edit is counted in the outbox until "sync now" sends it.
    await call('case.create', { title: 'ベトナム 郵便近代化', countries: ['VN'], sectorLabel: '郵便' });
    expect(await within(syncBar()).findByText(/^未送信 \d+件$/)).toBeTruthy();
    await userEvent.click(within(syncBar()).getByRole('button', { name: '今すぐ同期' }));
    await waitFor(() => expect(within(syncBar()).queryByText(/^未送信/)).toBeNull());
    expect(within(details).getByText('未送信の変更').nextElementSibling?.textContent).toBe('0件');

    // Signing out keeps the account for the form and says the password can be checked on this device.
    await userEvent.click(screen.getByRole('button', { name: 'サインアウト' }));
    const form = await screen.findByRole('form', { name: 'サインイン' });
    expect((within(form).getByLabelText('同期サーバーのURL') as HTMLInputElement).value).toBe(server!.url);
    expect((within(form).getByLabelText('ログイン名') as HTMLInputElement).value).toBe('alice');
    expect(within(form).getByText(/alice のパスワードをこの端末で確かめて/)).toBeTruthy();
    expect(syncBar().textContent).toContain('同期: サインアウト中');
    expect(within(details).getByText('接続').nextElementSibling?.textContent).toBe('同期停止中（サインアウト中）');
  });

  it('asks to sign in again when the server refuses the token, and names the error', async () => {
    backEnd = installBackEnd();
    renderApp('/sync');
    await screen.findByRole('form', { name: 'サインイン' });
    await fillSignIn({ server: server!.url, login: 'bob', password: PASSWORD });
    await screen.findByText(/bob として/, undefined, { timeout: 10_000 });
    await waitFor(() => expect(syncBar().textContent).toContain('最終同期'));

    await revokeToken(server!.db, readAccount(backEnd.store)!.token);
    await userEvent.click(within(syncBar()).getByRole('button', { name: '今すぐ同期' }));
    await waitFor(() => expect(syncBar().textContent).toContain('同期: 再サインインが必要です'));
    expect(within(syncBar()).getByText(/同期サーバーがサインインを受け付けませんでした/)).toBeTruthy();
    const form = await screen.findByRole('form', { name: 'サインイン' });
    expect(within(form).getByText(/サーバーがこの端末のサインインを受け付けませんでした/)).toBeTruthy();
    // Only the server can let bob back in now: no offline sign-in is offered.
    expect(within(form).queryByText(/この端末で確かめて/)).toBeNull();
  });

  it('counts a change from the server that this version cannot apply, and says what to do', async () => {
    backEnd = installBackEnd();
    renderApp('/sync');
    await screen.findByRole('form', { name: 'サインイン' });
    // A change an older server let into its log, written straight into it: its row id is not a record id.
    const org = (await server!.db.query<{ id: string }>("SELECT id FROM organisations WHERE name = '外務省'")).rows[0].id;
    const hlc = `${new Date().toISOString()}-0000-00000000000000c1`;
    await server!.db.query(
      "INSERT INTO changes (hlc, field, tbl, row_id, value, scope, prev, author, org_id, reach, creates) VALUES ($1, 'title', 'cases', 'not-a-record-id', '\"?\"', 'council', NULL, 'alice', $2, 'council', true)",
      [hlc, org],
    );
    await server!.db.query("INSERT INTO records (tbl, row_id, owner_org, scope, scope_hlc) VALUES ('cases', 'not-a-record-id', $1, 'council', '') ON CONFLICT DO NOTHING", [org]);
    try {
      await fillSignIn({ server: server!.url, login: 'alice', password: PASSWORD });
      const held = await within(syncBar()).findByRole('link', { name: '受信保留 1件' }, { timeout: 10_000 });
      expect(held.getAttribute('title')).toMatch(/Karteを最新版に更新してください/);
      const details = screen.getByRole('region', { name: '同期の状態' });
      expect(within(details).getByText('反映できなかった受信変更').nextElementSibling?.textContent).toMatch(/^1件 /);
      expect(syncBar().textContent).toContain('最終同期');
    } finally {
      await server!.db.query("DELETE FROM changes WHERE row_id = 'not-a-record-id'");
    }
  });

  it('names the server it cannot reach on a first sign-in', async () => {
    backEnd = installBackEnd();
    renderApp('/sync');
    await screen.findByRole('form', { name: 'サインイン' });
    // Port 9 (discard), which nothing on this machine serves.
    await fillSignIn({ server: 'http://127.0.0.1:9', login: 'alice', password: PASSWORD });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^サインインできませんでした。同期サーバーに接続できません。サーバーに接続せずにサインインできるのは/);
  });
});
