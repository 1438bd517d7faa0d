// Matching a case against the council database (issue 15): 2,000 members (with their offers and projects abroad),
// 200 support schemes and 500 advisors beside the portfolio's 20,000 cases, through the back end's 'match.case' as
// the app calls it, beside the bare SQL reads it makes (the same statements, rows not decoded), measured in the
// same run on the same file. Usage: npx tsx test/bench/matching.ts [--scale 0.1]   (fewer cases; the council stays whole)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackEnd } from '../../electron/services/back-end';
import { CASE_PHASES_SQL, MATCHING_ADVISORS_SQL, MATCHING_RECORDS_SQL, SCHEMES_SQL, SECTOR_OFFERS_SQL } from '../../electron/services/council/matching';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { newId } from '../../electron/services/record-ids';
import { statement } from '../../electron/services/store/database';
import { openStore, writeRows, type RowWrite } from '../../electron/services/store/store';
import { PHASES } from '../../shared/phases';
import { OTHER_SECTOR, SECTORS } from '../../shared/reference/sectors';
import { generateKarteFiles } from '../support/karte-generator';
import { percentile } from './percentile';
import { portfolioSize } from './portfolio-size';

const COUNCIL = { members: 2_000, schemes: 200, advisors: 500 };
const CASES_MATCHED = 50;
const RUNS = 10;

const sizes = portfolioSize();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-matching-bench-'));

/** A seeded generator (mulberry32), so every run matches the same council. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

try {
  const file = path.join(dir, 'bench.sqlite');
  const store = openStore(file, { author: 'bench' });
  const tables = generateKarteFiles({ seed: 2020, ...sizes }).map((table, i) => {
    const out = path.join(dir, `table-${i}.json`);
    fs.writeFileSync(out, JSON.stringify(table));
    return out;
  });
  importKarteFiles(store, tables);

  // The council where the cases are: members' projects in the portfolio's countries and sectors.
  const rand = random(15);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rand() * most) }, () => pick(items)))];
  const countries = (statement(store.db, 'SELECT DISTINCT iso2 FROM case_countries').pluck().all() as string[]).sort();
  const sectors = SECTORS.map((s) => s.code).filter((code) => code !== OTHER_SECTOR);
  const writes: RowWrite[] = [];
  const schemeIds = Array.from({ length: COUNCIL.schemes }, () => newId());
  schemeIds.forEach((id, i) => {
    const open = rand() < 0.3;
    writes.push({
      table: 'schemes',
      id,
      values: {
        name: `支援ツール ${i + 1}`,
        owner: pick(['総務省', 'JICA', 'JBIC', '環境省', '経済産業省']),
        type: pick(['grant', 'subsidy', 'loan', 'survey'] as const),
        phases: some(PHASES, 2),
        sectors: open ? [] : some(sectors, 4),
        countries: rand() < 0.7 ? [] : some(countries, 10),
        scope: 'council',
      },
    });
  });
  for (let i = 0; i < COUNCIL.members; i++) {
    const organisationId = newId();
    writes.push({ table: 'organisations', id: organisationId, values: { nameJa: `会員 ${i + 1}`, type: 'company', councilMember: true, scope: 'council' } });
    for (let j = 0, n = 1 + Math.floor(rand() * 3); j < n; j++) {
      writes.push({ table: 'offers', id: newId(), values: { organisationId, name: `製品 ${i + 1}-${j + 1}`, sectors: some(sectors, 2), scope: 'council' } });
    }
    for (let j = 0, n = Math.floor(rand() * 4); j < n; j++) {
      writes.push({
        table: 'track_records',
        id: newId(),
        values: {
          organisationId,
          project: `事業 ${i + 1}-${j + 1}`,
          country: pick(countries),
          sectors: some(sectors, 1),
          schemeId: rand() < 0.3 ? pick(schemeIds) : null,
          scope: 'council',
        },
      });
    }
  }
  for (let i = 0; i < COUNCIL.advisors; i++) {
    writes.push({ table: 'advisors', id: newId(), values: { name: `アドバイザー ${i + 1}`, sectors: some(sectors, 2), countries: some(countries, 3), scope: 'council' } });
  }
  writeRows(store, writes);
  const records = statement(store.db, 'SELECT (SELECT count(*) FROM offers), (SELECT count(*) FROM track_records)').raw().get() as [number, number];
  const caseIds = statement(store.db, `SELECT id FROM cases WHERE deleted = 0 ORDER BY id LIMIT ${CASES_MATCHED}`).pluck().all() as string[];
  store.close();

  const backEnd = openBackEnd({ store: { file, author: 'bench' }, demoDir: dir, version: 'bench', sync: 'manual' });
  const { db } = openStore(file, { author: 'bench' });
  // The reads match.case makes, bare: the case, its events' phases, the schemes, the offers, projects and advisors.
  const bare = (caseId: string) => {
    const c = statement(db, 'SELECT sector, countries FROM cases WHERE id = ?').get(caseId) as { sector: string; countries: string };
    statement(db, CASE_PHASES_SQL).all(caseId);
    statement(db, SCHEMES_SQL).all();
    statement(db, SECTOR_OFFERS_SQL).all(JSON.stringify(c.sector));
    statement(db, MATCHING_RECORDS_SQL).all(c.countries, JSON.stringify(c.sector));
    statement(db, MATCHING_ADVISORS_SQL).all(JSON.stringify(c.sector), c.countries);
  };
  const wrapped: number[] = [];
  const baseline: number[] = [];
  let listed = 0;
  for (const caseId of caseIds) {
    await backEnd.call('match.case', { caseId });
    bare(caseId);
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      const view = (await backEnd.call('match.case', { caseId })) as { schemes: unknown[]; members: unknown[]; advisors: unknown[]; excluded: unknown[] };
      wrapped.push(performance.now() - start);
      listed += view.schemes.length + view.members.length + view.advisors.length + view.excluded.length;
      start = performance.now();
      bare(caseId);
      baseline.push(performance.now() - start);
    }
  }
  await backEnd.close();
  db.close();

  const p95 = percentile(wrapped, 95);
  const bareP95 = percentile(baseline, 95);
  console.log(
    `Karte matching bench: ${sizes.cases} cases, ${COUNCIL.members} members (${records[0]} offers, ${records[1]} projects abroad), ${COUNCIL.schemes} schemes, ${COUNCIL.advisors} advisors (${os.cpus().length} cores, node ${process.version})`,
  );
  console.log(
    `match.case through the back end, ${caseIds.length} cases × ${RUNS} (about ${Math.round(listed / wrapped.length)} entries listed each): ` +
      `p50 ${percentile(wrapped, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (target < 100 ms)`,
  );
  console.log(`        the same SQL reads bare: p50 ${percentile(baseline, 50).toFixed(2)} ms, p95 ${bareP95.toFixed(2)} ms; ratio p95 ${(p95 / bareP95).toFixed(2)}×`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
