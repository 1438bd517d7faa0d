// Part of npm run bench (excel.ts forks it): an export of every dossier as the app makes it, through the back end
// opened fresh on the bench's store in a process of its own, as the desktop app's back-end process runs it; its
// time and its process's highest resident memory are what a laptop pays. It is handed over as the command line
// hands it over: the workbook moved to the file given.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toFile } from '../../bin/cli/to-file';
import { openBackEnd } from '../../electron/services/back-end';
import type { ApiResult } from '../../shared/api';

/** What the fork answers excel.ts. */
export interface ExcelExportFigures {
  ms: number;
  /** Resident memory once the back end was open, before the export. */
  openMiB: number;
  peakMiB: number;
  countries: number;
}

const [file, out] = process.argv.slice(2);
const mib = () => process.memoryUsage().rss / 1024 / 1024;
const backEnd = openBackEnd({
  store: { file, author: 'bench' },
  demoDir: path.resolve(import.meta.dirname, '../../resources/demo'),
  version: 'bench',
  sync: 'manual',
  delivery: toFile(out),
});
const openMiB = mib();
let peakMiB = openMiB;
const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, mib())), 20);
const start = performance.now();
await backEnd.call('export.xlsx', {});
const ms = performance.now() - start;
clearInterval(sampler);
const countries = ((await backEnd.call('countries.list', {})) as ApiResult<'countries.list'>).length;
const answer: ExcelExportFigures = { ms, openMiB, peakMiB: Math.max(peakMiB, mib()), countries };
await backEnd.close();
process.send?.(answer, () => process.exit(0));
