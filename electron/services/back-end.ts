import type { ApiEventName, ApiEvents } from '../../shared/api';
import { KarteError } from '../../shared/errors';
import { createHandlers, dispatch } from './api-handlers';
import type { Delivery } from './delivery';
import { resolveId } from './record-ids';
import { openStore, type Store } from './store/store';
import { TABLES } from './store/tables';
import { SyncLoop, type SyncLoopOptions } from './sync/sync-loop';

// The back end as one unit: the store, the API handlers, the undo steps and the sync loop, opened together and
// closed together. Every host runs it through this door and only chooses the transport: the desktop app in a process
// of its own over a MessagePort (back-end-process.ts), browser mode over HTTP, the command line and the tests in
// their own process.

export interface BackEndOptions {
  /** The store's file, its encryption key (none: a plain file) and who edits through it. */
  store: { file: string; key?: string; author: string; now?: () => number };
  /** Folder of the bundled demo dossiers (resources/demo). */
  demoDir: string;
  version: string;
  /**
   * The background sync's timings; 'manual': no sync of its own, only when called (the command line syncs once per
   * command).
   */
  sync?: Partial<SyncLoopOptions> | 'manual';
  /** How this host shows and hands over briefing packs; without it packs cannot be previewed or exported. */
  delivery?: Delivery;
}

export type BackEndListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

export interface BackEnd {
  /** One call of the typed API (shared/api.ts): its arguments are checked at this door, before any handler runs. */
  call(name: string, args: unknown): Promise<unknown>;
  /** What the back end tells without being asked (ApiEvents); returns the way to stop listening. */
  on(listener: BackEndListener): () => void;
  /** Stops the sync loop's timers, waits for a sync under way, then closes the store. */
  close(): Promise<void>;
}

/** A back end in this process: its store is at hand for the tests. */
export interface LocalBackEnd extends BackEnd {
  readonly store: Store;
}

/** Opens the store (throwing when its key is wrong or the file is not a Karte store) and everything that works on it. */
export function openBackEnd(options: BackEndOptions): LocalBackEnd {
  const store = openStore(options.store.file, { key: options.store.key, author: options.store.author, now: options.store.now });
  const listeners = new Set<BackEndListener>();
  const emit: BackEndListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const sync = new SyncLoop(
    store,
    {
      status: (status) => emit('sync.status', status),
      pulled: () => emit('store.changed', { tables: Object.keys(TABLES) }),
    },
    options.sync === 'manual' ? { background: false, sync: {} } : options.sync,
  );
  const handlers = createHandlers({
    store,
    sync,
    demoDir: options.demoDir,
    version: options.version,
    encrypted: options.store.key !== undefined,
    emit,
    delivery: options.delivery,
  });
  sync.start();
  let closing: Promise<void> | null = null;
  return {
    store,
    call: async (name, args) => {
      if (closing) throw new KarteError('back_end_stopped', 'the back end is closed');
      return await dispatch(handlers, name, args, (table, text) => resolveId(store, table, text));
    },
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      (closing ??= (async () => {
        await sync.stop();
        listeners.clear();
        store.close();
      })()),
  };
}
