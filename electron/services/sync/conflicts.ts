import { decodeHlc } from '../../../shared/hlc';
import { nodeOf } from '../../../shared/sync/merge';
import type { ConflictView } from '../../../shared/sync/status';
import { statement } from '../store/database';
import { inTransaction, latestChange, readRow, writeRows, type FieldChange, type Store } from '../store/store';
import type { TableName } from '../store/tables';
import { KarteError } from '../../../shared/errors';

// Conflicts: local values a remote change overwrote without its author having seen them. They stay on this device
// until a person keeps theirs, keeps mine or writes a merge; the decision is an ordinary write, so it syncs.

/** One side of a conflict: the value and who wrote it when. */
export interface ConflictSide {
  value: unknown;
  hlc: string;
  author: string;
}

export type ConflictResolution = 'mine' | 'theirs' | { merged: unknown };

export interface Conflict {
  id: number;
  table: TableName;
  rowId: string;
  field: string;
  mine: ConflictSide;
  theirs: ConflictSide;
  /** The value both sides started from; undefined when the log could not tell. */
  base: unknown;
  createdAt: string;
  resolvedAt: string | null;
  /** 'auto-merged' for narrative text the sync merged itself (kept so the merge can be reviewed). */
  resolution: 'mine' | 'theirs' | 'merged' | 'auto-merged' | null;
}

function side(change: FieldChange): string {
  return JSON.stringify({ value: change.value, hlc: change.hlc, author: change.author });
}

function nowText(store: Store): string {
  return new Date(store.now()).toISOString();
}

/** Records an overwritten local value: open for a person, or already settled by an automatic text merge. */
export function keepConflict(
  store: Store,
  c: { table: TableName; rowId: string; field: string; mine: FieldChange; theirs: FieldChange; base: unknown; autoMerged: boolean },
): void {
  const now = nowText(store);
  statement(store.db, 'INSERT INTO conflicts (tbl, rowId, field, mine, theirs, base, createdAt, resolvedAt, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    c.table,
    c.rowId,
    c.field,
    side(c.mine),
    side(c.theirs),
    c.base === undefined ? null : JSON.stringify(c.base),
    now,
    c.autoMerged ? now : null,
    c.autoMerged ? 'auto-merged' : null,
  );
}

interface ConflictRow {
  id: number;
  tbl: TableName;
  rowId: string;
  field: string;
  mine: string;
  theirs: string;
  base: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolution: Conflict['resolution'];
}

function fromRow(row: ConflictRow): Conflict {
  const { tbl, mine, theirs, base, ...rest } = row;
  return { ...rest, table: tbl, mine: JSON.parse(mine), theirs: JSON.parse(theirs), base: base === null ? undefined : JSON.parse(base) };
}

/** Open conflicts, oldest first; with `all`, the resolved ones too. */
export function listConflicts(store: Store, options: { all?: boolean } = {}): Conflict[] {
  const sql = `SELECT * FROM conflicts ${options.all ? '' : 'WHERE resolvedAt IS NULL'} ORDER BY id`;
  return (statement(store.db, sql).all() as ConflictRow[]).map(fromRow);
}

