import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../electron/services/store/store';

export const DEMO_DIR = path.resolve(import.meta.dirname, '../../resources/demo');
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');

export function demoFiles(): string[] {
  return fs
    .readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(DEMO_DIR, f));
}

export function fixture(name: string): string {
  return path.join(FIXTURES_DIR, name);
}

/** A fresh folder per test, removed afterwards, with stores opened in it closed first. */
export function useTempDir(): { dir: () => string; store: (name?: string, key?: string) => Store } {
  let current: string | null = null;
  const stores: Store[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) if (s.db.open) s.close();
    if (current) fs.rmSync(current, { recursive: true, force: true });
    current = null;
  });
  const dir = () => (current ??= fs.mkdtempSync(path.join(os.tmpdir(), 'karte-test-')));
  return {
    dir,
    store: (name = 'karte.sqlite', key?: string) => {
      const store = openStore(path.join(dir(), name), { author: 'tester', key });
      stores.push(store);
      return store;
    },
  };
}

/** Everything a store holds, table by table, to compare before and after an operation. */
export function snapshot(store: Store): Record<string, unknown[]> {
  const tables = ['dossiers', 'cases', 'case_countries', 'events', 'agreements', 'organisations', 'changes', 'search_docs'];
  return Object.fromEntries(tables.map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

/** Opens a store file for one piece of work and closes it again, as a separate run of the app would. */
export function withStore<T>(file: string, author: string, work: (store: Store) => T): T {
  const store = openStore(file, { author });
  try {
    return work(store);
  } finally {
    store.close();
  }
}

export async function withStoreAsync<T>(file: string, author: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(file, { author });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
