import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '/work/main/electron/services/store/store';
import { outbox } from '/work/main/electron/services/sync/outbox';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ob-'));
const s = openStore(path.join(dir, 'b.sqlite'), { author: 'b' });
s.db.transaction(() => s.db.prepare(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 1000000)
  INSERT INTO changes (hlc, author, tbl, rowId, field, value, scope, prev)
  SELECT '2024-01-01T00:00:00.000Z-' || printf('%04x', (i / 10) % 65536) || '-' || printf('%016x', (i / 10) / 65536 + 1), 'g', 'cases', 'pad-' || (i / 10), 'f' || (i % 10), '"x"', 'council', NULL FROM n`).run())();
const t = (label: string) => { const xs: number[] = []; for (let i = 0; i < 10; i++) { const st = performance.now(); outbox(s, 500); xs.push(performance.now() - st); } xs.sort((a, b) => a - b); console.log(label, xs[5].toFixed(1), 'ms'); };
t('outbox, 1M remote rows, no index:');
s.db.exec('CREATE INDEX changes_own ON changes (substr(hlc, -16), seq)');
t('outbox with index (substr(hlc, -16), seq):');
console.log(s.db.prepare("EXPLAIN QUERY PLAN SELECT seq, hlc, author, tbl, rowId, field, value, scope, prev FROM changes WHERE seq > ? AND substr(hlc, -16) = ? ORDER BY seq LIMIT ?").all(0, s.node, 500));
s.close(); fs.rmSync(dir, { recursive: true, force: true });
