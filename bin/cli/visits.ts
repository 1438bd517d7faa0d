import type { Command } from 'commander';
import { formatDate } from '../../shared/dates';
import { VISIT_KIND_LABELS } from '../../shared/labels';
import { countryNames, shortId, type CliContext } from './context';
import { formatTable } from './table';

// `karte visits` and `visit`: トップセールス, 官民ミッション, 政策対話.

export function registerVisitCommands(program: Command, { run, print }: CliContext): void {
  program
    .command('visits')
    .description('list visits (トップセールス, 官民ミッション, 政策対話) in date order')
    .option('--country <iso2>', 'only visits to this country')
    .action((filter: { country?: string }) =>
      run(async (karte) => {
        const rows = await karte.call('visits.list', filter);
        print(rows, () =>
          formatTable(
            ['id', 'country', 'dates', 'kind', 'cases', 'scope', 'title'],
            rows.map((v) => [shortId(v.id), countryNames([v.country]), formatDate(v.dates, 'ja') || '—', VISIT_KIND_LABELS[v.kind].ja, String(v.caseIds.length), v.scope, v.title]),
          ),
        );
      }),
    );

  program
    .command('visit')
    .description('show a visit: delegation, counterparts, objectives, asks and linked cases')
    .argument('<id>', 'visit id or its first characters')
    .action((id: string) =>
      run(async (karte) => {
        const visit = await karte.call('visit.get', { id });
        const cases = await Promise.all(visit.caseIds.map((caseId) => karte.call('case.get', { id: caseId })));
        print(visit, () =>
          [
            visit.title,
            `id        ${visit.id}`,
            `country   ${countryNames([visit.country])}    dates ${formatDate(visit.dates, 'ja') || '—'}    kind ${VISIT_KIND_LABELS[visit.kind].ja}    scope ${visit.scope}`,
            `目的      ${visit.objectives || '—'}`,
            `要望      ${visit.asks || '—'}`,
            '',
            '訪問団',
            ...visit.delegation.map((p) => `  ${p.name}  ${p.title}  [${p.level}]`),
            '面会先',
            ...visit.counterparts.map((p) => `  ${p.name}  ${p.title}  ${p.organisation}`),
            '案件',
            ...cases.map((detail) => `  ${shortId(detail.case.id)}  ${detail.case.title}`),
          ].join('\n'),
        );
      }),
    );
}
