import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { decodeHlc } from '../../shared/hlc';
import { CASE_PARTS } from '../../shared/model/records';
import type { HistoryEntry } from '../../shared/views';
import { resolveId } from './record-ids';
import { statement } from './store/database';
import type { Store } from './store/store';
import { TABLES, type TableName } from './store/tables';
import { readAccount } from './sync/client';

/** The change log of a case and its parts (events, its plan and the plan's parts), oldest first, each change with the value it replaced. */
export function caseHistory(store: Store, caseIdOrPrefix: string): HistoryEntry[] {
  const caseId = resolveId(store, 'cases', caseIdOrPrefix);
  const rows = statement(
    store.db,
    `SELECT hlc, author, tbl, rowId, field, value,
            LAG(value) OVER (PARTITION BY rowId, field ORDER BY hlc) AS old,
            hlc = MIN(hlc) OVER (PARTITION BY rowId) AS created,
            EXISTS (SELECT 1 FROM undo_writes u WHERE u.hlc = changes.hlc) AS undo
       FROM changes
      WHERE rowId = ? OR rowId IN (${CASE_PARTS.map((table) => `SELECT id FROM ${table} WHERE caseId = ?`).join(' UNION ALL ')})
      ORDER BY hlc`,
  ).all(caseId, ...CASE_PARTS.map(() => caseId)) as {
    hlc: string;
    author: string;
    tbl: TableName;
    rowId: string;
    field: string;
    value: string;
    old: string | null;
    created: number;
    undo: number;
  }[];
  const ownName = localAuthorName(store);
  return rows.map((row) => {
    const clock = decodeHlc(row.hlc);
    return {
      hlc: row.hlc,
      at: new Date(clock.millis).toISOString(),
      author: row.author,
      authorName: row.author === store.author ? ownName : row.author,
      undo: row.undo === 1,
      node: clock.node,
      table: row.tbl,
      rowId: row.rowId,
      field: row.field,
      created: row.created === 1,
      // A field's first change after creation replaced the default it was created with.
      old: row.old === null ? (TABLES[row.tbl].defaults as Record<string, unknown>)[row.field] : JSON.parse(row.old),
      value: JSON.parse(row.value),
    };
  });
}

/**
 * Marks the writes of an undo (their timestamps) for the history. In the caller's transaction, so the mark lands
 * with the writes.
 */
export function markUndoWrites(store: Store, hlcs: readonly string[]): void {
  const mark = statement(store.db, 'INSERT OR IGNORE INTO undo_writes (hlc) VALUES (?)');
  for (const hlc of hlcs) mark.run(hlc);
}

/**
 * Whom this device's own changes are shown as: they are logged under its login (root, tanaka01), which names
 * nobody a colleague knows. The sync account's login is the name the server gives them once sent; before any
 * sign-in, the OS user's full name where the system keeps one; else the login.
 */
export function localAuthorName(store: Store): string {
  const account = readAccount(store);
  return account?.login ?? osFullName(store.author) ?? store.author;
}

const fullNames = new Map<string, string | null>();

/**
 * The full name of the OS user logged in as `login` (the passwd GECOS field; macOS's account name), asked once per
 * process; null when the store's author is not the OS user (KARTE_USER) or the system keeps no name. Windows keeps
 * it in the directory, asked only through PowerShell, too slow here: the login stands there.
 */
function osFullName(login: string): string | null {
  if (!fullNames.has(login)) {
    let name: string | null = null;
    try {
      if (os.userInfo().username === login) name = readFullName(login) || null;
    } catch {
      // No passwd entry, no `id`: the login stands.
    }
    fullNames.set(login, name);
  }
  return fullNames.get(login) ?? null;
}

function readFullName(login: string): string {
  if (process.platform === 'darwin') return execFileSync('id', ['-F'], { encoding: 'utf8', timeout: 3000 }).trim();
  if (process.platform === 'win32') return '';
  return fullNameInPasswd(fs.readFileSync('/etc/passwd', 'utf8'), login);
}

/** The full name a passwd file gives a login: its GECOS field's first part (name:password:uid:gid:GECOS:home:shell). */
export function fullNameInPasswd(passwd: string, login: string): string {
  const entry = passwd.split('\n').find((line) => line.startsWith(`${login}:`));
  return entry?.split(':')[4]?.split(',')[0]?.trim() ?? '';
}
