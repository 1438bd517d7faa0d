// The whole surface the desktop app gives its pages (window.karte): one call into the typed API and one event
// subscription, as KarteBridge in renderer/api/client.ts. Free of Electron so tests run it; preload.ts hands it
// the real contextBridge and ipcRenderer. Nothing of Electron (no ipcRenderer, no IPC event) reaches the page.

export const IPC = { call: 'karte:call', event: 'karte:event' } as const;

/** A message on the event channel, as the main process sends it. */
export interface BridgeEvent {
  event: string;
  payload: unknown;
}

/** The part of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (ipcEvent: unknown, message: BridgeEvent) => void): unknown;
}

export function karteBridge(ipc: BridgeIpc) {
  // One IPC listener for the page, however many screens subscribe.
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  ipc.on(IPC.event, (_ipcEvent, { event, payload }) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  return {
    /** Resolves with the call's outcome (ApiOutcome): its result or its error, as data. */
    call: (name: string, args: unknown): Promise<unknown> => ipc.invoke(IPC.call, name, args),
    on: (event: string, listener: (payload: unknown) => void): (() => void) => {
      let forEvent = listeners.get(event);
      if (!forEvent) listeners.set(event, (forEvent = new Set()));
      forEvent.add(listener);
      return () => {
        forEvent.delete(listener);
      };
    },
  };
}

export function exposeBridge(contextBridge: { exposeInMainWorld(key: string, api: unknown): void }, ipc: BridgeIpc): void {
  contextBridge.exposeInMainWorld('karte', karteBridge(ipc));
}
