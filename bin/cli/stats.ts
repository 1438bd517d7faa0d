import type { Command } from 'commander';
import type { PipelineView, StuckCase } from '../../shared/analytics/pipeline';
import type { DurationSummary } from '../../shared/analytics/survival';
import { PHASE_LABELS } from '../../shared/labels';
import { PHASES } from '../../shared/phases';
import { sectorName } from '../../shared/reference/sectors';
import { phaseText, shortId, type CliContext } from './context';
import { formatTable } from './table';

// `karte stats`: pipeline analytics (time to order, stuck cases, funnel by cohort, sector × region).

function months(value: number | null): string {
  return value === null ? '—' : String(value);
}

function summaryRow(label: string, s: DurationSummary): string[] {
  return [label, String(s.n), String(s.open), months(s.lowerQuartile), months(s.median), months(s.upperQuartile)];
}

const SUMMARY_HEADER = ['', 'cases', 'open', 'Q1', 'median', 'Q3'];

function hurdleText(hurdle: StuckCase['oldestOpenHurdle']): string {
  return hurdle === null ? '' : `${hurdle.description}${hurdle.since === null ? '' : ` (${hurdle.since}～)`}`;
}

function stuckLines(title: string, cases: StuckCase[], unit: string): string {
  if (cases.length === 0) return `${title}: none`;
  return `${title} (${cases.length}):\n${formatTable(
    ['id', 'phase', 'last event', unit, 'title', 'oldest open hurdle'],
    cases.map((c) => [shortId(c.id), phaseText(c.currentPhase), c.lastEvent ?? '—', months(c.months), c.title, hurdleText(c.oldestOpenHurdle)]),
  )}`;
}

/** The 年度 of discovery the figures were narrowed to, as words ('' when they were not). */
function periodText(from: number | undefined, to: number | undefined): string {
  if (from === undefined && to === undefined) return '';
  if (from === to) return ` discovered in ${from}年度`;
  return ` discovered in ${from === undefined ? '' : `${from}年度`}–${to === undefined ? '' : `${to}年度`}`;
}

function summaryText(stats: PipelineView, period: string): string {
  const sectorLabels = new Map(stats.cases.map((c) => [c.sector, sectorName(c.sector, '', 'ja')]));
  return [
    `as of ${stats.asOf}: ${stats.totals.cases} cases${period}, ${stats.totals.won} with an order`,
    '',
    'months from discovery to the first order (Kaplan–Meier: open cases count for the months they have run):',
    formatTable(SUMMARY_HEADER, [
      summaryRow('all', stats.timeToOrder.all),
      ...Object.entries(stats.timeToOrder.bySector).map(([sector, s]) => summaryRow(sectorLabels.get(sector) ?? sector, s)),
    ]),
    '',
    'months spent in each phase:',
    formatTable(
      SUMMARY_HEADER,
      Object.entries(stats.timeInPhase).map(([phase, s]) => summaryRow(PHASE_LABELS[phase as keyof typeof PHASE_LABELS].ja, s)),
    ),
    '',
    stuckLines(`stuck (停滞: no dated event for more than ${stats.rules.monthsWithoutEvent.none} months)`, stats.stuck, 'months'),
    '',
    stuckLines(`long without an order (長期未受注: found more than ${stats.rules.yearsWithoutOrder} years ago)`, stats.longWithoutOrder, 'months'),
    '',
    'funnel by 年度 of discovery (cases that reached each phase or a later one):',
    formatTable(
      ['年度', 'cases', ...PHASES.map((p) => PHASE_LABELS[p].ja), 'open'],
      stats.funnel.map((f) => [String(f.fiscalYear), String(f.size), ...PHASES.map((p) => String(f.reached[p])), String(f.open)]),
    ),
  ].join('\n');
}

export function registerStatsCommand(program: Command, { run, print }: CliContext): void {
  program
    .command('stats')
    .description('pipeline analytics: months to order, time in each phase, stuck cases, funnel by cohort')
    .option('--as-of <date>', 'the day the figures stand at (YYYY-MM-DD; today when left out)')
    .option('--country <iso2>', 'only cases in this country')
    .option('--region <region>', 'only cases in this region (ASEAN, 中南米 …)')
    .option('--sector <sector>', 'only cases of this sector (code or label)')
    .option('--status <status>', 'only cases with this status (active, won, on_hold, dropped)')
    .option('--from-fy <年度>', 'only cases discovered (their earliest dated event) in this 年度 or later (2019 for April 2019 to March 2020)')
    .option('--to-fy <年度>', 'only cases discovered in this 年度 or earlier')
    .option('--organisation <id>', 'only cases owned by this organisation (its id, or the first characters of it)')
    .option('--stuck-months <n>', 'months without a dated event after which an active case is stuck', '12')
    .option('--years-without-order <n>', 'years after discovery without an order before a case is listed', '3')
    .action((options: Record<string, string | undefined>) =>
      run(async (karte) => {
        const { asOf, stuckMonths, yearsWithoutOrder, fromFy, toFy, ...filter } = options;
        const year = (value: string | undefined) => (value === undefined ? undefined : Number(value));
        // Numbers that are no numbers stay so: the API's schema refuses them and says why.
        const stats = await karte.call('stats.get', {
          ...filter,
          asOf,
          discoveredFrom: year(fromFy),
          discoveredTo: year(toFy),
          stuckMonths: Number(stuckMonths),
          yearsWithoutOrder: Number(yearsWithoutOrder),
        });
        print(stats, () => summaryText(stats, periodText(year(fromFy), year(toFy))));
      }),
    );
}
