import type pg from 'pg';
import type { Scope } from '../shared/scopes';
import type { SyncChange } from '../shared/sync/change';
import { nodeOf } from '../shared/sync/merge';
import type { PullPage, PushResult } from '../shared/sync/protocol';
import type { Session } from './accounts';
import { readableScopes, writeRefusal, type RecordOwnership } from './permissions';

// The central change log: pushes append to it (each change once), pulls page through it by server_seq.

// Pushes run one at a time, so server_seq values become visible in the order they were taken: a pull never passes a
// sequence number whose change commits later.
const PUSH_LOCK = 4_242_001;

async function ownership(client: pg.PoolClient, change: SyncChange): Promise<RecordOwnership | undefined> {
  const found = await client.query<{ owner_org: string; scope: Scope }>('SELECT owner_org, scope FROM records WHERE tbl = $1 AND row_id = $2', [change.table, change.rowId]);
  const row = found.rows[0];
  return row && { ownerOrg: row.owner_org, scope: row.scope };
}

async function pushOne(client: pg.PoolClient, session: Session, change: SyncChange): Promise<PushResult> {
  const id = { hlc: change.hlc, field: change.field };
  const known = await client.query('SELECT 1 FROM changes WHERE hlc = $1 AND field = $2', [change.hlc, change.field]);
  if (known.rowCount) return { ...id, status: 'duplicate' };
  if (nodeOf(change.hlc) !== session.device) return { ...id, status: 'rejected', reason: 'a device pushes only the changes it wrote itself' };
  const refusal = writeRefusal(session, change.scope, await ownership(client, change));
  if (refusal) return { ...id, status: 'rejected', reason: refusal };
  await client.query('INSERT INTO changes (hlc, field, tbl, row_id, value, scope, prev, author, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    change.hlc,
    change.field,
    change.table,
    change.rowId,
    JSON.stringify(change.value ?? null),
    change.scope,
    change.prev,
    change.author,
    session.orgId,
  ]);
  // The record's scope is the one its newest change carries.
  await client.query(
    `INSERT INTO records (tbl, row_id, owner_org, scope, scope_hlc) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tbl, row_id) DO UPDATE SET scope = excluded.scope, scope_hlc = excluded.scope_hlc WHERE records.scope_hlc < excluded.scope_hlc`,
    [change.table, change.rowId, session.orgId, change.scope, change.hlc],
  );
  return { ...id, status: 'applied' };
}

/** Stores what the session may write, in one transaction; each change gets its own status, in the batch's order. */
export async function push(db: pg.Pool, session: Session, changes: readonly SyncChange[]): Promise<PushResult[]> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const results: PushResult[] = [];
    for (const change of changes) results.push(await pushOne(client, session, change));
    await client.query('COMMIT');
    return results;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

interface ChangeRow {
  server_seq: string;
  hlc: string;
  field: string;
  tbl: string;
  row_id: string;
  value: unknown;
  scope: string;
  prev: string | null;
  author: string;
}

/**
 * The next page of changes after `cursor` that the session's organisation may hold. Internal changes reach only
 * the organisation that owns the record.
 */
export async function pull(db: pg.Pool, session: Session, cursor: string | null, limit: number): Promise<PullPage> {
  const found = await db.query<ChangeRow>(
    `SELECT c.server_seq, c.hlc, c.field, c.tbl, c.row_id, c.value, c.scope, c.prev, c.author
       FROM changes c JOIN records r ON r.tbl = c.tbl AND r.row_id = c.row_id
      WHERE c.server_seq > $1 AND c.scope = ANY($2) AND (c.scope <> 'internal' OR r.owner_org = $3)
      ORDER BY c.server_seq LIMIT $4`,
    [cursor ?? '0', readableScopes(session), session.orgId, limit + 1],
  );
  const rows = found.rows.slice(0, limit);
  return {
    changes: rows.map((r) => ({ hlc: r.hlc, author: r.author, table: r.tbl, rowId: r.row_id, field: r.field, value: r.value, scope: r.scope, prev: r.prev })),
    cursor: rows.at(-1)?.server_seq ?? cursor,
    more: found.rows.length > limit,
  };
}
