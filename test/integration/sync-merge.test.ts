import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCases } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { search } from '../../electron/services/search';
import { applyRemoteChanges } from '../../electron/services/sync/apply';
import { listConflicts, resolveConflict } from '../../electron/services/sync/conflicts';
import { purgeRecords } from '../../electron/services/sync/purge';
import { quarantinedChanges } from '../../electron/services/sync/quarantine';
import { dossierIdOfCountry } from '../../electron/services/dossiers';
import { localChangesSince, outbox, outboxCount, readSyncState, recordPulled, recordPushed } from '../../electron/services/sync/outbox';
import { readRow, writeRows } from '../../electron/services/store/store';
import { deliver, replicaState, useReplicas, type Replica } from '../support/replicas';
import { DEMO_DIR } from '../support/temp';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const EVENT_ID = '22222222-2222-4222-8222-222222222222';
const T0 = Date.UTC(2026, 0, 1);

describe('sync merge between two real stores', () => {
  const replica = useReplicas();

  /** Alice creates a case and Bob receives it: the common starting point of each scenario. */
  function twoReplicasSharingACase(): { alice: Replica; bob: Replica } {
    const alice = replica('alice');
    const bob = replica('bob');
    writeRows(alice.store, [
      { table: 'cases', id: CASE_ID, values: { title: 'ベトナム 郵便', countries: ['VN'], summary: '第一文。第二文。第三文。' } },
      { table: 'events', id: EVENT_ID, values: { caseId: CASE_ID, phase: 'consultation', text: '局長間協議。' } },
    ]);
    deliver(alice.store, bob.store);
    return { alice, bob };
  }

  /** Offline: Alice edits status and title, Bob (later) edits status and priority. */
  function concurrentEdits({ alice, bob }: { alice: Replica; bob: Replica }): void {
    alice.setTime(T0 + 60_000);
    writeRows(alice.store, [{ table: 'cases', id: CASE_ID, values: { status: 'on_hold', title: 'ベトナム 郵便近代化' } }]);
    bob.setTime(T0 + 120_000);
    writeRows(bob.store, [{ table: 'cases', id: CASE_ID, values: { status: 'won', priority: true, countries: ['VN', 'LA'] } }]);
  }

  it('creates remote records with their derived tables (countries, search)', () => {
    const { alice, bob } = twoReplicasSharingACase();
    expect(readRow(bob.store, 'cases', CASE_ID)).toEqual(readRow(alice.store, 'cases', CASE_ID));
    expect(readRow(bob.store, 'events', EVENT_ID)).toMatchObject({ caseId: CASE_ID, text: '局長間協議。' });
    expect(bob.store.db.prepare('SELECT iso2 FROM case_countries WHERE caseId = ?').all(CASE_ID)).toEqual([{ iso2: 'VN' }]);
    expect(search(bob.store, '郵便').hits.map((h) => h.id)).toEqual([CASE_ID]);
    expect(replicaState(bob.store)).toEqual(replicaState(alice.store));
  });

  for (const order of ['alice first', 'bob first'] as const) {
    it(`same field and different fields edited offline end identical, exchanged ${order}; the loser keeps a conflict`, () => {
      const pair = twoReplicasSharingACase();
      const { alice, bob } = pair;
      concurrentEdits(pair);
      if (order === 'alice first') {
        deliver(alice.store, bob.store);
        deliver(bob.store, alice.store);
      } else {
        deliver(bob.store, alice.store);
        deliver(alice.store, bob.store);
      }
      expect(replicaState(alice.store)).toEqual(replicaState(bob.store));
      expect(readRow(alice.store, 'cases', CASE_ID)).toMatchObject({ status: 'won', title: 'ベトナム 郵便近代化', priority: true, countries: ['VN', 'LA'] });
      expect(alice.store.db.prepare('SELECT iso2 FROM case_countries WHERE caseId = ? ORDER BY iso2').all(CASE_ID)).toEqual([{ iso2: 'LA' }, { iso2: 'VN' }]);

      const [conflict, ...more] = listConflicts(alice.store);
      expect(more).toEqual([]);
      expect(conflict).toMatchObject({
        table: 'cases',
        rowId: CASE_ID,
        field: 'status',
        mine: { value: 'on_hold', author: 'alice' },
        theirs: { value: 'won', author: 'bob' },
        base: 'active',
        resolvedAt: null,
      });
      expect(listConflicts(bob.store)).toEqual([]);
    });
  }

  it('an edit made after receiving the other side’s value is no conflict', () => {
    const { alice, bob } = twoReplicasSharingACase();
    alice.setTime(T0 + 60_000);
    writeRows(alice.store, [{ table: 'cases', id: CASE_ID, values: { status: 'on_hold' } }]);
    deliver(alice.store, bob.store);
    bob.setTime(T0 + 120_000);
    writeRows(bob.store, [{ table: 'cases', id: CASE_ID, values: { status: 'won' } }]);
    deliver(bob.store, alice.store);
    expect(readRow(alice.store, 'cases', CASE_ID)?.status).toBe('won');
    expect(listConflicts(alice.store)).toEqual([]);
  });

  it('resolving a conflict writes a change that syncs, and closes it', () => {
    const pair = twoReplicasSharingACase();
    const { alice, bob } = pair;
    concurrentEdits(pair);
    deliver(bob.store, alice.store);
    const [conflict] = listConflicts(alice.store);
    alice.setTime(T0 + 180_000);
    resolveConflict(alice.store, conflict.id, 'mine');
    expect(listConflicts(alice.store)).toEqual([]);
    expect(listConflicts(alice.store, { all: true })[0]).toMatchObject({ resolution: 'mine', resolvedAt: new Date(T0 + 180_000).toISOString() });
    expect(() => resolveConflict(alice.store, conflict.id, 'theirs')).toThrow(/already resolved/);
    deliver(alice.store, bob.store);
    expect(readRow(bob.store, 'cases', CASE_ID)?.status).toBe('on_hold');
    expect(listConflicts(bob.store)).toEqual([]);
    expect(replicaState(alice.store)).toEqual(replicaState(bob.store));
  });

  it('keeping theirs does not bring back a value their side has since replaced', () => {
    const pair = twoReplicasSharingACase();
    const { alice, bob } = pair;
    concurrentEdits(pair);
    deliver(bob.store, alice.store);
    const [conflict] = listConflicts(alice.store);
    expect(conflict).toMatchObject({ field: 'status', mine: { value: 'on_hold' }, theirs: { value: 'won' } });
    // Bob moves on from 'won' before Alice gets to the conflict.
    bob.setTime(T0 + 150_000);
    writeRows(bob.store, [{ table: 'cases', id: CASE_ID, values: { status: 'dropped' } }]);
    deliver(bob.store, alice.store);
    expect(readRow(alice.store, 'cases', CASE_ID)?.status).toBe('dropped');
    alice.setTime(T0 + 180_000);
    resolveConflict(alice.store, conflict.id, 'theirs');
    expect(listConflicts(alice.store)).toEqual([]);
    expect(readRow(alice.store, 'cases', CASE_ID)?.status).toBe('dropped');
    deliver(alice.store, bob.store);
    expect(readRow(bob.store, 'cases', CASE_ID)?.status).toBe('dropped');
  });

  it('will not keep mine over a value their side wrote after the conflict, unseen here', () => {
    const pair = twoReplicasSharingACase();
    const { alice, bob } = pair;
    concurrentEdits(pair);
    deliver(bob.store, alice.store);
    const [conflict] = listConflicts(alice.store);
    bob.setTime(T0 + 150_000);
    writeRows(bob.store, [{ table: 'cases', id: CASE_ID, values: { status: 'dropped' } }]);
    deliver(bob.store, alice.store);
    alice.setTime(T0 + 180_000);
    expect(() => resolveConflict(alice.store, conflict.id, 'mine')).toThrow(/bob has changed status again since \(now "dropped"\)/);
    expect(() => resolveConflict(alice.store, conflict.id, { merged: 'active' })).toThrow(/changed status again/);
    expect(readRow(alice.store, 'cases', CASE_ID)?.status).toBe('dropped');
    expect(listConflicts(alice.store)).toHaveLength(1);
  });

  it('merges concurrent edits of different sentences of a narrative field, with no conflict, and converges', () => {
    const { alice, bob } = twoReplicasSharingACase();
    alice.setTime(T0 + 60_000);
    writeRows(alice.store, [
      { table: 'cases', id: CASE_ID, values: { summary: '第一文を改訂。第二文。第三文。' } },
      { table: 'events', id: EVENT_ID, values: { text: '局長間協議を延期。' } },
    ]);
    bob.setTime(T0 + 120_000);
    writeRows(bob.store, [
      { table: 'cases', id: CASE_ID, values: { summary: '第一文。第二文。第三文を改訂。' } },
      { table: 'events', id: EVENT_ID, values: { text: '次官級協議。' } },
    ]);
    const result = deliver(bob.store, alice.store);
    expect(result).toMatchObject({ merged: 1, conflicts: 1 });
    deliver(alice.store, bob.store);
    deliver(bob.store, alice.store);

    expect(replicaState(alice.store)).toEqual(replicaState(bob.store));
    expect(readRow(bob.store, 'cases', CASE_ID)?.summary).toBe('第一文を改訂。第二文。第三文を改訂。');
    expect(search(bob.store, '第三文を改訂').hits.map((h) => h.id)).toEqual([CASE_ID]);
    // The event text: both rewrote the same sentence, so it waits for a person on the side that lost.
    expect(listConflicts(alice.store).map((c) => [c.field, c.mine.value, c.theirs.value, c.base])).toEqual([['text', '局長間協議を延期。', '次官級協議。', '局長間協議。']]);
    expect(listConflicts(alice.store, { all: true }).find((c) => c.field === 'summary')?.resolution).toBe('auto-merged');
    expect(listConflicts(bob.store)).toEqual([]);
  });

  it('a retried or duplicated batch changes nothing', () => {
    const pair = twoReplicasSharingACase();
    const { alice, bob } = pair;
    concurrentEdits(pair);
    const batch = localChangesSince(bob.store, 0).changes;
    applyRemoteChanges(alice.store, batch);
    const after = replicaState(alice.store);
    const conflicts = listConflicts(alice.store, { all: true });
    expect(applyRemoteChanges(alice.store, [...batch, ...batch])).toEqual({ applied: 0, duplicates: batch.length * 2, quarantined: 0, conflicts: 0, merged: 0 });
    expect(replicaState(alice.store)).toEqual(after);
    expect(listConflicts(alice.store, { all: true })).toEqual(conflicts);
  });

  it('keeps aside, with the reason, each change it cannot apply, and applies the rest of the batch', () => {
    const pair = twoReplicasSharingACase();
    const { alice, bob } = pair;
    concurrentEdits(pair);
    const batch = localChangesSince(bob.store, 0).changes;
    const bad = [
      { ...batch[2], field: 'status', value: 'sold', hlc: batch[2].hlc.replace(/-\w{4}-/, '-00f1-') },
      { ...batch[0], table: 'invoices' },
      { ...batch[0], hlc: 'yesterday' },
      { ...batch[0], field: 'id' },
      { ...batch[0], rowId: "x'); DELETE FROM records;--" },
      'not even an object',
    ];
    const result = applyRemoteChanges(alice.store, [...bad.slice(0, 3), ...batch, ...bad.slice(3)]);
    expect(result).toMatchObject({ applied: batch.length, quarantined: bad.length });
    expect(quarantinedChanges(alice.store).map((q) => q.reason)).toEqual([
      expect.stringMatching(/invalid value for cases.status/),
      expect.stringMatching(/unknown table 'invoices'/),
      expect.stringMatching(/hlc: not an HLC timestamp/),
      expect.stringMatching(/unknown field 'id' of cases/),
      expect.stringMatching(/rowId: expected a record id/),
      expect.stringMatching(/not a valid change/),
    ]);
    // Everything else arrived as if the bad changes had never been there.
    applyRemoteChanges(bob.store, localChangesSince(alice.store, 0).changes);
    expect(replicaState(alice.store)).toEqual(replicaState(bob.store));
    // Kept once, however often the same bad change comes again.
    expect(applyRemoteChanges(alice.store, bad)).toMatchObject({ applied: 0, quarantined: bad.length });
    expect(quarantinedChanges(alice.store)).toHaveLength(bad.length);
  });

  it('holds changes of a record whose creation has not arrived, and builds it when it does', () => {
    const { alice } = twoReplicasSharingACase();
    const carol = replica('carol');
    const all = localChangesSince(alice.store, 0).changes;
    alice.setTime(T0 + 60_000);
    writeRows(alice.store, [{ table: 'cases', id: CASE_ID, values: { notes: 'later' } }]);
    const later = localChangesSince(alice.store, 0).changes.slice(all.length);
    applyRemoteChanges(carol.store, later);
    expect(readRow(carol.store, 'cases', CASE_ID)).toBeUndefined();
    applyRemoteChanges(carol.store, all);
    expect(replicaState(carol.store)).toEqual(replicaState(alice.store));
  });

  it('takes nothing again when its own creations come back from the server, though each is one row of its log', () => {
    const { alice } = twoReplicasSharingACase();
    const own = localChangesSince(alice.store, 0).changes;
    const rows = alice.store.db.prepare('SELECT field FROM change_log WHERE rowId IN (?, ?)').pluck().all(CASE_ID, EVENT_ID);
    expect(rows).toEqual(['', '']);
    expect(own.length).toBeGreaterThan(rows.length);
    const before = replicaState(alice.store);
    expect(applyRemoteChanges(alice.store, own)).toEqual({ applied: 0, duplicates: own.length, quarantined: 0, conflicts: 0, merged: 0 });
    expect(replicaState(alice.store)).toEqual(before);
  });

  it('sends a creation whole: a batch ends before a creation that would not fit, and the next takes it', () => {
    const alice = replica('alice');
    const ids = [CASE_ID, '33333333-3333-4333-8333-333333333333'];
    writeRows(
      alice.store,
      ids.map((id, i) => ({ table: 'cases', id, values: { title: `案件${i}`, countries: ['VN'], summary: `概要${i}` } })),
    );
    const first = outbox(alice.store, 4);
    expect(first.changes.map((c) => c.rowId)).toEqual([CASE_ID, CASE_ID, CASE_ID]);
    expect(first.changes.map((c) => c.field).sort()).toEqual(['countries', 'summary', 'title']);
    recordPushed(alice.store, first.lastSeq);
    const second = outbox(alice.store, 4);
    expect(second.changes.map((c) => c.rowId)).toEqual([ids[1], ids[1], ids[1]]);
    expect(outboxCount(alice.store)).toBe(3);
    recordPushed(alice.store, second.lastSeq);
    expect(outbox(alice.store, 4).changes).toEqual([]);
  });

  it('the outbox holds only this device’s changes after the last acknowledged push', () => {
    const pair = twoReplicasSharingACase();
    const { alice, bob } = pair;
    expect(outboxCount(bob.store)).toBe(0);
    concurrentEdits(pair);
    deliver(alice.store, bob.store);
    const pending = outbox(bob.store);
    expect(pending.changes.map((c) => c.field).sort()).toEqual(['countries', 'priority', 'status']);
    expect(outboxCount(bob.store)).toBe(3);
    expect(outbox(bob.store, 2).changes).toHaveLength(2);
    recordPushed(bob.store, pending.lastSeq);
    recordPushed(bob.store, 1);
    recordPulled(bob.store, 'cursor-42');
    expect(readSyncState(bob.store)).toEqual({ lastPushedSeq: pending.lastSeq, lastPulledCursor: 'cursor-42' });
    expect(outbox(bob.store).changes).toEqual([]);
  });
});

