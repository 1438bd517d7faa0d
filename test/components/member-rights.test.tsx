// @vitest-environment jsdom
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addOffer, addTrackRecord } from '../../electron/services/council/members';
import { newId } from '../../electron/services/record-ids';
import { openStore, writeRows } from '../../electron/services/store/store';
import { login, syncOnce } from '../../electron/services/sync/client';
import { addOrganisation, addUser } from '../../server/accounts';
import { call } from '../../renderer/api/client';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';

// The members' screens as a company signed in meets them (issue 15, item 5): its own profile marked 自社 and reached
// from the top of the list (or created there), another company's profile, offers and projects read only with why.
// A temp store behind window.karte, signed in to a real sync server that holds another company's profile.

const PASSWORD = '会員画面のパスワード';
const FIRM_A = '横浜環境エンジニアリング株式会社';
const FIRM_B = '港北水道テクノ株式会社';
const READ_ONLY = '他社の登録内容は閲覧のみです。変更はその会社が行います。';

let server: TestSyncServer | undefined;
let storeDir = '';

beforeAll(async () => {
  server = await startSyncServer();
  const companyA = await addOrganisation(server.db, FIRM_A, 'company');
  const companyB = await addOrganisation(server.db, FIRM_B, 'company');
  await addUser(server.db, { login: 'firm-a', orgId: companyA, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm-b', orgId: companyB, role: 'editor', password: PASSWORD });

  // Company B's profile, an offer and a project abroad, written on B's device and synced.
  storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-firm-b-'));
  const firmB = openStore(path.join(storeDir, 'b.sqlite'), { author: 'firm-b' });
  await login(firmB, { server: server.url, login: 'firm-b', password: PASSWORD });
  const profileB = newId();
  writeRows(firmB, [
    { table: 'organisations', id: profileB, values: { nameJa: FIRM_B, type: 'company', size: 'sme', location: '横浜市港北区', councilMember: true, scope: 'council' } },
  ]);
  addOffer(firmB, profileB, { name: '小型浄水装置', kind: 'product', description: '村落向けの浄水装置', sectors: ['water'], scope: 'council' });
  addTrackRecord(firmB, profileB, { project: 'ビエンチャン浄水場改修', country: 'LA', place: 'ビエンチャン', date: '2019年度', scope: 'council' });
  await syncOnce(firmB);
  firmB.close();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(storeDir, { recursive: true, force: true });
});

describe('the members’ screens for a company signed in', () => {
  let backEnd: TestBackEnd;
  afterEach(() => backEnd.close());

  it('marks its own profile 自社, leads to it, and shows another company’s read only with why', async () => {
    backEnd = installBackEnd();
    const signedIn = await call('sync.signIn', { server: server!.url, login: 'firm-a', password: PASSWORD });
    expect(signedIn.account?.organisation).toEqual({ name: FIRM_A, type: 'company' });
    await call('sync.now', {});

    // The sync screen says as whom.
    const router = renderApp('/sync');
    const details = await screen.findByRole('region', { name: '同期の状態' });
    expect(within(details).getByText('サインインしている組織').nextElementSibling?.textContent).toBe(`${FIRM_A}（企業）`);

    // No profile of its own yet: the list offers to create it, named as the company is on the server.
    await router.navigate('/council/members');
    await screen.findByRole('link', { name: FIRM_B });
    expect(screen.getByText(`${FIRM_A}（企業）としてサインインしています。変更できるのは自社の登録内容だけです。`)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: '自社のプロフィールを作成' }));
    expect(await screen.findByRole('heading', { level: 1, name: `${FIRM_A}自社` })).toBeTruthy();
    expect(router.state.location.pathname).toMatch(/^\/council\/members\//);

    // Its own page: every field editable, the organisation type among them, and its own matching.
    expect((screen.getByLabelText('組織の種類') as HTMLSelectElement).value).toBe('company');
    await userEvent.selectOptions(screen.getByLabelText('規模'), 'sme');
    await waitFor(() => expect(backEnd.store.db.prepare('SELECT size FROM organisations WHERE nameJa = ?').pluck().get(FIRM_A)).toBe('sme'));
    expect(screen.queryByText(READ_ONLY)).toBeNull();
    expect(screen.getByRole('button', { name: '追加' })).toBeTruthy();
    expect(await screen.findByRole('region', { name: '自社に合う案件と支援ツール' })).toBeTruthy();

    // The list marks it 自社 and leads to it from the top; B's is not marked.
    await userEvent.click(screen.getByRole('link', { name: '会員の一覧へ' }));
    expect(await screen.findByRole('link', { name: '自社のプロフィール' })).toBeTruthy();
    const rows = screen.getAllByRole('row');
    const rowOf = (name: string) => rows.find((row) => within(row).queryByRole('link', { name }))!;
    expect(within(rowOf(FIRM_A)).getByText('自社')).toBeTruthy();
    expect(within(rowOf(FIRM_B)).queryByText('自社')).toBeNull();

    // B's page: read only, saying why; no field, no choice, no form to add, and not B's matching.
    await userEvent.click(within(rowOf(FIRM_B)).getByRole('link', { name: FIRM_B }));
    expect(await screen.findByRole('heading', { level: 1, name: FIRM_B })).toBeTruthy();
    expect(screen.getByText(READ_ONLY)).toBeTruthy();
    const profile = screen.getByRole('region', { name: 'プロフィール' });
    expect(within(profile).getByText('横浜市港北区')).toBeTruthy();
    expect(within(profile).getByText('企業')).toBeTruthy();
    expect(within(profile).queryByRole('textbox')).toBeNull();
    expect(within(profile).queryByRole('combobox')).toBeNull();
    const offers = screen.getByRole('region', { name: '技術・製品・サービス' });
    expect(within(offers).getByText('小型浄水装置')).toBeTruthy();
    expect(within(offers).getByText('村落向けの浄水装置')).toBeTruthy();
    expect(within(offers).queryByRole('textbox')).toBeNull();
    expect(within(offers).queryByRole('button')).toBeNull();
    const records = screen.getByRole('region', { name: '海外展開実績' });
    expect(within(records).getByText('ビエンチャン浄水場改修')).toBeTruthy();
    expect(within(records).queryByRole('textbox')).toBeNull();
    expect(within(records).queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('region', { name: /合う案件と支援ツール/ })).toBeNull();

    // The link at the top of the list leads back to its own page.
    await userEvent.click(screen.getByRole('link', { name: '会員の一覧へ' }));
    await userEvent.click(await screen.findByRole('link', { name: '自社のプロフィール' }));
    expect(await screen.findByRole('heading', { level: 1, name: `${FIRM_A}自社` })).toBeTruthy();
  });
});
