import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createCase, updateCase } from '../../electron/services/cases';
import { caseHistory, fullNameInPasswd, localAuthorName } from '../../electron/services/history';
import { writeMeta } from '../../electron/services/sync/client';
import { sealToken } from '../../electron/services/sync/sealed-token';
import { logChange } from '../../electron/services/store/store';
import { stepOf, undoStep } from '../../electron/services/undo';
import { useTempDir } from '../support/temp';

// Who the history names and which of its lines were undos.

describe('case history', () => {
  const temp = useTempDir();

  it('names this device own changes by its sync account, others by the login the log holds', () => {
    const store = temp.store();
    const { id } = createCase(store, { title: 'ベトナム 郵便', countries: ['VN'] });
    // A colleague's change, as a pull brings it.
    logChange(store, {
      hlc: '2030-01-01T00:00:00.000Z-0000-00000000000000c1',
      author: 'suzuki',
      table: 'cases',
      rowId: id,
      field: 'summary',
      value: '概要',
      scope: 'internal',
      prev: null,
    });

    // Before any sign-in: the store's author is not the OS user here (KARTE_USER), so the login stands.
    expect(caseHistory(store, id).map((e) => [e.author, e.authorName])).toContainEqual(['tester', 'tester']);

    writeMeta(store, 'sync.account', { server: 'https://karte.example.go.jp', login: 'tanaka.taro', token: sealToken(store, 'token') });
    const names = caseHistory(store, id).map((e) => [e.author, e.authorName]);
    expect(names).toContainEqual(['tester', 'tanaka.taro']);
    expect(names).toContainEqual(['suzuki', 'suzuki']);
  });

  it('names the OS user by the full name the system keeps, else by the login', () => {
    expect(fullNameInPasswd('root:x:0:0:root:/root:/bin/bash\ntanaka:x:1000:1000:田中 太郎,,,:/home/tanaka:/bin/bash\n', 'tanaka')).toBe('田中 太郎');
    expect(fullNameInPasswd('tanaka:x:1000:1000::/home/tanaka:/bin/bash\n', 'tanaka')).toBe('');
    expect(fullNameInPasswd('tanaka2:x:1000:1000:Other:/home/tanaka2:/bin/bash\n', 'tanaka')).toBe('');

    const login = os.userInfo().username;
    const store = temp.store();
    store.author = login;
    const expected = process.platform === 'linux' ? fullNameInPasswd(execFileSync('getent', ['passwd', login], { encoding: 'utf8' }), login) || login : undefined;
    if (expected !== undefined) expect(localAuthorName(store)).toBe(expected);
    else expect(localAuthorName(store)).not.toBe('');
  });

  it('marks the writes of an undo, and only those', () => {
    const store = temp.store();
    const { id } = createCase(store, { title: 'ベトナム 郵便', countries: ['VN'] });
    const edit = updateCase(store, id, { status: 'on_hold' });
    updateCase(store, id, { summary: '概要' });
    expect(undoStep(store, stepOf(edit))).toMatchObject({ table: 'cases', rowId: id, fields: ['status'] });

    const status = caseHistory(store, id).filter((e) => e.field === 'status');
    expect(status.map((e) => [e.old, e.value, e.undo])).toEqual([
      ['active', 'on_hold', false],
      ['on_hold', 'active', true],
    ]);
    expect(caseHistory(store, id).filter((e) => e.undo)).toHaveLength(1);
  });
});
