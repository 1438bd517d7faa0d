// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../renderer/api/client';
import { installProcessBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';

// The back end in its own process, as in the desktop app: when it stops, the window says so in Japanese, says
// nothing saved was lost, and starts it again at a click; the screens then read their data again.

describe('a back end that stopped', () => {
  let host: Awaited<ReturnType<typeof installProcessBackEnd>>;
  afterEach(() => host.close());

  it('is told on the screen, and started again with one click', async () => {
    host = await installProcessBackEnd();
    await call('demo.import', {});
    renderApp('/countries');
    await screen.findByRole('link', { name: 'ベトナム' }, { timeout: 10_000 });
    process.kill(host.pid(), 'SIGKILL');
    const alert = await screen.findByText('データを扱う処理が停止しました。保存済みのデータは失われていません。「再起動」を押してください。', undefined, { timeout: 10_000 });
    expect(alert).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '再起動' }));
    await waitFor(() => expect(screen.queryByText(/データを扱う処理が停止しました/)).toBeNull(), { timeout: 10_000 });
    // Everything the store held before the stop is there.
    expect((await call('cases.list', { country: 'VN' })).length).toBe(9);
  });
});
