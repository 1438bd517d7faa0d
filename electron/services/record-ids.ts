import crypto from 'node:crypto';
import { statement } from './store/database';
import type { Store } from './store/store';
import type { TableName } from './store/tables';
import { KarteError } from '../../shared/errors';

function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * A stable id for a record identified by what it is (a country's dossier) or by its source and the store that
 * imported it (importNamespace): the same parts always give the same id, so nothing is duplicated.
 */
export function idFromKey(...parts: string[]): string {
  // The one-shot hash: an import derives an id per record, and a Hash object each cost a fortieth of it.
  return uuidFromHex(crypto.hash('sha256', parts.join('\u0000'), 'hex'));
}

const META_IMPORT_NAMESPACE = 'import.namespace';

/**
 * A random secret of this store that the ids of its imported records derive from. Importing a file again here adds
 * nothing; another store importing the same file makes records of its own, so nobody can take over another
 * organisation's records by importing (or predicting) the same file first. A secret, not the node id: node ids are
 * in every change's timestamp, so anyone who syncs could compute the ids.
 */
export function importNamespace(store: Store): string {
  const kept = statement(store.db, 'SELECT value FROM meta WHERE key = ?').get(META_IMPORT_NAMESPACE) as { value: string } | undefined;
  if (kept !== undefined) return kept.value;
  const namespace = crypto.randomBytes(16).toString('hex');
  statement(store.db, 'INSERT INTO meta (key, value) VALUES (?, ?)').run(META_IMPORT_NAMESPACE, namespace);
  return namespace;
}

/** Resolves a full id or an unambiguous prefix of one (as git does), naming what was not found. */
export function resolveId(store: Store, table: TableName, text: string): string {
  const prefix = text.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(prefix)) throw new KarteError('not_found', `'${text}' is not a record id (give at least its first 4 characters)`, { table, record: text });
  const rows = statement(store.db, `SELECT id FROM ${table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`).all(prefix, `${prefix}g`) as { id: string }[];
  if (rows.length === 0) throw new KarteError('not_found', `no ${table.replace(/s$/, '')} with id '${text}'`, { table, record: text });
  if (rows.length > 1 && rows[0].id !== prefix) throw new KarteError('ambiguous_id', `id '${text}' is ambiguous: give more characters`, { table, record: text });
  return rows[0].id;
}
