import type pg from 'pg';
import type { Scope } from '../shared/scopes';
import type { SyncChange } from '../shared/sync/change';
import { appliedChange, clockRefusal } from '../shared/sync/change-rules';
import { nodeOf } from '../shared/sync/merge';
import type { PushResult } from '../shared/sync/protocol';
import type { Session } from './accounts';
import { MEMBER_FIELD, MEMBER_PARTS, mayHold, profileRefusal, reachOf, writeRefusal, type RecordOwnership } from './permissions';
import { CASE_FIELD } from '../shared/model/records';

// The central change log: pushes append to it, each change once (pulls page through it: pull.ts).

// Pushes run one at a time, so server_seq values become visible in the order they were taken: a pull never passes a
// sequence number whose change commits later.
const PUSH_LOCK = 4_242_001;

/** A record as push sees it while going through a batch: as stored, then as the batch's accepted changes leave it. */
interface RecordState extends RecordOwnership {
  table: string;
  rowId: string;
  scopeHlc: string;
  /** The hlc of the first write of it the server took: the changes stamped with it create the record. */
  createdHlc: string;
  /** For a part of a case: its case as the newest caseId change the server holds or the batch takes sets it. */
  caseId: string | null;
  caseHlc: string;
  /** Whether the batch created it or gave it a newer scope: then it is written back. */
  touched: boolean;
}

