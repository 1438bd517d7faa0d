import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDossier } from '../../electron/services/dossiers';
import type { AgreementCandidate } from '../../shared/views';
import { karte, karteJson } from '../support/cli';
import { demoFiles, useTempDir, withStore } from '../support/temp';

// `karte agreements suggest --country VN [--json] [--accept-all]`: the events the app would register as agreements,
// through the same API as the timeline's 「協定として登録」.

describe('karte agreements suggest', () => {
  const temp = useTempDir();

  it("lists Vietnam's MoU signings, registers them all with --accept-all, and never twice", () => {
    const db = path.join(temp.dir(), 'cli.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);

    const suggested = karteJson<AgreementCandidate[]>(['--db', db, 'agreements', 'suggest', '--country', 'VN']);
    expect(suggested.length).toBeGreaterThanOrEqual(8);
    expect(suggested.every((c) => c.agreementId === null)).toBe(true);
    const text = karte(['--db', db, 'agreements', 'suggest', '--country', 'vn']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/2018年8月\s+覚書（MoU）\s+局長間\s+署名済み\s+—\s+.*局長間で覚書に署名/);
    withStore(db, 'reader', (store) => expect(openDossier(store, 'VN').agreements).toEqual([]));

    const accepted = karte(['--db', db, 'agreements', 'suggest', '--country', 'VN', '--accept-all']);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain(`registered ${suggested.length} agreement(s); 0 were registered already`);
    const marked = karteJson<AgreementCandidate[]>(['--db', db, 'agreements', 'suggest', '--country', 'VN']);
    expect(marked.map((c) => c.eventId)).toEqual(suggested.map((c) => c.eventId));
    expect(marked.every((c) => c.agreementId !== null)).toBe(true);

    const again = karte(['--db', db, 'agreements', 'suggest', '--country', 'VN', '--accept-all']);
    expect(again.stdout).toContain('nothing to register: every one is registered already');
    withStore(db, 'reader', (store) => {
      const listed = openDossier(store, 'VN').agreements;
      expect(listed.map((a) => a.id).sort()).toEqual(marked.map((c) => c.agreementId).sort());
      expect(listed.map((a) => a.eventId).sort()).toEqual(marked.map((c) => c.eventId).sort());
      // Logged as the author the command ran as, like every other write.
      expect(store.db.prepare("SELECT DISTINCT author FROM changes WHERE tbl = 'agreements'").pluck().all()).toEqual(['cli-tester']);
    });
  });

  it('refuses an unknown country', () => {
    const db = path.join(temp.dir(), 'empty.sqlite');
    const result = karte(['--db', db, 'agreements', 'suggest', '--country', 'XX']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("unknown country code 'XX'");
  });
});