describe('replicas that imported the same file on their own', () => {
  const replica = useReplicas();

  /** Two devices import the Vietnam dossier without syncing first. */
  function twoImports(): { a: Replica; b: Replica } {
    const a = replica('a');
    const b = replica('b');
    importKarteFiles(a.store, [path.join(DEMO_DIR, 'vietnam.json')]);
    b.setTime(Date.UTC(2026, 0, 2));
    importKarteFiles(b.store, [path.join(DEMO_DIR, 'vietnam.json')]);
    return { a, b };
  }

  it('keeps each store’s cases apart: both copies everywhere, nothing overwritten, no conflicts', () => {
    const { a, b } = twoImports();
    const casesOf = (r: Replica) => listCases(r.store, { country: 'VN' }).map((c) => c.id);
    const [mine, theirs] = [casesOf(a), casesOf(b)];
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    expect(deliver(a.store, b.store)).toMatchObject({ conflicts: 0, merged: 0 });
    expect(deliver(b.store, a.store)).toMatchObject({ conflicts: 0, merged: 0 });
    expect(casesOf(a).sort()).toEqual([...mine, ...theirs].sort());
    expect(replicaState(a.store)).toEqual(replicaState(b.store));
  });

  it('takes an edit of the country’s dossier, which both created alike, as seen, not as a conflict', () => {
    const { a, b } = twoImports();
    const dossierId = dossierIdOfCountry('VN');
    a.setTime(Date.UTC(2026, 0, 3));
    writeRows(a.store, [{ table: 'dossiers', id: dossierId, values: { title: 'ベトナム社会主義共和国' } }]);
    expect(deliver(a.store, b.store)).toMatchObject({ conflicts: 0, merged: 0 });
    expect(deliver(b.store, a.store)).toMatchObject({ conflicts: 0, merged: 0 });
    expect(listConflicts(b.store)).toEqual([]);
    expect(readRow(b.store, 'dossiers', dossierId)?.title).toBe('ベトナム社会主義共和国');
    expect(replicaState(a.store)).toEqual(replicaState(b.store));
  });

  it('merges concurrent edits of different sentences from a text both wrote alike', () => {
    const { a, b } = twoImports();
    const dossierId = dossierIdOfCountry('VN');
    // Two desks paste the same paragraph of the action plan, each on their own.
    const shared = '郵便分野で協力を進める。放送分野で協力を進める。';
    for (const r of [a, b]) writeRows(r.store, [{ table: 'dossiers', id: dossierId, values: { overview: shared } }]);
    a.setTime(Date.UTC(2026, 0, 3));
    writeRows(a.store, [{ table: 'dossiers', id: dossierId, values: { overview: `改訂：${shared}` } }]);
    b.setTime(Date.UTC(2026, 0, 4));
    writeRows(b.store, [{ table: 'dossiers', id: dossierId, values: { overview: `${shared}（継続）` } }]);
    deliver(a.store, b.store);
    deliver(b.store, a.store);
    // The merge is a new change of the device that made it; it travels like any other.
    deliver(a.store, b.store);
    expect(readRow(a.store, 'dossiers', dossierId)?.overview).toBe(`改訂：${shared}（継続）`);
    expect(listConflicts(a.store).filter((c) => c.resolvedAt === null)).toEqual([]);
    expect(listConflicts(b.store).filter((c) => c.resolvedAt === null)).toEqual([]);
    expect(replicaState(a.store)).toEqual(replicaState(b.store));
  });
});

describe('a purge and the outbox', () => {
  const replica = useReplicas();

  it('never hands a later change a sequence number at or below the last one pushed', () => {
    const { store } = replica('purged');
    writeRows(store, [{ table: 'cases', id: 'aaaaaaaa-0000-4000-8000-0000000000a1', values: { title: '残る案件' } }]);
    writeRows(store, [{ table: 'cases', id: 'aaaaaaaa-0000-4000-8000-0000000000a2', values: { title: '消える案件', summary: '概要' } }]);
    const pushed = outbox(store, 100);
    recordPushed(store, pushed.lastSeq);
    // The newest changes of the log go with the purged record.
    expect(purgeRecords(store, [{ table: 'cases', rowId: 'aaaaaaaa-0000-4000-8000-0000000000a2' }])).toBe(1);
    expect(outboxCount(store)).toBe(0);
    writeRows(store, [{ table: 'cases', id: 'aaaaaaaa-0000-4000-8000-0000000000a1', values: { summary: '後からの編集' } }]);
    const next = outbox(store, 100);
    expect(next.changes.map((c) => c.value)).toEqual(['後からの編集']);
    expect(next.lastSeq).toBeGreaterThan(pushed.lastSeq);
  });
});
