import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RENDERER_DIR } from '../../bin/cli/app';
import { openBackEnd, type LocalBackEnd } from '../../electron/services/back-end';
import { startBrowserMode, type BrowserMode } from '../../electron/services/browser-mode';
import { openStore, type Store } from '../../electron/services/store/store';
import { DEMO_DIR } from './temp';

/**
 * The app in browser mode on loopback, on its own temp store: what `npm start` runs, for e2e tests and benches.
 * `prepare` fills the store first, as a separate run of the app would have.
 */
export async function startAppServer(prepare?: (store: Store) => void): Promise<{ server: BrowserMode; store: Store; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-e2e-'));
  const file = path.join(dir, 'karte.sqlite');
  if (prepare) {
    const store = openStore(file, { author: 'e2e' });
    prepare(store);
    store.close();
  }
  let backEnd: LocalBackEnd | undefined;
  const server = await startBrowserMode((delivery) => (backEnd = openBackEnd({ store: { file, author: 'e2e' }, demoDir: DEMO_DIR, version: 'e2e', delivery })), {
    staticDir: RENDERER_DIR,
  });
  return {
    server,
    store: backEnd!.store,
    stop: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
