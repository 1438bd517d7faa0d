import type { Command } from 'commander';
import { INDICATOR_LEVEL_LABELS, INDICATOR_STATUS_LABELS } from '../../shared/labels';
import type { CaseSummary, ProjectPlan } from '../../shared/views';
import { countryNames, phaseText, shortId, type CliContext } from './context';
import { formatTable } from './table';

// `karte projects`, `karte project N`: the 20 priority projects (「20(にいまる)」) and their cases. A case is linked
// with `karte case set CASE_ID project N` (or none).

function caseRows(cases: CaseSummary[]): string[][] {
  return cases.map((c) => [shortId(c.id), countryNames(c.countries) || c.region, phaseText(c.currentPhase), c.status, c.title]);
}

const CASE_HEADER = ['id', 'country', 'phase', 'status', 'title'];

/** A linked case's plan: its status and follow-up, then each indicator's latest reading against its target. */
function planLines(plan: ProjectPlan): string[] {
  const followUp = plan.followUpDate === null ? '' : `  follow-up ${plan.followUpDate.text}${plan.followUpOverdue ? ' (overdue)' : ''}`;
  return [
    `  ${shortId(plan.caseId)} ${plan.caseTitle}  [${INDICATOR_STATUS_LABELS[plan.status].ja}]${followUp}`,
    ...plan.indicators.map((i) => {
      const { actual, target, period, status } = i.reading;
      const reading = actual === null || target === null ? '' : `: ${actual.toLocaleString('ja-JP')} / ${target.toLocaleString('ja-JP')}${i.unit} (${period?.slice(0, 7)})`;
      return `      ${INDICATOR_LEVEL_LABELS[i.level].ja} ${i.statement}${reading}  [${INDICATOR_STATUS_LABELS[status].ja}]`;
    }),
  ];
}

export function registerProjectCommands(program: Command, { run, print }: CliContext): void {
  program
    .command('projects')
    .description('the 20 priority projects (「20(にいまる)」) with their linked cases and suggested ones')
    .action(() =>
      run(async (karte) => {
        const projects = await karte.call('projects.list', {});
        print(projects, () =>
          formatTable(
            ['no', 'sector', 'targets', 'cases', 'suggested'],
            projects.map((p) => [p.mark, p.sector, p.targets, String(p.cases.length), String(p.suggested.length)]),
          ),
        );
      }),
    );

  program
    .command('project')
    .description('one priority project: its policy, cases by phase, what moved in the last 12 months, what is stuck')
    .argument('<no>', 'the project number, 1–20')
    .action((no: string) =>
      run(async (karte) => {
        // A number that is no number stays so: the API's schema refuses it and says why.
        const project = await karte.call('project.get', { no: Number(no) });
        print(project, () =>
          [
            `${project.mark} ${project.sector} (${project.targets}): ${project.perspective}`,
            project.policy,
            ...project.kpiProgress.map(
              (k, index) =>
                `target ${index + 1}: ${k.metric} ${k.target.toLocaleString('ja-JP')}${k.unit} (${k.target_date}); achieved ${
                  k.achieved === null ? '—' : `${k.achieved.toLocaleString('ja-JP')}${k.unit} (${Math.round((k.share ?? 0) * 100)}%)`
                } from ${k.indicators} indicator(s) of the cases' plans`,
            ),
            '',
            project.cases.length === 0 ? 'no linked cases' : `linked cases (${project.cases.length}):\n${formatTable(CASE_HEADER, caseRows(project.cases))}`,
            ...(project.suggested.length === 0
              ? []
              : ['', `suggested (link with karte case set ID project ${project.no}):\n${formatTable(CASE_HEADER, caseRows(project.suggested))}`]),
            '',
            `events in the last 12 months: ${project.recentEvents.length}`,
            ...project.recentEvents.map((e) => `  ${e.date.text}  ${phaseText(e.phase)}  ${e.caseTitle}: ${e.text}`),
            `stuck (no dated event for more than 12 months): ${project.stuck.map((s) => s.title).join('、') || 'none'}`,
            `long without an order (found more than 3 years ago): ${project.longWithoutOrder.map((s) => s.title).join('、') || 'none'}`,
            project.plans.length === 0 ? 'deployment plans: none' : `deployment plans (${project.plans.length}):`,
            ...project.plans.flatMap(planLines),
          ].join('\n'),
        );
      }),
    );

  const snapshot = program.command('snapshot').description('freeze the pipeline at a day (e.g. the end of a 年度) for later follow-up reports');
  snapshot
    .command('take')
    .description("each case's phase and stuck flag at the day, its project and status now")
    .requiredOption('--as-of <date>', 'the day (YYYY-MM-DD), e.g. 2021-03-31')
    .option('--label <text>', 'what to call it', '')
    .action((options: { asOf: string; label: string }) =>
      run(async (karte) => {
        const taken = await karte.call('snapshot.take', { asOf: options.asOf, label: options.label || `${options.asOf}時点` });
        print(taken, () => `snapshot ${taken.id} 「${taken.label}」 as of ${taken.asOf}: ${taken.cases} cases`);
      }),
    );

  program
    .command('snapshots')
    .description('the snapshots kept on this device')
    .action(() =>
      run(async (karte) => {
        const snapshots = await karte.call('snapshots.list', {});
        print(snapshots, () =>
          formatTable(
            ['id', 'as of', 'label', 'cases', 'taken', 'by'],
            snapshots.map((s) => [String(s.id), s.asOf, s.label, String(s.cases), s.takenAt.slice(0, 16).replace('T', ' '), s.author]),
          ),
        );
      }),
    );
}
