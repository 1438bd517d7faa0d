import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/store';

// The sync token opens the server to whoever holds it, so the store never keeps it in the clear: it is sealed
// (AES-256-GCM) with a key kept in a file of its own beside the store, readable by its owner alone. A copy of the
// store (a backup, a file sent for support) then carries no usable token, encrypted store or not.

const FORMAT = 'sealed-v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** karte.sqlite → karte.token-key, in the same folder. */
function keyFileOf(store: Store): string {
  const { dir, name } = path.parse(path.resolve(store.file));
  return path.join(dir, `${name}.token-key`);
}

/** An in-memory store (tests) keeps its key in memory, for as long as the process runs. */
const memoryKeys = new WeakMap<Store, Buffer>();

function readKey(store: Store): Buffer | null {
  if (store.file === ':memory:') return memoryKeys.get(store) ?? null;
  try {
    const key = fs.readFileSync(keyFileOf(store));
    return key.length === KEY_BYTES ? key : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function keyForSealing(store: Store): Buffer {
  const existing = readKey(store);
  if (existing) return existing;
  const key = crypto.randomBytes(KEY_BYTES);
  if (store.file === ':memory:') memoryKeys.set(store, key);
  else fs.writeFileSync(keyFileOf(store), key, { mode: 0o600, flag: 'w' });
  return key;
}

export function sealToken(store: Store, token: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyForSealing(store), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}

/** The token, or null when it cannot be opened here (its key file is gone or another one): sign in again then. */
export function openToken(store: Store, sealed: string): string | null {
  const [format, iv, tag, data] = sealed.split(':');
  const key = readKey(store);
  if (format !== FORMAT || !key) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
