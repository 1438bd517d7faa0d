// Part of npm run bench (run.ts forks it): the back end as the desktop app's back-end process holds it, opened fresh
// on the bench's store, after the countries list and the largest dossier; its resident memory is what a laptop pays.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackEnd } from '../../electron/services/back-end';

/** What the fork answers run.ts. */
export interface BackEndMemory {
  rssMiB: number;
  openMs: number;
  countriesMs: number;
  dossierMs: number;
}

const [file, country] = process.argv.slice(2);
const mib = () => process.memoryUsage().rss / 1024 / 1024;
let start = performance.now();
const backEnd = openBackEnd({ store: { file, author: 'bench' }, demoDir: path.resolve(import.meta.dirname, '../../resources/demo'), version: 'bench', sync: 'manual' });
const openMs = performance.now() - start;
start = performance.now();
await backEnd.call('countries.list', {});
const countriesMs = performance.now() - start;
start = performance.now();
await backEnd.call('dossier.get', { country });
const dossierMs = performance.now() - start;
const answer: BackEndMemory = { rssMiB: mib(), openMs, countriesMs, dossierMs };
await backEnd.close();
process.send?.(answer, () => process.exit(0));
