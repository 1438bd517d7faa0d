import type { Command } from 'commander';
import {
  FINANCING_SCHEME_LABELS,
  FINANCING_STATUS_LABELS,
  HURDLE_STATUS_LABELS,
  INDICATOR_LEVEL_LABELS,
  INDICATOR_STATUS_LABELS,
  PARTNER_ORIGIN_LABELS,
} from '../../shared/labels';
import { HURDLE_TEXT_FIELDS, INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_LEVELS, INDICATOR_MEASURES, INDICATOR_TEXT_FIELDS, PLAN_TEXT_FIELDS } from '../../shared/model/plan';
import { targetOf } from '../../shared/plan/indicator-status';
import type { PlanComparison, PlanView } from '../../shared/views';
import { countryNames, shortId, showValue, type CliContext } from './context';
import { formatTable } from './table';

// `karte plan CASE_ID`: a case's deployment plan (展開実施プラン), and the commands that edit it: its fields, its
// indicators with each period's values, its hurdles and its revisions. `karte plans` lists the overdue follow-ups.

function planText(view: PlanView): string {
  const plan = view.plan;
  if (plan === null) return `${view.caseTitle}: no deployment plan yet (start one with karte plan set ${shortId(view.caseId)} counterpartNeeds "…")`;
  const lines = [
    `展開実施プラン: ${view.caseTitle}  [${INDICATOR_STATUS_LABELS[view.status].ja}] scope ${plan.scope}${view.followUpOverdue ? '  follow-up overdue' : ''}`,
    `counterpartNeeds: ${plan.counterpartNeeds || '—'}`,
    `pathToOrder: ${plan.pathToOrder || '—'}`,
    `problem: ${plan.problem || '—'}`,
    `partners: ${plan.partners.map((p) => `${p.name} (${PARTNER_ORIGIN_LABELS[p.origin].ja}${p.organisation ? `, ${p.organisation}` : ''}): ${p.role}`).join('; ') || '—'}`,
    `financing: ${plan.financing.map((f) => `${FINANCING_SCHEME_LABELS[f.scheme].ja} ${FINANCING_STATUS_LABELS[f.status].ja}${f.note ? ` (${f.note})` : ''}`).join('; ') || '—'}`,
    `followUpDate: ${plan.followUpDate?.text ?? '—'}`,
    '',
    view.indicators.length === 0 ? `indicators: none (reason: ${plan.noIndicatorsReason || 'not given'})` : 'indicators:',
    ...view.indicators.flatMap((i) => [
      `  ${shortId(i.id)} ${INDICATOR_LEVEL_LABELS[i.level].ja} ${i.statement} [${INDICATOR_STATUS_LABELS[i.reading.status].ja}] baseline ${showValue(i.baseline)}${i.unit}`,
      ...i.periods.map(
        (p) =>
          `      ${p.period.text}: target ${showValue(p.target)}${p.revisedTarget === null ? '' : ` → revised ${showValue(p.revisedTarget)}`} actual ${showValue(p.actual)}${p.comment ? `  ${p.comment}` : ''}`,
      ),
    ]),
    view.hurdles.length === 0 ? `hurdles: none (reason: ${plan.noHurdlesReason || 'not given'})` : 'hurdles:',
    ...view.hurdles.flatMap((h) => [
      `  ${shortId(h.id)} [${HURDLE_STATUS_LABELS[h.status].ja}] ${h.description}${h.since ? ` (since ${h.since.text})` : ''}${h.counterpart ? ` — ${h.counterpart}` : ''}`,
      ...h.measures.map((m) => `      → ${m.text}${m.actor ? ` (${m.actor})` : ''}`),
    ]),
    `revisions: ${view.revisions.map((r) => `${shortId(r.id)} ${r.label || '—'} (${r.savedAt.slice(0, 10)}, ${r.savedBy})`).join('; ') || 'none'}`,
  ];
  return lines.join('\n');
}

