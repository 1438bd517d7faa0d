import type pg from 'pg';
import type { Scope } from '../shared/scopes';
import type { SyncChange } from '../shared/sync/change';
import type { PullPage, Purge, RecordRef } from '../shared/sync/protocol';
import type { Session } from './accounts';
import { readableReaches, readableScopes } from './permissions';
import { CASE_FIELD } from '../shared/model/records';

// Pulls page through the central change log by server_seq. What a session receives is decided by the records as
// they stand now, not as they stood when a change was written: a record that left its reach comes as a purge; when
// a record's reach changes and it is within the session's, it comes whole, as it stands (the newest change of each
// field); older history written under a scope the session may not hold stays back.

interface ChangeRow {
  server_seq: string;
  /** The value's size as JSON (migration 5). */
  bytes: number;
  hlc: string;
  field: string;
  tbl: string;
  row_id: string;
  value: unknown;
  /** Only valid scopes enter the log (push checks every change). */
  scope: Scope;
  prev: string | null;
  author: string;
  /** Whether the session's organisation created the record (its owner_org). */
  own: boolean;
}

interface WindowRow extends ChangeRow {
  /** Whether the session may hold the record now (its scope, and its case's for a part of a case). */
  visible: boolean;
  /** Whether the session may hold the change itself (the scope it was written under). */
  readable: boolean;
  /**
   * Whether it is part of the first write of its record the server took. By arrival, not by timestamp: two devices
   * can create one record (the same import) and the later-stamped creation can arrive first, be pulled, and so be
   * held by sessions that the earlier-stamped one, arriving after, takes it away from. Push sets it (migration 8).
   */
  creates: boolean;
  /**
   * For a change of a record the session holds, written under a scope it may not hold: whether it still sets its
   * field. A record widened by a concurrent edit is shared as it stands, including such values.
   */
  newest: boolean | null;
}

// Query parameters shared by every statement here: $1 a server_seq bound, $2 the session's readable scopes, $3 its
// organisation.
const mayHoldSql = (scope: string, owner: string) => `(${scope} = ANY($2) AND (${scope} <> 'internal' OR ${owner} = $3))`;
// A part of a case (a stage event, a plan and its parts) is held only by those who may hold its case (親子); until its
// case reaches the server, by its own scope.
// The case is looked up only for a record that has one: joined, every page read the whole records table for it.
const CASE_HELD = `coalesce((SELECT ${mayHoldSql('p.scope', 'p.owner_org')} FROM records p WHERE p.tbl = rp.parent_tbl AND p.row_id = rp.parent_row_id), true)`;
const RECORD_VISIBLE = `(${mayHoldSql('r.scope', 'r.owner_org')} AND (rp.row_id IS NULL OR ${CASE_HELD}))`;
// Looked up by index for each change: LIMIT 1 keeps each a lookup, where a join is planned, on a log of a million
// changes, as a read of every record into a hash.
const RECORD_JOINS = `CROSS JOIN LATERAL (SELECT scope, owner_org FROM records r WHERE r.tbl = c.tbl AND r.row_id = c.row_id LIMIT 1) r
  LEFT JOIN LATERAL (SELECT row_id, parent_tbl, parent_row_id FROM record_parents rp WHERE rp.tbl = c.tbl AND rp.row_id = c.row_id LIMIT 1) rp ON true`;
const CHANGE_COLUMNS = 'c.server_seq, c.bytes, c.hlc, c.field, c.tbl, c.row_id, c.value, c.scope, c.prev, c.author';
/** Whether the session's organisation ($3) created the record: read from the record looked up with its change. */
const OWN_COLUMN = 'r.owner_org = $3 AS own';

/** Changes that can change who may see a record: its scope, and the case a part of a case belongs to (CASE_FIELD). */
const VISIBILITY_CHANGE = `(c.field = 'scope' OR c.field = '${CASE_FIELD}')`;
function changesVisibility(row: ChangeRow): boolean {
  return row.field === 'scope' || row.field === CASE_FIELD;
}

