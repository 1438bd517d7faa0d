import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseKeySource, keyFileFor, keyringKey, passphraseUnlocker, readKeyFile, type KeySource, type PassphraseSource } from '../../electron/services/database-key';
import { openStore, readRow, writeRows } from '../../electron/services/store/store';
import { standInKeyring } from '../support/electron-stand-in';
import { useTempDir } from '../support/temp';

// The database key at rest, with the real store; standInKeyring plays Electron's safeStorage.

const CASE_ID = '00000000-0000-4000-8000-0000000000c1';
const AUTHOR = { author: 'tester' };

function expectKind<K extends KeySource['kind']>(source: KeySource, kind: K): Extract<KeySource, { kind: K }> {
  expect(source.kind).toBe(kind);
  return source as Extract<KeySource, { kind: K }>;
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('database key', () => {
  const temp = useTempDir();
  const databaseFile = () => path.join(temp.dir(), 'karte.sqlite');

  it('keeps the key file beside the store: karte.sqlite → karte.key', () => {
    expect(keyFileFor('/data/Karte/karte.sqlite')).toBe(path.resolve('/data/Karte/karte.key'));
  });

  it('generates a random key once, stores it only wrapped by the keyring, and reuses it on the next start', () => {
    const keyring = standInKeyring();
    const file = databaseFile();
    const first = expectKind(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' }), 'keyring');
    expect(first.wrappedKey).toBeNull();
    const key = keyringKey(keyring, first, 'linux');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const store = openStore(file, { ...AUTHOR, key });
    writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'ベトナム 郵便', countries: ['VN'] } }]);
    store.close();

    const keyFile = keyFileFor(file);
    const stored = fs.readFileSync(keyFile);
    expect(stored.includes(key)).toBe(false);
    expect(stored.includes(Buffer.from(key, 'hex'))).toBe(false);
    expect(stored.includes(Buffer.from(key, 'hex').toString('base64'))).toBe(false);
    expect(readKeyFile(keyFile)).toMatchObject({ method: 'keyring' });
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const second = expectKind(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' }), 'keyring');
    expect(keyringKey(keyring, second, 'linux')).toBe(key);
    expect(fs.readFileSync(keyFile)).toEqual(stored);
    const reopened = openStore(file, { ...AUTHOR, key });
    expect(readRow(reopened, 'cases', CASE_ID)?.title).toBe('ベトナム 郵便');
    reopened.close();
    expect(() => openStore(file, AUTHOR)).toThrow(/encrypted/);
  });

  it('refuses a keyring key when the keyring it was wrapped with is not there now', () => {
    const file = databaseFile();
    keyringKey(standInKeyring(), expectKind(chooseKeySource({ databaseFile: file, keyring: standInKeyring(), platform: 'linux' }), 'keyring'), 'linux');
    const plainText = standInKeyring('basic_text');
    const source = expectKind(chooseKeySource({ databaseFile: file, keyring: plainText, platform: 'linux' }), 'keyring');
    expect(() => keyringKey(plainText, source, 'linux')).toThrow(/system keyring .* not available/);
    const otherKeyring = standInKeyring();
    expect(() => keyringKey(otherKeyring, source, 'linux')).toThrow(/cannot unwrap the database key/);
  });

  it('takes the passphrase path where safeStorage would keep the key in plain text', () => {
    const file = databaseFile();
    for (const keyring of [standInKeyring('basic_text'), standInKeyring('unknown'), standInKeyring('gnome_libsecret', false)]) {
      expect(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' })).toEqual({ kind: 'passphrase', keyFile: keyFileFor(file), kdf: null, create: true });
    }
    // The backend matters on Linux only; elsewhere the OS keychain is always real when available.
    expect(chooseKeySource({ databaseFile: file, keyring: standInKeyring('basic_text'), platform: 'darwin' }).kind).toBe('keyring');
  });

  it('uses KARTE_DB_KEY when given, and opens a store made without a key file as it is', () => {
    const file = databaseFile();
    expect(chooseKeySource({ databaseFile: file, keyring: standInKeyring(), environmentKey: 'from the environment' })).toEqual({
      kind: 'environment',
      key: 'from the environment',
    });
    openStore(file, AUTHOR).close();
    expect(chooseKeySource({ databaseFile: file, keyring: standInKeyring(), platform: 'linux' })).toEqual({ kind: 'none' });
  });

  it('rejects a key file that is not one', () => {
    const file = databaseFile();
    fs.writeFileSync(keyFileFor(file), '{"method":"keyring"}');
    expect(() => chooseKeySource({ databaseFile: file, keyring: standInKeyring() })).toThrow(/is not a Karte key file/);
    fs.writeFileSync(keyFileFor(file), 'not json');
    expect(() => chooseKeySource({ databaseFile: file, keyring: standInKeyring() })).toThrow(/is not a Karte key file/);
  });

  describe('passphrase', () => {
    const keyring = standInKeyring('basic_text');
    const open = (file: string) => (key: string) => openStore(file, { ...AUTHOR, key });

    it('creates an encrypted store from a new passphrase; the key file holds the salt, never the key', async () => {
      const file = databaseFile();
      const source = expectKind(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' }), 'passphrase');
      const unlock = passphraseUnlocker(source, open(file));

      expect(await unlock('short')).toEqual({ ok: false, problem: 'too_short' });
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(source.keyFile)).toBe(false);

      const created = await unlock('海外展開カルテ 2025');
      if (!created.ok) throw new Error(created.problem);
      writeRows(created.opened, [{ table: 'cases', id: CASE_ID, values: { title: '消防 覚書', countries: ['PH'] } }]);
      created.opened.close();

      const keyFile = readKeyFile(source.keyFile);
      expect(keyFile).toMatchObject({ method: 'passphrase', kdf: { N: 2 ** 17, r: 8, p: 1 } });
      expect(fs.readFileSync(source.keyFile, 'utf8')).not.toContain('海外展開カルテ');
      expect(() => openStore(file, AUTHOR)).toThrow(/encrypted/);
      expect(() => openStore(file, { ...AUTHOR, key: '海外展開カルテ 2025' })).toThrow(/wrong encryption key/);
    });

    it('reports a wrong passphrase without touching the store, and opens it with the right one', async () => {
      const file = databaseFile();
      const create = passphraseUnlocker(expectKind(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' }), 'passphrase'), open(file));
      const created = await create('correct horse battery');
      if (!created.ok) throw new Error(created.problem);
      writeRows(created.opened, [{ table: 'cases', id: CASE_ID, values: { title: '郵便', countries: ['VN'] } }]);
      created.opened.close();
      const before = { db: sha256(file), key: sha256(keyFileFor(file)), files: fs.readdirSync(temp.dir()).sort() };

      const source: PassphraseSource = expectKind(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' }), 'passphrase');
      expect(source.create).toBe(false);
      const unlock = passphraseUnlocker(source, open(file));
      // An existing store takes any passphrase for a try: the length rule is for choosing one.
      expect(await unlock('wrong')).toEqual({ ok: false, problem: 'wrong_passphrase' });
      expect(await unlock('correct horse battery!')).toEqual({ ok: false, problem: 'wrong_passphrase' });
      expect({ db: sha256(file), key: sha256(keyFileFor(file)), files: fs.readdirSync(temp.dir()).sort() }).toEqual(before);

      const opened = await unlock('correct horse battery');
      if (!opened.ok) throw new Error(opened.problem);
      expect(readRow(opened.opened, 'cases', CASE_ID)?.title).toBe('郵便');
      opened.opened.close();
    });

    it('matches the passphrase however the input method composed its characters', async () => {
      const file = databaseFile();
      const source = expectKind(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' }), 'passphrase');
      const composed = 'ガバナンス・データベース';
      const created = await passphraseUnlocker(source, open(file))(composed);
      if (!created.ok) throw new Error(created.problem);
      created.opened.close();
      const again = expectKind(chooseKeySource({ databaseFile: file, keyring, platform: 'linux' }), 'passphrase');
      const decomposed = composed.normalize('NFD');
      expect(decomposed).not.toBe(composed);
      const opened = await passphraseUnlocker(again, open(file))(decomposed);
      expect(opened.ok).toBe(true);
      if (opened.ok) opened.opened.close();
    });
  });
});
