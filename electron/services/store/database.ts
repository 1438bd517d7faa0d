import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { KarteError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection: the hot paths (import, sync) run the same SQL many times. It
 * comes back returning whole rows: one caller's pluck() must not change what the next caller of the same SQL gets.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt.reader ? stmt.pluck(false) : stmt;
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
 * A store holds government-scope text: its folder, when Karte makes it, is its owner's alone (0700), and the file is
 * readable by its owner alone (0600) before SQLite writes a byte; SQLite gives the -wal and -shm files the same mode.
 */
function ownerOnly(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

/** The page size of a new store, in bytes: SQLite's default is 4 KiB. */
export const PAGE_SIZE = 16384;

/**
 * Opens (creating if needed) a Karte database: the encryption key first, then WAL and migrations. A wrong key, a
 * missing key for an encrypted file, or a file that is not a database fail here with the file named.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.readonly) ownerOnly(file);
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
      throw new KarteError('store_locked', `cannot open ${file}: ${hint} (${(error as Error).message})`, { file }, { cause: error });
    }
    // Whatever is deleted is overwritten, not only unlinked, for the store's whole life: text that left a user's
    // reach (a purge, a revoked device) must not survive in free space, including space freed long before.
    db.pragma('secure_delete = ON');
    // Set while the file is empty (a store keeps the size it was made with): with 16 KiB pages each of the dozen
    // B-trees an import fills is a level shallower, and 200,000 events import in a twentieth less time.
    if (!options.readonly && db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
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

/** The first schema whose stores overwrite deleted content from the start (migration 6). */
const OVERWRITES_DELETES_SINCE = 6;

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new KarteError('store_newer', `${file} was written by a newer Karte (schema ${current}, this version knows ${MIGRATIONS.length}); update Karte`, { file });
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  // A store written before deletes were overwritten may hold old text in its free pages: rebuilt once, it holds none.
  if (current > 0 && current < OVERWRITES_DELETES_SINCE) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
