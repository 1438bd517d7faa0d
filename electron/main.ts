import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session, shell, type BrowserWindowConstructorOptions } from 'electron';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { describeError, KarteError } from '../shared/errors';
import { RECORD_TABLES } from '../shared/model/records';
import { forkBackEnd } from './main-back-end';
import { outcomeOf, senderRoute, type Route } from './main-ipc';
import { electronPackDelivery, packPreviewResponse } from './main-pack';
import { startupFailureText } from './main-startup-error';
import { APP_SCHEME, APP_SCHEME_REGISTRATION, appFileResponse, appUrl, applySecurity, mainWindowOptions, unlockWindowOptions, type AppHost } from './main-window';
import { IPC } from './preload-bridge';
import { remoteBackEnd, type RemoteBackEnd } from './services/back-end-messages';
import { chooseKeySource, keyringKey, passphraseUnlocker, type PassphraseSource } from './services/database-key';
import { PackPreviews } from './services/delivery';

// The desktop app's main process: one instance, the store's key found (keyring or passphrase), the back end started
// in a process of its own with it (main-back-end.ts), one window showing the renderer, and the typed API
// (shared/api.ts) over IPC for that window only, passed on to the back end. If the back end's process stops, the
// window is told and can start it again.

const HERE = import.meta.dirname;
const PRELOAD = path.join(HERE, 'preload.cjs');
const BACK_END = path.join(HERE, 'back-end-process.js');
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
let backEnd: RemoteBackEnd | null = null;

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
 * Asks for the passphrase in a window of its own until the back end opens the store with it. Resolves with the key
 * and that window (closed once the main window is up: with no window open at all the app would quit), or null if
 * the user closes it.
 */
function askPassphrase(file: string, source: PassphraseSource, open: (key: string) => Promise<RemoteBackEnd>): Promise<{ key: string; window: BrowserWindow } | null> {
  let key = '';
  const unlock = passphraseUnlocker(source, async (derived) => {
    key = derived;
    return await open(derived);
  });
  let unlocked = false;
  return new Promise((resolve) => {
    const page = `index.html?${new URLSearchParams({ mode: source.create ? 'create' : 'unlock', file })}`;
    const window = openWindow(unlockWindowOptions(PRELOAD), 'unlock', page, async (name, args) => {
      if (name !== 'unlock') throw new KarteError('unknown_method', `no method '${name}' on this page`);
      // The store is opened once; a late second submit must not open another back end.
      if (unlocked) return { ok: true };
      const parsed = unlockArguments.safeParse(args);
      if (!parsed.success) throw new KarteError('invalid_arguments', describeError(parsed.error));
      const result = await unlock(parsed.data.passphrase);
      if (!result.ok) return { ok: false, problem: result.problem };
      unlocked = true;
      backEnd = result.opened;
      resolve({ key, window });
      return { ok: true };
    });
    window.on('closed', () => resolve(null));
  });
}

/** The store's key: from the environment, the keyring, the passphrase window, or none for a plain store. */
async function storeKey(file: string, open: (key: string) => Promise<RemoteBackEnd>): Promise<{ key: string | undefined; unlockWindow?: BrowserWindow } | null> {
  const source = chooseKeySource({ databaseFile: file, keyring: safeStorage, environmentKey: process.env.KARTE_DB_KEY });
  switch (source.kind) {
    case 'environment':
      return { key: source.key };
    case 'keyring':
      return { key: keyringKey(safeStorage, source) };
    case 'passphrase': {
      const unlocked = await askPassphrase(file, source, open);
      return unlocked && { key: unlocked.key, unlockWindow: unlocked.window };
    }
    case 'none':
      return { key: undefined };
  }
}

async function start(): Promise<void> {
  applySecurity({ app, session: session.defaultSession, shell });
  protocol.handle(APP_SCHEME, (request) => packPreviewResponse(request.url, packPreviews) ?? appFileResponse(request.url, PAGES));
  ipcMain.handle(IPC.call, (event, name: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const route = senderRoute({ webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame?.parent === null }, routes);
    return outcomeOf(async () => {
      if (!route) throw new KarteError('not_authorized', 'refused: the call did not come from a Karte window');
      return await route.call(String(name), args);
    });
  });

  const file = databaseFile();
  const pack = electronPackDelivery({ BrowserWindow, dialog, session }, packPreviews, { rendererDir: PAGES.app, owner: () => mainWindow, folder: () => app.getPath('documents') });
  const tellWindow = (event: string, payload: unknown) => mainWindow?.webContents.send(IPC.event, { event, payload });
  /** The back end in its process, its events passed to the window, and its end told to the window. */
  const open = async (key: string | undefined): Promise<RemoteBackEnd> => {
    const opened = await remoteBackEnd(
      forkBackEnd(BACK_END),
      { store: { file, key, author: process.env.KARTE_USER ?? os.userInfo().username }, demoDir: DEMO_DIR, version: app.getVersion() },
      pack,
    );
    opened.on(tellWindow);
    opened.onStopped((code) => tellWindow('backEnd.stopped', { code }));
    return opened;
  };
  const found = await storeKey(file, open);
  if (!found) {
    app.quit();
    return;
  }
  backEnd ??= await open(found.key);
  const { key } = found;
  // The back end closes before the app quits: its sync stops and the store closes after any write under way.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !backEnd) return;
    event.preventDefault();
    void backEnd.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  const stopWatchingNetwork = watchNetwork((online) => void backEnd?.call('sync.networkChanged', { online }).catch(() => undefined));
  app.on('will-quit', stopWatchingNetwork);
  mainWindow = openWindow(mainWindowOptions(PRELOAD), 'app', 'index.html', async (name, args) => {
    // A back end that stopped (a crash) starts again when the window asks; any other call goes to the one running.
    if (name === 'backEnd.restart') {
      await backEnd?.close();
      backEnd = await open(key);
      // Every screen reads its records again from the back end that runs now.
      tellWindow('store.changed', { tables: [...RECORD_TABLES] });
      return {};
    }
    if (!backEnd) throw new KarteError('back_end_stopped', 'the back end is not running');
    return await backEnd.call(name, args);
  });
  mainWindow.on('closed', () => (mainWindow = null));
  found.unlockWindow?.close();
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
      // The developer's account goes to the log; the dialog says what to do, in the user's words.
      console.error(error);
      dialog.showErrorBox('Karte', startupFailureText(error));
      app.quit();
    });
}
