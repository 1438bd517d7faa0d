import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/views';
import { addOrganisation, addUser } from '../../server/accounts';
import { openBackEnd, type LocalBackEnd } from '../../electron/services/back-end';
import { DEFAULT_LOOP_OPTIONS } from '../../electron/services/sync/sync-loop';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { DEMO_DIR, useTempDir } from '../support/temp';

// The back end as one unit, through its one door: ids resolved once at the door, errors as data, and a lifecycle
// that ends: close() stops the sync loop's timers, waits for a sync under way, and closes the store after it.

const PASSWORD = 'back-end password';
let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const org = await addOrganisation(server.db, '総務省', 'ministry');
  await addUser(server.db, { login: 'desk', orgId: org, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

describe('the back end', () => {
  const temp = useTempDir();

  function open(timers = DEFAULT_LOOP_OPTIONS.timers): LocalBackEnd {
    return openBackEnd({ store: { file: path.join(temp.dir(), 'karte.sqlite'), author: 'desk' }, demoDir: DEMO_DIR, version: 'test', sync: { timers, debounceMs: 10 } });
  }

  it('takes the first characters of an id wherever a call names a record, once, at the door', async () => {
    const backEnd = open();
    await backEnd.call('demo.import', {});
    const [first] = (await backEnd.call('cases.list', { country: 'VN' })) as { id: string }[];
    const detail = (await backEnd.call('case.get', { id: first.id.slice(0, 6) })) as CaseDetail;
    const event = detail.events[0];
    const prefix = event.id.slice(0, 4);
    // Only this event's id starts so in a fresh store of 300 events, or the test would say nothing.
    expect(backEnd.store.db.prepare("SELECT count(*) FROM events WHERE id LIKE ? || '%'").pluck().get(prefix)).toBe(1);
    const updated = (await backEnd.call('event.update', { id: prefix, values: { text: '局長間で合意（修正）' } })) as CaseDetail;
    expect(updated.events.find((e) => e.id === event.id)?.text).toBe('局長間で合意（修正）');
    const afterDelete = (await backEnd.call('event.delete', { id: prefix })) as CaseDetail;
    expect(afterDelete.events.some((e) => e.id === event.id)).toBe(false);
    await expect(backEnd.call('event.update', { id: 'ffff', values: { text: 'x' } })).rejects.toMatchObject({ code: 'not_found', details: { table: 'events', record: 'ffff' } });
    await backEnd.close();
  });

  it('closes after the sync under way, with no timer left to touch the closed store', async () => {
    const planned = new Set<unknown>();
    let next = 0;
    const timers = {
      ...DEFAULT_LOOP_OPTIONS.timers,
      setTimeout: (run: () => void, ms: number) => {
        const handle = ++next;
        planned.add(handle);
        setTimeout(() => planned.has(handle) && (planned.delete(handle), run()), ms);
        return handle;
      },
      clearTimeout: (handle: unknown) => void planned.delete(handle),
    };
    const backEnd = open(timers);
    await backEnd.call('sync.signIn', { server: server!.url, login: 'desk', password: PASSWORD });
    await backEnd.call('case.create', { title: 'ラオス 郵便', countries: ['LA'], sectorLabel: '郵便' });
    const syncing = backEnd.call('sync.now', {});
    await backEnd.close();
    // The sync that was under way finished before the store closed: it took the case up to the server.
    expect(await syncing).toMatchObject({ outbox: 0, lastError: null });
    const held = await server!.db.query<{ n: string }>("SELECT count(*) AS n FROM changes WHERE tbl = 'cases' AND field = 'title' AND value::text = '\"ラオス 郵便\"'");
    expect(Number(held.rows[0].n)).toBe(1);
    expect(backEnd.store.db.open).toBe(false);
    expect(planned.size).toBe(0);
    await expect(backEnd.call('app.info', {})).rejects.toMatchObject({ code: 'back_end_stopped' });
  });
});
