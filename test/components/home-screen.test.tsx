// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';

describe('home screen', () => {
  let backEnd: TestBackEnd;
  afterEach(() => backEnd.close());

  it('offers the demo dossiers on an empty store and then leads to Vietnam', async () => {
    backEnd = installBackEnd();
    const router = renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'デモデータ（6表と協議会データ）を読み込む' }));

    const offer = screen.getByRole('region', { name: 'はじめに: 実際のカルテを読み込む' });
    expect(await within(offer).findByText('8ファイルを読み込み、案件31件・経緯131件を追加しました。')).toBeTruthy();
    const recent = screen.getByRole('region', { name: '最近更新された案件' });
    expect(await within(recent).findAllByRole('link')).toHaveLength(10);

    await userEvent.click(within(offer).getByRole('link', { name: 'ベトナムのカルテを開く' }));
    expect(router.state.location.pathname).toBe('/dossier/VN');
  });

  it('lists stuck cases with the month of their last event, and where the data is kept', async () => {
    backEnd = installBackEnd({ demo: true });
    const router = renderApp('/');
    const stuck = await screen.findByRole('region', { name: /動きの止まった案件/ });
    expect(screen.queryByRole('button', { name: /デモデータ/ })).toBeNull();

    // Ten shown, the longest-quiet first; the rest on request.
    expect(within(stuck).getAllByRole('link')).toHaveLength(10);
    // Only active cases can be stuck: the 15 won ones (受注・管理 reached) are not listed.
    await userEvent.click(within(stuck).getByRole('button', { name: '一覧を表示（16件）' }));
    expect(within(stuck).getAllByRole('link')).toHaveLength(16);

    // The Vietnamese fire-fighting case's last event is 2020年～ (training since 2020).
    const fire = within(stuck).getByRole('link', { name: 'ベトナム 消防: 消防用機器等の規格、認証制度構築への協力' });
    expect(within(fire.closest('tr')!).getByText('2020年')).toBeTruthy();
    await userEvent.click(fire);
    expect(router.state.location.pathname).toMatch(/^\/case\/[0-9a-f-]{36}$/);
  });

  it('shows the store file, its encryption and the sync slot', async () => {
    backEnd = installBackEnd({ demo: true });
    renderApp('/');
    const status = await screen.findByRole('region', { name: 'この端末のデータ' });
    expect(within(status).getByText(backEnd.store.file)).toBeTruthy();
    expect(within(status).getByText('暗号化なし')).toBeTruthy();
    expect((await within(status).findByRole('status')).textContent).toBe('ローカル保存 · 同期: 未設定');
    expect(within(status).getByRole('link', { name: '同期の設定' }).getAttribute('href')).toBe('/sync');
  });
});
