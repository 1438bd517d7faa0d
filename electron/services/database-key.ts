import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeError, KarteError } from '../../shared/errors';

// The key of the encrypted local store (暗号化). By default it is a random 32-byte key, kept wrapped by the
// operating system's keyring through Electron's safeStorage. Where there is no real keyring (Linux without a
// secret service, where safeStorage falls back to a password built into Chromium: "basic_text"), that wrapping
// would protect nothing, so the key is derived from a passphrase the user types instead. Either way the key file
// beside the store never holds the key itself.

/** What Karte uses of Electron's safeStorage; the main process passes safeStorage itself. */
export interface Keyring {
  isEncryptionAvailable(): boolean;
  /** Linux only: the secret store behind safeStorage. */
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** scrypt's cost, stored with the salt so that a later, higher cost still opens older stores. */
const kdfSchema = z.object({
  salt: z.string().min(1),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});
export type PassphraseKdf = z.infer<typeof kdfSchema>;

const keyFileSchema = z.discriminatedUnion('method', [
  z.object({ format: z.literal('karte-key'), version: z.literal(1), method: z.literal('keyring'), wrappedKey: z.string().min(1) }),
  z.object({ format: z.literal('karte-key'), version: z.literal(1), method: z.literal('passphrase'), kdf: kdfSchema }),
]);
export type KeyFile = z.infer<typeof keyFileSchema>;

/** About 0.3 s and 128 MiB per derivation: cheap once per start, costly for guessing. */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const MIN_PASSPHRASE_LENGTH = 8;

/** karte.sqlite → karte.key, in the same folder. */
export function keyFileFor(databaseFile: string): string {
  const { dir, name } = path.parse(path.resolve(databaseFile));
  return path.join(dir, `${name}.key`);
}

export function readKeyFile(file: string): KeyFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: ReturnType<typeof keyFileSchema.safeParse>;
  try {
    parsed = keyFileSchema.safeParse(JSON.parse(text));
  } catch (error) {
    throw new Error(`${file} is not a Karte key file: ${describeError(error)}`, { cause: error });
  }
  if (!parsed.success) throw new Error(`${file} is not a Karte key file: ${describeError(parsed.error)}`);
  return parsed.data;
}

/** Written whole or not at all: a torn key file would lock the user out of the store. */
function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flush: true });
  fs.renameSync(temporary, file);
}

/** safeStorage protects something only where the OS keeps its secret; Linux's basic_text fallback does not. */
function hasRealKeyring(keyring: Keyring, platform: NodeJS.Platform = process.platform): boolean {
  if (!keyring.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = keyring.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** Where this start takes the store's key from. */
export type KeySource =
  /** KARTE_DB_KEY, as the CLI and browser mode use it. */
  | { kind: 'environment'; key: string }
  | { kind: 'keyring'; keyFile: string; wrappedKey: string | null }
  | { kind: 'passphrase'; keyFile: string; kdf: PassphraseKdf | null; create: boolean }
  /** A store that exists without a Karte key file (made by the CLI without a key): opened as it is. */
  | { kind: 'none' };
export type PassphraseSource = Extract<KeySource, { kind: 'passphrase' }>;

export function chooseKeySource(input: { databaseFile: string; keyring: Keyring; environmentKey?: string; platform?: NodeJS.Platform }): KeySource {
  if (input.environmentKey) return { kind: 'environment', key: input.environmentKey };
  const keyFile = keyFileFor(input.databaseFile);
  const stored = readKeyFile(keyFile);
  const databaseExists = fs.existsSync(input.databaseFile);
  if (stored?.method === 'keyring') return { kind: 'keyring', keyFile, wrappedKey: stored.wrappedKey };
  if (stored?.method === 'passphrase') return { kind: 'passphrase', keyFile, kdf: stored.kdf, create: !databaseExists };
  if (databaseExists) return { kind: 'none' };
  return hasRealKeyring(input.keyring, input.platform) ? { kind: 'keyring', keyFile, wrappedKey: null } : { kind: 'passphrase', keyFile, kdf: null, create: true };
}

/** The store's key from the keyring; on first run a new random key, stored wrapped. */
export function keyringKey(keyring: Keyring, source: Extract<KeySource, { kind: 'keyring' }>, platform: NodeJS.Platform = process.platform): string {
  if (!hasRealKeyring(keyring, platform)) {
    throw new Error(
      `the key of the database is kept in the system keyring (${source.keyFile}), which is not available now; sign in to a desktop session with its keyring unlocked`,
    );
  }
  if (source.wrappedKey !== null) {
    let key: string;
    try {
      key = keyring.decryptString(Buffer.from(source.wrappedKey, 'base64'));
    } catch (error) {
      throw new Error(`the system keyring cannot unwrap the database key in ${source.keyFile}: ${describeError(error)}`, { cause: error });
    }
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`the database key unwrapped from ${source.keyFile} is malformed`);
    return key;
  }
  const key = crypto.randomBytes(KEY_BYTES).toString('hex');
  writeKeyFile(source.keyFile, { format: 'karte-key', version: 1, method: 'keyring', wrappedKey: keyring.encryptString(key).toString('base64') });
  return key;
}

export function deriveKey(passphrase: string, kdf: PassphraseKdf): Promise<string> {
  return new Promise((resolve, reject) => {
    // NFC, so the same passphrase typed through different input methods (IME, macOS's decomposed kana) matches.
    crypto.scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), KEY_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r }, (error, key) =>
      error ? reject(error) : resolve(key.toString('hex')),
    );
  });
}

export type UnlockResult<T> = { ok: true; opened: T } | { ok: false; problem: 'too_short' | 'wrong_passphrase' };

/**
 * Opens the store with a passphrase, one attempt per call. A wrong passphrase is reported, never written: the store
 * is only read. For a new store the salt is saved before the store is created, so a store never exists whose salt
 * was lost.
 */
export function passphraseUnlocker<T>(source: PassphraseSource, open: (key: string) => T | Promise<T>): (passphrase: string) => Promise<UnlockResult<T>> {
  let kdf = source.kdf;
  return async (passphrase) => {
    if (source.create && [...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return { ok: false, problem: 'too_short' };
    if (!kdf) {
      kdf = { salt: crypto.randomBytes(16).toString('base64'), ...SCRYPT_COST };
      writeKeyFile(source.keyFile, { format: 'karte-key', version: 1, method: 'passphrase', kdf });
    }
    const key = await deriveKey(passphrase, kdf);
    try {
      return { ok: true, opened: await open(key) };
    } catch (error) {
      // SQLite reads a file decrypted with the wrong key as garbage.
      if (error instanceof KarteError && error.code === 'store_locked') return { ok: false, problem: 'wrong_passphrase' };
      throw error;
    }
  };
}