/** Settles a conflict by writing the chosen value as a new change (it syncs like any edit) and closing it. */
export function resolveConflict(store: Store, id: number, resolution: ConflictResolution): void {
  const row = statement(store.db, 'SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
  if (!row) throw new KarteError('conflict_not_open', `no conflict ${id}`, { table: 'conflicts', record: String(id) });
  const conflict = fromRow(row);
  if (conflict.resolvedAt) throw new KarteError('conflict_not_open', `conflict ${id} is already resolved (${conflict.resolution})`, { table: 'conflicts', record: String(id) });
  const value = resolution === 'mine' ? conflict.mine.value : resolution === 'theirs' ? conflict.theirs.value : resolution.merged;
  inTransaction(store, () => {
    // Keeping theirs keeps what their side holds now: a value they wrote since replaced the one in the conflict, and
    // writing that one again would undo it. Only an edit made here since is replaced.
    const latest = latestChange(store, conflict.table, conflict.rowId, conflict.field);
    const fromElsewhere = latest !== undefined && nodeOf(latest.hlc) !== store.node;
    // Keeping mine (or a merge) over a value nobody here has seen yet would lose that one silently instead.
    if (resolution !== 'theirs' && fromElsewhere && latest.hlc !== conflict.theirs.hlc) {
      throw new KarteError(
        'conflict_overwritten',
        `conflict ${id}: ${latest.author} has changed ${conflict.field} again since (now ${JSON.stringify(latest.value)}); keep theirs, or edit the record itself`,
        { table: conflict.table, record: conflict.rowId, field: conflict.field, params: { author: latest.author } },
      );
    }
    const keepsTheirs = resolution === 'theirs' && fromElsewhere;
    if (!keepsTheirs) writeRows(store, [{ table: conflict.table, id: conflict.rowId, values: { [conflict.field]: value } }]);
    statement(store.db, 'UPDATE conflicts SET resolvedAt = ?, resolution = ? WHERE id = ?').run(nowText(store), typeof resolution === 'string' ? resolution : 'merged', id);
  });
}

/** What a person recognises a record by: a case's title, an event's text (and its case), a visit's title, a country. */
function recordOf(store: Store, table: TableName, rowId: string): ConflictView['record'] {
  const none = { label: rowId, caseId: null, country: null };
  switch (table) {
    case 'cases':
      return { ...none, label: readRow(store, 'cases', rowId)?.title ?? rowId, caseId: rowId };
    case 'events': {
      const event = readRow(store, 'events', rowId);
      return event ? { ...none, label: event.text, caseId: event.caseId } : none;
    }
    case 'visits':
      return { ...none, label: readRow(store, 'visits', rowId)?.title ?? rowId };
    case 'dossiers': {
      const dossier = readRow(store, 'dossiers', rowId);
      return dossier ? { ...none, label: dossier.country ?? dossier.region, country: dossier.country } : none;
    }
    case 'agreements':
      return { ...none, label: readRow(store, 'agreements', rowId)?.subject ?? rowId };
    case 'organisations':
      return { ...none, label: readRow(store, 'organisations', rowId)?.nameJa ?? rowId };
    case 'plans':
    case 'indicator_periods':
    case 'plan_revisions': {
      const part = readRow(store, table, rowId);
      return part ? { ...none, label: readRow(store, 'cases', part.caseId)?.title ?? rowId, caseId: part.caseId } : none;
    }
    case 'indicators': {
      const indicator = readRow(store, 'indicators', rowId);
      return indicator ? { ...none, label: indicator.statement, caseId: indicator.caseId } : none;
    }
    case 'hurdles': {
      const hurdle = readRow(store, 'hurdles', rowId);
      return hurdle ? { ...none, label: hurdle.description, caseId: hurdle.caseId } : none;
    }
    case 'questions': {
      const question = readRow(store, 'questions', rowId);
      return question ? { ...none, label: question.question, caseId: question.caseId } : none;
    }
    case 'profiles': {
      const profile = readRow(store, 'profiles', rowId);
      return profile ? { ...none, label: profile.nameJa || profile.name, country: profile.country } : none;
    }
    case 'country_facts': {
      const fact = readRow(store, 'country_facts', rowId);
      return fact ? { ...none, label: fact.value, country: fact.country } : none;
    }
    case 'directions': {
      const direction = readRow(store, 'directions', rowId);
      return direction ? { ...none, label: direction.sector, country: direction.country } : none;
    }
    case 'schemes':
      return { ...none, label: readRow(store, 'schemes', rowId)?.name ?? rowId };
    case 'offers':
      return { ...none, label: readRow(store, 'offers', rowId)?.name ?? rowId };
    case 'track_records': {
      const record = readRow(store, 'track_records', rowId);
      return record ? { ...none, label: record.project, country: record.country } : none;
    }
    case 'advisors':
      return { ...none, label: readRow(store, 'advisors', rowId)?.name ?? rowId };
    case 'advisor_contacts': {
      const contact = readRow(store, 'advisor_contacts', rowId);
      return contact ? { ...none, label: readRow(store, 'advisors', contact.advisorId)?.name ?? rowId } : none;
    }
  }
}

function sideView(side: ConflictSide): ConflictView['mine'] {
  return { value: side.value, author: side.author, at: new Date(decodeHlc(side.hlc).millis).toISOString() };
}

/** Open conflicts as the conflicts inbox shows them, oldest first. */
export function conflictViews(store: Store): ConflictView[] {
  return listConflicts(store).map((c) => ({
    id: c.id,
    table: c.table,
    rowId: c.rowId,
    field: c.field,
    mine: sideView(c.mine),
    theirs: sideView(c.theirs),
    createdAt: c.createdAt,
    record: recordOf(store, c.table, c.rowId),
  }));
}
