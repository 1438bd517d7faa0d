import type { Command } from 'commander';
import { EVENT_TEXT_FIELDS } from '../../shared/model/stage-event';
import { PHASES } from '../../shared/phases';
import { shortId, type CliContext } from './context';

// `karte event add` and `event set`: the stage events of a case.

export function registerEventCommands(program: Command, { run, print }: CliContext): void {
  const eventCommand = program.command('event').description('add or change stage events');
  eventCommand
    .command('add')
    .description('add an event to a case')
    .argument('<caseId>')
    .requiredOption('--phase <phase>', PHASES.join(' | '))
    .requiredOption('--date <text>', 'as written: 2020年1月, 2019年度, 2018年夏, 2020-01-15, "" for unknown')
    .requiredOption('--text <text>', 'what happened')
    .option('--scope <scope>', 'internal | government | council | public (default: the case scope)')
    .action((caseId: string, options: { phase: string; date: string; text: string; scope?: string }) =>
      run(async (karte) => {
        const { id } = await karte.call('event.add', { caseId, ...options });
        print({ id }, () => id);
      }),
    );
  eventCommand
    .command('set')
    .description(`set one field of an event from text: ${EVENT_TEXT_FIELDS.join(', ')}`)
    .argument('<id>', 'event id or its first characters')
    .argument('<field>')
    .argument('<value>')
    .action((id: string, field: string, text: string) =>
      run(async (karte) => {
        const detail = await karte.call('event.setText', { id, field, text });
        print(detail, () => `set ${field} of an event of ${shortId(detail.case.id)}`);
      }),
    );
}
