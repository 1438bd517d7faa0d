import { pipelineEvent, pipelineStats } from '../../shared/analytics/pipeline';
import { dayOf } from '../../shared/dates';
import { KarteError } from '../../shared/errors';
import { projectByNo, PRIORITY_PROJECTS, suggestedProjects, type PriorityProject } from '../../shared/reference/priority-projects';
import { monthNumber } from '../../shared/timeline';
import { kpiProgress } from '../../shared/plan/kpi-progress';
import type { CaseSummary, PlanView, ProjectDetail, ProjectPlan, ProjectSummary } from '../../shared/views';
import { eventsOfCases, listCases } from './cases';
import { getPlan } from './plans';
import type { Store } from './store/store';

// The 20 priority projects (「20(にいまる)」) with the cases linked to them: the strengthened, continuous follow-up
// the action plan asks for.

/** How far back a project's page shows what moved. */
const RECENT_MONTHS = 12;

function projectSummaries(projects: readonly PriorityProject[], cases: CaseSummary[]): ProjectSummary[] {
  return projects.map((project) => ({
    ...project,
    cases: cases.filter((c) => c.project === project.no),
    suggested: cases.filter((c) => c.project === null && suggestedProjects(c).some((p) => p.no === project.no)),
  }));
}

export function listProjects(store: Store): ProjectSummary[] {
  return projectSummaries(PRIORITY_PROJECTS, listCases(store));
}

export function getProject(store: Store, no: number): ProjectDetail {
  const project = projectByNo(no);
  if (!project) throw new KarteError('not_found', `no priority project ${no} (there are 20)`, { field: 'no' });
  const [summary] = projectSummaries([project], listCases(store));
  const today = dayOf(new Date(store.now()));
  const since = monthNumber(today) - RECENT_MONTHS;
  const titles = new Map(summary.cases.map((c) => [c.id, c.title]));
  // Its cases' events, read once for what moved and for what is stuck: not every event of the store.
  const timelines = eventsOfCases(store, [...titles.keys()]);
  const recentEvents = [...timelines.values()]
    .flat()
    .filter((e) => e.date.sort !== null && monthNumber(e.date.sort) >= since && monthNumber(e.date.sort) <= monthNumber(today))
    .sort((a, b) => (b.date.sort as string).localeCompare(a.date.sort as string))
    .map((e) => ({ ...e, caseTitle: titles.get(e.caseId) ?? '' }));
  const figures = pipelineStats(
    summary.cases.map((c) => ({ ...c, events: (timelines.get(c.id) ?? []).map(pipelineEvent) })),
    today,
  );
  const plans = summary.cases.map((c) => getPlan(store, c.id));
  return {
    ...summary,
    recentEvents,
    stuck: figures.stuck,
    longWithoutOrder: figures.longWithoutOrder,
    plans: projectPlans(plans),
    kpiProgress: kpiProgress(
      project.kpis,
      plans.flatMap((p) => p.indicators),
      today.slice(0, 7),
    ),
  };
}

/** The deployment plans of a project's cases, those that have one: each plan's status and its indicators' readings. */
function projectPlans(plans: PlanView[]): ProjectPlan[] {
  return plans.flatMap((view) => {
    if (view.plan === null && view.indicators.length === 0) return [];
    return [
      {
        caseId: view.caseId,
        caseTitle: view.caseTitle,
        status: view.status,
        followUpDate: view.plan?.followUpDate ?? null,
        followUpOverdue: view.followUpOverdue,
        indicators: view.indicators.map(({ id, level, statement, unit, measure, reading }) => ({ id, level, statement, unit, measure, reading })),
      },
    ];
  });
}
