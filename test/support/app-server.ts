import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RENDERER_DIR } from '../../bin/cli/app';
import { createHandlers } from '../../electron/services/api-handlers';
import { startBrowserMode, type BrowserMode } from '../../electron/services/browser-mode';
import { openStore, type Store } from '../../electron/services/store/store';
import { DEMO_DIR } from './temp';

/** The app in browser mode on loopback, on its own temp store: what `npm start` runs, for e2e tests and benches. */
export async function startAppServer(prepare?: (store: Store) => void): Promise<{ server: BrowserMode; store: Store; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-e2e-'));
  const store = openStore(path.join(dir, 'karte.sqlite'), { author: 'e2e' });
  prepare?.(store);
  const server = await startBrowserMode((emit, pack) => createHandlers({ store, demoDir: DEMO_DIR, version: 'e2e', encrypted: false, emit, pack }), { staticDir: RENDERER_DIR });
  return {
    server,
    store,
    stop: async () => {
      await server.close();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
