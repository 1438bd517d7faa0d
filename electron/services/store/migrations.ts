// Versioned schema migrations, applied in order inside one transaction each; PRAGMA user_version records the
// last one applied. Never edit a released migration: add the next one.

export const MIGRATIONS: readonly string[] = [
  /* 1: records, change log, search index */ `
  CREATE TABLE dossiers (
    id TEXT PRIMARY KEY,
    country TEXT,
    region TEXT NOT NULL,
    title TEXT NOT NULL,
    overview TEXT NOT NULL,
    relations TEXT NOT NULL,
    policy TEXT NOT NULL,
    supportHistory TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX dossiers_country ON dossiers (country);

  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    countries TEXT NOT NULL,
    region TEXT NOT NULL,
    sector TEXT NOT NULL,
    sectorLabel TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    futurePolicy TEXT NOT NULL,
    ownerOrg TEXT,
    priority INTEGER NOT NULL,
    companies TEXT NOT NULL,
    competitors TEXT NOT NULL,
    financing TEXT NOT NULL,
    relatedCases TEXT NOT NULL,
    nextAction TEXT NOT NULL,
    nextActionDate TEXT,
    notes TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX cases_sector ON cases (sector);

  -- Derived from cases.countries, kept in the same transaction, so a dossier finds its cases by index.
  CREATE TABLE case_countries (
    iso2 TEXT NOT NULL,
    caseId TEXT NOT NULL,
    PRIMARY KEY (iso2, caseId)
  ) WITHOUT ROWID;
  CREATE INDEX case_countries_case ON case_countries (caseId);

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    caseId TEXT NOT NULL,
    phase TEXT NOT NULL,
    date TEXT NOT NULL,
    dateSort TEXT GENERATED ALWAYS AS (json_extract(date, '$.sort')) VIRTUAL,
    text TEXT NOT NULL,
    organisation TEXT NOT NULL,
    signatoryLevel TEXT NOT NULL,
    source TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX events_case ON events (caseId, phase, dateSort);

  CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    parties TEXT NOT NULL,
    signatoryLevel TEXT NOT NULL,
    date TEXT NOT NULL,
    place TEXT NOT NULL,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    countries TEXT NOT NULL,
    caseIds TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );

  CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    nameJa TEXT NOT NULL,
    nameEn TEXT NOT NULL,
    type TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );

  -- The change log: one row per changed field. It is the audit trail, the undo source and the sync outbox.
  -- hlc orders changes causally and ends with the node id; the fields of one write share it.
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY,
    hlc TEXT NOT NULL,
    author TEXT NOT NULL,
    tbl TEXT NOT NULL,
    rowId TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    scope TEXT NOT NULL,
    UNIQUE (hlc, field)
  );
  CREATE INDEX changes_row ON changes (rowId, field);

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- Search: one document per record, its text indexed as bigrams (shared/search-text.ts).
  CREATE TABLE search_docs (
    docid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL UNIQUE,
    caseId TEXT
  );
  CREATE VIRTUAL TABLE search_fts USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
  `,
  /* 2: sync: what each change overwrote, conflicts kept for a person, sync cursors */ `
  -- The change each change overwrote on its author's device (NULL: the default): tells seen from concurrent edits.
  ALTER TABLE changes ADD COLUMN prev TEXT;
  -- A field's current value is its newest change: found by index, whatever the log's size. Record ids are unique
  -- across tables, so the row id leads; the old (rowId, field) index is its prefix and goes.
  DROP INDEX changes_row;
  CREATE INDEX changes_field ON changes (rowId, field, hlc);

  -- Local values a remote change overwrote unseen. mine/theirs: JSON {value, hlc, author}; base: JSON value both
  -- started from (NULL: unknown). Local to this device: a conflict is resolved by an ordinary, synced write.
  CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    rowId TEXT NOT NULL,
    field TEXT NOT NULL,
    mine TEXT NOT NULL,
    theirs TEXT NOT NULL,
    base TEXT,
    createdAt TEXT NOT NULL,
    resolvedAt TEXT,
    resolution TEXT
  );
  CREATE INDEX conflicts_open ON conflicts (resolvedAt);

  -- One row: how far this device's own changes were pushed (changes.seq) and where the last pull stopped.
  CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    lastPushedSeq INTEGER NOT NULL,
    lastPulledCursor TEXT
  );
  INSERT INTO sync_state (id, lastPushedSeq, lastPulledCursor) VALUES (1, 0, NULL);
  `,
  /* 3: visits (トップセールス, 官民ミッション, 政策対話) */ `
  CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    dates TEXT NOT NULL,
    datesSort TEXT GENERATED ALWAYS AS (json_extract(dates, '$.sort')) VIRTUAL,
    delegation TEXT NOT NULL,
    counterparts TEXT NOT NULL,
    objectives TEXT NOT NULL,
    asks TEXT NOT NULL,
    caseIds TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX visits_country ON visits (country, datesSort);
  `,
  /* 4: case fields for briefing packs, and per-field translations */ `
  ALTER TABLE cases ADD COLUMN sdgGoals TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE cases ADD COLUMN outcomeFraming TEXT NOT NULL DEFAULT '';
  ALTER TABLE cases ADD COLUMN effectExamples TEXT NOT NULL DEFAULT '';
  ALTER TABLE cases ADD COLUMN nextSteps TEXT NOT NULL DEFAULT '';
  ALTER TABLE cases ADD COLUMN talkingPoints TEXT NOT NULL DEFAULT '';
  ALTER TABLE cases ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
  `,
  /* 5: the change log's sequence never goes back; the outbox found by index */ `
  -- A purge deletes change rows, the newest among them perhaps: a plain rowid would then hand out a seq at or below
  -- the last one pushed, and that change would never be sent. AUTOINCREMENT never reuses one.
  CREATE TABLE changes_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hlc TEXT NOT NULL,
    author TEXT NOT NULL,
    tbl TEXT NOT NULL,
    rowId TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    scope TEXT NOT NULL,
    prev TEXT,
    UNIQUE (hlc, field)
  );
  INSERT INTO changes_log (seq, hlc, author, tbl, rowId, field, value, scope, prev)
    SELECT seq, hlc, author, tbl, rowId, field, value, scope, prev FROM changes ORDER BY seq;
  DROP TABLE changes;
  ALTER TABLE changes_log RENAME TO changes;
  CREATE INDEX changes_field ON changes (rowId, field, hlc);
  -- The outbox: this device's own changes (the HLC ends with the node id) after the last one pushed, however long
  -- the log of everyone else's changes grows.
  CREATE INDEX changes_own ON changes (substr(hlc, -16), seq);
  `,
  /* 6: changes no replica could apply, kept aside; the search index overwrites what it deletes */ `
  -- A change a pull brought that this replica cannot apply (the server should never send one): kept, listed, not
  -- applied, so one bad change cannot stop the sync. hlc and field as received ('' when missing); kept once per reason.
  CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    hlc TEXT NOT NULL,
    field TEXT NOT NULL,
    change TEXT NOT NULL,
    reason TEXT NOT NULL,
    receivedAt TEXT NOT NULL,
    UNIQUE (hlc, field, reason)
  );
  -- Kept in the index's own configuration, for the store's whole life (PRAGMA secure_delete does the same for the
  -- tables, per connection: database.ts).
  INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
  `,
  /* 7: the phases each case has reached, read without its events' rows */ `
  -- The countries screen and the case list ask every case its current phase (the furthest phase of its live
  -- events): from this index alone, not from 200,000 event rows.
  CREATE INDEX events_live_phases ON events (caseId, phase) WHERE deleted = 0;
  `,
  /* 8: the priority project (「20(にいまる)」) a case belongs to */ `
  ALTER TABLE cases ADD COLUMN project INTEGER;
  CREATE INDEX cases_project ON cases (project) WHERE project IS NOT NULL;
  `,
  /* 9: frozen snapshots of the pipeline that later follow-up reports compare against */ `
  -- A snapshot "as of" a day (e.g. 31 March, the end of a 年度): each case's project, status, phase and stuck flag
  -- then. No text: a case's words come from the case as it stands, and a purge removes its rows here too. Local to
  -- this device, like conflicts.
  CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    asOf TEXT NOT NULL,
    label TEXT NOT NULL,
    takenAt TEXT NOT NULL,
    author TEXT NOT NULL
  );
  CREATE TABLE snapshot_cases (
    snapshotId INTEGER NOT NULL,
    caseId TEXT NOT NULL,
    project INTEGER,
    status TEXT NOT NULL,
    phase TEXT,
    stuck INTEGER NOT NULL,
    PRIMARY KEY (snapshotId, caseId)
  ) WITHOUT ROWID;
  CREATE INDEX snapshot_cases_case ON snapshot_cases (caseId);
  `,
  /* 10: deployment plans (展開実施プラン): plans, their indicators with each period's values, hurdles, revisions */ `
  -- Each part names its case (caseId): a case's plan is read, and purged, with the case.
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    caseId TEXT NOT NULL,
    counterpartNeeds TEXT NOT NULL,
    pathToOrder TEXT NOT NULL,
    problem TEXT NOT NULL,
    partners TEXT NOT NULL,
    financing TEXT NOT NULL,
    noIndicatorsReason TEXT NOT NULL,
    noHurdlesReason TEXT NOT NULL,
    followUpDate TEXT,
    followUpSort TEXT GENERATED ALWAYS AS (json_extract(followUpDate, '$.sort')) VIRTUAL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX plans_case ON plans (caseId);
  -- Overdue follow-ups are listed by date.
  CREATE INDEX plans_follow_up ON plans (followUpSort) WHERE deleted = 0 AND followUpSort IS NOT NULL;
  CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    caseId TEXT NOT NULL,
    level TEXT NOT NULL,
    statement TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    measure TEXT NOT NULL,
    direction TEXT NOT NULL,
    cumulative INTEGER NOT NULL,
    baseline TEXT,
    baselineDate TEXT,
    verification TEXT NOT NULL,
    projectKpi INTEGER,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX indicators_case ON indicators (caseId);
  CREATE TABLE indicator_periods (
    id TEXT PRIMARY KEY,
    caseId TEXT NOT NULL,
    indicatorId TEXT NOT NULL,
    period TEXT NOT NULL,
    target TEXT,
    revisedTarget TEXT,
    actual TEXT,
    comment TEXT NOT NULL,
    evidence TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX indicator_periods_case ON indicator_periods (caseId);
  CREATE TABLE hurdles (
    id TEXT PRIMARY KEY,
    caseId TEXT NOT NULL,
    description TEXT NOT NULL,
    since TEXT,
    counterpart TEXT NOT NULL,
    measures TEXT NOT NULL,
    status TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX hurdles_case ON hurdles (caseId);
  CREATE TABLE plan_revisions (
    id TEXT PRIMARY KEY,
    caseId TEXT NOT NULL,
    label TEXT NOT NULL,
    savedAt TEXT NOT NULL,
    savedBy TEXT NOT NULL,
    content TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX plan_revisions_case ON plan_revisions (caseId);
  `,
  /* 11: each case's timeline in one row, for the pipeline analytics */ `
  -- The analytics read every case's dated phases: 20,000 rows of this table instead of 200,000 event rows. Storing
  -- an event only marks its case stale (case-timelines.ts); the analytics rebuild the stale timelines, all in one
  -- statement, before they read. A trigger marking them cost an import of 200,000 events a third of its time.
  CREATE TABLE case_timelines (
    caseId TEXT PRIMARY KEY,
    -- JSON: [[phase, date sort key, date precision, planned], …] of the case's live events.
    events TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE case_timelines_stale (caseId TEXT PRIMARY KEY) WITHOUT ROWID;
  INSERT INTO case_timelines_stale (caseId) SELECT DISTINCT caseId FROM events;
  `,
  /* 12: the visit an event records an outcome of; the writes that were undos */ `
  -- A visit lists what was recorded of it, so nobody records the same outcome twice.
  ALTER TABLE events ADD COLUMN visitId TEXT;
  CREATE INDEX events_visit ON events (visitId) WHERE visitId IS NOT NULL;
  -- The writes Ctrl+Z made on this device, by their timestamp, for the history to mark. Local to this device, like
  -- conflicts: a change as the sync carries it has no room for the mark.
  CREATE TABLE undo_writes (hlc TEXT PRIMARY KEY) WITHOUT ROWID;
  `,
  /* 13: the timeline event an agreement was marked from */ `
  -- An event marked 「協定として登録」 is found with its agreement, so marking it again adds nothing, and deleting it
  -- deletes the agreement.
  ALTER TABLE agreements ADD COLUMN eventId TEXT;
  CREATE INDEX agreements_event ON agreements (eventId) WHERE eventId IS NOT NULL;
  `,
  /* 14: what a visit pack needs besides the cases: 想定問答, 先方要人, 国情, 方向性 */ `
  CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    caseId TEXT,
    visitId TEXT,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    position INTEGER NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX questions_case ON questions (caseId) WHERE caseId IS NOT NULL;
  CREATE INDEX questions_visit ON questions (visitId) WHERE visitId IS NOT NULL;
  CREATE TABLE profiles (
    id TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    name TEXT NOT NULL,
    nameJa TEXT NOT NULL,
    title TEXT NOT NULL,
    organisation TEXT NOT NULL,
    career TEXT NOT NULL,
    notes TEXT NOT NULL,
    visitIds TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX profiles_country ON profiles (country);
  CREATE TABLE country_facts (
    id TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL,
    asOf TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX country_facts_country ON country_facts (country);
  CREATE TABLE directions (
    id TEXT PRIMARY KEY,
    country TEXT,
    region TEXT NOT NULL,
    sector TEXT NOT NULL,
    situation TEXT NOT NULL,
    strengths TEXT NOT NULL,
    pathToWin TEXT NOT NULL,
    bottlenecks TEXT NOT NULL,
    measures TEXT NOT NULL,
    target TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX directions_country ON directions (country);
  `,
  /* 15: the council database: support schemes, members' profiles, offers and track records, advisors */ `
  ALTER TABLE organisations ADD COLUMN size TEXT NOT NULL DEFAULT 'unknown';
  ALTER TABLE organisations ADD COLUMN location TEXT NOT NULL DEFAULT '';
  ALTER TABLE organisations ADD COLUMN description TEXT NOT NULL DEFAULT '';
  ALTER TABLE organisations ADD COLUMN councilMember INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE schemes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT NOT NULL,
    type TEXT NOT NULL,
    stages TEXT NOT NULL,
    phases TEXT NOT NULL,
    sectorLabels TEXT NOT NULL,
    sectors TEXT NOT NULL,
    countries TEXT NOT NULL,
    regions TEXT NOT NULL,
    countriesText TEXT NOT NULL,
    budget TEXT NOT NULL,
    terms TEXT NOT NULL,
    applicationWindow TEXT NOT NULL,
    contact TEXT NOT NULL,
    source TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE TABLE offers (
    id TEXT PRIMARY KEY,
    organisationId TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    sectors TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX offers_organisation ON offers (organisationId);
  CREATE TABLE track_records (
    id TEXT PRIMARY KEY,
    organisationId TEXT NOT NULL,
    project TEXT NOT NULL,
    country TEXT NOT NULL,
    place TEXT NOT NULL,
    date TEXT NOT NULL,
    schemeId TEXT,
    category TEXT NOT NULL,
    sectors TEXT NOT NULL,
    relatedCaseId TEXT,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX track_records_organisation ON track_records (organisationId);
  CREATE TABLE advisors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL,
    sectors TEXT NOT NULL,
    countries TEXT NOT NULL,
    languages TEXT NOT NULL,
    experience TEXT NOT NULL,
    registeredOn TEXT NOT NULL,
    removedOn TEXT,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE TABLE advisor_contacts (
    id TEXT PRIMARY KEY,
    advisorId TEXT NOT NULL,
    contact TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX advisor_contacts_advisor ON advisor_contacts (advisorId);
  `,
  /* 16: which records the signed-in organisation created, as the server says when it sends their changes (local only, never synced) */ `
  CREATE TABLE record_owners (
    tbl TEXT NOT NULL,
    rowId TEXT NOT NULL,
    own INTEGER NOT NULL,
    PRIMARY KEY (tbl, rowId)
  ) WITHOUT ROWID;
  -- What was pulled before the server said whose each record is comes again, marked (pulling again changes nothing else).
  UPDATE sync_state SET lastPulledCursor = NULL;
  `,
  /* 17: a record created here is logged as one row of its fields; the log is read field by field through a view */ `
  -- An import creates a million fields: one row per field made the log four fifths of the import's writing. A
  -- creation (field '') holds each field's JSON text by name; every reader sees the fields, as pulled ones are.
  ALTER TABLE changes RENAME TO change_log;
  CREATE VIEW changes AS
    SELECT seq, hlc, author, tbl, rowId, field, value, scope, prev FROM change_log WHERE field <> ''
    UNION ALL
    SELECT c.seq, c.hlc, c.author, c.tbl, c.rowId, f.key, f.value, c.scope, c.prev FROM change_log c, json_each(c.value) f WHERE c.field = '';
  `,
];
