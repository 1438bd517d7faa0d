import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection: the hot paths (import, sync) run the same SQL many times. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

export interface OpenOptions {
  /** Encryption key; the file is unreadable without it. Omit for a plain file. */
  key?: string;
  readonly?: boolean;
}

function quoteKey(key: string): string {
  return `'${key.replace(/'/g, "''")}'`;
}

/**
 * Opens (creating if needed) a Karte database: the encryption key first, then WAL and migrations. A wrong key, a
 * missing key for an encrypted file, or a file that is not a database fail here with the file named.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    if (options.key !== undefined) {
      if (options.key === '') throw new Error('the encryption key is empty');
      db.pragma(`key=${quoteKey(options.key)}`);
    }
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      const hint = options.key === undefined ? 'it is encrypted (give its key) or not a Karte database' : 'wrong encryption key, or not a Karte database';
      throw new Error(`cannot open ${file}: ${hint} (${(error as Error).message})`, { cause: error });
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    if (!options.readonly) migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`${file} was written by a newer Karte (schema ${current}, this version knows ${MIGRATIONS.length}); update Karte`);
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}