/** What the log and the records hold before each change of a batch: the stored state plus the batch's earlier changes. */
interface BatchState {
  /** (hlc, field) of every change the log holds or takes in this batch, with the author the server recorded. */
  known: Map<string, string>;
  records: Map<string, RecordState>;
  now: number;
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/** A pushed change as it arrived, and the change it is when it passed the check every replica makes. */
interface Arrived {
  raw: unknown;
  change: SyncChange | null;
  /** Why it is not a change any replica could apply. */
  reason: string | null;
}

function arrived(raw: unknown): Arrived {
  const checked = appliedChange(raw);
  return checked.ok ? { raw, change: checked.change, reason: null } : { raw, change: null, reason: checked.reason };
}

/** What identifies a change in the answer: its hlc and field as sent, even when they are not valid. */
function idOf(raw: unknown): { hlc: string; field: string } {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
  return { hlc: text(fields.hlc), field: text(fields.field) };
}

/**
 * Decides one change of a batch against the state the earlier ones left (in memory: the batch's reads and writes
 * are one statement each), and takes an accepted change into that state. The author is the signed-in user, whatever
 * the change says.
 */
function pushOne(state: BatchState, session: Session, { raw, change, reason }: Arrived): PushResult {
  if (change === null) return { ...idOf(raw), status: 'rejected', reason: reason ?? 'not a change' };
  const id = { hlc: change.hlc, field: change.field };
  const changeKey = pairKey(change.hlc, change.field);
  const author = state.known.get(changeKey);
  if (author !== undefined) return { ...id, status: 'duplicate', author };
  if (nodeOf(change.hlc) !== session.device) return { ...id, status: 'rejected', reason: 'a device pushes only the changes it wrote itself' };
  const early = clockRefusal(change.hlc, state.now);
  if (early) return { ...id, status: 'rejected', reason: early };
  const recordKey = pairKey(change.table, change.rowId);
  const record = state.records.get(recordKey);
  const profile = namedProfileOf(change);
  const named = profile === null ? null : { rowId: profile, record: state.records.get(pairKey('organisations', profile)) };
  const refusal = writeRefusal(session, change.scope, record) ?? caseRefusal(state, session, change, record) ?? profileRefusal(session, change, record, named);
  if (refusal) return { ...id, status: 'rejected', reason: refusal };
  state.known.set(changeKey, session.login);
  // The record's scope is its scope field, last writer wins, as on every replica. Until a change of that field
  // arrives, the scope its first change was written under (a record created with the default scope never logs it).
  const scope = change.scope;
  const scopeHlc = change.field === 'scope' ? change.hlc : '';
  const caseId = newCaseOf(change);
  if (!record)
    state.records.set(recordKey, {
      table: change.table,
      rowId: change.rowId,
      ownerOrg: session.orgId,
      scope,
      scopeHlc,
      createdHlc: change.hlc,
      caseId,
      caseHlc: caseId === null ? '' : change.hlc,
      touched: true,
    });
  else {
    if (change.field === 'scope' && record.scopeHlc < change.hlc) Object.assign(record, { scope, scopeHlc, touched: true });
    if (caseId !== null && record.caseHlc < change.hlc) Object.assign(record, { caseId, caseHlc: change.hlc });
  }
  return { ...id, status: 'applied', author: session.login };
}

/** The case a change puts a part of a case in (a stage event, a plan or one of its parts), if it is one that does. */
function newCaseOf(change: SyncChange): string | null {
  return change.field === CASE_FIELD && typeof change.value === 'string' ? change.value : null;
}

/** The member's profile an offer or a track record is put under by a change, if it is one that does. */
function namedProfileOf(change: SyncChange): string | null {
  return MEMBER_PARTS.includes(change.table) && change.field === MEMBER_FIELD && typeof change.value === 'string' ? change.value : null;
}

/**
 * A part of a case goes with its case (親子): nobody writes one of a case out of their reach, nor moves one into or out
 * of such a case. A case the server does not hold yet decides nothing, as on the way down.
 */
function caseRefusal(state: BatchState, session: Session, change: SyncChange, record: RecordState | undefined): string | null {
  for (const caseId of [record?.caseId ?? null, newCaseOf(change)]) {
    const parent = caseId === null ? undefined : state.records.get(pairKey('cases', caseId));
    if (parent && !mayHold(session, parent.scope, parent.ownerOrg)) return `the ${change.table} record's case ${caseId} is out of this user's reach`;
  }
  return null;
}

/**
 * The batch's changes the log holds already, and the records they touch as stored: one statement of index lookups,
 * not two per change (every round trip here is spent holding the push lock). LIMIT 1 keeps each a lookup by index:
 * joined instead, a log of some ten thousand changes is read whole into a hash for every batch. A record's first
 * write is the first of its changes by arrival.
 */
async function batchState(client: pg.PoolClient, changes: readonly SyncChange[]): Promise<BatchState> {
  // The records the batch writes, the cases its parts of cases are moved to, and the profiles its offers and track
  // records are put under.
  const records = changes.flatMap((c) => {
    const caseId = newCaseOf(c);
    const profile = namedProfileOf(c);
    return [[c.table, c.rowId], ...(caseId === null ? [] : [['cases', caseId]]), ...(profile === null ? [] : [['organisations', profile]])];
  });
  const touched = [...new Map(records.map(([table, rowId]) => [pairKey(table, rowId), { table, rowId }])).values()];
  const found = await client.query<{
    hlc: string | null;
    field: string | null;
    author: string | null;
    tbl: string;
    row_id: string;
    owner_org: string;
    scope: Scope;
    scope_hlc: string;
    created_hlc: string;
    case_id: string | null;
    case_hlc: string | null;
  }>(
    `SELECT b.hlc, b.field, c.author, NULL AS tbl, NULL AS row_id, NULL AS owner_org, NULL AS scope, NULL AS scope_hlc, NULL AS created_hlc, NULL AS case_id, NULL AS case_hlc
       FROM unnest($1::text[], $2::text[]) AS b(hlc, field)
       CROSS JOIN LATERAL (SELECT author FROM changes c WHERE c.hlc = b.hlc AND c.field = b.field LIMIT 1) c
     UNION ALL
     SELECT NULL, NULL, NULL, r.tbl, r.row_id, r.owner_org, r.scope, r.scope_hlc,
            (SELECT f.hlc FROM changes f WHERE f.tbl = r.tbl AND f.row_id = r.row_id ORDER BY f.server_seq LIMIT 1), rp.parent_row_id, rp.hlc
       FROM unnest($3::text[], $4::text[]) AS b(tbl, row_id)
       CROSS JOIN LATERAL (SELECT * FROM records r WHERE r.tbl = b.tbl AND r.row_id = b.row_id LIMIT 1) r
       LEFT JOIN record_parents rp ON rp.tbl = r.tbl AND rp.row_id = r.row_id`,
    [changes.map((c) => c.hlc), changes.map((c) => c.field), touched.map((c) => c.table), touched.map((c) => c.rowId)],
  );
  const state: BatchState = { known: new Map(), records: new Map(), now: Date.now() };
  for (const r of found.rows) {
    if (r.hlc !== null && r.field !== null) state.known.set(pairKey(r.hlc, r.field), r.author ?? '');
    else
      state.records.set(pairKey(r.tbl, r.row_id), {
        table: r.tbl,
        rowId: r.row_id,
        ownerOrg: r.owner_org,
        scope: r.scope,
        scopeHlc: r.scope_hlc,
        createdHlc: r.created_hlc,
        caseId: r.case_id,
        caseHlc: r.case_hlc ?? '',
        touched: false,
      });
  }
  return state;
}

/** A change accepted for the log, by the signed-in user (its author now) of an organisation. */
type Accepted = SyncChange & { orgId: string };

/**
 * Appends the accepted changes in order (so server_seq follows it) and writes back the records they changed, in one
 * statement. Each change carries its record's reach as the batch leaves the record (pull.ts reads the log by it), and
 * the record's earlier changes take that reach when it changed.
 */
async function append(client: pg.PoolClient, accepted: Accepted[], records: Map<string, RecordState>): Promise<void> {
  const changed = [...records.values()].filter((r) => r.touched);
  if (accepted.length === 0 && changed.length === 0) return;
  // One JSON parameter per list, read back as rows by PostgreSQL: as arrays, each of a dozen columns went through the
  // driver's escaping value by value. A value stays as its author wrote it (json, not jsonb); null is JSON's null.
  // It travels as its JSON text: read as a json column, a string holding \u0000 would be unescaped into text, which
  // PostgreSQL cannot hold.
  const changes = accepted.map((c) => {
    const record = records.get(pairKey(c.table, c.rowId)) as RecordState;
    return {
      hlc: c.hlc,
      field: c.field,
      tbl: c.table,
      row_id: c.rowId,
      value: JSON.stringify(c.value ?? null),
      scope: c.scope,
      prev: c.prev,
      author: c.author,
      org_id: c.orgId,
      reach: reachOf(record.scope, record.ownerOrg),
      creates: c.hlc === record.createdHlc,
    };
  });
  const recordRows = changed.map((r) => ({ tbl: r.table, row_id: r.rowId, owner_org: r.ownerOrg, scope: r.scope, scope_hlc: r.scopeHlc, reach: reachOf(r.scope, r.ownerOrg) }));
  // The batch read these records under the push lock, so its newest scope is theirs; the guard keeps it so anyway.
  await client.query(
    `WITH appended AS (
       INSERT INTO changes (hlc, field, tbl, row_id, value, scope, prev, author, org_id, reach, creates)
       SELECT hlc, field, tbl, row_id, value::json, scope, prev, author, org_id, reach, creates
         FROM ROWS FROM (json_to_recordset($1::json) AS (hlc text, field text, tbl text, row_id text, value text, scope text, prev text, author text,
                                                           org_id text, reach text, creates boolean))
              WITH ORDINALITY AS b(hlc, field, tbl, row_id, value, scope, prev, author, org_id, reach, creates, n)
        ORDER BY n
     ), changed AS (
       SELECT * FROM json_to_recordset($2::json) AS (tbl text, row_id text, owner_org text, scope text, scope_hlc text, reach text)
     ), reached AS (
       UPDATE changes c SET reach = b.reach
         FROM changed b
        WHERE c.tbl = b.tbl AND c.row_id = b.row_id AND c.reach <> b.reach
     )
     INSERT INTO records (tbl, row_id, owner_org, scope, scope_hlc)
     SELECT tbl, row_id, owner_org, scope, scope_hlc FROM changed
     ON CONFLICT (tbl, row_id) DO UPDATE SET scope = excluded.scope, scope_hlc = excluded.scope_hlc WHERE records.scope_hlc < excluded.scope_hlc`,
    [JSON.stringify(changes), JSON.stringify(recordRows)],
  );
}

interface PendingPush {
  session: Session;
  changes: readonly Arrived[];
  settle: (outcome: { results: PushResult[] } | { error: unknown }) => void;
}

/**
 * Pushes waiting in this process, per database. They take the lock in turn here, not each holding a pooled
 * connection while it waits inside PostgreSQL, so pulls and sign-ins keep the pool; and the pushes that queued up
 * meanwhile go through together (the advisory lock still orders pushes across server processes).
 */
const queues = new WeakMap<pg.Pool, PendingPush[]>();

/** Most changes pushes queued together carry in one transaction. */
const GROUP_CHANGES = 1000;

/** Stores what the session may write, in one transaction; each change gets its own status, in the batch's order. */
export function push(db: pg.Pool, session: Session, sent: readonly unknown[]): Promise<PushResult[]> {
  // Checked before the push queues: the check costs time, and the lock is what every push waits for.
  const changes = sent.map(arrived);
  return new Promise((resolve, reject) => {
    const settle = (outcome: { results: PushResult[] } | { error: unknown }) => ('results' in outcome ? resolve(outcome.results) : reject(outcome.error));
    const queue = queues.get(db);
    if (queue) {
      queue.push({ session, changes, settle });
      return;
    }
    const started: PendingPush[] = [{ session, changes, settle }];
    queues.set(db, started);
    void drain(db, started);
  });
}

async function drain(db: pg.Pool, queue: PendingPush[]): Promise<void> {
  // One connection for the groups while pushes keep coming: taken from the pool for each group, every group waited
  // behind the pulls' statements, and the pushes queued meanwhile waited with it.
  let held: pg.PoolClient | undefined;
  const write = async (group: readonly PendingPush[]) => {
    const client = (held ??= await db.connect());
    try {
      return await pushGroup(client, group);
    } catch (error) {
      // A connection that failed mid-transaction (PostgreSQL gone, a timeout) is not given back to the pool: it is
      // closed, and its transaction with it, whether or not the ROLLBACK got through.
      client.release(error as Error);
      held = undefined;
      throw error;
    }
  };
  while (queue.length > 0) {
    let count = queue[0].changes.length;
    let taken = 1;
    while (taken < queue.length && count + queue[taken].changes.length <= GROUP_CHANGES) count += queue[taken++].changes.length;
    const group = queue.splice(0, taken);
    try {
      const results = await write(group);
      group.forEach((p, i) => p.settle({ results: results[i] }));
    } catch (error) {
      // One push that breaks the transaction must not fail the others with it: each goes again on its own.
      if (group.length === 1) group[0].settle({ error });
      else
        for (const p of group)
          await write([p]).then(
            (results) => p.settle({ results: results[0] }),
            (failure: unknown) => p.settle({ error: failure }),
          );
    }
  }
  held?.release();
  queues.delete(db);
}

/** Pushes one after another, each change against the state the ones before it left, in one transaction. */
async function pushGroup(client: pg.PoolClient, group: readonly PendingPush[]): Promise<PushResult[][]> {
  try {
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${PUSH_LOCK})`);
    const state = await batchState(
      client,
      group.flatMap((p) => p.changes.flatMap((a) => (a.change ? [a.change] : []))),
    );
    const accepted: Accepted[] = [];
    const results = group.map(({ session, changes }) =>
      changes.map((a) => {
        const result = pushOne(state, session, a);
        if (result.status === 'applied' && a.change) {
          // Listed, not spread: a spread of each of 5,000 parsed changes cost as much as deciding them.
          const { hlc, table, rowId, field, value, scope, prev } = a.change;
          accepted.push({ hlc, author: session.login, table, rowId, field, value, scope, prev, orgId: session.orgId });
        }
        return result;
      }),
    );
    await append(client, accepted, state.records);
    await client.query('COMMIT');
    return results;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
