import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, PAGE_SIZE } from '../../electron/services/store/database';
import { MIGRATIONS } from '../../electron/services/store/migrations';
import { openStore, readRow, writeRows } from '../../electron/services/store/store';
import { TABLE_NAMES, fieldsOf } from '../../electron/services/store/tables';
import type { KarteError } from '../../shared/errors';
import { decodeHlc } from '../../shared/hlc';
import { snapshot, useTempDir } from '../support/temp';

const CASE_ID = '00000000-0000-4000-8000-000000000001';
const EVENT_ID = '00000000-0000-4000-8000-000000000002';

/** A file as an older Karte made its stores, with SQLite's 4 KiB pages (a table written fixes the size). */
function storeMadeBefore(file: string): string {
  const made = new Database(file);
  made.pragma('page_size = 4096');
  made.exec('CREATE TABLE made (x); DROP TABLE made;');
  made.close();
  return file;
}

describe('local store', () => {
  const temp = useTempDir();

  it('has a column for every field of every record schema, and no other', () => {
    const store = temp.store();
    for (const table of TABLE_NAMES) {
      const columns = (store.db.prepare(`SELECT name FROM pragma_table_xinfo('${table}') WHERE hidden = 0`).all() as { name: string }[]).map((c) => c.name);
      expect(columns.sort(), table).toEqual(fieldsOf(table).sort());
    }
  });

  it('applies migrations once, records the schema version, and uses WAL', () => {
    const file = path.join(temp.dir(), 'k.sqlite');
    openStore(file, { author: 'a' }).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps its files its owner’s alone: the folder it makes 0700, the database and its WAL 0600', () => {
    const folder = path.join(temp.dir(), 'Karte');
    const store = openStore(path.join(folder, 'karte.sqlite'), { author: 'a' });
    writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: '案件' } }]);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of [store.file, `${store.file}-wal`]) expect(fs.statSync(file).mode & 0o777, file).toBe(0o600);
    store.close();
    // A store another program left readable by others is closed to them when Karte opens it.
    fs.chmodSync(store.file, 0o644);
    openStore(store.file, { author: 'a' }).close();
    expect(fs.statSync(store.file).mode & 0o777).toBe(0o600);
  });

  it('rebuilds a store written before deletes were overwritten, so no text of a purged record survives in free pages', () => {
    const file = storeMadeBefore(path.join(temp.dir(), 'old.sqlite'));
    const store = openStore(file, { author: 'a' });
    // As an older Karte did: secure_delete off while long notes were rewritten (their old tails went to freed
    // pages), then on only for the purge that removed the record and its log. Each version is shorter than the one before, so the freed pages are not all taken again.
    store.db.pragma('secure_delete = OFF');
    for (let version = 1; version <= 4; version++)
      writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: '案件', notes: `${'経過。'.repeat(1500 * (5 - version))} OLDTEXT-${version}` } }]);
    store.db.pragma('secure_delete = ON');
    store.db.prepare('DELETE FROM cases WHERE id = ?').run(CASE_ID);
    store.db.prepare('DELETE FROM change_log WHERE rowId = ?').run(CASE_ID);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.exec(
      'DROP VIEW changes; ALTER TABLE change_log RENAME TO changes; DROP TABLE record_owners; DROP TABLE schemes; DROP TABLE offers; DROP TABLE track_records; DROP TABLE advisors; DROP TABLE advisor_contacts; ALTER TABLE organisations DROP COLUMN size; ALTER TABLE organisations DROP COLUMN location; ALTER TABLE organisations DROP COLUMN description; ALTER TABLE organisations DROP COLUMN councilMember; ' +
        'DROP TABLE questions; DROP TABLE profiles; DROP TABLE country_facts; DROP TABLE directions; ' +
        'DROP INDEX agreements_event; ALTER TABLE agreements DROP COLUMN eventId; DROP TABLE undo_writes; DROP INDEX events_visit; ALTER TABLE events DROP COLUMN visitId; DROP TABLE quarantine; DROP INDEX events_live_phases; DROP INDEX cases_project; ALTER TABLE cases DROP COLUMN project; DROP TABLE snapshot_cases; DROP TABLE snapshots; DROP TABLE plans; DROP TABLE indicators; DROP TABLE indicator_periods; DROP TABLE hurdles; DROP TABLE plan_revisions; DROP TABLE case_timelines; DROP TABLE case_timelines_stale; PRAGMA user_version = 5;',
    );
    store.close();
    const survivors = () => [1, 2, 3, 4].filter((version) => fs.readFileSync(file).includes(Buffer.from(`OLDTEXT-${version}`)));
    expect(survivors().length, 'the old store holds no stale text: the test would show nothing').toBeGreaterThan(0);
    openStore(file, { author: 'a' }).close();
    expect(survivors()).toEqual([]);
  });

  it('makes a new store with 16 KiB pages and keeps the page size of a store made before', () => {
    const made = storeMadeBefore(path.join(temp.dir(), 'made-before.sqlite'));
    const fresh = openStore(path.join(temp.dir(), 'fresh.sqlite'), { author: 'a' });
    const old = openStore(made, { author: 'a' });
    expect([fresh.db.pragma('page_size', { simple: true }), old.db.pragma('page_size', { simple: true })]).toEqual([PAGE_SIZE, 4096]);
    fresh.close();
    old.close();
  });

  it('refuses a database written by a newer schema', () => {
    const file = path.join(temp.dir(), 'k.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer Karte/);
  });

  it('writes a row and logs one change per field with one HLC timestamp, node id and author', () => {
    const store = temp.store();
    const changes = writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'ベトナム 郵便', countries: ['VN'], sector: 'postal' } }]);
    expect(changes.map((c) => c.field).sort()).toEqual(['countries', 'sector', 'title']);
    expect(new Set(changes.map((c) => c.hlc)).size).toBe(1);
    expect(decodeHlc(changes[0].hlc).node).toBe(store.node);
    const logged = store.db.prepare('SELECT author, tbl, rowId, field, value, scope FROM changes ORDER BY field').all();
    expect(logged).toEqual([
      { author: 'tester', tbl: 'cases', rowId: CASE_ID, field: 'countries', value: '["VN"]', scope: 'council' },
      { author: 'tester', tbl: 'cases', rowId: CASE_ID, field: 'sector', value: '"postal"', scope: 'council' },
      { author: 'tester', tbl: 'cases', rowId: CASE_ID, field: 'title', value: '"ベトナム 郵便"', scope: 'council' },
    ]);
    expect(readRow(store, 'cases', CASE_ID)).toMatchObject({ title: 'ベトナム 郵便', countries: ['VN'], status: 'active', priority: false });
    expect(store.db.prepare('SELECT iso2 FROM case_countries WHERE caseId = ?').all(CASE_ID)).toEqual([{ iso2: 'VN' }]);
    // The creation is one row of the log; a later edit, one row per field.
    expect(store.db.prepare('SELECT field FROM change_log').pluck().all()).toEqual(['']);
    writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'ベトナム 郵便近代化', sector: 'ict' } }]);
    expect(store.db.prepare("SELECT field FROM change_log WHERE field <> '' ORDER BY field").pluck().all()).toEqual(['sector', 'title']);
    expect(store.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(5);
  });

  it('logs only the fields that changed, later than every earlier change', () => {
    const store = temp.store();
    const [first] = writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'A', countries: ['VN'] } }]);
    expect(writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'A' } }])).toEqual([]);
    const changes = writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'B', countries: ['VN', 'TH'] } }]);
    expect(changes.map((c) => c.field).sort()).toEqual(['countries', 'title']);
    expect(changes[0].hlc > first.hlc).toBe(true);
    expect(store.db.prepare('SELECT iso2 FROM case_countries WHERE caseId = ? ORDER BY iso2').all(CASE_ID)).toEqual([{ iso2: 'TH' }, { iso2: 'VN' }]);
  });

  it('keeps the clock ahead of the log across reopening, even if the wall clock went back', () => {
    const file = path.join(temp.dir(), 'k.sqlite');
    const first = openStore(file, { author: 'a', now: () => Date.parse('2030-01-01T00:00:00Z') });
    const [early] = writeRows(first, [{ table: 'cases', id: CASE_ID, values: { title: 'A' } }]);
    first.close();
    const second = openStore(file, { author: 'a', now: () => Date.parse('2020-01-01T00:00:00Z') });
    const [late] = writeRows(second, [{ table: 'cases', id: CASE_ID, values: { title: 'B' } }]);
    second.close();
    expect(late.hlc > early.hlc).toBe(true);
  });

  it('validates the whole record and writes nothing of a batch with one bad write', () => {
    const store = temp.store();
    writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'A' } }]);
    const before = snapshot(store);
    expect(() =>
      writeRows(store, [
        { table: 'cases', id: CASE_ID, values: { title: 'changed' } },
        { table: 'events', id: EVENT_ID, values: { caseId: CASE_ID, phase: 'signing' as never, text: 'x' } },
      ]),
    ).toThrow(/events 00000000-0000-4000-8000-000000000002: phase: Invalid option/);
    expect(snapshot(store)).toEqual(before);
  });

  it('writes one record twice in a batch as two edits, the second over what the first left', () => {
    const store = temp.store();
    const changes = writeRows(store, [
      { table: 'cases', id: CASE_ID, values: { title: 'A', countries: ['VN'] } },
      { table: 'cases', id: CASE_ID, values: { title: 'B' } },
    ]);
    const second = changes.at(-1);
    expect(second).toMatchObject({ field: 'title', value: 'B', prev: changes[0].hlc });
    expect(changes.filter((c) => c.hlc === second?.hlc)).toHaveLength(1);
    expect(readRow(store, 'cases', CASE_ID)).toMatchObject({ title: 'B', countries: ['VN'] });
  });

  it('refuses a value past 256 KiB by its field, and a record past 1 MiB in all, writing nothing of the batch', () => {
    const store = temp.store();
    writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'A' } }]);
    const before = snapshot(store);
    const refusal = (values: Record<string, string>, id = CASE_ID) => {
      try {
        writeRows(store, [
          { table: 'events', id: EVENT_ID, values: { caseId: CASE_ID, phase: 'consultation', text: '協議' } },
          { table: 'cases', id, values: { title: '新', ...values } },
        ]);
      } catch (error) {
        return error as KarteError;
      }
      throw new Error('written');
    };
    // Three bytes a character in UTF-8: 90,000 are past 256 KiB; five fields of 80,000 each fit alone, not together.
    expect(refusal({ summary: '議'.repeat(90_000) })).toMatchObject({ code: 'value_too_long', details: { table: 'cases', record: CASE_ID, field: 'summary' } });
    const large = Object.fromEntries(['summary', 'futurePolicy', 'notes', 'nextAction', 'financing'].map((field) => [field, '議'.repeat(80_000)]));
    expect(refusal(large)).toMatchObject({ code: 'record_too_large', details: { table: 'cases', record: CASE_ID } });
    // A new record is measured by its logged creation first, and refused all the same.
    const NEW_ID = 'cccccccc-0000-4000-8000-00000000000c';
    expect(refusal({ summary: '議'.repeat(90_000) }, NEW_ID)).toMatchObject({ code: 'value_too_long', details: { record: NEW_ID, field: 'summary' } });
    expect(refusal(large, NEW_ID)).toMatchObject({ code: 'record_too_large', details: { record: NEW_ID } });
    expect(snapshot(store)).toEqual(before);
  });

  it('encrypts the file: unreadable without the key or with a wrong one, readable with it', () => {
    const file = path.join(temp.dir(), 'secret.sqlite');
    const store = openStore(file, { author: 'a', key: 'correct horse' });
    writeRows(store, [{ table: 'cases', id: CASE_ID, values: { title: 'SECRET-CASE-TITLE 機密案件' } }]);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();

    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from('SECRET-CASE-TITLE'))).toBe(false);
    expect(() => openStore(file, { author: 'a' })).toThrow(/encrypted \(give its key\)/);
    expect(() => openStore(file, { author: 'a', key: 'wrong' })).toThrow(/wrong encryption key/);

    const reopened = openStore(file, { author: 'a', key: 'correct horse' });
    expect(readRow(reopened, 'cases', CASE_ID)?.title).toBe('SECRET-CASE-TITLE 機密案件');
    reopened.close();
  });

  it('stores a plain file readable by any SQLite when no key is given', () => {
    const file = path.join(temp.dir(), 'plain.sqlite');
    openStore(file, { author: 'a' }).close();
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });
});
