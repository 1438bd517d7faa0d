import type pg from 'pg';

// Versioned schema: each migration runs once, in order, in its own transaction, and is recorded in
// schema_migrations. Never edit a released migration; add the next one.

const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'accounts and change log',
    sql: `
      CREATE TABLE organisations (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        id bigserial PRIMARY KEY,
        login text NOT NULL UNIQUE,
        org_id text NOT NULL REFERENCES organisations(id),
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
        password_hash text NOT NULL,
        password_salt text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- A device is the client's HLC node id: the changes it writes carry it.
      CREATE TABLE devices (
        id text PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES users(id),
        revoked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- Only a hash of each token is kept, so a copy of the database signs nobody in.
      CREATE TABLE tokens (
        hash text PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES users(id),
        device_id text NOT NULL REFERENCES devices(id),
        revoked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- server_seq is the pull cursor. value is json, not jsonb: jsonb reorders object keys, and every replica's
      -- copy of a change must be the author's, byte for byte.
      CREATE TABLE changes (
        server_seq bigserial PRIMARY KEY,
        hlc text NOT NULL,
        field text NOT NULL,
        tbl text NOT NULL,
        row_id text NOT NULL,
        value json,
        scope text NOT NULL,
        prev text,
        author text NOT NULL,
        org_id text NOT NULL REFERENCES organisations(id),
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (hlc, field)
      );
      -- Who created each record and its scope as its newest change set it: what push and pull permissions check.
      CREATE TABLE records (
        tbl text NOT NULL,
        row_id text NOT NULL,
        owner_org text NOT NULL REFERENCES organisations(id),
        scope text NOT NULL,
        scope_hlc text NOT NULL,
        PRIMARY KEY (tbl, row_id)
      );
    `,
  },
  {
    version: 2,
    name: 'record parents for visibility, change lookups by record',
    sql: `
      -- A stage event is visible only with its case (親子): each event's case, kept by the newest caseId change.
      CREATE TABLE record_parents (
        tbl text NOT NULL,
        row_id text NOT NULL,
        parent_tbl text NOT NULL,
        parent_row_id text NOT NULL,
        hlc text NOT NULL,
        PRIMARY KEY (tbl, row_id)
      );
      CREATE INDEX record_parents_parent ON record_parents (parent_tbl, parent_row_id);
      -- Kept by a trigger, so every way a change is stored keeps it in step.
      CREATE FUNCTION keep_record_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.tbl = 'events' AND NEW.field = 'caseId' AND json_typeof(NEW.value) = 'string' THEN
          INSERT INTO record_parents (tbl, row_id, parent_tbl, parent_row_id, hlc)
          VALUES (NEW.tbl, NEW.row_id, 'cases', NEW.value #>> '{}', NEW.hlc)
          ON CONFLICT (tbl, row_id) DO UPDATE
            SET parent_tbl = excluded.parent_tbl, parent_row_id = excluded.parent_row_id, hlc = excluded.hlc
            WHERE record_parents.hlc < excluded.hlc;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER changes_keep_record_parent AFTER INSERT ON changes
        FOR EACH ROW WHEN (NEW.tbl = 'events' AND NEW.field = 'caseId') EXECUTE FUNCTION keep_record_parent();
      -- A record that becomes visible to someone is sent whole: its changes, found by record.
      CREATE INDEX changes_record ON changes (tbl, row_id, server_seq);
    `,
  },
  {
    version: 3,
    name: 'the operators organisation',
    sql: `
      -- The organisation that runs the server (made at its first start): its admins manage every organisation; any
      -- other organisation's admins manage their own users and devices only.
      ALTER TABLE organisations ADD COLUMN operator boolean NOT NULL DEFAULT false;
    `,
  },
  {
    version: 4,
    name: 'shared login throttle, expiring tokens with public ids',
    sql: `
      -- Refused sign-ins, in the database so that every server instance counts them and a restart keeps them
      -- (login-throttle.ts). Each refusal deletes those older than the window, so only recent ones are kept.
      CREATE TABLE login_refusals (
        login text NOT NULL,
        address text NOT NULL,
        refused_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_refusals_pair ON login_refusals (login, address, refused_at);
      CREATE INDEX login_refusals_age ON login_refusals (refused_at);
      -- A token stops working when unused for its idle_limit, or at expires_at however much it is used. Each keeps
      -- the limits it was issued under, so every instance judges it alike. id names a token to admins: short,
      -- random, and telling nothing of the token. Tokens issued before this migration get the default limits, their
      -- idle time counted from now (their last use was never recorded).
      ALTER TABLE tokens
        ADD COLUMN id text NOT NULL UNIQUE DEFAULT left(replace(gen_random_uuid()::text, '-', ''), 12),
        ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN idle_limit interval NOT NULL DEFAULT interval '30 days',
        ADD COLUMN expires_at timestamptz;
      UPDATE tokens SET expires_at = created_at + interval '180 days';
      ALTER TABLE tokens ALTER COLUMN expires_at SET NOT NULL, ALTER COLUMN idle_limit DROP DEFAULT;
    `,
  },
  {
    version: 5,
    name: 'change sizes for pull pages cut by bytes',
    sql: `
      -- A pull page is cut by the bytes of its values, not only by their count: each change's size, kept beside it
      -- so a page is measured without reading the values themselves.
      ALTER TABLE changes ADD COLUMN bytes integer GENERATED ALWAYS AS (octet_length(coalesce(value::text, 'null'))) STORED;
    `,
  },
  {
    version: 6,
    name: 'change lookups by record in timestamp order',
    sql: `
      -- Pulls ask of a record its first change (is this one part of its creation?) and its changes after one
      -- (does this one still set its field?): by timestamp, one probe each, not a read of its whole history.
      DROP INDEX changes_record;
      CREATE INDEX changes_record ON changes (tbl, row_id, hlc);
    `,
  },
  {
    version: 7,
    name: 'change lookups by record in arrival order',
    sql: `
      -- A record's first write is the first the server took (pull.ts CREATES): one probe by arrival, the timestamp
      -- read from the index.
      CREATE INDEX changes_record_arrival ON changes (tbl, row_id, server_seq) INCLUDE (hlc);
    `,
  },
  {
    version: 8,
    name: 'change lookups by who may hold their record',
    sql: `
      -- A pull read every change after its cursor to ask of each whether the session may hold its record: with 20
      -- organisations writing internal records, 19 reads of 20 were for nothing. Beside each change now, its record's
      -- reach as the record stands (its scope; for an internal record, 'internal' and its organisation), which push
      -- writes anew on the record's changes when its scope changes; and whether the change is part of the first
      -- write of its record the server took (pull.ts), which never changes once it arrived. A pull reads the changes
      -- of the reaches it may hold, and beside them the few every session acts on (scope and case changes, case
      -- creations: the second index).
      ALTER TABLE changes ADD COLUMN reach text, ADD COLUMN creates boolean;
      UPDATE changes c
         SET reach = CASE r.scope WHEN 'internal' THEN 'internal ' || r.owner_org ELSE r.scope END,
             creates = c.hlc = (SELECT f.hlc FROM changes f WHERE f.tbl = c.tbl AND f.row_id = c.row_id ORDER BY f.server_seq LIMIT 1)
        FROM records r
       WHERE r.tbl = c.tbl AND r.row_id = c.row_id;
      ALTER TABLE changes ALTER COLUMN reach SET NOT NULL, ALTER COLUMN creates SET NOT NULL;
      CREATE INDEX changes_reach ON changes (reach, server_seq);
      CREATE INDEX changes_for_every_session ON changes (server_seq)
        WHERE field = 'scope' OR (tbl = 'events' AND field = 'caseId') OR (tbl = 'cases' AND field = 'title' AND creates);
    `,
  },
  {
    version: 9,
    name: 'every part of a case goes with its case',
    sql: `
      -- A deployment plan and its parts (indicators, their periods, hurdles, revisions) belong to their case as a
      -- stage event does, by the same field: any change of a caseId now keeps its record's parent.
      CREATE OR REPLACE FUNCTION keep_record_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF json_typeof(NEW.value) = 'string' THEN
          INSERT INTO record_parents (tbl, row_id, parent_tbl, parent_row_id, hlc)
          VALUES (NEW.tbl, NEW.row_id, 'cases', NEW.value #>> '{}', NEW.hlc)
          ON CONFLICT (tbl, row_id) DO UPDATE
            SET parent_tbl = excluded.parent_tbl, parent_row_id = excluded.parent_row_id, hlc = excluded.hlc
            WHERE record_parents.hlc < excluded.hlc;
        END IF;
        RETURN NULL;
      END $$;
      DROP TRIGGER changes_keep_record_parent ON changes;
      CREATE TRIGGER changes_keep_record_parent AFTER INSERT ON changes
        FOR EACH ROW WHEN (NEW.field = 'caseId') EXECUTE FUNCTION keep_record_parent();
      DROP INDEX changes_for_every_session;
      CREATE INDEX changes_for_every_session ON changes (server_seq)
        WHERE field = 'scope' OR field = 'caseId' OR (tbl = 'cases' AND field = 'title' AND creates);
    `,
  },
];

export async function migrate(pool: pg.Pool): Promise<number[]> {
  await pool.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    for (const m of MIGRATIONS) {
      await client.query('BEGIN');
      try {
        // Two server instances starting at once: the second waits, then finds the migration done.
        await client.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
        const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
        if (done.rowCount === 0) {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          applied.push(m.version);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, { cause: error });
      }
    }
  } finally {
    client.release();
  }
  return applied;
}
