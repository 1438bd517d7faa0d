import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { addOrganisation } from '/work/main/server/accounts';
import { startSyncServer } from '/work/main/test/support/sync-server';
const s = await startSyncServer();
try {
  const org = await addOrganisation(s.db, 'x', 'ministry');
  const c = await s.db.connect();
  for (let round = 0; round < 6; round++) {
    const n = 500;
    const rows = Array.from({ length: n }, (_, i) => ({ hlc: `2025-01-01T00:00:00.${String(round).padStart(3, '0')}Z-${i.toString(16).padStart(4, '0')}-0123456789abcdef`, field: 'summary', tbl: 'cases', row: crypto.randomUUID(), value: JSON.stringify('現地政府との協議を継続し、実証事業の範囲と資金計画を確認する。'.repeat(4)), scope: 'council', prev: null, author: 'a' }));
    const t = performance.now();
    await c.query('BEGIN');
    const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, COSTS OFF) INSERT INTO changes (hlc, field, tbl, row_id, value, scope, prev, author, org_id)
       SELECT hlc, field, tbl, row_id, value, scope, prev, author, $9
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
              AS b(hlc, field, tbl, row_id, value, scope, prev, author, n)
        ORDER BY n`, [rows.map((x) => x.hlc), rows.map((x) => x.field), rows.map((x) => x.tbl), rows.map((x) => x.row), rows.map((x) => x.value), rows.map((x) => x.scope), rows.map((x) => x.prev), rows.map((x) => x.author), org]);
    const t2 = performance.now();
    await c.query('COMMIT');
    console.log(`insert ${(t2 - t).toFixed(1)} ms commit ${(performance.now() - t2).toFixed(1)} ms`, r.rows.map((x) => x['QUERY PLAN']).filter((l: string) => /Time|Trigger|Insert/.test(l)).join(' | '));
  }
  c.release();
} finally { await s.stop(); }
