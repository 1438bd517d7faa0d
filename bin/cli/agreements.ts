import type { Command } from 'commander';
import { formatDate } from '../../shared/dates';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS } from '../../shared/labels';
import type { AgreementCandidate } from '../../shared/views';
import { shortId, type CliContext } from './context';
import { formatTable } from './table';

// `karte agreements suggest`: the timeline events the app would register as agreements (覚書, 協力覚書, 共同声明 …),
// and with --accept-all their registration, as 「協定として登録」 does on a case's timeline.

function candidatesText(candidates: AgreementCandidate[]): string {
  if (candidates.length === 0) return 'no event of this country reads as an agreement';
  return formatTable(
    ['event', 'date', 'kind', 'level', 'status', 'registered', 'case', 'text'],
    candidates.map((c) => [
      shortId(c.eventId),
      formatDate(c.date, 'ja') || '—',
      AGREEMENT_KIND_LABELS[c.kind].ja,
      c.signatoryLevel || '—',
      AGREEMENT_STATUS_LABELS[c.status].ja,
      c.agreementId === null ? '—' : shortId(c.agreementId),
      c.caseTitle,
      c.text,
    ]),
  );
}

export function registerAgreementCommands(program: Command, { run, print }: CliContext): void {
  const agreements = program.command('agreements').description('agreements (覚書, 協力覚書, 共同声明, E/N, MOA) recorded on the cases’ timelines');
  agreements
    .command('suggest')
    .description('the events of a country’s cases whose text records an agreement (署名, 覚書, 共同声明, 合意), with what would be registered, by date')
    .requiredOption('--country <iso2>', 'the country, e.g. VN')
    .option('--accept-all', 'register every one not registered yet, in one step (the app’s 「協定として登録」)')
    .action((o: { country: string; acceptAll?: boolean }) =>
      run(async (karte) => {
        let candidates = await karte.call('agreements.suggest', { country: o.country });
        const open = candidates.filter((c) => c.agreementId === null);
        let summary = '';
        if (o.acceptAll && open.length > 0) {
          const { created } = await karte.call('agreements.mark', { marks: open.map((c) => ({ eventId: c.eventId })) });
          candidates = await karte.call('agreements.suggest', { country: o.country });
          summary = `\nregistered ${created} agreement(s); ${candidates.length - created} were registered already`;
        } else if (o.acceptAll) summary = '\nnothing to register: every one is registered already';
        print(candidates, () => candidatesText(candidates) + summary);
      }),
    );
}
