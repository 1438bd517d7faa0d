import fs from 'node:fs';
import path from 'node:path';
import { API, isApiName, type ApiError, type ApiEventName, type ApiEvents, type ApiName, type ApiParsedArgs, type ApiResult } from '../../shared/api';
import { describeError } from '../../shared/errors';
import { createCase, getCase, listCases, updateCase } from './cases';
import { countrySummaries } from './countries';
import { openDossier, updateDossier } from './dossiers';
import { addEvent, deleteEvent, updateEvent } from './events';
import { caseHistory } from './history';
import { homeView } from './home';
import { importKarteFiles, importParsedFiles, parseKarteFiles } from './import/karte-import';
import { buildPackInput } from './pack/build-input';
import type { PackDelivery } from './pack-delivery';
import { search } from './search';
import { readRow, type Change, type Store } from './store/store';
import { TABLES } from './store/tables';
import { conflictViews, listConflicts, resolveConflict } from './sync/conflicts';
import { SyncLoop, type SyncLoopOptions } from './sync/sync-loop';
import { stepOf, undoStep, type UndoStep } from './undo';
import { createVisit, deleteVisit, getVisit, listVisits, recordOutcomes, updateVisit } from './visits';

// The back end of the one typed API (shared/api.ts), the same whether the call came over Electron IPC or over HTTP
// in browser mode. Arguments are validated here, at the boundary, before any handler runs.

export interface ApiContext {
  store: Store;
  /** Folder of the bundled demo dossiers (resources/demo). */
  demoDir: string;
  version: string;
  encrypted: boolean;
  emit: <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;
  /** Timings of the background sync; tests shorten them. */
  sync?: Partial<SyncLoopOptions>;
  /** How this shell shows and hands over briefing packs; without it packs cannot be previewed or exported. */
  pack?: PackDelivery;
}

export type Handlers = { [K in ApiName]: (args: ApiParsedArgs<K>) => ApiResult<K> | Promise<ApiResult<K>> };

