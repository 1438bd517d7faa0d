import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KarteError } from '../../shared/errors';
import { outcomeOf, senderRoute, type Route } from '../../electron/main-ipc';
import {
  appFile,
  appFileResponse,
  applySecurity,
  appUrl,
  guardContents,
  mainWindowOptions,
  RESPONSE_HEADERS,
  unlockWindowOptions,
  type GuardedContents,
} from '../../electron/main-window';
import { exposeBridge, IPC, type BridgeEvent, type BridgeIpc } from '../../electron/preload-bridge';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/content-security-policy';
import { ApiFailure, call, type KarteBridge } from '../../renderer/api/client';
import { electronBuild } from '../../vite.electron.config';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The desktop shell's security, through its real modules. Electron is not installed here (no binary), so where a
// module needs an Electron object, a small stand-in plays it: an EventEmitter for a web contents or the app.

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('window options', () => {
  for (const [name, options] of [
    ['main window', mainWindowOptions('/app/dist/electron/preload.cjs')],
    ['passphrase window', unlockWindowOptions('/app/dist/electron/preload.cjs')],
  ] as const) {
    it(`isolates the ${name}'s page from Node and Electron`, () => {
      expect(options.webPreferences).toMatchObject({
        preload: '/app/dist/electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
      });
      // Shown when its page is ready, so no blank window flashes.
      expect(options.show).toBe(false);
    });
  }
});