/** A case's title is set by the write that creates it (a title has no default). */
const CASE_TITLE = "(c.tbl = 'cases' AND c.field = 'title')";
/**
 * What every session acts on, whoever may hold the record: who may see it changed, or a case was created (its parts
 * may have come before it). The predicate of the index changes_for_every_session (migration 9).
 */
const FOR_EVERY_SESSION = `(${VISIBILITY_CHANGE} OR (${CASE_TITLE} AND c.creates))`;

function toSyncChange(r: ChangeRow): SyncChange {
  return { hlc: r.hlc, author: r.author, table: r.tbl, rowId: r.row_id, field: r.field, value: r.value, scope: r.scope, prev: r.prev };
}

/**
 * A record, with the parts of a case, as it stands up to `lastSeq`: the newest change of each field. The
 * history before it may hold values written under a narrower scope, so it stays back.
 */
async function currentState(db: pg.PoolClient, session: Session, table: string, rowId: string, lastSeq: string): Promise<ChangeRow[]> {
  const found = await db.query<ChangeRow>(
    // The record and its parts first, then their changes by index: asked for as (this record OR one of its
    // parts), every change of the log was read (150 ms on a log of 200,000 changes).
    `SELECT DISTINCT ON (c.tbl, c.row_id, c.field) ${CHANGE_COLUMNS}, ${OWN_COLUMN}
       FROM (SELECT $4::text AS tbl, $5::text AS row_id
             UNION ALL
             SELECT tbl, row_id FROM record_parents WHERE parent_tbl = $4 AND parent_row_id = $5) whole
       JOIN changes c ON c.tbl = whole.tbl AND c.row_id = whole.row_id
       ${RECORD_JOINS}
      WHERE c.server_seq <= $1 AND ${RECORD_VISIBLE}
      ORDER BY c.tbl, c.row_id, c.field, c.hlc DESC`,
    [lastSeq, readableScopes(session), session.orgId, table, rowId],
  );
  return found.rows;
}

/**
 * Parts of a case that reached the server before their case went by their own scope; once the case exists, those out
 * of the session's reach with it must go again. (Ids are random, so this happens only when devices create the same
 * ids, as two imports of one file do.)
 */
async function orphansOfHiddenCases(db: pg.PoolClient, hiddenCases: string[], windowStart: string): Promise<Purge[]> {
  if (hiddenCases.length === 0) return [];
  const found = await db.query<{ tbl: string; row_id: string }>(
    `SELECT rp.tbl, rp.row_id FROM record_parents rp
      WHERE rp.parent_tbl = 'cases' AND rp.parent_row_id = ANY($1)
        AND EXISTS (SELECT 1 FROM changes o WHERE o.tbl = rp.tbl AND o.row_id = rp.row_id AND o.server_seq <= $2)`,
    [hiddenCases, windowStart],
  );
  return found.rows.map((r) => ({ table: r.tbl, rowId: r.row_id }));
}

/** How much one page may carry. */
export interface PageLimits {
  /** Most changes of the log one page looks at (those it may be sent or must act on: lookedAt). */
  maxChanges: number;
  /** Most bytes of values one page carries; a page holds at least one change, whatever its size. */
  maxBytes: number;
}

/** What a change costs a page beyond its value: its hlc, names, ids and JSON punctuation, generously. */
const CHANGE_OVERHEAD_BYTES = 400;

/**
 * The changes after $1 a session looks at, the first `count` + 1 of them: those of the records it may hold (of the
 * `reaches`) and those every session acts on. Each part is cut on its own before they are merged, so a device far
 * behind reads a few windows of index entries, not the log. A reach's changes after $1 are asked for as one range of
 * the index changes_reach, (reach, server_seq) after (reach, $1): asked for as reach = m.reach, the plan read the log
 * after $1 in order and kept that reach's changes, the statistics of a log of a million council changes taking any
 * reach for council (every pull read every change after its cursor, once for each reach).
 */
