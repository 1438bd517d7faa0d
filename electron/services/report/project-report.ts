import { parseDateText, type KarteDate } from '../../../shared/dates';
import { pipelineEvent, pipelineStats } from '../../../shared/analytics/pipeline';
import { KarteError } from '../../../shared/errors';
import { decodeHlc } from '../../../shared/hlc';
import { caseSchema, type CaseStatus } from '../../../shared/model/case';
import { currentPhase, phaseIndex } from '../../../shared/phases';
import { PRIORITY_PROJECTS } from '../../../shared/reference/priority-projects';
import type { ProjectReportInput, ReportCase, ReportLanguage, SnapshotChange } from '../../../shared/report/project-report';
import { snapshotCases, snapshotInfo, type SnapshotCase } from '../snapshots';
import { effectiveScope, isVisibleTo, type Scope } from '../../../shared/scopes';
import { monthNumber } from '../../../shared/timeline';
import { eventsOfCases, listCases } from '../cases';
import { statement } from '../store/database';
import type { Store } from '../store/store';

export interface ProjectReportRequest {
  audience: Scope;
  lang: ReportLanguage;
  /** 'YYYY-MM-DD': what moved is counted from this day. */
  since: string;
  /** 'YYYY-MM-DD': the day the report stands at. */
  asOf: string;
  /** A snapshot of this device (karte snapshots) the cases are compared against. */
  snapshotId?: number;
}

/** How a case changed since the snapshot froze it in `project`. */
function changesSince(then: SnapshotCase | undefined, now: ReportCase, project: number): SnapshotChange[] {
  if (then === undefined || then.project !== project) return ['new'];
  const changes: SnapshotChange[] = [];
  if (now.currentPhase !== null && (then.phase === null || phaseIndex(now.currentPhase) > phaseIndex(then.phase))) changes.push('advanced');
  if (now.stuck && !then.stuck) changes.push('stalled');
  if (now.status === 'dropped' && then.status !== 'dropped') changes.push('dropped');
  return changes;
}

function day(text: string, field: string): KarteDate {
  const date = parseDateText(text);
  if (!date || date.precision !== 'day') throw new KarteError('invalid_date', `${field} '${text}' is not a day (YYYY-MM-DD)`, { field, params: { text } });
  return date;
}

/**
 * The status a person set on or after `sinceMillis`, from the change log; null when it did not change since. The
 * status a case was created (or imported) with is no change: the log dates the entry, not what happened.
 */
function statusSetSince(store: Store, caseId: string, sinceMillis: number): CaseStatus | null {
  const latest = statement(
    store.db,
    "SELECT hlc, value FROM changes WHERE rowId = ? AND field = 'status' AND hlc > (SELECT min(hlc) FROM changes WHERE rowId = ?) ORDER BY hlc DESC LIMIT 1",
  ).get(caseId, caseId) as { hlc: string; value: string } | undefined;
  if (!latest || decodeHlc(latest.hlc).millis < sinceMillis) return null;
  return caseSchema.shape.status.parse(JSON.parse(latest.value));
}

/**
 * What the follow-up report of the 20 projects prints for an audience: the linked cases and events it may see (as a
 * briefing pack filters them), each case's phase then and now, what moved since `since`, and what is stuck.
 */
export function buildProjectReportInput(store: Store, request: ProjectReportRequest): ProjectReportInput {
  const asOf = day(request.asOf, 'asOf');
  const since = day(request.since, 'since');
  if ((since.from as string) > (asOf.from as string))
    throw new KarteError('invalid_date', `since ${request.since} is after the report's day ${request.asOf}`, { field: 'since', params: { text: request.since } });
  const snapshot = request.snapshotId === undefined ? null : { info: snapshotInfo(store, request.snapshotId), cases: snapshotCases(store, request.snapshotId) };
  const sinceMonth = monthNumber(since.from as string);
  const sinceMillis = Date.parse(`${since.from}T00:00:00Z`);

  const linked = listCases(store).filter((c) => c.project !== null && isVisibleTo(c.scope, request.audience));
  const timelines = eventsOfCases(
    store,
    linked.map((c) => c.id),
  );
  const visible = new Map(linked.map((c) => [c.id, (timelines.get(c.id) ?? []).filter((e) => isVisibleTo(effectiveScope(e.scope, c.scope), request.audience))]));
  const figures = pipelineStats(
    linked.map((c) => ({ ...c, events: (visible.get(c.id) ?? []).map(pipelineEvent) })),
    asOf.from as string,
  );
  const stuck = new Set(figures.stuck.map((s) => s.id));
  const longWithoutOrder = new Set(figures.longWithoutOrder.map((s) => s.id));
  const times = new Map(figures.cases.map((t) => [t.id, t]));
  const titles = new Map(linked.map((c) => [c.id, c.title]));

  return {
    lang: request.lang,
    audience: request.audience,
    asOf,
    since,
    comparedTo: snapshot && { label: snapshot.info.label, asOf: day(snapshot.info.asOf, 'snapshot') },
    projects: PRIORITY_PROJECTS.map((project) => {
      const own = linked.filter((c) => c.project === project.no);
      const cases = own.map((c) => {
        const events = visible.get(c.id) ?? [];
        const before = events.filter((e) => e.date.sort !== null && !e.date.planned && monthNumber(e.date.sort) < sinceMonth);
        const discovered = times.get(c.id)?.discovered ?? null;
        const reported: ReportCase = {
          id: c.id,
          title: c.title,
          countries: c.countries,
          status: c.status,
          currentPhase: currentPhase(events.map((e) => e.phase)),
          phaseAtSince: currentPhase(before.map((e) => e.phase)),
          isNew: discovered !== null && monthNumber(discovered) >= sinceMonth,
          statusSince: statusSetSince(store, c.id, sinceMillis),
          lastEvent: times.get(c.id)?.lastEvent ?? null,
          stuck: stuck.has(c.id),
          longWithoutOrder: longWithoutOrder.has(c.id),
          sinceSnapshot: [],
        };
        return snapshot ? { ...reported, sinceSnapshot: changesSince(snapshot.cases.get(c.id), reported, project.no) } : reported;
      });
      const ownIds = new Set(own.map((c) => c.id));
      const unlinked = snapshot ? [...snapshot.cases].filter(([id, then]) => then.project === project.no && !ownIds.has(id)).length : 0;
      const moved = own
        .flatMap((c) => visible.get(c.id) ?? [])
        .filter((e) => e.date.sort !== null && monthNumber(e.date.sort) >= sinceMonth && monthNumber(e.date.sort) <= monthNumber(asOf.from as string))
        .sort((a, b) => (b.date.sort as string).localeCompare(a.date.sort as string))
        .map((e) => ({ caseTitle: titles.get(e.caseId) ?? '', phase: e.phase, date: e.date, text: e.text }));
      return { project, cases, moved, unlinked };
    }),
  };
}
