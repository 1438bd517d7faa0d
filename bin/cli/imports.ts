import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ApiEvents } from '../../shared/api';
import type { CliContext, Io } from './context';

// `karte import FILE...`: karte JSON tables, all or nothing, as the app's import screen sends them.

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

export function registerImportCommand(program: Command, { io, run, print }: CliContext): void {
  program
    .command('import')
    .description('import karte JSON files, all or nothing')
    .argument('<files...>')
    .action((files: string[]) => {
      const picked = files.map((file) => ({ name: path.basename(file), data: fs.readFileSync(file).toString('base64') }));
      const progress = progressLines(io);
      return run(
        async (karte) => {
          const report = await karte.call('import.files', { files: picked });
          print(report, () =>
            [
              `imported ${report.files} file(s): ${report.casesAdded} cases added (${report.casesKept} already there),`,
              `${report.eventsAdded} events added (${report.eventsKept} already there), ${report.dossiersAdded} dossiers added`,
            ].join(' '),
          );
        },
        { listen: (event, payload) => event === 'import.progress' && progress(payload as ApiEvents['import.progress']) },
      );
    });
}
