import { pipelineEvent, pipelineStats } from '../../shared/analytics/pipeline';
import { KarteError } from '../../shared/errors';
import type { CaseStatus } from '../../shared/model/case';
import type { Phase } from '../../shared/phases';
import type { SnapshotInfo } from '../../shared/views';
import { eventsOfCases, listCases } from './cases';
import { statement } from './store/database';
import { inTransaction, type Store } from './store/store';

// Frozen snapshots of the pipeline (e.g. 31 March, the end of a 年度): what each case stood at then, so a later
// follow-up report can say what advanced, what is new, what stalled and what was dropped since. Local to this device.

/** A case as a snapshot froze it. */
export interface SnapshotCase {
  project: number | null;
  status: CaseStatus;
  phase: Phase | null;
  stuck: boolean;
}

const SNAPSHOT_SQL = 'SELECT s.id, s.asOf, s.label, s.takenAt, s.author, (SELECT count(*) FROM snapshot_cases c WHERE c.snapshotId = s.id) AS cases FROM snapshots s';

/** Freezes every live case as it stands at `asOf` ('YYYY-MM-DD'): its phase and stuck flag then, its project and status now. */
export function takeSnapshot(store: Store, { asOf, label }: { asOf: string; label: string }): SnapshotInfo {
  const cases = listCases(store);
  const timelines = eventsOfCases(
    store,
    cases.map((c) => c.id),
  );
  const figures = pipelineStats(
    cases.map((c) => ({ ...c, events: (timelines.get(c.id) ?? []).map(pipelineEvent) })),
    asOf,
  );
  const stuck = new Set(figures.stuck.map((s) => s.id));
  const projects = new Map(cases.map((c) => [c.id, c]));
  const id = inTransaction(store, () => {
    const taken = statement(store.db, 'INSERT INTO snapshots (asOf, label, takenAt, author) VALUES (?, ?, ?, ?)').run(
      asOf,
      label,
      new Date(store.now()).toISOString(),
      store.author,
    );
    const snapshotId = Number(taken.lastInsertRowid);
    const insert = statement(store.db, 'INSERT INTO snapshot_cases (snapshotId, caseId, project, status, phase, stuck) VALUES (?, ?, ?, ?, ?, ?)');
    for (const t of figures.cases) {
      const c = projects.get(t.id);
      insert.run(snapshotId, t.id, c?.project ?? null, t.status, t.currentPhase, stuck.has(t.id) ? 1 : 0);
    }
    return snapshotId;
  });
  return snapshotInfo(store, id);
}

export function listSnapshots(store: Store): SnapshotInfo[] {
  return statement(store.db, `${SNAPSHOT_SQL} ORDER BY s.asOf DESC, s.id DESC`).all() as SnapshotInfo[];
}

export function snapshotInfo(store: Store, id: number): SnapshotInfo {
  const found = statement(store.db, `${SNAPSHOT_SQL} WHERE s.id = ?`).get(id) as SnapshotInfo | undefined;
  if (!found) throw new KarteError('not_found', `no snapshot ${id} on this device (karte snapshots lists them)`, { field: 'snapshotId' });
  return found;
}

/** The cases a snapshot froze, by id. */
export function snapshotCases(store: Store, id: number): Map<string, SnapshotCase> {
  const rows = statement(store.db, 'SELECT caseId, project, status, phase, stuck FROM snapshot_cases WHERE snapshotId = ?').all(id) as (Omit<SnapshotCase, 'stuck'> & {
    caseId: string;
    stuck: number;
  })[];
  return new Map(rows.map((r) => [r.caseId, { project: r.project, status: r.status, phase: r.phase, stuck: r.stuck === 1 }]));
}
