import { describe, expect, it } from 'vitest';
import { startupFailureText } from '../../electron/main-startup-error';
import { KarteError } from '../../shared/errors';

// The dialog the desktop app shows when it cannot start: the user's words and what to do, never the developer's.

describe('the start-up failure dialog', () => {
  it('words a known error by its code, in Japanese first and English after', () => {
    const text = startupFailureText(new KarteError('store_locked', 'file is not a database: SQLITE_NOTADB'));
    expect(text).toMatch(/^Karteを開始できません。データベースを開けません。/);
    expect(text).toContain('Karte cannot start.');
    expect(text).not.toContain('SQLITE_NOTADB');
  });

  it('gives the general text for a fault without a code, and keeps the exception off the screen', () => {
    const text = startupFailureText(new Error("ENOENT: no such file or directory, open '/opt/Karte/resources/app.asar'"));
    expect(text).toContain('予期しないエラーが起きました。');
    expect(text).not.toMatch(/ENOENT|app\.asar/);
  });

  it('gives the general text where the code’s text needs details the start-up does not have', () => {
    const text = startupFailureText(new KarteError('not_found', 'cases x: not found', { table: 'cases', record: 'x' }));
    expect(text).not.toContain('{{');
    expect(text).toContain('予期しないエラーが起きました。');
  });
});
