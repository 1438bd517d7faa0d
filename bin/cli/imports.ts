import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ApiEvents } from '../../shared/api';
import { KarteError } from '../../shared/errors';
import type { TablePreview } from '../../shared/views';
import { shortId, type CliContext, type Io } from './context';

// `karte import FILE...`: karte JSON tables (and the council's support-schemes.json and track-records.json beside
// them), or Excel and CSV tables (karte's, and the council's two files as sheets), all or nothing, as the app's import
// screen sends them.

function progressLines(io: Io): (p: ApiEvents['import.progress']) => void {
  let lastReported = -1;
  return (p) => {
    // A line per tenth of a large file and one per small file: enough to follow a long import.
    const done = p.caseIndex === p.caseCount;
    const tenth = Math.floor((p.caseIndex * 10) / p.caseCount);
    if (!done && (p.caseCount < 100 || tenth === lastReported)) return;
    lastReported = done ? -1 : tenth;
    io.err(`importing ${p.file} (${p.fileIndex + 1}/${p.fileCount}): case ${p.caseIndex}/${p.caseCount}`);
  };
}

function tableProgressLines(io: Io): (p: ApiEvents['import.tableProgress']) => void {
  let last = '';
  return (p) => {
    // A line per stage and per tenth of its work.
    const step = `${p.stage} ${Math.floor((p.done * 10) / Math.max(p.total, 1))}`;
    if (step === last) return;
    last = step;
    io.err(`${p.stage} ${p.done}/${p.total}`);
  };
}

/** A table (.xlsx, .csv) rather than a karte JSON file. */
function isTable(file: string): boolean {
  return ['.xlsx', '.csv'].includes(path.extname(file).toLowerCase());
}

/** The council's sheets' counts, worded as a council JSON import's are; none when the files held no council sheet. */
function councilPreviewText({ council }: TablePreview): string[] {
  if (council.sheets.length === 0) return [];
  return [
    `council: ${council.added.schemes} support schemes added (${council.unchanged.schemes} already there), ` +
      `${council.added.trackRecords} track records added (${council.unchanged.trackRecords} already there), ${council.added.members} members added`,
  ];
}

function previewText(preview: TablePreview, applied: boolean, deleted: boolean): string {
  const sheets = [...preview.sheets, ...preview.council.sheets];
  const karte = preview.sheets.length > 0 || preview.council.sheets.length === 0;
  const lines = [
    `${applied ? 'imported' : 'would import'} ${sheets.map((s) => `${s.file} › ${s.sheet} (${s.kind}, ${s.rows} rows)`).join(', ')}`,
    ...(karte ? (['cases', 'events'] as const) : []).map(
      (table) =>
        `${table}: ${preview.added[table]} added, ${preview.changed[table]} changed, ${preview.unchanged[table]} unchanged, ` +
        `${preview.missing[table]} not in the file${preview.missing[table] > 0 && !deleted ? ' (kept: --delete-missing deletes them)' : deleted ? ' (deleted)' : ''}`,
    ),
    ...preview.fieldChanges.map((c) => `  ${c.table} ${shortId(c.id)} ${c.label}: ${c.field}: ${c.before} → ${c.after}`),
    ...preview.removals.map((r) => `  ${deleted ? 'deleted' : 'not in the file'}: ${r.table} ${shortId(r.id)} ${r.label}`),
    ...councilPreviewText(preview),
    ...preview.problems.map((p) => `problem: ${p.file}: ${p.message}`),
  ];
  return lines.join('\n');
}

export function registerImportCommand(program: Command, { io, run, print }: CliContext): void {
  program
    .command('import')
    .description('import karte JSON files, or tables (.xlsx, .csv): Karte’s flat layout, 別表 sheets, the council’s schemes and track records; all or nothing')
    .argument('<files...>')
    .option('--dry-run', 'tables only: print what would be added and changed, and write nothing')
    .option('--encoding <encoding>', 'a CSV file’s encoding: utf-8 | shift_jis (detected when not given)')
    .option('--accept-unread-dates', 'tables only: keep a 別表 event whose date reads as none (2019年度末ごろ) with that text as its date')
    .option('--delete-missing', 'tables only: delete the cases and events the flat sheets no longer hold (rows deleted in Excel)')
    .action((files: string[], options: { dryRun?: boolean; encoding?: string; acceptUnreadDates?: boolean; deleteMissing?: boolean }) => {
      const picked = files.map((file) => ({ name: path.basename(file), data: fs.readFileSync(file).toString('base64'), encoding: options.encoding }));
      const tables = files.filter(isTable).length;
      if (tables > 0 && tables < files.length) throw new KarteError('invalid_arguments', 'import karte JSON files and tables (.xlsx, .csv) separately', { field: 'files' });
      if (tables > 0) {
        const progress = tableProgressLines(io);
        return run(
          async (karte) => {
            const preview = await karte.call(options.dryRun ? 'import.tablesPreview' : 'import.tables', {
              files: picked,
              acceptUnreadDates: options.acceptUnreadDates,
              deleteMissing: options.deleteMissing,
            });
            print(preview, () => previewText(preview, !options.dryRun, !options.dryRun && options.deleteMissing === true));
          },
          { listen: (event, payload) => event === 'import.tableProgress' && progress(payload as ApiEvents['import.tableProgress']) },
        );
      }
      const progress = progressLines(io);
      return run(
        async (karte) => {
          const report = await karte.call('import.files', { files: picked.map(({ name, data }) => ({ name, data })) });
          const council = report.schemesAdded + report.schemesKept + report.trackRecordsAdded + report.trackRecordsKept > 0;
          print(
            report,
            () =>
              [
                `imported ${report.files} file(s): ${report.casesAdded} cases added (${report.casesKept} already there),`,
                `${report.eventsAdded} events added (${report.eventsKept} already there), ${report.dossiersAdded} dossiers added`,
              ].join(' ') +
              (council
                ? `\ncouncil: ${report.schemesAdded} support schemes added (${report.schemesKept} already there), ` +
                  `${report.trackRecordsAdded} track records added (${report.trackRecordsKept} already there), ${report.membersAdded} members added`
                : ''),
          );
        },
        { listen: (event, payload) => event === 'import.progress' && progress(payload as ApiEvents['import.progress']) },
      );
    });
}
