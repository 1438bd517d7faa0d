import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session, shell, type BrowserWindowConstructorOptions } from 'electron';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { describeError } from '../shared/errors';
import { ipcError, senderRoute, type Route } from './main-ipc';
import { electronPackDelivery, packPreviewResponse } from './main-pack';
import {
  APP_SCHEME,
  APP_SCHEME_REGISTRATION,
  appFileResponse,
  appUrl,
  applySecurity,
  mainWindowOptions,
  unlockWindowOptions,
  type AppHost,
} from './main-window';
import { IPC } from './preload-bridge';
import { ApiCallError, createHandlers, dispatch } from './services/api-handlers';
import { chooseKeySource, keyringKey, passphraseUnlocker, type PassphraseSource } from './services/database-key';
import { PackPreviews } from './services/pack-delivery';
import { openStore, type Store } from './services/store/store';

// The desktop app's main process: one instance, the local store opened with its key, one window showing the
// renderer, and the typed API (shared/api.ts) over IPC for that window only.

const HERE = import.meta.dirname;
const PRELOAD = path.join(HERE, 'preload.cjs');
// The same relative places in the repository (after `npm run build`) and inside the packaged app.asar.
const PAGES: Readonly<Record<AppHost, string>> = { app: path.join(HERE, '../renderer'), unlock: path.join(HERE, 'unlock') };
// Packaged, electron-builder's extraResources puts resources/demo beside app.asar.
const DEMO_DIR = app.isPackaged ? path.join(process.resourcesPath, 'demo') : path.join(HERE, '../../resources/demo');

// Before ready, as Electron requires.
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);

const routes = new Map<number, Route>();
// Briefing-pack previews, served over karte://app/pack-preview/ for the pack builder's frame.
const packPreviews = new PackPreviews();
let mainWindow: BrowserWindow | null = null;

/** `--db=PATH` (how `karte app` starts the desktop app), else the store in the app's data folder. */
function databaseFile(): string {
  const argument = process.argv.find((a) => a.startsWith('--db='));
  return argument ? path.resolve(argument.slice('--db='.length)) : path.join(app.getPath('userData'), 'karte.sqlite');
}

function openWindow(options: BrowserWindowConstructorOptions, host: AppHost, page: string, call: Route['call']): BrowserWindow {
  const window = new BrowserWindow(options);
  const id = window.webContents.id;
  routes.set(id, { host, call });
  window.on('closed', () => routes.delete(id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl(host, page));
  return window;
}

const unlockArguments = z.object({ passphrase: z.string() });

/** Electron's main process has no event for connectivity: it is polled, and checked again when the computer wakes. */
const NETWORK_POLL_MS = 10_000;

/** Tells the background sync what the operating system says about the network, until the returned stop is called. */
function watchNetwork(report: (online: boolean) => void): () => void {
  let online = net.isOnline();
  report(online);
  const timer = setInterval(() => {
    if (net.isOnline() === online) return;
    online = !online;
    report(online);
  }, NETWORK_POLL_MS);
  const resumed = () => report((online = net.isOnline()));
  powerMonitor.on('resume', resumed);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', resumed);
  };
}

/**
 * Asks for the passphrase in a window of its own until the store opens. Resolves with the store and that window
 * (closed once the main window is up: with no window open at all the app would quit), or null if the user closes it.
 */
function askPassphrase(file: string, source: PassphraseSource, open: (key: string) => Store): Promise<{ store: Store; window: BrowserWindow } | null> {
  const unlock = passphraseUnlocker(source, open);
  let unlocked = false;
  return new Promise((resolve) => {
    const page = `index.html?${new URLSearchParams({ mode: source.create ? 'create' : 'unlock', file })}`;
    const window = openWindow(unlockWindowOptions(PRELOAD), 'unlock', page, async (name, args) => {
      if (name !== 'unlock') throw new ApiCallError('not_found', `no method '${name}' on this page`);
      // The store is opened once; a late second submit must not open another connection.
      if (unlocked) return { ok: true };
      const parsed = unlockArguments.safeParse(args);
      if (!parsed.success) throw new ApiCallError('invalid_arguments', describeError(parsed.error));
      const result = await unlock(parsed.data.passphrase);
      if (!result.ok) return { ok: false, problem: result.problem };
      unlocked = true;
      resolve({ store: result.store, window });
      return { ok: true };
    });
    window.on('closed', () => resolve(null));
  });
}

async function openLocalStore(file: string): Promise<{ store: Store; encrypted: boolean; unlockWindow?: BrowserWindow } | null> {
  const author = process.env.KARTE_USER ?? os.userInfo().username;
  const open = (key?: string) => openStore(file, { key, author });
  const source = chooseKeySource({ databaseFile: file, keyring: safeStorage, environmentKey: process.env.KARTE_DB_KEY });
  switch (source.kind) {
    case 'environment':
      return { store: open(source.key), encrypted: true };
    case 'keyring':
      return { store: open(keyringKey(safeStorage, source)), encrypted: true };
    case 'passphrase': {
      const unlocked = await askPassphrase(file, source, open);
      return unlocked && { store: unlocked.store, encrypted: true, unlockWindow: unlocked.window };
    }
    case 'none':
      return { store: open(), encrypted: false };
  }
}

async function start(): Promise<void> {
  applySecurity({ app, session: session.defaultSession, shell });
  protocol.handle(APP_SCHEME, (request) => packPreviewResponse(request.url, packPreviews) ?? appFileResponse(request.url, PAGES));
  ipcMain.handle(IPC.call, async (event, name: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const route = senderRoute({ webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame?.parent === null }, routes);
    if (!route) throw ipcError(new ApiCallError('failed', 'refused: the call did not come from a Karte window'));
    try {
      return await route.call(String(name), args);
    } catch (error) {
      throw ipcError(error);
    }
  });

  const opened = await openLocalStore(databaseFile());
  if (!opened) {
    app.quit();
    return;
  }
  const { store, encrypted } = opened;
  app.on('will-quit', () => store.close());
  const handlers = createHandlers({
    store,
    demoDir: DEMO_DIR,
    version: app.getVersion(),
    encrypted,
    emit: (event, payload) => mainWindow?.webContents.send(IPC.event, { event, payload }),
    pack: electronPackDelivery({ BrowserWindow, dialog, session }, packPreviews, { rendererDir: PAGES.app, owner: () => mainWindow, folder: () => app.getPath('documents') }),
  });
  const stopWatchingNetwork = watchNetwork((online) => void dispatch(handlers, 'sync.networkChanged', { online }));
  app.on('will-quit', stopWatchingNetwork);
  mainWindow = openWindow(mainWindowOptions(PRELOAD), 'app', 'index.html', (name, args) => dispatch(handlers, name, args));
  mainWindow.on('closed', () => (mainWindow = null));
  opened.unlockWindow?.close();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Karte', `Karte を開始できません / Karte cannot start:\n${describeError(error)}`);
      app.quit();
    });
}
