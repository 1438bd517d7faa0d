// @vitest-environment jsdom
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addUser } from '../../server/accounts';
import { openStore, readRow, writeRows, type Store } from '../../electron/services/store/store';
import { login, syncOnce } from '../../electron/services/sync/client';
import { listConflicts } from '../../electron/services/sync/conflicts';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';
import { call } from '../../renderer/api/client';

// The conflicts inbox, with conflicts made for real: the app's store (the tester) and Bob's store edit the same case
// offline and sync through a real server; the tester's values lose and wait in the inbox.

const PASSWORD = '受信箱のパスワード';

let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const org = await addOrganisation(server.db, '経済産業省', 'ministry');
  for (const user of ['tester', 'bob']) await addUser(server.db, { login: user, orgId: org, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

describe('conflicts inbox', () => {
  const temp = useTempDir();
  let backEnd: TestBackEnd;
  let bob: Store;
  afterEach(async () => {
    await backEnd.close();
    bob.close();
  });

  /** The tester and Bob share a case; offline, both change its title and status, Bob later. Returns the case id. */
  async function conflictingEdits(): Promise<string> {
    backEnd = installBackEnd();
    await call('sync.signIn', { server: server!.url, login: 'tester', password: PASSWORD });
    const { id } = (await call('case.create', { title: 'ベトナム 郵便', countries: ['VN'], sectorLabel: '郵便' })) as { id: string };
    await call('sync.now', {});

    bob = openStore(path.join(temp.dir(), 'bob.sqlite'), { author: 'bob' });
    await login(bob, { server: server!.url, login: 'bob', password: PASSWORD });
    await syncOnce(bob);

    await call('case.update', { id, values: { title: 'ベトナム 郵便近代化', status: 'on_hold' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    writeRows(bob, [{ table: 'cases', id, values: { title: 'ベトナム 郵便・物流', status: 'won' } }]);
    await syncOnce(bob);
    await call('sync.now', {});
    expect(listConflicts(backEnd.store)).toHaveLength(2);
    return id;
  }

  it('shows each conflict with its case, field, both values and authors; keeping theirs or a merge settles it and syncs', async () => {
    const id = await conflictingEdits();
    renderApp('/conflicts');

    const titleConflict = await screen.findByRole('article', { name: '案件 ベトナム 郵便・物流 項目: 案件名' });
    const mine = within(titleConflict).getByRole('region', { name: 'あなたの値' });
    const theirs = within(titleConflict).getByRole('region', { name: '相手の値' });
    expect(within(mine).getByText('ベトナム 郵便近代化')).toBeTruthy();
    expect(mine.textContent).toMatch(/tester、\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d\d$/);
    expect(within(theirs).getByText('ベトナム 郵便・物流')).toBeTruthy();
    expect(theirs.textContent).toMatch(/^相手の値ベトナム 郵便・物流bob、/);

    // The status: labels, not codes, and no merge for a choice from a list.
    const statusConflict = screen.getByRole('article', { name: '案件 ベトナム 郵便・物流 項目: 状況' });
    expect(within(within(statusConflict).getByRole('region', { name: 'あなたの値' })).getByText('保留')).toBeTruthy();
    expect(within(statusConflict).queryByRole('button', { name: 'まとめて編集' })).toBeNull();
    await userEvent.click(within(statusConflict).getByRole('button', { name: '相手の値を残す' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));

    // The bar counts what is left and leads here.
    await waitFor(() =>
      expect(
        within(screen.getByRole('group', { name: '同期の状態' }))
          .getByRole('link', { name: '競合 1件' })
          .getAttribute('href'),
      ).toBe('/conflicts'),
    );

    // A merge starts from both texts.
    await userEvent.click(within(titleConflict).getByRole('button', { name: 'まとめて編集' }));
    const merge = within(titleConflict).getByLabelText('まとめた内容') as HTMLTextAreaElement;
    expect(merge.value).toBe('ベトナム 郵便近代化\n\nベトナム 郵便・物流');
    await userEvent.clear(merge);
    await userEvent.type(merge, 'ベトナム 郵便近代化・物流');
    await userEvent.click(within(titleConflict).getByRole('button', { name: 'この内容で解決' }));
    expect(await screen.findByText('未解決の競合はありません。')).toBeTruthy();
    expect(readRow(backEnd.store, 'cases', id)).toMatchObject({ title: 'ベトナム 郵便近代化・物流', status: 'won' });

    // The decision is a synced write: Bob receives it.
    await call('sync.now', {});
    await syncOnce(bob);
    expect(readRow(bob, 'cases', id)).toMatchObject({ title: 'ベトナム 郵便近代化・物流', status: 'won' });
    expect(listConflicts(bob)).toEqual([]);
  });

  it('keeps mine, and links the conflict to its case', async () => {
    const id = await conflictingEdits();
    const router = renderApp('/conflicts');
    const [titleConflict] = await screen.findAllByRole('article');
    await userEvent.click(within(titleConflict).getByRole('button', { name: '自分の値を残す' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(readRow(backEnd.store, 'cases', id)?.title).toBe('ベトナム 郵便近代化');

    const [statusConflict] = screen.getAllByRole('article');
    await userEvent.click(within(statusConflict).getByRole('link', { name: 'ベトナム 郵便近代化' }));
    expect(router.state.location.pathname).toBe(`/case/${id}`);
  });
});
