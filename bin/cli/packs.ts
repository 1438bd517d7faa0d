import type { Command } from 'commander';
import { dayOf } from '../../shared/dates';
import { PACK_DATE_STYLES, PACK_FORMATS, PACK_SECTIONS } from '../../shared/pack/pack-input';
import { SCOPES } from '../../shared/scopes';
import { KarteError } from '../../shared/errors';
import { closePackBrowser } from '../../electron/services/pack/render-pdf';
import type { CliContext } from './context';
import { toFile } from './to-file';

// `karte pack`: a briefing pack (説明資料) as an A4 PDF or a Word document, through the same 'pack.export' call as the app, and
// `karte report projects`: the follow-up report of the 20 priority projects; here each is handed over by writing it
// to the file given.

function listOption(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

interface PackOptions {
  country?: string;
  visit?: string;
  cases?: string;
  lang: string;
  counterpartLang?: string;
  sections?: string;
  dates: string;
  casePerPage?: boolean;
  issuer?: string;
  number?: string;
  distribution?: string;
  handleWithCare?: boolean;
  audience: string;
  format: string;
  out: string;
}

export function registerPackCommand(program: Command, { run, print }: CliContext): void {
  program
    .command('pack')
    .description('write a country briefing pack (説明資料) as an A4 PDF or a Word document, with nothing above its audience')
    .option('--country <iso2>', "the country of the dossier (the visit's country with --visit)")
    .option('--visit <id>', 'a pack for this visit: its objectives and asks, and its linked cases unless --cases is given')
    .option('--cases <ids>', 'only these cases, comma-separated ids or id prefixes, in this order')
    .option('--lang <lang>', 'ja | en', 'ja')
    .option('--counterpart-lang <code>', "the counterpart's language (ISO 639-1, e.g. vi): its translations print beside summaries and talking points")
    .option(
      '--sections <names>',
      `only these sections, comma-separated (the cover and contents always print): ${PACK_SECTIONS.join(', ')}; all but plan (the deployment plans) when not given`,
    )
    .option('--dates <style>', `how every date is written: ${PACK_DATE_STYLES.join(' | ')} (西暦, 和暦 令和2年1月, or both 令和2年1月（2020年1月）)`, 'seireki')
    .option('--case-per-page', 'each case on a page of its own (else the cases follow one another)')
    .option('--issuer <text>', 'the issuing office on the cover, e.g. 総務省国際戦略局')
    .option('--number <text>', 'the document number on the cover, e.g. 資料1')
    .option('--distribution <text>', 'to whom the pack is distributed (配布先), on the cover')
    .option('--handle-with-care', 'mark the cover and every page 取扱注意')
    .requiredOption('--audience <scope>', `who reads it: ${SCOPES.join(' | ')}`)
    .option('--format <format>', `${PACK_FORMATS.join(' | ')}: a PDF, or a Word document (.docx) to edit before printing`, 'pdf')
    .requiredOption('--out <file>', 'the PDF or .docx to write')
    .action(async (options: PackOptions) => {
      const request = {
        format: options.format,
        country: options.country,
        visitId: options.visit,
        caseIds: listOption(options.cases),
        lang: options.lang,
        counterpartLang: options.counterpartLang,
        sections: listOption(options.sections),
        audience: options.audience,
        asOf: dayOf(new Date()),
        dates: options.dates,
        casePerPage: options.casePerPage,
        cover: { issuer: options.issuer, number: options.number, distribution: options.distribution, handleWithCare: options.handleWithCare },
      };
      try {
        await run(
          async (karte) => {
            const exported = await karte.call('pack.export', request);
            print(exported, () => `wrote ${options.out} for ${options.audience}`);
          },
          { delivery: toFile(options.out) },
        );
      } finally {
        await closePackBrowser();
      }
    });
}

export function registerReportCommand(program: Command, { run, print }: CliContext): void {
  program
    .command('report')
    .description('write the follow-up report of the 20 priority projects (「20(にいまる)」) as an A4 PDF')
    .argument('<what>', 'projects')
    .option('--since <date>', "what moved is counted from this day (YYYY-MM-DD; the snapshot's day with --snapshot)")
    .option('--snapshot <id>', 'compare the cases with this snapshot (karte snapshots): what advanced, is new, stalled, was dropped')
    .requiredOption('--audience <scope>', `who reads it: ${SCOPES.join(' | ')}`)
    .requiredOption('--out <file>', 'the PDF to write')
    .option('--as-of <date>', 'the day the report stands at (YYYY-MM-DD; today when left out)')
    .option('--lang <lang>', 'ja | en', 'ja')
    .action(async (what: string, options: { since?: string; snapshot?: string; audience: string; out: string; asOf?: string; lang: string }) => {
      if (what !== 'projects') throw new KarteError('invalid_arguments', `no report of '${what}': the one report is 'projects'`, { field: 'what' });
      if (options.since === undefined && options.snapshot === undefined) throw new KarteError('invalid_arguments', 'give --since DATE or --snapshot ID', { field: 'since' });
      // A number that is no number stays so: the API's schema refuses it and says why.
      const snapshotId = options.snapshot === undefined ? undefined : Number(options.snapshot);
      try {
        await run(
          async (karte) => {
            const snapshot = snapshotId === undefined ? undefined : (await karte.call('snapshots.list', {})).find((s) => s.id === snapshotId);
            if (snapshotId !== undefined && snapshot === undefined)
              throw new KarteError('not_found', `no snapshot ${options.snapshot} on this device (karte snapshots lists them)`, { field: 'snapshot' });
            const since = options.since ?? (snapshot?.asOf as string);
            const request = { audience: options.audience, lang: options.lang, since, asOf: options.asOf ?? dayOf(new Date()), snapshotId };
            const exported = await karte.call('projectReport.export', request);
            print(exported, () => `wrote ${options.out} for ${options.audience}`);
          },
          { delivery: toFile(options.out) },
        );
      } finally {
        await closePackBrowser();
      }
    });
}
