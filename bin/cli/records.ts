import type { Command } from 'commander';
import { formatDate } from '../../shared/dates';
import { PHASE_LABELS } from '../../shared/labels';
import { CASE_TEXT_FIELDS } from '../../shared/model/case';
import { PHASES } from '../../shared/phases';
import { sectorName } from '../../shared/reference/sectors';
import type { HistoryEntry } from '../../shared/views';
import { countryNames, phaseText, shortId, showValue, timeText, type CliContext } from './context';
import { formatTable } from './table';

// `karte countries`, `cases`, `case`, `case set`, `history`, `search`: reading and changing cases.

function historyLines(entries: HistoryEntry[]): string[] {
  const lines: string[] = [];
  entries.forEach((e, i) => {
    // A part of the case by its kind, singular (event, plan, indicator, hurdle …); a revision's content is too long for a line.
    const record = e.table === 'cases' ? 'case' : `${e.table.replace(/s$/, '')} ${shortId(e.rowId)}`;
    const when = `${timeText(e.at)}  ${e.author}`;
    if (!e.created) {
      lines.push(`${when}  ${record}.${e.field}  ${showValue(e.old)} → ${showValue(e.value)}`);
      return;
    }
    // The fields a record was created with go on one line.
    if (i > 0 && entries[i - 1].created && entries[i - 1].hlc === e.hlc) return;
    const fields = entries.filter((other) => other.hlc === e.hlc && other.field !== 'caseId');
    lines.push(`${when}  created ${record}: ${fields.map((f) => `${f.field}=${f.field === 'content' ? '…' : showValue(f.value)}`).join(', ')}`);
  });
  return lines;
}

export function registerRecordCommands(program: Command, { run, print }: CliContext): void {
  program
    .command('countries')
    .description('countries with cases, counted by current phase')
    .action(() =>
      run(async (karte) => {
        const rows = await karte.call('countries.list', {});
        print(rows, () =>
          formatTable(
            ['ISO', 'country', 'cases', ...PHASES.map((p) => PHASE_LABELS[p].ja), '—'],
            rows.map((r) => [r.iso2, `${r.ja} (${r.en})`, String(r.cases), ...PHASES.map((p) => String(r.byPhase[p])), String(r.byPhase.none)]),
          ),
        );
      }),
    );

  program
    .command('cases')
    .description('list cases')
    .option('--country <iso2>', 'only cases in this country')
    .option('--region <region>', 'only cases in this region (ASEAN, 中南米 …)')
    .option('--sector <sector>', 'only cases of this sector (code or label)')
    .option('--phase <phase>', `only cases whose current phase is this (${PHASES.join(', ')}, none)`)
    .option('--status <status>', 'only cases with this status (active, won, on_hold, dropped)')
    .action((filter: Record<string, string | undefined>) =>
      run(async (karte) => {
        const rows = await karte.call('cases.list', filter);
        print(rows, () =>
          formatTable(
            ['id', 'country', 'sector', 'phase', 'status', 'events', 'title'],
            rows.map((c) => [
              shortId(c.id),
              countryNames(c.countries) || c.region,
              sectorName(c.sector, c.sectorLabel, 'ja'),
              phaseText(c.currentPhase),
              c.status,
              String(c.eventCount),
              c.title,
            ]),
          ),
        );
      }),
    );

  const caseCommand = program
    .command('case')
    .description('show a case with its events phase by phase (case ID), or change it (case set ID FIELD VALUE)')
    .argument('<id>', 'case id or its first characters')
    .action((id: string) =>
      run(async (karte) => {
        const detail = await karte.call('case.get', { id });
        print(detail, () => {
          const c = detail.case;
          const lines = [
            `${c.title}`,
            `id        ${c.id}`,
            `country   ${countryNames(c.countries) || '—'}${c.region ? ` (${c.region})` : ''}`,
            `sector    ${c.sectorLabel} [${c.sector}]`,
            `summary   ${c.summary || '—'}`,
            `status    ${c.status}    phase ${phaseText(detail.currentPhase)}    scope ${c.scope}`,
            `今後の方針 ${c.futurePolicy || '—'}`,
          ];
          for (const phase of PHASES) {
            const events = detail.events.filter((e) => e.phase === phase);
            if (events.length === 0) continue;
            lines.push('', `【${PHASE_LABELS[phase].ja}】`);
            for (const e of events) lines.push(`  ${shortId(e.id)}  ${(formatDate(e.date, 'ja') || '日付不明').padEnd(12)}  ${e.text}  [${e.scope}]`);
          }
          if (c.notes) lines.push('', `notes     ${c.notes}`);
          return lines.join('\n');
        });
      }),
    );
  caseCommand
    .command('set')
    .description(`set one field of a case from text: ${CASE_TEXT_FIELDS.join(', ')}`)
    .argument('<id>')
    .argument('<field>')
    .argument('<value>')
    .action((id: string, field: string, text: string) =>
      run(async (karte) => {
        const detail = await karte.call('case.setText', { id, field, text });
        print(detail.case, () => `set ${field} of ${shortId(detail.case.id)}`);
      }),
    );

  program
    .command('history')
    .description('the change log of a case and its events: who, when, field, old → new')
    .argument('<caseId>')
    .action((id: string) =>
      run(async (karte) => {
        const entries = await karte.call('history.case', { id });
        print(entries, () => historyLines(entries).join('\n'));
      }),
    );

  program
    .command('search')
    .description('search cases, events and dossiers (Japanese or English, two characters and up)')
    .argument('<query...>')
    .option('--limit <n>', 'at most this many hits', '50')
    .action((words: string[], options: { limit: string }) =>
      run(async (karte) => {
        // A limit that is no number stays no number: the API's schema refuses it and says why.
        const result = await karte.call('search', { query: words.join(' '), limit: Number(options.limit) });
        print(result, () => {
          const count = `${result.total}${result.totalCapped ? '+' : ''}`;
          const lines = [`${count} match(es) for '${result.query}'${result.total > result.hits.length ? `, newest ${result.hits.length} shown` : ''}`];
          for (const hit of result.hits) {
            const where = hit.caseTitle ? `${countryNames(hit.countries) || '—'} / ${hit.caseTitle}` : hit.kind;
            const when = hit.date ? ` ${formatDate(hit.date, 'ja')}` : '';
            lines.push(`${hit.kind.padEnd(9)} ${shortId(hit.id)}  ${where}${hit.phase ? `  【${phaseText(hit.phase)}】` : ''}${when}`, `          ${hit.excerpt}`);
          }
          return lines.join('\n');
        });
      }),
    );
}