describe('Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows nothing by default and only the app’s own scripts, with no inline code or eval', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  });

  it('forbids framing, plugins, base rewriting and form posts', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('travels as a header on every karte:// response', () => {
    expect(RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('karte:// pages', () => {
  let roots: { app: string; unlock: string };
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-pages-'));
    roots = { app: path.join(dir, 'renderer'), unlock: path.join(dir, 'unlock') };
    fs.mkdirSync(path.join(roots.app, 'assets'), { recursive: true });
    fs.mkdirSync(roots.unlock);
    fs.writeFileSync(path.join(roots.app, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(roots.app, 'assets', 'index.js'), 'export {}');
    fs.writeFileSync(path.join(roots.unlock, 'index.html'), '<!doctype html><title>unlock</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  });
  afterAll(() => fs.rmSync(path.dirname(roots.app), { recursive: true, force: true }));

  it('maps each host to its own folder', () => {
    expect(appFile(appUrl('app'), roots)).toBe(path.join(roots.app, 'index.html'));
    expect(appFile('karte://app/', roots)).toBe(path.join(roots.app, 'index.html'));
    expect(appFile('karte://app/assets/index.js?v=1#/cases', roots)).toBe(path.join(roots.app, 'assets', 'index.js'));
    expect(appFile(appUrl('unlock'), roots)).toBe(path.join(roots.unlock, 'index.html'));
  });

  it('serves nothing outside those folders, nor for another scheme or host', () => {
    // The URL parser resolves dot segments within the host: these name app/secret.txt, which is not there.
    expect(appFile('karte://app/../secret.txt', roots)).toBe(path.join(roots.app, 'secret.txt'));
    expect(appFile('karte://app/%2e%2e/secret.txt', roots)).toBe(path.join(roots.app, 'secret.txt'));
    for (const url of [
      'karte://app/..%2Fsecret.txt',
      'karte://app/assets/..%2F..%2Fsecret.txt',
      'karte://app/%E0%A4%A',
      'karte://evil/index.html',
      'file:///etc/passwd',
      'https://app/index.html',
      'not a url',
    ]) {
      expect(appFile(url, roots), url).toBeNull();
    }
  });

  it('answers with the type and the security headers, or 404', async () => {
    const page = await appFileResponse('karte://app/index.html', roots);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toBe('<!doctype html>');
    const script = await appFileResponse('karte://app/assets/index.js', roots);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of ['karte://app/missing.js', 'karte://app/../secret.txt']) {
      const missing = await appFileResponse(url, roots);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('IPC', () => {
  const routes = new Map<number, Route>([
    [1, { host: 'app', call: () => 'app' }],
    [2, { host: 'unlock', call: () => 'unlock' }],
  ]);

  it('answers only the windows it opened, from their top frame, on their own origin', () => {
    expect(senderRoute({ webContentsId: 1, frameUrl: 'karte://app/index.html#/cases/x', isMainFrame: true }, routes)).toBe(routes.get(1));
    expect(senderRoute({ webContentsId: 2, frameUrl: 'karte://unlock/index.html?mode=create', isMainFrame: true }, routes)).toBe(routes.get(2));
    const refused = [
      { webContentsId: 3, frameUrl: 'karte://app/index.html', isMainFrame: true },
      { webContentsId: 1, frameUrl: 'karte://app/index.html', isMainFrame: false },
      { webContentsId: 1, frameUrl: null, isMainFrame: true },
      { webContentsId: 1, frameUrl: 'karte://unlock/index.html', isMainFrame: true },
      { webContentsId: 2, frameUrl: 'karte://app/index.html', isMainFrame: true },
      { webContentsId: 1, frameUrl: 'https://example.com/', isMainFrame: true },
      { webContentsId: 1, frameUrl: 'file:///app/dist/renderer/index.html', isMainFrame: true },
      { webContentsId: 1, frameUrl: 'devtools://devtools/bundled/index.html', isMainFrame: true },
    ];
    for (const sender of refused) expect(senderRoute(sender, routes), JSON.stringify(sender)).toBeNull();
  });

  it('carries an API error to the renderer client as data, which reads back its code and details', async () => {
    const errors = [
      [
        new KarteError('not_found', 'no case with id ffff', { table: 'cases', record: 'ffff' }),
        { code: 'not_found', message: 'no case with id ffff', details: { table: 'cases', record: 'ffff' } },
      ],
      [new TypeError('boom'), { code: 'internal', message: 'boom', details: {} }],
    ] as const;
    for (const [thrown, expected] of errors) {
      // What ipcRenderer.invoke resolves with: the main process's outcome of the call, structured-cloned.
      const outcome = structuredClone(
        await outcomeOf(() => {
          throw thrown;
        }),
      );
      vi.stubGlobal('window', { karte: { call: () => Promise.resolve(outcome), on: () => () => {} } satisfies KarteBridge });
      try {
        await expect(call('app.info', {})).rejects.toEqual(new ApiFailure(expected));
        await expect(call('app.info', {})).rejects.toMatchObject({ error: expected });
      } finally {
        vi.unstubAllGlobals();
      }
    }
  });
});

/** ipcRenderer's part, played by an EventEmitter: invoke answers from a function, events arrive with emit. */
class TestIpc extends EventEmitter implements BridgeIpc {
  invoked: unknown[][] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve({ answered: args[0] });
  }
  send(message: BridgeEvent): void {
    this.emit(IPC.event, { sender: 'an IpcRendererEvent, never to reach the page' }, message);
  }
}

describe('preload bridge', () => {
  function exposed(ipc: BridgeIpc): { key: string; api: KarteBridge } {
    const exposures: { key: string; api: unknown }[] = [];
    exposeBridge({ exposeInMainWorld: (key, api) => exposures.push({ key, api }) }, ipc);
    expect(exposures).toHaveLength(1);
    return exposures[0] as { key: string; api: KarteBridge };
  }

  it('exposes window.karte with call and on, and nothing else', () => {
    const { key, api } = exposed(new TestIpc());
    expect(key).toBe('karte');
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('sends calls on the call channel', async () => {
    const ipc = new TestIpc();
    const { api } = exposed(ipc);
    expect(await api.call('case.get', { id: 'x' })).toEqual({ answered: 'case.get' });
    expect(ipc.invoked).toEqual([[IPC.call, 'case.get', { id: 'x' }]]);
  });

  it('delivers the payload of the subscribed event only, until unsubscribed, over one IPC listener', () => {
    const ipc = new TestIpc();
    const { api } = exposed(ipc);
    const changed: unknown[] = [];
    const progress: unknown[] = [];
    const stopChanged = api.on('store.changed', (payload) => changed.push(payload));
    api.on('import.progress', (payload) => progress.push(payload));
    api.on('store.changed', () => {});
    expect(ipc.listenerCount(IPC.event)).toBe(1);

    ipc.send({ event: 'store.changed', payload: { tables: ['cases'] } });
    ipc.send({ event: 'import.progress', payload: { done: 1 } });
    stopChanged();
    ipc.send({ event: 'store.changed', payload: { tables: ['events'] } });
    expect(changed).toEqual([{ tables: ['cases'] }]);
    expect(progress).toEqual([{ done: 1 }]);
  });
});

/** A web contents, played by an EventEmitter: listeners as Electron registers them, events as Electron emits them. */
class TestContents extends EventEmitter {
  windowOpenHandler: Parameters<GuardedContents['setWindowOpenHandler']>[0] | null = null;
  constructor(private readonly url: string) {
    super();
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: Parameters<GuardedContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable event as Electron does; true if a listener prevented it. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('navigation, windows, webviews and permissions', () => {
  function guarded(url: string) {
    const contents = new TestContents(url);
    const opened: string[] = [];
    guardContents(contents as unknown as GuardedContents, { openExternal: async (link) => void opened.push(link) });
    return { contents, opened };
  }

  it('keeps each page on its own origin', () => {
    const { contents } = guarded('karte://app/index.html#/');
    expect(contents.attempt('will-navigate', 'karte://app/index.html#/search')).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'karte://unlock/index.html', 'javascript:alert(1)']) {
      expect(contents.attempt('will-navigate', url), url).toBe(true);
      expect(contents.attempt('will-redirect', url), url).toBe(true);
    }
    expect(guarded('karte://unlock/index.html').contents.attempt('will-navigate', 'karte://app/index.html')).toBe(true);
  });

  it('opens no window; web links go to the user’s browser, other links nowhere', () => {
    const { contents, opened } = guarded('karte://app/index.html');
    const open = (url: string) => contents.windowOpenHandler!({ url } as Parameters<NonNullable<TestContents['windowOpenHandler']>>[0]);
    for (const url of ['https://www.mofa.go.jp/', 'http://example.com/a', 'file:///etc/passwd', 'karte://app/index.html', 'javascript:alert(1)', 'smb://host/share']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.mofa.go.jp/', 'http://example.com/a']);
  });

  it('attaches no webview', () => {
    expect(guarded('karte://app/index.html').contents.attempt('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('guards every web contents the app creates, denies every permission and puts the CSP on web responses', () => {
    const app = new EventEmitter();
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    let headersHandler: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      webRequest: { onHeadersReceived: (handler: typeof headersHandler) => (headersHandler = handler) },
    };
    applySecurity({ app, session, shell: { openExternal: async () => {} } } as unknown as Parameters<typeof applySecurity>[0]);

    const contents = new TestContents('karte://app/index.html');
    app.emit('web-contents-created', {}, contents);
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      requestHandler!(contents, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
    }
    expect(checkHandler!()).toBe(false);

    let response: unknown = null;
    headersHandler!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (response = r));
    expect(response).toEqual({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('build of the desktop app (vite.electron.config.ts)', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-electron-build-'));
    await build({ ...electronBuild(outDir), logLevel: 'silent' });
  });
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');

  it('makes a self-contained CommonJS preload, as a sandboxed preload must be: it requires nothing but electron', () => {
    const preload = read('preload.cjs');
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("karte"');
  });

  it('makes an ES module main process that loads only Electron and Node, and a back end that loads only SQLite and Node', () => {
    const importsOf = (file: string) => {
      const code = read(file);
      // Nothing the bundle left to find at run time: CommonJS libraries bundled in (exceljs) may require Node's own
      // modules, by their names, and nothing else.
      const required = [...code.matchAll(/__require\(([^)]*)\)/g)].map((m) => m[1]);
      expect(
        required.filter((name) => !/^"[a-z_/]+"$/.test(name) || !builtinModules.includes(JSON.parse(name) as string)),
        file,
      ).toEqual([]);
      return [...new Set([...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]))].filter((m) => !m.startsWith('node:') && !builtinModules.includes(m)).sort();
    };
    // The main process holds windows and keys, never the store: SQLite runs in the back end's own process.
    expect(importsOf('main.js')).toEqual(['electron']);
    expect(importsOf('back-end-process.js')).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(read('main.js')).toContain('"preload.cjs"');
    expect(read('main.js')).toContain('"back-end-process.js"');
  });

  it('makes a passphrase page without inline code, whose every file the karte:// handler serves with its type', async () => {
    const html = read('unlock/index.html');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    const roots = { app: path.join(outDir, 'missing'), unlock: path.join(outDir, 'unlock') };
    const references = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(references.some((r) => r.endsWith('.js'))).toBe(true);
    for (const reference of references) {
      const response = await appFileResponse(`karte://unlock/${reference}`, roots);
      expect(response.status, reference).toBe(200);
      expect(response.headers.get('content-type'), reference).toMatch(reference.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
  });
});

describe('packaging (electron-builder.yml)', () => {
  // Read and checked by electron-builder's own loader and schema; packaging itself needs Electron's binary.
  let config: Awaited<ReturnType<typeof getConfig>>;
  beforeAll(async () => {
    config = await getConfig(ROOT, null, null);
  });
  const filesPatterns = () => (config.files as { filter: string[] }[]).flatMap((set) => set.filter);

  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('starts the main process the build makes, and packs the built app without the rest of node_modules', () => {
    const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(path.resolve(ROOT, packageJson.main)).toBe(path.join(electronBuild().build!.outDir!, 'main.js'));
    expect(filesPatterns()).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!node_modules/**']));
    expect(filesPatterns()).toContain('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
  });

  it('ships the demo dossiers where main.ts reads them (resources/demo) and the native module outside app.asar', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/demo', to: 'demo', filter: ['*.json'] }]);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('rebuilds the native module for Electron, never against the headers of an npm nodedir', async () => {
    expect(config.npmRebuild).toBe(true);
    const hook = (await import(path.join(ROOT, config.beforeBuild as string))) as { default: () => boolean };
    const saved = process.env.npm_config_nodedir;
    process.env.npm_config_nodedir = '/usr';
    try {
      expect(hook.default()).toBe(true);
      expect(process.env.npm_config_nodedir).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.npm_config_nodedir;
      else process.env.npm_config_nodedir = saved;
    }
  });

  it('makes an installer for each desktop platform, from a locked-down Electron binary', () => {
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
