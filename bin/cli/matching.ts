import type { Command } from 'commander';
import { matchReasonsText, matchReasonText } from '../../shared/council/match-labels';
import type { ExcludedEntry, MatchEntry } from '../../shared/council/matching';
import { MATCH_LIST_LABELS, PHASE_LABELS } from '../../shared/labels';
import { PACK_DATE_STYLES } from '../../shared/pack/pack-input';
import { LABELS } from '../../shared/pack/pack-text';
import { PHASES } from '../../shared/phases';
import { sectorName } from '../../shared/reference/sectors';
import { SCOPES } from '../../shared/scopes';
import { closePackBrowser } from '../../electron/services/pack/render-pdf';
import { countryNames, phaseText, shortId, type CliContext } from './context';
import { toFile } from './to-file';

// `karte match CASE_ID`, `karte match member ORG_ID`, `karte sector SECTOR` and `karte sector print`: the council
// database's matching (ウ) and sector overview (ア), through the same API methods as the app. The text names each
// entry's reasons in words; the JSON gives each reason's code and params beside its words.

/** Each reason with its Japanese words beside its code and params, for scripts and people alike. */
function withText<T extends MatchEntry | ExcludedEntry>(entries: T[]): T[] {
  return entries.map((e) => ({ ...e, reasons: e.reasons.map((r) => ({ ...r, text: matchReasonText(r, 'ja') })) }));
}

function entryLines(heading: string, entries: (MatchEntry | ExcludedEntry)[]): string[] {
  if (entries.length === 0) return [`${heading}: なし`];
  return [`${heading}:`, ...entries.map((e, i) => `  ${i + 1}. ${e.name}  — ${matchReasonsText(e.reasons, 'ja')}`)];
}

interface SectorPrintOptions {
  audience: string;
  lang: string;
  dates: string;
  asOf?: string;
  out: string;
}

export function registerMatchingCommands(program: Command, { run, print }: CliContext): void {
  const match = program
    .command('match')
    .description('the support schemes, members and advisors that fit a case, best first, each with why (match CASE_ID), or what fits a member (match member ORG_ID)')
    .argument('<case>', 'case id or its first characters')
    .action((caseId: string) =>
      run(async (karte) => {
        const view = await karte.call('match.case', { caseId });
        const json = {
          case: view.case,
          needs: view.needs,
          schemes: withText(view.schemes),
          members: withText(view.members),
          advisors: withText(view.advisors),
          excluded: withText(view.excluded),
        };
        print(json, () =>
          [
            `${view.case.title} (${shortId(view.case.id)})`,
            `${countryNames(view.case.countries) || view.case.region || '—'} · ${sectorName(view.case.sector, '', 'ja')} · ${phaseText(view.case.phase)}`,
            `支援が要る段階: ${view.needs.map((p) => PHASE_LABELS[p].ja).join('、')}`,
            '',
            ...entryLines(MATCH_LIST_LABELS.schemes.ja, view.schemes),
            ...entryLines(MATCH_LIST_LABELS.members.ja, view.members),
            ...entryLines(MATCH_LIST_LABELS.advisors.ja, view.advisors),
            ...entryLines(MATCH_LIST_LABELS.excluded.ja, view.excluded),
          ].join('\n'),
        );
      }),
    );

  match
    .command('member')
    .description('the open cases that fit what a member offers and where it worked, and the support schemes it can use')
    .argument('<organisation>', 'organisation id or its first characters')
    .action((organisationId: string) =>
      run(async (karte) => {
        const view = await karte.call('match.member', { organisationId });
        const json = { ...view, cases: withText(view.cases), schemes: withText(view.schemes), excluded: withText(view.excluded) };
        print(json, () =>
          [
            view.organisation.nameJa,
            `分野: ${view.sectors.map((s) => sectorName(s, '', 'ja')).join('、') || '—'} · 実績国: ${countryNames(view.countries) || '—'}`,
            '',
            ...entryLines(
              MATCH_LIST_LABELS.cases.ja,
              view.cases.map((c) => ({ ...c, name: `${c.name} [${countryNames(c.countries) || '—'} · ${phaseText(c.phase)}]` })),
            ),
            ...entryLines(MATCH_LIST_LABELS.schemes.ja, view.schemes),
            ...entryLines(MATCH_LIST_LABELS.excluded.ja, view.excluded),
          ].join('\n'),
        );
      }),
    );

  const sector = program
    .command('sector')
    .description('(ア) a sector: its cases by phase across countries, the schemes serving it, the members offering it, the advisors knowing it')
    .argument('<sector>', 'sector code or label (waste_to_energy, 廃棄物, 上水道 …)')
    .action((text: string) =>
      run(async (karte) => {
        const view = await karte.call('sector.overview', { sector: text });
        const json = { ...view, schemes: withText(view.schemes), members: withText(view.members), advisors: withText(view.advisors) };
        print(json, () => {
          const byPhase = [...PHASES, 'none' as const].flatMap((p) => {
            const cases = view.byPhase[p];
            if (cases.length === 0) return [];
            return [
              `  ${p === 'none' ? LABELS.noPhase.ja : phaseText(p)} (${cases.length})`,
              ...cases.map((c) => `    ${countryNames(c.countries) || c.region || '—'}  ${c.title}`),
            ];
          });
          return [
            sectorName(view.sector, '', 'ja'),
            '',
            `${MATCH_LIST_LABELS.cases.ja}:`,
            ...(byPhase.length === 0 ? ['  なし'] : byPhase),
            ...entryLines(MATCH_LIST_LABELS.schemes.ja, view.schemes),
            ...entryLines(MATCH_LIST_LABELS.members.ja, view.members),
            ...entryLines(MATCH_LIST_LABELS.advisors.ja, view.advisors),
          ].join('\n');
        });
      }),
    );

  sector
    .command('print')
    .description("write a sector's page (its cases, schemes, members and advisors) as an A4 PDF marked with its audience")
    .argument('<sector>', 'sector code or label')
    .requiredOption('--audience <scope>', `who reads it: ${SCOPES.join(' | ')}; what is shared more narrowly is left out`)
    .option('--lang <lang>', 'ja | en', 'ja')
    .option('--dates <style>', `how the date is written: ${PACK_DATE_STYLES.join(' | ')}`, 'seireki')
    .option('--as-of <date>', 'the day it stands at (YYYY-MM-DD; today when left out)')
    .requiredOption('--out <file>', 'the PDF to write')
    .action(async (text: string, options: SectorPrintOptions) => {
      try {
        await run(
          async (karte) => {
            const exported = await karte.call('sector.export', { sector: text, audience: options.audience, lang: options.lang, dates: options.dates, asOf: options.asOf });
            print(exported, () => `wrote ${options.out} for ${options.audience}`);
          },
          { delivery: toFile(options.out) },
        );
      } finally {
        await closePackBrowser();
      }
    });
}