/** An error that crosses the boundary as an ApiError. */
export class ApiCallError extends Error {
  constructor(
    readonly kind: ApiError['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }

  toJSON(): ApiError {
    return { kind: this.kind, message: this.message };
  }
}

export function createHandlers(ctx: ApiContext): Handlers {
  const { store } = ctx;
  // The one background sync of this store: whoever opens a store makes its handlers here, once.
  const sync = new SyncLoop(
    store,
    {
      status: (status) => ctx.emit('sync.status', status),
      pulled: () => ctx.emit('store.changed', { tables: Object.keys(TABLES) }),
    },
    ctx.sync,
  );
  sync.start();
  /** Every local write is announced here, and goes up with the next sync; what the sync applied is not. */
  const changed = (tables: string[]) => {
    ctx.emit('store.changed', { tables });
    sync.edited();
  };
  // Ctrl+Z walks back through the edits made in this session, newest first.
  const undoSteps: UndoStep[] = [];
  const edited = (changes: Change[]) => {
    if (changes.length > 0) {
      undoSteps.push(stepOf(changes));
      changed([...new Set(changes.map((c) => c.table))]);
    }
  };
  const packDelivery = (): PackDelivery => {
    if (!ctx.pack) throw new Error('briefing packs cannot be previewed or exported here');
    return ctx.pack;
  };
  const progress = (p: ApiEvents['import.progress']) => ctx.emit('import.progress', p);
  const imported = <T>(report: T): T => {
    changed(['dossiers', 'cases', 'events']);
    return report;
  };

  return {
    'app.info': () => ({
      version: ctx.version,
      databaseFile: store.file,
      node: store.node,
      author: store.author,
      empty: store.db.prepare('SELECT 1 FROM cases WHERE deleted = 0 LIMIT 1').get() === undefined,
      encrypted: ctx.encrypted,
    }),
    'demo.import': () => {
      const files = fs
        .readdirSync(ctx.demoDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(ctx.demoDir, f));
      return imported(importKarteFiles(store, files, progress));
    },
    'home.get': ({ stuckMonths }) => homeView(store, stuckMonths),
    'countries.list': () => countrySummaries(store),
    'dossier.get': ({ country }) => openDossier(store, country),
    'dossier.set': ({ country, values }) => {
      edited(updateDossier(store, country, values));
      return openDossier(store, country);
    },
    'cases.list': (filter) => listCases(store, filter),
    'case.get': ({ id }) => getCase(store, id),
    'case.create': (fields) => {
      const { id, changes } = createCase(store, fields);
      edited(changes);
      return { id };
    },
    'case.update': ({ id, values }) => {
      edited(updateCase(store, id, values));
      return getCase(store, id);
    },
    'event.add': ({ caseId, ...input }) => {
      const { id, changes } = addEvent(store, caseId, input);
      edited(changes);
      return { id };
    },
    'event.update': ({ id, values }) => {
      edited(updateEvent(store, id, values));
      return getCase(store, readRow(store, 'events', id)!.caseId);
    },
    'event.delete': ({ id }) => {
      edited(deleteEvent(store, id));
      return getCase(store, readRow(store, 'events', id)!.caseId);
    },
    'visits.list': (filter) => listVisits(store, filter),
    'visit.get': ({ id }) => getVisit(store, id),
    'visit.create': (values) => {
      const { id, changes } = createVisit(store, values);
      edited(changes);
      return { id };
    },
    'visit.update': ({ id, values }) => {
      edited(updateVisit(store, id, values));
      return getVisit(store, id);
    },
    'visit.delete': ({ id }) => {
      edited(deleteVisit(store, id));
      return { id };
    },
    'visit.outcomes': ({ id, outcomes }) => {
      const { ids, changes } = recordOutcomes(store, id, outcomes);
      edited(changes);
      return { ids };
    },
    search: ({ query, limit }) => search(store, query, limit),
    'history.case': ({ id }) => caseHistory(store, id),
    undo: () => {
      while (undoSteps.length > 0) {
        const undone = undoStep(store, undoSteps.pop()!);
        if (undone) {
          changed([undone.table]);
          return { undone };
        }
      }
      return { undone: null };
    },
    'import.files': ({ files }) => imported(importParsedFiles(store, parseKarteFiles(files.map((f) => ({ name: f.name, read: () => f.content }))), progress)),
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.signIn': (request) => sync.signIn(request),
    'sync.signOut': () => sync.signOut(),
    'sync.networkChanged': ({ online }) => {
      sync.networkChanged(online);
      return sync.status();
    },
    'pack.preview': (request) => {
      const input = buildPackInput(store, request);
      return { url: packDelivery().preview(input), cases: input.cases.length };
    },
    'pack.export': (request) => packDelivery().export(buildPackInput(store, request)),
    'conflicts.list': () => conflictViews(store),
    'conflict.resolve': (args) => {
      const open = listConflicts(store).find((c) => c.id === args.id);
      // Throws for a conflict that is unknown or already settled, before anything is announced.
      resolveConflict(store, args.id, args.resolution === 'merged' ? { merged: args.merged } : args.resolution);
      changed([open!.table]);
      return sync.status();
    },
  };
}

/**
 * Validates a call's arguments against the contract and runs its handler; every failure is an ApiCallError (thrown,
 * or the rejection of the promise an asynchronous handler returns).
 */
export function dispatch(handlers: Handlers, name: string, args: unknown): unknown {
  if (!isApiName(name)) throw new ApiCallError('not_found', `no API method '${name}'`);
  const parsed = API[name].args.safeParse(args ?? {});
  if (!parsed.success) throw new ApiCallError('invalid_arguments', `${name}: ${describeError(parsed.error)}`);
  const failed = (error: unknown) => new ApiCallError('failed', describeError(error));
  try {
    const result = (handlers[name] as (a: unknown) => unknown)(parsed.data);
    return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(failed(error))) : result;
  } catch (error) {
    throw failed(error);
  }
}
