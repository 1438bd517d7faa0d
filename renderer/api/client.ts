import type { ApiArgs, ApiError, ApiEventName, ApiEvents, ApiName, ApiOutcome, ApiResult } from '../../shared/api';
import { saveFile } from '../download';

// The renderer's only way to the back end: the typed API of shared/api.ts. In the desktop app the preload exposes
// window.karte over IPC; in browser mode the same calls go over HTTP to the loopback server with the run's token.

export interface KarteBridge {
  /** Resolves with the outcome: the result, or the error as data (ApiOutcome); rejects only when the bridge broke. */
  call: (name: string, args: unknown) => Promise<unknown>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
}

declare global {
  interface Window {
    karte?: KarteBridge;
  }
}

/** A failed call: its code and details say what went wrong; errorText (error-text.ts) words it for the user. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

/** The bridge itself failed (no answer at all): told with the same codes as any failure. */
function bridgeFailure(message: string): ApiFailure {
  return new ApiFailure({ code: 'internal', message, details: {} });
}

const TOKEN_KEY = 'karte.token';

/**
 * Browser mode passes the token in the URL fragment once; it is kept for the tab and removed from the address bar.
 * Called before the router starts, which also lives in the fragment.
 */
export function captureBrowserToken(): string {
  const match = window.location.hash.match(/token=([A-Za-z0-9_-]+)/);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): KarteBridge {
  const token = captureBrowserToken();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const event of listeners.keys()) source.addEventListener(event, (e) => dispatchEvent(event, e as MessageEvent));
  };
  const dispatchEvent = (event: string, e: MessageEvent) => {
    for (const listener of listeners.get(event) ?? []) listener(JSON.parse(e.data as string));
  };
  return {
    call: async (name, args) => {
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<{ result: unknown; error: ApiError }>;
      if (body.error) return { error: body.error };
      if (!response.ok) return { error: { code: 'internal', message: `HTTP ${response.status}`, details: {} } };
      return { result: body.result };
    },
    on: (event, listener) => {
      if (!listeners.has(event)) {
        listeners.set(event, new Set());
        source?.addEventListener(event, (e) => dispatchEvent(event, e as MessageEvent));
      }
      listeners.get(event)!.add(listener);
      if (!source) connect();
      return () => listeners.get(event)?.delete(listener);
    },
  };
}

let http: KarteBridge | null = null;

function current(): KarteBridge {
  return window.karte ?? (http ??= httpBridge());
}

export async function call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
  let outcome: ApiOutcome;
  try {
    outcome = (await current().call(name, args)) as ApiOutcome;
  } catch (error) {
    throw bridgeFailure(error instanceof Error ? error.message : String(error));
  }
  if ('error' in outcome) throw new ApiFailure(outcome.error);
  return outcome.result as ApiResult<K>;
}

/**
 * Browser mode: fetches a file the back end prepared for download (with the run's token, which a plain link could
 * not send) and hands it to the browser's downloads under its name.
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${captureBrowserToken()}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: ApiError };
    throw body.error ? new ApiFailure(body.error) : bridgeFailure(`HTTP ${response.status}`);
  }
  saveFile(await response.blob(), fileName);
}

export function on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  return current().on(event, listener as (payload: unknown) => void);
}