const lookedAt = (count: string, reaches: string) => `SELECT server_seq, bytes
   FROM (SELECT k.server_seq, k.bytes
           FROM unnest(${reaches}::text[]) AS m(reach)
           CROSS JOIN LATERAL (SELECT server_seq, bytes FROM changes WHERE (reach, server_seq) > (m.reach, $1) AND reach <= m.reach ORDER BY reach, server_seq LIMIT ${count} + 1) k
         UNION
         (SELECT server_seq, bytes FROM changes c WHERE ${FOR_EVERY_SESSION} AND server_seq > $1 ORDER BY server_seq LIMIT ${count} + 1)) looked
  ORDER BY server_seq LIMIT ${count} + 1`;

/** Most windows of the log one pull looks at while they hold nothing for the session. */
const EMPTY_WINDOWS = 10;

/**
 * The next page after `cursor`. A window that holds nothing for the session (the device's own changes, which it is
 * not sent) is passed in the same request, up to EMPTY_WINDOWS of them: a device that pushed 10,000 changes then
 * pulls one page, not ten empty ones. Past that bound the page goes out empty, the cursor moved on, so that no page
 * costs more than a few windows.
 */
export async function pull(db: pg.Pool, session: Session, cursor: string | null, limits: PageLimits): Promise<PullPage> {
  // One connection for the page's statements: taking one from the pool for each, a pull queued behind every other
  // request's statements once per statement.
  const client = await db.connect();
  try {
    for (let windows = 1; ; windows++) {
      const page = await windowPage(client, session, cursor, limits);
      if (page.changes.length > 0 || page.purges.length > 0 || !page.more || windows === EMPTY_WINDOWS) {
        client.release();
        return page;
      }
      cursor = page.cursor;
    }
  } catch (error) {
    // A connection that failed mid-page (PostgreSQL gone, a timeout) is closed, not given back to the pool.
    client.release(error as Error);
    throw error;
  }
}

/** A row of a page: where its window ends, with one change of the window, or none (all its columns null). */
type PageRow = { last_seq: string | null; more: boolean } & (WindowRow | { [column in keyof WindowRow]: null });

/**
 * The page of one window after `cursor`. The window is at most `maxChanges` changes that the session looks at, cut
 * earlier where their values would pass `maxBytes` (at least one change, whatever its size), so every window costs
 * about the same; the changes of records out of the session's reach between them are passed over unread, and a
 * window that takes every change the session looks at reaches the end of the log (a page may then carry none). It
 * is measured by the stored sizes, so no value is read to cut it. A record that came into the session's reach is
 * sent whole, which can carry a page past its bytes: the page then ends at that change, and the rest of the window
 * comes with the next one.
 */
