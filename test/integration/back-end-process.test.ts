import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEventName } from '../../shared/api';
import { KarteError } from '../../shared/errors';
import { remoteBackEnd, type RemoteBackEnd } from '../../electron/services/back-end-messages';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { openStore } from '../../electron/services/store/store';
import { forkBackEndChild } from '../support/back-end-child';
import { generateKarteFiles } from '../support/karte-generator';
import { DEMO_DIR, demoFiles, snapshot, useTempDir } from '../support/temp';

// The back end in a process of its own, as the desktop app runs it (a Node child process stands in for Electron's
// utilityProcess; the messages and their structured clone are the same): this process, standing in for the window's
// side, stays free while the back end works, and a back end killed mid-write leaves the store as it was.

describe('the back end in its own process', () => {
  const temp = useTempDir();
  const open: RemoteBackEnd[] = [];
  afterEach(async () => {
    for (const backEnd of open.splice(0)) await backEnd.close();
  });

  async function start(file: string, key?: string) {
    const child = forkBackEndChild();
    const backEnd = await remoteBackEnd(child, { store: { file, key, author: 'tester' }, demoDir: DEMO_DIR, version: 'test', sync: 'manual' });
    open.push(backEnd);
    return { child, backEnd };
  }

  /** 40,000 events in four tables, as an import sends them. */
  function bigImport() {
    const tables = generateKarteFiles({ seed: 11, countries: 4, cases: 4_000, events: 40_000 });
    return { files: tables.map((table, i) => ({ name: `big-${i}.json`, data: Buffer.from(JSON.stringify(table)).toString('base64') })) };
  }

  it('answers calls, tells its events, and answers a bad call with its code', async () => {
    const { backEnd } = await start(path.join(temp.dir(), 'karte.sqlite'));
    const events: ApiEventName[] = [];
    backEnd.on((event) => void events.push(event));
    await backEnd.call('demo.import', {});
    expect(await backEnd.call('cases.list', { country: 'VN' })).toHaveLength(9);
    expect(events).toContain('store.changed');
    await expect(backEnd.call('case.get', { id: 'ffff' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(backEnd.call('no.such.method', {})).rejects.toMatchObject({ code: 'unknown_method' });
    await expect(backEnd.call('cases.list', { country: 42 })).rejects.toMatchObject({
      code: 'invalid_arguments',
      details: { issues: [expect.objectContaining({ path: ['country'] })] },
    });
  });

  it('refuses to open a store with the wrong key, saying why', async () => {
    const file = path.join(temp.dir(), 'secret.sqlite');
    openStore(file, { author: 'a', key: 'the right key' }).close();
    const failure = await start(file, 'a wrong key').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KarteError);
    expect((failure as KarteError).message).toMatch(/wrong encryption key/);
  });

  it('keeps this process answering while it imports 40,000 events: no gap over 50 ms', async () => {
    const { backEnd } = await start(path.join(temp.dir(), 'karte.sqlite'));
    const request = bigImport();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const report = (await backEnd.call('import.files', request)) as { eventsAdded: number };
    delay.disable();
    expect(report.eventsAdded).toBe(40_000);
    const worstMs = delay.max / 1e6;
    console.log(`import of 40,000 events in the back end's process: this process's longest pause ${worstMs.toFixed(1)} ms`);
    expect(worstMs).toBeLessThan(50);
  }, 120_000);

  it('killed in the middle of an import, leaves the store as it was, says so, and starts again', async () => {
    const file = path.join(temp.dir(), 'karte.sqlite');
    const seeded = openStore(file, { author: 'tester' });
    importKarteFiles(seeded, demoFiles());
    const before = snapshot(seeded);
    seeded.close();

    const { child, backEnd } = await start(file);
    const stopped = new Promise<number | null>((resolve) => backEnd.onStopped(resolve));
    const importing = backEnd.call('import.files', bigImport());
    importing.catch(() => undefined);
    // Well inside the import's one transaction: it takes seconds.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill();
    await expect(importing).rejects.toMatchObject({ code: 'back_end_stopped' });
    await stopped;
    await expect(backEnd.call('app.info', {})).rejects.toMatchObject({ code: 'back_end_stopped' });

    const after = openStore(file, { author: 'tester' });
    expect(snapshot(after)).toEqual(before);
    after.close();
    const again = await start(file);
    expect(await again.backEnd.call('cases.list', { country: 'VN' })).toHaveLength(9);
  }, 120_000);
});
