import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Keyring } from '../../electron/services/database-key';
import { openStore } from '../../electron/services/store/store';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/content-security-policy';
import { electronBuild } from '../../vite.electron.config';
import { electronStandIn, standInKeyring, type ElectronStandIn, type StandInWindow } from '../support/electron-stand-in';

// The real main process, as built (dist/electron/main.js), started against a stand-in for the 'electron' module:
// no Electron binary can be installed here. The store, the key handling, the API handlers, the IPC sender check
// and the karte:// pages are all the real ones; only Electron's objects are played.

const ROOT = path.resolve(import.meta.dirname, '../..');

let outDir: string;
beforeAll(async () => {
  // Inside dist/, where main.js finds resources/demo and dist/renderer by the same relative paths as when built.
  outDir = fs.mkdtempSync(path.join(ROOT, 'dist', 'electron-test-'));
  await build({ ...electronBuild(outDir), logLevel: 'silent' });
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

let dir: string;
const savedArgv = process.argv;
const savedKey = process.env.KARTE_DB_KEY;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-main-'));
  delete process.env.KARTE_DB_KEY;
});
afterEach(() => {
  process.argv = savedArgv;
  if (savedKey !== undefined) process.env.KARTE_DB_KEY = savedKey;
  vi.doUnmock('electron');
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Running {
  electron: ElectronStandIn;
  /** An IPC call as Electron hands it to the main process: the sender's web contents and frame, then the arguments. */
  invoke: (event: { sender: { id: number }; senderFrame: { url: string; parent: unknown } | null }, name: string, args: unknown) => Promise<unknown>;
  /** An IPC call as the page in `window` makes it (from its top frame, at the URL the window loaded): its result. */
  callFrom: (window: StandInWindow, name: string, args: unknown, frameUrl?: string) => Promise<unknown>;
  /** Quits as Electron does when the last window closes: the back end's process closes the store and ends. */
  quit: () => Promise<void>;
}

/** What a call's outcome says: its result, or a rejection with its error as data. */
async function resultOf(outcome: Promise<unknown>): Promise<unknown> {
  const answer = (await outcome) as { result: unknown } | { error: unknown };
  if ('error' in answer) throw Object.assign(new Error(JSON.stringify(answer.error)), { error: answer.error });
  return answer.result;
}

async function startMain(keyring: Keyring, argv: string[] = []): Promise<Running> {
  const electron = electronStandIn({ userData: path.join(dir, 'userData'), keyring });
  process.argv = [...savedArgv.slice(0, 1), path.join(outDir, 'main.js'), ...argv];
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  await import(path.join(outDir, 'main.js'));
  // Electron requires custom schemes to be registered before ready.
  expect(electron.privilegedSchemes.map((s) => s.scheme)).toEqual(['karte']);
  electron.ready();
  // The window opens once the back end's process has opened the store: seconds on a loaded machine, not vi.waitFor's one.
  await vi.waitFor(() => expect(electron.windows.length).toBeGreaterThan(0), { timeout: 20_000 });
  const invoke: Running['invoke'] = async (event, name, args) => electron.ipcHandlers.get('karte:call')!(event, name, args);
  return {
    electron,
    invoke: (event, name, args) => resultOf(invoke(event, name, args)),
    callFrom: (window, name, args, frameUrl = window.webContents.url) => resultOf(invoke({ sender: window.webContents, senderFrame: { url: frameUrl, parent: null } }, name, args)),
    quit: async () => {
      const quits = electron.quit.count;
      electron.app.emit('before-quit', { preventDefault: () => undefined });
      await vi.waitFor(() => expect(electron.quit.count).toBeGreaterThan(quits), { timeout: 10_000 });
      electron.app.emit('will-quit');
    },
  };
}

describe('main process', () => {
  it('on first start with a keyring: an encrypted store in userData, one sandboxed window, the API over IPC', async () => {
    const keyring = standInKeyring('gnome_libsecret');
    const { electron, callFrom, quit } = await startMain(keyring);
    const [window] = electron.windows;
    expect(window.webContents.url).toBe('karte://app/index.html');
    expect(window.options.webPreferences).toMatchObject({ preload: path.join(outDir, 'preload.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(fs.existsSync(path.join(outDir, 'preload.cjs'))).toBe(true);

    const databaseFile = path.join(dir, 'userData', 'karte.sqlite');
    expect(await callFrom(window, 'app.info', {})).toMatchObject({ databaseFile, encrypted: true, version: '0.0.0-test', empty: true });
    expect(fs.existsSync(path.join(dir, 'userData', 'karte.key'))).toBe(true);

    const report = await callFrom(window, 'demo.import', {});
    expect(report).toMatchObject({ files: 8 });
    expect(window.webContents.sent).toContainEqual({
      channel: 'karte:event',
      message: { event: 'store.changed', payload: { tables: ['dossiers', 'cases', 'events', 'schemes', 'organisations', 'track_records'] } },
    });
    expect(((await callFrom(window, 'cases.list', {})) as unknown[]).length).toBeGreaterThan(0);
    await quit();
    expect(() => openStore(databaseFile, { author: 'x' })).toThrow(/encrypted/);

    // The next start unwraps the same key and finds the same cases.
    const again = await startMain(keyring);
    expect(((await again.callFrom(again.electron.windows[0], 'cases.list', {})) as unknown[]).length).toBeGreaterThan(0);
    await again.quit();
  });

  it('refuses calls from any other web contents or frame, and answers API errors as data', async () => {
    const { electron, invoke, callFrom, quit } = await startMain(standInKeyring());
    const [window] = electron.windows;
    const refused = { error: { code: 'not_authorized', message: 'refused: the call did not come from a Karte window', details: {} } };

    const stranger = { sender: { id: 10_000 }, senderFrame: { url: 'karte://app/index.html', parent: null } };
    await expect(invoke(stranger, 'app.info', {})).rejects.toMatchObject(refused);
    for (const frameUrl of ['https://example.com/', 'file:///etc/passwd', 'karte://unlock/index.html']) {
      await expect(callFrom(window, 'app.info', {}, frameUrl)).rejects.toMatchObject(refused);
    }
    const subframe = { sender: window.webContents, senderFrame: { url: 'karte://app/index.html', parent: {} } };
    await expect(invoke(subframe, 'app.info', {})).rejects.toMatchObject(refused);
    await expect(invoke({ sender: window.webContents, senderFrame: null }, 'app.info', {})).rejects.toMatchObject(refused);

    await expect(callFrom(window, 'case.get', {})).rejects.toMatchObject({
      error: { code: 'invalid_arguments', details: { issues: [expect.objectContaining({ path: ['id'] })] } },
    });
    await expect(callFrom(window, 'no.such.method', {})).rejects.toMatchObject({ error: { code: 'unknown_method' } });
    await quit();
  });

  it('runs the back end in a process of its own: killed, the window is told, and asking restarts it', async () => {
    const { electron, callFrom, quit } = await startMain(standInKeyring());
    const [window] = electron.windows;
    await callFrom(window, 'demo.import', {});
    const { pid } = (await callFrom(window, 'app.info', {})) as { pid: number };
    expect(pid).not.toBe(process.pid);
    process.kill(pid, 'SIGKILL');
    await vi.waitFor(() => expect(window.webContents.sent).toContainEqual({ channel: 'karte:event', message: { event: 'backEnd.stopped', payload: { code: null } } }));
    await expect(callFrom(window, 'cases.list', {})).rejects.toMatchObject({ error: { code: 'back_end_stopped' } });
    expect(await callFrom(window, 'backEnd.restart', {})).toEqual({});
    expect(((await callFrom(window, 'cases.list', {})) as unknown[]).length).toBeGreaterThan(0);
    await quit();
  });

  it('serves its pages over karte:// with the Content-Security-Policy', async () => {
    const { electron, quit } = await startMain(standInKeyring());
    const handle = electron.protocolHandlers.get('karte')!;
    const page = await handle(new Request('karte://unlock/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handle(new Request('karte://elsewhere/index.html'))).status).toBe(404);
    await quit();
  });

  it('without a real keyring asks for a passphrase, and opens the store given with --db only with it', async () => {
    const databaseFile = path.join(dir, 'elsewhere', 'cases.sqlite');
    const first = await startMain(standInKeyring('basic_text'), [`--db=${databaseFile}`]);
    const [unlock] = first.electron.windows;
    const url = new URL(unlock.webContents.url);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('karte://unlock/index.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ mode: 'create', file: databaseFile });

    // The passphrase page reaches the unlock call only, never the API.
    await expect(first.callFrom(unlock, 'app.info', {})).rejects.toMatchObject({ error: { code: 'unknown_method' } });
    expect(await first.callFrom(unlock, 'unlock', { passphrase: 'short' })).toEqual({ ok: false, problem: 'too_short' });
    expect(await first.callFrom(unlock, 'unlock', { passphrase: '国際協力 2025 春' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(first.electron.windows).toHaveLength(2));
    const main = first.electron.windows[1];
    expect(main.webContents.url).toBe('karte://app/index.html');
    expect(unlock.closed).toBe(true);
    expect(first.electron.quit.count).toBe(0);
    expect(await first.callFrom(main, 'app.info', {})).toMatchObject({ databaseFile, encrypted: true });
    await first.callFrom(main, 'demo.import', {});
    await first.quit();
    const before = crypto.createHash('sha256').update(fs.readFileSync(databaseFile)).digest('hex');

    const second = await startMain(standInKeyring('basic_text'), [`--db=${databaseFile}`]);
    const [again] = second.electron.windows;
    expect(new URL(again.webContents.url).searchParams.get('mode')).toBe('unlock');
    expect(await second.callFrom(again, 'unlock', { passphrase: '国際協力 2025 夏' })).toEqual({ ok: false, problem: 'wrong_passphrase' });
    expect(crypto.createHash('sha256').update(fs.readFileSync(databaseFile)).digest('hex')).toBe(before);
    expect(second.electron.windows).toHaveLength(1);
    expect(await second.callFrom(again, 'unlock', { passphrase: '国際協力 2025 春' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(second.electron.windows).toHaveLength(2));
    expect(((await second.callFrom(second.electron.windows[1], 'cases.list', {})) as unknown[]).length).toBeGreaterThan(0);
    await second.quit();
  });

  it('quits when the passphrase window is closed without a passphrase', async () => {
    const { electron } = await startMain(standInKeyring('basic_text'));
    electron.windows[0].close();
    await vi.waitFor(() => expect(electron.quit.count).toBeGreaterThan(0));
    expect(electron.windows).toHaveLength(1);
    expect(electron.errors).toEqual([]);
  });
});
