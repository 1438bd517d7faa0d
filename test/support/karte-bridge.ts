import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiEventName, ApiEvents } from '../../shared/api';
import { createHandlers, dispatch } from '../../electron/services/api-handlers';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { packPreviewHtml, PackPreviews, type PackDelivery } from '../../electron/services/pack-delivery';
import { openStore, type Store } from '../../electron/services/store/store';
import { DEMO_DIR, demoFiles } from './temp';

// The real back end for component tests: a temp SQLite store behind the same handlers Electron and browser mode
// use, reached through window.karte exactly as the preload exposes it. Calls are asynchronous, as over IPC.

export interface TestBackEnd {
  store: Store;
  /** Events the back end emitted, in order. */
  events: { event: ApiEventName; payload: unknown }[];
  /** The pack previews the back end published (without fonts); jsdom loads no frame, so tests read them here by the frame's address. */
  packPreviews: PackPreviews;
  close: () => void;
}

export function installBackEnd(options: { demo?: boolean } = {}): TestBackEnd {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-ui-'));
  const store = openStore(path.join(dir, 'karte.sqlite'), { author: 'tester' });
  if (options.demo) importKarteFiles(store, demoFiles());
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const events: TestBackEnd['events'] = [];
  const emit = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    events.push({ event, payload });
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const packPreviews = new PackPreviews();
  const pack: PackDelivery = {
    preview: (input) => packPreviews.publish(packPreviewHtml(input, '')),
    export: () => Promise.reject(new Error('component tests export no PDF: test/integration/pack-export.test.ts and electron-pack.test.ts do')),
  };
  const handlers = createHandlers({ store, demoDir: DEMO_DIR, version: 'test', encrypted: false, emit, pack });
  window.karte = {
    call: async (name, args) => {
      await Promise.resolve();
      try {
        return structuredClone(await dispatch(handlers, name, args));
      } catch (error) {
        throw new Error(JSON.stringify(error), { cause: error });
      }
    },
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
  return {
    store,
    events,
    packPreviews,
    close: () => {
      delete window.karte;
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
