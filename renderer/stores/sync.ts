import { useEffect } from 'react';
import { create } from 'zustand';
import type { ErrorEnvelope } from '../../shared/errors';
import type { SyncStatus } from '../../shared/sync/status';
import { call, on } from '../api/client';
import { envelopeOf } from '../api/error-text';

// The background sync as the back end last reported it: read once, then kept current by 'sync.status' events. One
// copy for every view of it (the bar in the layout, the sign-in screen, the conflicts inbox).

interface SyncState {
  status: SyncStatus | null;
  /** Why the status could not be read, as data (the bar words it, errors.json). */
  failure: ErrorEnvelope | null;
  update: (status: SyncStatus) => void;
}

export const useSync = create<SyncState>((set) => ({
  status: null,
  failure: null,
  update: (status) => set({ status, failure: null }),
}));

function failed(error: unknown): void {
  useSync.setState({ failure: envelopeOf(error) });
}

/** The status while the calling component is mounted. */
export function useSyncStatus(): SyncState {
  const state = useSync();
  useEffect(() => {
    const { update } = useSync.getState();
    const off = on('sync.status', update);
    call('sync.status', {}).then(update).catch(failed);
    return off;
  }, []);
  return state;
}

/**
 * Tells the back end what the browser knows of the network: in browser mode it has no other source (the desktop
 * app's main process asks the operating system as well). Once when mounted, then on every change.
 */
export function useNetworkReports(): void {
  useEffect(() => {
    const report = () => void call('sync.networkChanged', { online: navigator.onLine }).then(useSync.getState().update).catch(failed);
    report();
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }, []);
}

/** Asks for a sync now; the result arrives as a status (a failure is part of it). */
export function syncNow(): Promise<void> {
  return call('sync.now', {}).then(useSync.getState().update).catch(failed);
}
