// npm run bench: the local store at the size of a ministry's whole portfolio (200 countries, 20,000 cases,
// 200,000 events), each figure beside the bare SQL it wraps, measured in the same run on the same file.
// Usage: npm run bench [-- --scale 0.1]   (a smaller store for a quick look)
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { pipelineAnswer } from '../../electron/services/analytics';
import { DOSSIER_CASES_SQL, DOSSIER_EVENTS_SQL, openDossier } from '../../electron/services/dossiers';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { COUNT_CAP, COUNT_SQL, search, SEARCH_SQL } from '../../electron/services/search';
import { statement } from '../../electron/services/store/database';
import { openStore, type Store } from '../../electron/services/store/store';
import { matchExpression } from '../../shared/search-text';
import { generateKarteFiles } from '../support/karte-generator';
import { portfolioSize } from './portfolio-size';
import type { BackEndMemory } from './back-end-memory';
import { percentile } from './percentile';

interface Figure {
  name: string;
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
  target?: string;
}

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Runs each wrapped call and its bare SQL alternately, so both see the same machine noise; the figure is over all
 * samples of all the pairs.
 */
function measure(name: string, runs: number, pairs: { wrapped: () => unknown; bare: () => unknown }[], target?: string): Figure {
  const a: number[] = [];
  const b: number[] = [];
  for (const { wrapped, bare } of pairs) {
    wrapped();
    bare();
    for (let i = 0; i < runs; i++) {
      a.push(time(wrapped));
      b.push(time(bare));
    }
  }
  return { name, p50: percentile(a, 50), p95: percentile(a, 95), baselineP50: percentile(b, 50), baselineP95: percentile(b, 95), target };
}