async function windowPage(db: pg.PoolClient, session: Session, cursor: string | null, limits: PageLimits): Promise<PullPage> {
  const from = cursor ?? '0';
  // Of the window, only what this session may be sent (or must act on) leaves the database, and where the window
  // ends: one statement, so that both are read from one state of the log.
  const found = await db.query<PageRow>({
    // Named, as every statement of a pull: PostgreSQL then plans it once per connection (db.ts), not for every page.
    name: 'pull-page',
    text: `WITH sized AS (
             SELECT server_seq, n <= $4 AND (n = 1 OR total <= $7) AS taken
               FROM (SELECT server_seq, row_number() OVER w AS n, sum(bytes + $8) OVER w AS total
                       FROM (${lookedAt('$4', '$6')}) looked
                     WINDOW w AS (ORDER BY server_seq ROWS UNBOUNDED PRECEDING)) counted
           ), window_end AS (
             SELECT CASE WHEN bool_and(taken) IS NOT FALSE THEN (SELECT max(server_seq) FROM changes WHERE server_seq > $1)
                         ELSE max(server_seq) FILTER (WHERE taken) END AS last_seq,
                    NOT coalesce(bool_and(taken), true) AS more
               FROM sized
           )
           SELECT e.last_seq, e.more, p.*
             FROM window_end e
             LEFT JOIN LATERAL (
               SELECT c.server_seq, c.bytes, c.hlc, c.field, c.tbl, c.row_id, c.scope, c.prev, c.author, c.creates, ${OWN_COLUMN},
                      ${RECORD_VISIBLE} AS visible, ${mayHoldSql('c.scope', 'r.owner_org')} AS readable,
                      CASE WHEN ${RECORD_VISIBLE} THEN c.value END AS value,
                      CASE WHEN ${RECORD_VISIBLE} AND NOT ${mayHoldSql('c.scope', 'r.owner_org')}
                           THEN NOT EXISTS (SELECT 1 FROM changes n WHERE n.tbl = c.tbl AND n.row_id = c.row_id AND n.field = c.field AND n.hlc > c.hlc) END AS newest
                 FROM sized k
                 CROSS JOIN LATERAL (SELECT * FROM changes c WHERE c.server_seq = k.server_seq LIMIT 1) c
                 ${RECORD_JOINS}
                -- Not the device's own changes: it holds them, and it could hold the record when it wrote them.
                WHERE k.taken AND right(c.hlc, 16) <> $5
                  -- Of a case out of reach, only its creation matters, and only when parts of it came before it.
                  AND (${RECORD_VISIBLE} OR ${VISIBILITY_CHANGE}
                       OR (${CASE_TITLE} AND c.creates AND EXISTS (SELECT 1 FROM record_parents e WHERE e.parent_tbl = 'cases' AND e.parent_row_id = c.row_id)))
             ) p ON true
            ORDER BY p.server_seq`,
    values: [from, readableScopes(session), session.orgId, limits.maxChanges, session.device, readableReaches(session), limits.maxBytes, CHANGE_OVERHEAD_BYTES],
  });
  const [window] = found.rows;
  if (window.last_seq === null) return { changes: [], purges: [], cursor, more: false, own: [] };
  let { last_seq: lastSeq, more } = window;
  const changes = found.rows.filter((row): row is PageRow & WindowRow => row.server_seq !== null);
  const sent = new Map<string, ChangeRow>();
  let sentBytes = 0;
  const send = (rows: ChangeRow[]) => {
    for (const row of rows) {
      const key = `${row.hlc} ${row.field}`;
      if (!sent.has(key)) sentBytes += row.bytes + CHANGE_OVERHEAD_BYTES;
      sent.set(key, row);
    }
  };
  const purges = new Map<string, Purge>();
  const hiddenCases: string[] = [];
  for (const [index, row] of changes.entries()) {
    if (!row.visible) {
      // A record's creation takes nothing away: nobody out of its reach ever held it.
      if (changesVisibility(row) && !row.creates) purges.set(`${row.tbl} ${row.row_id}`, { table: row.tbl, rowId: row.row_id });
      if (row.tbl === 'cases' && row.field === 'title' && row.creates) hiddenCases.push(row.row_id);
      continue;
    }
    // The session may not have held the record before: whatever came earlier, it gets the record as it stands.
    if (changesVisibility(row) && !row.creates) send(await currentState(db, session, row.tbl, row.row_id, lastSeq));
    if (row.readable || row.newest) send([row]);
    if (sentBytes > limits.maxBytes && index < changes.length - 1) {
      lastSeq = row.server_seq;
      more = true;
      break;
    }
  }
  for (const purge of await orphansOfHiddenCases(db, hiddenCases, from)) purges.set(`${purge.table} ${purge.rowId}`, purge);
  const carried = [...sent.values()].filter((r) => BigInt(r.server_seq) <= BigInt(lastSeq)).sort((a, b) => Number(a.server_seq) - Number(b.server_seq));
  return { changes: carried.map(toSyncChange), purges: [...purges.values()], cursor: lastSeq, more, own: ownRecords(carried) };
}

/** The records among `rows` that the session's organisation created, each once. */
function ownRecords(rows: readonly ChangeRow[]): RecordRef[] {
  const own = new Map<string, RecordRef>();
  for (const r of rows) if (r.own) own.set(`${r.tbl} ${r.row_id}`, { table: r.tbl, rowId: r.row_id });
  return [...own.values()];
}
