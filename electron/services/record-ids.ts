import crypto from 'node:crypto';
import { statement } from './store/database';
import type { Store } from './store/store';
import type { TableName } from './store/tables';

function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * A stable id for a record identified by its source (an imported case, a country's dossier): importing the same
 * data again, on this device or another, gives the same ids, so nothing is duplicated.
 */
export function idFromKey(...parts: string[]): string {
  return uuidFromHex(crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex'));
}

/** Resolves a full id or an unambiguous prefix of one (as git does), naming what was not found. */
export function resolveId(store: Store, table: TableName, text: string): string {
  const prefix = text.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(prefix)) throw new Error(`'${text}' is not a record id (give at least its first 4 characters)`);
  const rows = statement(store.db, `SELECT id FROM ${table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`).all(prefix, `${prefix}g`) as { id: string }[];
  if (rows.length === 0) throw new Error(`no ${table.replace(/s$/, '')} with id '${text}'`);
  if (rows.length > 1 && rows[0].id !== prefix) throw new Error(`id '${text}' is ambiguous: give more characters`);
  return rows[0].id;
}