const sizes = portfolioSize();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-bench-'));
try {
  console.log(`Karte bench: ${sizes.countries} countries, ${sizes.cases} cases, ${sizes.events} events (${os.cpus().length} cores, node ${process.version})`);
  const files = writeTables(dir);

  // Import: the real path (validation, change log, search index) against bare INSERTs of the same rows.
  const store = openStore(path.join(dir, 'bench.sqlite'), { author: 'bench' });
  const importMs = time(() => importKarteFiles(store, files));
  const bareImportMs = bareImport(store, path.join(dir, 'bare.sqlite'));
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = fs.statSync(store.file).size;
  const changeCount = store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;

  store.close();
  const memory = await backEndMemory(path.join(dir, 'bench.sqlite'), sizes.focus.iso2);
  const reopened = openStore(path.join(dir, 'bench.sqlite'), { author: 'bench' });
  const focus = openDossier(reopened, sizes.focus.iso2);
  const figures: Figure[] = [];
  figures.push(
    measure(
      `open dossier ${sizes.focus.iso2} (${focus.cases.length} cases, ${focus.cases.reduce((n, c) => n + c.events.length, 0)} events)`,
      100,
      [
        {
          wrapped: () => openDossier(reopened, sizes.focus.iso2),
          bare: () => {
            statement(reopened.db, DOSSIER_CASES_SQL).all(sizes.focus.iso2);
            statement(reopened.db, DOSSIER_EVENTS_SQL).all(sizes.focus.iso2);
          },
        },
      ],
      'p95 < 30 ms',
    ),
  );

  // The analytics read each case's timeline (migration 11), rebuilt when its events changed: the first figures after
  // the import rebuild them all. The bare SQL reads the same cases and the same events' phases and dates.
  const bareAnalytics = () => {
    statement(reopened.db, 'SELECT * FROM cases WHERE deleted = 0').all();
    statement(
      reopened.db,
      "SELECT caseId, phase, dateSort, json_extract(date, '$.precision') AS precision, json_extract(date, '$.planned') AS planned FROM events WHERE deleted = 0",
    ).all();
  };
  const analytics = () => pipelineAnswer(reopened, { asOf: '2021-01-01', limit: 100 });
  const firstAnalyticsMs = time(analytics);
  const firstBareMs = time(bareAnalytics);
  figures.push(
    {
      name: 'pipeline analytics right after the import (every timeline rebuilt)',
      p50: firstAnalyticsMs,
      p95: firstAnalyticsMs,
      baselineP50: firstBareMs,
      baselineP95: firstBareMs,
    },
    measure(
      `pipeline analytics of all ${sizes.cases} cases (time to order, stuck, funnel, sector × region)`,
      10,
      [{ wrapped: analytics, bare: bareAnalytics }],
      'p95 < 500 ms and < 3× bare',
    ),
  );

  const queries: Record<string, string[]> = {
    '2-char': ['覚書', '郵便', '消防', '受注'],
    '3-char': ['区分機', '大臣間', '実証実'],
    '5-char': ['地上デジタ', '共同作業部', 'サイバーセ'],
  };
  for (const [label, words] of Object.entries(queries)) {
    const counts = words.map((q) => statement(reopened.db, 'SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(matchExpression(q)) as number);
    figures.push(
      measure(
        `search ${label} (${words.join(' ')}; ${Math.min(...counts)}–${Math.max(...counts)} matches)`,
        200,
        words.map((q) => ({
          wrapped: () => search(reopened, q),
          bare: () => {
            const match = matchExpression(q);
            statement(reopened.db, SEARCH_SQL).all(match, 50);
            statement(reopened.db, COUNT_SQL).get(match, COUNT_CAP + 1);
          },
        })),
        'p95 < 20 ms',
      ),
    );
  }
  reopened.close();

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log('');
  console.log(`import: ${files.length} files in ${(importMs / 1000).toFixed(1)} s = ${Math.round((sizes.events / importMs) * 1000)} events/s`);
  console.log(
    `        bare INSERTs of the same rows: ${(bareImportMs / 1000).toFixed(1)} s; ratio ${(importMs / bareImportMs).toFixed(2)}× (the change log and search index are the difference)`,
  );
  console.log(
    `store:  ${(dbBytes / 1024 / 1024).toFixed(0)} MiB on disk (${changeCount} logged field changes); this process's RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
  );
  console.log(
    `back end opened fresh in a process of its own: RSS ${memory.rssMiB.toFixed(0)} MiB after the countries list and dossier ${sizes.focus.iso2} (target < 250 MiB); ` +
      `open ${memory.openMs.toFixed(0)} ms, countries.list ${memory.countriesMs.toFixed(0)} ms, first dossier.get ${memory.dossierMs.toFixed(0)} ms`,
  );
  console.log('');
  console.log(`${pad('figure', 64)} ${pad('p50 ms', 8)} ${pad('p95 ms', 8)} ${pad('bare p50', 9)} ${pad('bare p95', 9)} ${pad('ratio p95', 10)} target`);
  for (const f of figures) {
    console.log(
      `${pad(f.name, 64)} ${pad(f.p50.toFixed(2), 8)} ${pad(f.p95.toFixed(2), 8)} ${pad(f.baselineP50.toFixed(2), 9)} ${pad(f.baselineP95.toFixed(2), 9)} ${pad(`${(f.p95 / f.baselineP95).toFixed(2)}×`, 10)} ${f.target ?? ''}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * The generated tables as files in `dir`. Generated in a function of their own, so they are not held (with the rows
 * of the bare import) while the figures are measured: a heap of a few hundred MB more slows every collection.
 */
function writeTables(dir: string): string[] {
  return generateKarteFiles({ seed: 2020, ...sizes }).map((table, i) => {
    const file = path.join(dir, `table-${i}.json`);
    fs.writeFileSync(file, JSON.stringify(table));
    return file;
  });
}

/** The milliseconds bare INSERTs of the store's cases and events take in a new store at `file`. */
function bareImport(store: Store, file: string): number {
  const bare = openStore(file, { author: 'bench' });
  const rows = {
    cases: store.db.prepare('SELECT * FROM cases').all() as Record<string, unknown>[],
    events: store.db.prepare('SELECT id, caseId, phase, date, text, organisation, signatoryLevel, source, scope, deleted FROM events').all() as Record<string, unknown>[],
  };
  const ms = time(() => bareInsert(bare, rows));
  bare.close();
  return ms;
}

/** The same cases and events written with plain INSERTs: no validation, no change log, no search index, no timelines. */
function bareInsert(target: Store, { cases, events }: { cases: Record<string, unknown>[]; events: Record<string, unknown>[] }): void {
  const caseColumns = Object.keys(cases[0]);
  const eventColumns = Object.keys(events[0]);
  const insertCase = target.db.prepare(`INSERT INTO cases (${caseColumns.join(', ')}) VALUES (${caseColumns.map((c) => `@${c}`).join(', ')})`);
  const insertEvent = target.db.prepare(`INSERT INTO events (${eventColumns.join(', ')}) VALUES (${eventColumns.map((c) => `@${c}`).join(', ')})`);
  target.db.transaction(() => {
    for (const row of cases) insertCase.run(row);
    for (const row of events) insertEvent.run(row);
  })();
}

/** The back end opened on the store in a process of its own (back-end-memory.ts), as the desktop app runs it. */
function backEndMemory(file: string, country: string): Promise<BackEndMemory> {
  // Forked with this process's Node options, so the TypeScript loader runs it too.
  const child = fork(fileURLToPath(new URL('./back-end-memory.ts', import.meta.url)), [file, country]);
  return new Promise((resolve, reject) => {
    child.once('message', (answer: BackEndMemory) => resolve(answer));
    child.once('exit', (code) => reject(new Error(`the back end's process exited (${code}) without its figures`)));
  });
}
