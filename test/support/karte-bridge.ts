import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiEventName } from '../../shared/api';
import { errorEnvelope } from '../../shared/errors';
import { RECORD_TABLES } from '../../shared/model/records';
import { openBackEnd, type BackEnd } from '../../electron/services/back-end';
import { remoteBackEnd } from '../../electron/services/back-end-messages';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { moveMadeFile, PackPreviews, previewHtml, type Delivery } from '../../electron/services/delivery';
import { openStore, type Store } from '../../electron/services/store/store';
import { forkBackEndChild } from './back-end-child';
import { DEMO_DIR, demoFiles } from './temp';

// The real back end for component tests: a temp SQLite store behind the same back end Electron and browser mode
// open, reached through window.karte exactly as the preload exposes it: outcomes as data, asynchronously, as over
// IPC.

export interface TestBackEnd {
  /** The back end's store, for the tests to look into. */
  store: Store;
  /** Events the back end emitted, in order. */
  events: { event: ApiEventName; payload: unknown }[];
  /** The pack previews the back end published (without fonts); jsdom loads no frame, so tests read them here by the frame's address. */
  packPreviews: PackPreviews;
  close: () => Promise<void>;
}

/** The window's listeners to the back end's events, as the preload keeps them: `tell` hands an event to its own. */
function windowListeners(): { tell: (event: string, payload: unknown) => void; on: NonNullable<typeof window.karte>['on'] } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    tell: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
}

/** window.karte over a back end: each call answers its outcome, as the preload's bridge does. */
export function exposeBackEnd(backEnd: BackEnd): void {
  const { tell, on } = windowListeners();
  backEnd.on((event, payload) => tell(event, structuredClone(payload)));
  window.karte = {
    call: async (name, args) => {
      await Promise.resolve();
      try {
        return { result: structuredClone(await backEnd.call(name, args)) };
      } catch (error) {
        return { error: errorEnvelope(error) };
      }
    },
    on,
  };
}

export function installBackEnd(options: { demo?: boolean } = {}): TestBackEnd {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-ui-'));
  const file = path.join(dir, 'karte.sqlite');
  if (options.demo) {
    const store = openStore(file, { author: 'tester' });
    importKarteFiles(store, demoFiles());
    store.close();
  }
  const packPreviews = new PackPreviews();
  const delivery: Delivery = {
    preview: async (document) => packPreviews.publish(previewHtml(document, { fontFaceCss: '', scriptFontFaceCss: () => '' })),
    export: () => Promise.reject(new Error('component tests export no PDF: test/integration/pack-export.test.ts and electron-pack.test.ts do')),
    // Saved beside the store, as the desktop app saves where the user chose.
    file: async (made) => {
      const saved = path.join(dir, made.fileName);
      await moveMadeFile(made, saved);
      return { outcome: 'saved', file: saved };
    },
  };
  const backEnd = openBackEnd({ store: { file, author: 'tester' }, demoDir: DEMO_DIR, version: 'test', delivery });
  const events: TestBackEnd['events'] = [];
  backEnd.on((event, payload) => void events.push({ event, payload }));
  exposeBackEnd(backEnd);
  return {
    store: backEnd.store,
    events,
    packPreviews,
    close: async () => {
      delete window.karte;
      await backEnd.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The back end in a process of its own, as the desktop app runs it, reached through window.karte as the main
 * process passes calls on: its stop is told to the window ('backEnd.stopped'), and 'backEnd.restart' starts it again.
 */
export async function installProcessBackEnd(): Promise<{ file: string; pid: () => number; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-ui-process-'));
  const file = path.join(dir, 'karte.sqlite');
  const { tell, on } = windowListeners();
  let child = forkBackEndChild();
  const start = async () => {
    child = forkBackEndChild();
    const backEnd = await remoteBackEnd(child, { store: { file, author: 'tester' }, demoDir: DEMO_DIR, version: 'test', sync: 'manual' });
    backEnd.on(tell);
    backEnd.onStopped((code) => tell('backEnd.stopped', { code }));
    return backEnd;
  };
  let backEnd = await start();
  window.karte = {
    call: async (name, args) => {
      try {
        if (name === 'backEnd.restart') {
          await backEnd.close();
          backEnd = await start();
          tell('store.changed', { tables: [...RECORD_TABLES] });
          return { result: {} };
        }
        return { result: await backEnd.call(name, args) };
      } catch (error) {
        return { error: errorEnvelope(error) };
      }
    },
    on,
  };
  return {
    file,
    pid: () => child.pid,
    close: async () => {
      delete window.karte;
      await backEnd.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
