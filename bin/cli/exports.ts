import type { Command } from 'commander';
import { KarteError } from '../../shared/errors';
import { SCOPES } from '../../shared/scopes';
import type { CliContext } from './context';
import { toFile } from './to-file';

// `karte export xlsx|csv`: dossiers as Excel (別表 sheets and flat sheets) or one flat sheet as CSV, through the
// same 'export.xlsx' and 'export.csv' calls as the app, handed over by writing the file given.

interface ExportOptions {
  country?: string[];
  all?: boolean;
  audience?: string;
  what?: string;
  out: string;
}

/** The countries an export holds: those given, or every one with --all; one of them must be said. */
function countriesOf(options: ExportOptions): string[] | undefined {
  if (options.all && options.country) throw new KarteError('invalid_arguments', 'give --country or --all, not both', { field: 'countries' });
  if (!options.all && !options.country) throw new KarteError('invalid_arguments', 'give --country ISO2 (one or more) or --all', { field: 'countries' });
  return options.all ? undefined : options.country;
}

export function registerExportCommand(program: Command, { run, print }: CliContext): void {
  const command = program.command('export').description('export dossiers as Excel or CSV');
  command
    .command('xlsx')
    .description('an .xlsx with a sheet per country in the 別表 layout, then flat sheets of cases and events (with their ids, for re-import)')
    .option('--country <iso2...>', 'the countries whose dossiers go in')
    .option('--all', 'every country with cases')
    .option('--audience <scope>', `leave out what is narrower than this audience: ${SCOPES.join(' | ')} (everything held when not given)`)
    .requiredOption('--out <file>', 'the .xlsx to write')
    .action((options: ExportOptions) =>
      run(
        async (karte) => {
          await karte.call('export.xlsx', { countries: countriesOf(options), audience: options.audience });
          print({ file: options.out }, () => `wrote ${options.out}`);
        },
        { delivery: toFile(options.out) },
      ),
    );
  command
    .command('csv')
    .description('one flat sheet as CSV (UTF-8 with a byte order mark, as Excel opens it)')
    .requiredOption('--what <sheet>', 'cases | events')
    .option('--country <iso2...>', 'only the cases of these countries (every case when not given)')
    .option('--audience <scope>', `leave out what is narrower than this audience: ${SCOPES.join(' | ')}`)
    .requiredOption('--out <file>', 'the .csv to write')
    .action((options: ExportOptions) =>
      run(
        async (karte) => {
          // Numbers and words that are none are refused by the API's schema, which names the field.
          await karte.call('export.csv', { what: options.what, countries: options.country, audience: options.audience });
          print({ file: options.out }, () => `wrote ${options.out}`);
        },
        { delivery: toFile(options.out) },
      ),
    );
}
