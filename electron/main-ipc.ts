import type { ApiOutcome } from '../shared/api';
import { errorEnvelope } from '../shared/errors';
import { isAppUrl, type AppHost } from './main-window';

/** What a window may call: the typed API for the app window, the unlock call for the passphrase window. */
export interface Route {
  host: AppHost;
  call: (name: string, args: unknown) => unknown;
}

/** Who sent an IPC call: the web contents, and the URL of the frame in it that sent it (null once that frame is gone). */
export interface Sender {
  webContentsId: number;
  frameUrl: string | null;
  isMainFrame: boolean;
}

/**
 * The route of a call, or null when it is refused: only a window the main process opened, only from its top frame,
 * and only while that frame shows the page of the window's own origin.
 */
export function senderRoute<R extends { host: AppHost }>(sender: Sender, routes: ReadonlyMap<number, R>): R | null {
  const route = routes.get(sender.webContentsId);
  if (!route || !sender.isMainFrame || sender.frameUrl === null) return null;
  return isAppUrl(sender.frameUrl, route.host) ? route : null;
}

/** A call's answer as it crosses IPC: its result, or its error as data (IPC itself keeps only an error's message). */
export async function outcomeOf(run: () => Promise<unknown>): Promise<ApiOutcome> {
  try {
    return { result: await run() };
  } catch (error) {
    return { error: errorEnvelope(error) };
  }
}