function comparisonText(comparison: PlanComparison): string {
  const name = (side: PlanComparison['from']) => (side === 'current' ? 'current' : `${side.label || shortId(side.id)} (${side.savedAt.slice(0, 10)})`);
  if (comparison.differences.length === 0) return `${name(comparison.from)} → ${name(comparison.to)}: no differences`;
  return [
    `${name(comparison.from)} → ${name(comparison.to)}:`,
    ...comparison.differences.map((d) => {
      const what = [d.change, d.part, d.label].filter((word) => word !== '').join(' ');
      return d.change === 'changed' ? `  ${what} ${d.field}: ${showValue(d.before)} → ${showValue(d.after)}` : `  ${what}`;
    }),
  ].join('\n');
}

/** The period values options, in the names the API takes. */
interface PeriodOptions {
  target?: string;
  revisedTarget?: string;
  actual?: string;
  comment?: string;
  evidence?: string;
}

export function registerPlanCommands(program: Command, { run, print }: CliContext): void {
  const show = (view: PlanView) => print(view, () => planText(view));
  const plan = program
    .command('plan')
    .description('a case’s deployment plan (展開実施プラン): show it, or edit it with the commands below')
    .argument('<caseId>', 'case id or its first characters')
    .action((caseId: string) => run(async (karte) => show(await karte.call('plan.get', { caseId }))));

  plan
    .command('set')
    .description(`set one field of a case's plan from text (starts the plan): ${PLAN_TEXT_FIELDS.join(', ')}`)
    .argument('<caseId>')
    .argument('<field>', 'partners: "name / domestic|foreign / organisation / role; …"; financing: "jica_loan:considering; jbic:applied"')
    .argument('<value>')
    .action((caseId: string, field: string, text: string) => run(async (karte) => show(await karte.call('plan.setText', { caseId, field, text }))));

  const indicator = plan.command('indicator').description('the plan’s indicators (logical framework)');
  indicator
    .command('add')
    .description('add an indicator to a case’s plan')
    .argument('<caseId>')
    .argument('<statement>', 'what is measured, e.g. 郵便物の区分処理能力')
    .option('--level <level>', INDICATOR_LEVELS.join(' | '), 'outcome')
    .option('--kind <kind>', INDICATOR_KINDS.join(' | '), 'social')
    .option('--unit <unit>', 'e.g. 通/時, 件, %', '')
    .option('--measure <measure>', INDICATOR_MEASURES.join(' | '), 'number')
    .option('--direction <direction>', INDICATOR_DIRECTIONS.join(' | '), 'higher')
    .option('--cumulative', 'actuals add up from period to period')
    .option('--baseline <value>', 'the starting value; na when not available')
    .option('--baseline-date <date>', 'as written: 2020年, 2019年度')
    .option('--verification <text>', 'means of verification (入手手段)', '')
    .action(
      (
        caseId: string,
        statement: string,
        o: { level: string; kind: string; unit: string; measure: string; direction: string; cumulative?: boolean; baseline?: string; baselineDate?: string; verification: string },
      ) =>
        run(async (karte) => {
          const { baselineDate, ...rest } = o;
          const { id } = await karte.call('indicator.add', { caseId, values: { ...rest, statement, cumulative: o.cumulative === true } });
          if (baselineDate !== undefined) await karte.call('indicator.setText', { id, field: 'baselineDate', text: baselineDate });
          print({ id }, () => id);
        }),
    );
  indicator
    .command('set')
    .description(`set one field of an indicator from text: ${INDICATOR_TEXT_FIELDS.join(', ')}`)
    .argument('<id>', 'indicator id or its first characters')
    .argument('<field>')
    .argument('<value>')
    .action((id: string, field: string, text: string) => run(async (karte) => show(await karte.call('indicator.setText', { id, field, text }))));
  indicator
    .command('delete')
    .argument('<id>')
    .action((id: string) => run(async (karte) => show(await karte.call('indicator.delete', { id }))));

  plan
    .command('period')
    .description('an indicator’s values for one period (a 年度 by default); a revised target is kept beside the original')
    .argument('<indicatorId>')
    .argument('<period>', '2024年度, or 2024 for the same')
    .option('--target <value>')
    .option('--revised-target <value>')
    .option('--actual <value>')
    .option('--comment <text>')
    .option('--evidence <text>', 'where the actual comes from')
    .action((indicatorId: string, period: string, values: PeriodOptions) =>
      run(async (karte) => {
        const view = await karte.call('period.set', { indicatorId, period, values });
        const shown = view.indicators.find((i) => i.id.startsWith(indicatorId));
        print(view, () =>
          shown
            ? `${shown.statement}: ${shown.periods.map((p) => `${p.period.text} target ${showValue(targetOf(p))} actual ${showValue(p.actual)}`).join('; ')} [${INDICATOR_STATUS_LABELS[shown.reading.status].ja}]`
            : planText(view),
        );
      }),
    );

  const hurdle = plan.command('hurdle').description('the plan’s external hurdles (外的事情)');
  hurdle
    .command('add')
    .argument('<caseId>')
    .argument('<description>')
    .option('--since <date>', 'as written: 2022年, 2023年4月')
    .option('--counterpart <text>', 'the counterpart involved', '')
    .action((caseId: string, description: string, o: { since?: string; counterpart: string }) =>
      run(async (karte) => {
        const { id } = await karte.call('hurdle.add', { caseId, values: { description, counterpart: o.counterpart } });
        if (o.since !== undefined) await karte.call('hurdle.setText', { id, field: 'since', text: o.since });
        print({ id }, () => id);
      }),
    );
  hurdle
    .command('set')
    .description(`set one field of a hurdle from text: ${HURDLE_TEXT_FIELDS.join(', ')} (status: open | resolved)`)
    .argument('<id>')
    .argument('<field>')
    .argument('<value>')
    .action((id: string, field: string, text: string) => run(async (karte) => show(await karte.call('hurdle.setText', { id, field, text }))));
  hurdle
    .command('measure')
    .description('add what is being done about a hurdle, and by whom')
    .argument('<id>')
    .argument('<text>')
    .option('--actor <who>', 'who acts', '')
    .action((id: string, text: string, o: { actor: string }) => run(async (karte) => show(await karte.call('hurdle.addMeasure', { id, measure: { text, actor: o.actor } }))));
  hurdle
    .command('delete')
    .argument('<id>')
    .action((id: string) => run(async (karte) => show(await karte.call('hurdle.delete', { id }))));

  plan
    .command('revision')
    .description('save the plan as it stands as a revision, with who and when')
    .argument('<caseId>')
    .option('--label <text>', 'what to call it, e.g. 2024年度当初', '')
    .action((caseId: string, o: { label: string }) =>
      run(async (karte) => {
        const { id } = await karte.call('plan.saveRevision', { caseId, label: o.label });
        print({ id }, () => id);
      }),
    );
  plan
    .command('compare')
    .description('two revisions side by side: what was added, removed, changed')
    .argument('<caseId>')
    .argument('<from>', 'a revision id, or current')
    .argument('[to]', 'a revision id, or current', 'current')
    .action((caseId: string, from: string, to: string) =>
      run(async (karte) => {
        const comparison = await karte.call('plan.compare', { caseId, from, to });
        print(comparison, () => comparisonText(comparison));
      }),
    );

  program
    .command('plans')
    .description('deployment plans whose follow-up date has passed (cases not dropped)')
    .action(() =>
      run(async (karte) => {
        const due = await karte.call('plans.overdue', {});
        print(due, () =>
          due.length === 0
            ? 'no follow-up is overdue'
            : formatTable(
                ['case', 'country', 'follow-up', 'status', 'title'],
                due.map((d) => [shortId(d.caseId), countryNames(d.countries), d.followUpDate.text, INDICATOR_STATUS_LABELS[d.status].ja, d.caseTitle]),
              ),
        );
      }),
    );
}
