import { addOrganisation, addUser, login, authenticate } from '/work/main/server/accounts';
import { push } from '/work/main/server/changes';
import { startSyncServer } from '/work/main/test/support/sync-server';
const s = await startSyncServer();
try {
  const org = await addOrganisation(s.db, 'x', 'ministry');
  const other = await addOrganisation(s.db, 'y', 'company');
  await addUser(s.db, { login: 'a', orgId: org, role: 'editor', password: 'p' });
  await addUser(s.db, { login: 'b', orgId: other, role: 'editor', password: 'p' });
  const dev = '00000000000000aa', devB = '00000000000000bb';
  const sa = (await authenticate(s.db, await login(s.db, { login: 'a', password: 'p', device: dev })))!;
  const sb = (await authenticate(s.db, await login(s.db, { login: 'b', password: 'p', device: devB })))!;
  const now = new Date().toISOString();
  const c = (n: string, field: string, value: unknown, scope = 'council', node = dev) => ({ hlc: `${now}-${n}-${node}`, author: 'a', table: 'cases', rowId: 'r1', field, value, scope, prev: null });
  console.log((await push(s.db, sa, [c('0001', 'title', 'x', 'internal'), c('0001', 'title', 'x', 'internal'), c('0002', 'summary', 's', 'internal', devB), c('0003', 'summary', 's', 'bogus')])).map((r) => r.status + (r.reason ? ':' + r.reason : '')));
  console.log((await push(s.db, sb, [c('0004', 'summary', 'hack', 'council', devB)])).map((r) => r.status + (r.reason ? ':' + r.reason : '')));
  console.log((await s.db.query('SELECT server_seq, hlc, field FROM changes ORDER BY server_seq')).rows, (await s.db.query('SELECT * FROM records')).rows);
  console.log((await push(s.db, sa, [c('0001', 'title', 'x', 'internal'), c('0005', 'scope', 'council', 'council'), c('0006', 'notes', 'n', 'council')])).map((r) => r.status));
  console.log((await s.db.query('SELECT server_seq, hlc, field FROM changes ORDER BY server_seq')).rows, (await s.db.query('SELECT * FROM records')).rows);
} finally { await s.stop(); }
