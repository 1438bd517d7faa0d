import type { ApiName, ApiResult } from '../../shared/api';
import { countryByIso2 } from '../../shared/reference/countries';
import { PHASE_LABELS } from '../../shared/labels';
import type { Phase } from '../../shared/phases';
import type { BackEndListener } from '../../electron/services/back-end';
import type { Delivery } from '../../electron/services/delivery';
import type { Store } from '../../electron/services/store/store';

// What every command of the CLI works with: the back end of the store the command names (through the same typed API
// and door as the app), output as text or JSON, and a password read safely.

/** Output goes through these, so tests can run the CLI in-process. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stderrIsTty: boolean;
}

/**
 * The back end's API, as the command line calls it: with what the user typed, which the API's schemas check at the
 * door as they check the app's calls (a wrong option is refused there, with the reason).
 */
export interface Karte {
  call<K extends ApiName>(name: K, args: unknown): Promise<ApiResult<K>>;
}

export interface CliContext {
  io: Io;
  /**
   * Opens the back end on the command's store (without a sync of its own), runs `work` with it and closes it.
   * `pack`: how this command hands over a briefing pack; `listen`: the back end's events while it works.
   */
  run<T>(work: (karte: Karte) => Promise<T>, options?: { delivery?: Delivery; listen?: BackEndListener }): Promise<T>;
  /** The store itself, for what is no API call: the account `karte admin` uses to reach the server. */
  withStore<T>(work: (store: Store) => T): T;
  print(json: unknown, text: () => string): void;
  readPassword(): Promise<string>;
  databaseFile(): string;
  author(): string;
}

export function countryNames(codes: string[]): string {
  return codes.map((code) => countryByIso2(code)?.ja ?? code).join('・');
}

export function phaseText(phase: string | null): string {
  return phase === null ? '—' : PHASE_LABELS[phase as Phase].ja;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** A field's value on one line: dates by their text, empty ones as ∅. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'object' && 'text' in value && 'precision' in value) return String((value as { text: string }).text) || '∅';
  return JSON.stringify(value);
}

/** An ISO time to the second, as logs print it. */
export function timeText(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')}Z`;
}
