import type { Command } from 'commander';
import { PACK_DATE_STYLES } from '../../shared/pack/pack-input';
import { SCOPES } from '../../shared/scopes';
import { closePackBrowser } from '../../electron/services/pack/render-pdf';
import type { CliContext } from './context';
import { toFile } from './to-file';

// `karte direction print`: 方向性 one-pagers as an A4 PDF, through the same 'direction.export' call as the app's
// 「印刷（PDF）」 button, handed over by writing the file given.

interface DirectionPrintOptions {
  id?: string;
  country?: string;
  region?: string;
  audience: string;
  lang: string;
  dates: string;
  asOf?: string;
  out: string;
}

export function registerDirectionCommands(program: Command, { run, print }: CliContext): void {
  const direction = program.command('direction').description('方向性: the one-page line on one sector in a country or a region');
  direction
    .command('print')
    .description('write a direction (or every direction of a country or a region, a page each) as an A4 PDF marked with its audience')
    .option('--id <id>', 'the direction (its id or the first characters of it)')
    .option('--country <iso2>', 'every direction kept for the country that the audience may read')
    .option('--region <code>', 'every direction kept for the region (e.g. asean) that the audience may read')
    .requiredOption('--audience <scope>', `who reads it: ${SCOPES.join(' | ')}; a direction shared more narrowly is refused`)
    .option('--lang <lang>', 'ja | en', 'ja')
    .option('--dates <style>', `how the date is written: ${PACK_DATE_STYLES.join(' | ')}`, 'seireki')
    .option('--as-of <date>', 'the day it stands at (YYYY-MM-DD; today when left out)')
    .requiredOption('--out <file>', 'the PDF to write')
    .action(async (options: DirectionPrintOptions) => {
      const request = {
        id: options.id,
        country: options.country,
        region: options.region,
        audience: options.audience,
        lang: options.lang,
        dates: options.dates,
        asOf: options.asOf,
      };
      try {
        await run(
          async (karte) => {
            const exported = await karte.call('direction.export', request);
            print(exported, () => `wrote ${options.out} for ${options.audience}`);
          },
          { delivery: toFile(options.out) },
        );
      } finally {
        await closePackBrowser();
      }
    });
}
