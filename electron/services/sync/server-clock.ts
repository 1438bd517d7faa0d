import { setClockOffset, type Store } from '../store/store';

// A laptop's clock can be hours off on a mission (a time zone set by hand, a clock never synchronised), and the
// server refuses changes stamped more than a few minutes ahead of its own clock. Every answer of the server carries
// its time (the Date header), so the device measures how far off it is and stamps its next changes by the server's
// time. Changes stamped before the measurement keep their stamps: a change's timestamp is what names it.

/** Below this, a clock counts as right: the Date header is to the second, and requests take their time. */
const TOLERANCE_MS = 60_000;

/** The Date header names a whole second: the server's time lies somewhere in it. */
const HALF_SECOND_MS = 500;

/**
 * Takes the server's time from one answer: `dateHeader` as sent, `sentAt` and `receivedAt` by the device's own
 * clock (the store's clock before any correction).
 */
export function followServerClock(store: Store, dateHeader: string | null, sentAt: number, receivedAt: number): void {
  const serverMs = dateHeader === null ? NaN : Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return;
  const measured = serverMs + HALF_SECOND_MS - (sentAt + receivedAt) / 2;
  const offset = Math.abs(measured) < TOLERANCE_MS ? 0 : Math.round(measured);
  if (offset !== store.clockOffsetMs) setClockOffset(store, offset);
}

/** The device's own clock, before the correction: what the measurement is made with. */
export function deviceClock(store: Store): number {
  return store.now() - store.clockOffsetMs;
}
