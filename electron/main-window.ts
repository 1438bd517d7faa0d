import type { App, BrowserWindowConstructorOptions, CustomScheme, Session, Shell, WebContents, WebPreferences } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './services/content-security-policy';

// The windows of the desktop app and the rules every web page in it lives under. Electron itself is passed in
// (main.ts holds the only runtime import of 'electron'), so all of this runs in tests without an Electron binary.
//
// Pages are served from a custom scheme, karte://app/ (the app, from dist/renderer) and karte://unlock/ (the
// passphrase page), rather than from file://: each gets a real origin of its own, which the IPC sender check and
// the navigation rules compare against, and the Content-Security-Policy travels as a response header, which
// Chromium ignores for file:// pages.

export const APP_SCHEME = 'karte';
export type AppHost = 'app' | 'unlock';

/** standard: relative URLs and origins as for https; secure: a secure context. Not corsEnabled: no other origin may read these pages. */
export const APP_SCHEME_REGISTRATION: CustomScheme = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } };

export function appUrl(host: AppHost, page = 'index.html'): string {
  return `${APP_SCHEME}://${host}/${page}`;
}

export function isAppUrl(url: string, host: AppHost): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === host;
  } catch {
    return false;
  }
}

/** What every window of the app runs with: no Node, no webviews, isolated and sandboxed. */
export const LOCKED_DOWN_PREFERENCES = {
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
  // Chromium's spellchecker has no Japanese and downloads its dictionaries from Google.
  spellcheck: false,
} as const satisfies WebPreferences;

function securePreferences(preload: string): WebPreferences {
  return { preload, ...LOCKED_DOWN_PREFERENCES, safeDialogs: true };
}

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return { width: 1280, height: 860, minWidth: 900, minHeight: 600, title: 'Karte', show: false, webPreferences: securePreferences(preload) };
}

export function unlockWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 500,
    useContentSize: true,
    resizable: false,
    maximizable: false,
    fullscreenable: false,
    title: 'Karte',
    show: false,
    webPreferences: securePreferences(preload),
  };
}

export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The file a karte:// URL names inside its host's folder, or null for any other URL or a path leading out of the folder. */
export function appFile(url: string, roots: Readonly<Record<AppHost, string>>): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || !Object.hasOwn(roots, parsed.host)) return null;
  const root = path.resolve(roots[parsed.host as AppHost]);
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** The protocol handler of karte://: the file with its type and the security headers, or 404. */
export async function appFileResponse(url: string, roots: Readonly<Record<AppHost, string>>): Promise<Response> {
  const file = appFile(url, roots);
  const body = file === null ? null : await fs.readFile(file).catch(() => null);
  if (file === null || body === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain', ...RESPONSE_HEADERS } });
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(body, { status: 200, headers: { 'Content-Type': type, ...RESPONSE_HEADERS } });
}

function isWebLink(url: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function sameAppPage(target: string, current: string): boolean {
  return (['app', 'unlock'] as const).some((host) => isAppUrl(current, host) && isAppUrl(target, host));
}

export type GuardedContents = Pick<WebContents, 'on' | 'getURL' | 'setWindowOpenHandler'>;

/**
 * A page never leaves its own origin, opens no window and attaches no webview; a web link opens in the user's
 * browser instead.
 */
export function guardContents(contents: GuardedContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!sameAppPage(event.url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!sameAppPage(event.url, contents.getURL())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Security for every web contents of the app, set before the first window: no permission (camera, notifications,
 * clipboard …) is ever granted, every response carries the Content-Security-Policy, and every page is guarded.
 */
export function applySecurity(electron: { app: Pick<App, 'on'>; session: Session; shell: Pick<Shell, 'openExternal'> }): void {
  const { app, session, shell } = electron;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The karte:// responses carry the policy already (appFileResponse); this covers anything fetched over http(s).
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }));
  app.on('web-contents-created', (_event, contents) => guardContents(contents, shell));
}
