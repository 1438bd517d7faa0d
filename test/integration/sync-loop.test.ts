import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiArgs, ApiEventName, ApiName, ApiResult } from '../../shared/api';
import type { SyncStatus } from '../../shared/sync/status';
import { openBackEnd, type LocalBackEnd } from '../../electron/services/back-end';
import { readRow, type Store } from '../../electron/services/store/store';
import { readAccount } from '../../electron/services/sync/client';
import { DEFAULT_LOOP_OPTIONS, SyncLoop, type SyncLoopOptions } from '../../electron/services/sync/sync-loop';
import { addOrganisation, addUser, revokeDevice, revokeToken } from '../../server/accounts';
import { startFaultyNetwork, type FaultyNetwork } from '../support/faulty-network';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { DEMO_DIR, useTempDir } from '../support/temp';

// The background sync against the real server (PostgreSQL + HTTP), two real SQLite stores, each behind the same
// back end the app opens. The network between them and the server is a relay the tests can cut and mend.

const PASSWORD = 'ループのパスワード';

let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const org = await addOrganisation(server.db, '総務省', 'ministry');
  for (const login of ['alice', 'bob', 'carol', 'dave', 'erin']) await addUser(server.db, { login, orgId: org, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

/** The network between a device and the server: `cut` drops every request unanswered, `mend` delivers again. */
interface Link {
  url: string;
  cut(): void;
  mend(): void;
}

const networks: FaultyNetwork[] = [];
afterEach(async () => {
  for (const network of networks.splice(0)) await network.stop();
});

async function openLink(): Promise<Link> {
  const network = await startFaultyNetwork(server!.url);
  networks.push(network);
  return { url: network.url, cut: () => network.setFaults(() => 'drop-request'), mend: () => network.setFaults(() => 'deliver') };
}

interface Device {
  store: Store;
  backEnd: LocalBackEnd;
  events: { event: ApiEventName; payload: unknown }[];
  call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>>;
  /** The latest 'sync.status' event. */
  status(): SyncStatus;
}

describe('the background sync loop', () => {
  const temp = useTempDir();
  const backEnds: LocalBackEnd[] = [];
  // Closing stops each loop's timers and waits for a sync under way.
  afterEach(async () => {
    for (const backEnd of backEnds.splice(0)) await backEnd.close();
  });

  function device(name: string, sync: Partial<SyncLoopOptions>): Device {
    const events: Device['events'] = [];
    const backEnd = openBackEnd({
      store: { file: path.join(temp.dir(), `${name}.sqlite`), author: name },
      demoDir: DEMO_DIR,
      version: 'test',
      sync: { ...sync, sync: { retryDelays: [] } },
    });
    backEnd.on((event, payload) => void events.push({ event, payload }));
    backEnds.push(backEnd);
    const { store } = backEnd;
    return {
      store,
      backEnd,
      events,
      call: async (name, args) => (await backEnd.call(name, args)) as never,
      status: () => events.filter((e) => e.event === 'sync.status').at(-1)!.payload as SyncStatus,
    };
  }

  async function signIn(d: Device, login: string, url = server!.url): Promise<void> {
    await d.call('sync.signIn', { server: url, login, password: PASSWORD });
    // The sync a sign-in starts, awaited.
    const synced = await d.call('sync.now', {});
    expect(synced).toMatchObject({ session: 'signed_in', lastError: null, lastSyncAt: expect.any(String) });
  }

  it('pushes an edit within its debounce; the other device pulls it on its periodic sync', async () => {
    const alice = device('alice', { debounceMs: 100, periodMs: 60_000 });
    const bob = device('bob', { debounceMs: 100, periodMs: 300 });
    await signIn(alice, 'alice');
    await signIn(bob, 'bob');
    expect(alice.status()).toMatchObject({ account: { server: server!.url, login: 'alice' }, online: true, outbox: 0, offlineSignIn: true, nextAttemptAt: expect.any(String) });

    const { id } = await alice.call('case.create', { title: 'ベトナム 郵便近代化', countries: ['VN'], sectorLabel: '郵便' });
    // The edit is counted at once and has gone up after the debounce.
    expect(alice.status().outbox).toBeGreaterThan(0);
    await vi.waitFor(() => expect(alice.status()).toMatchObject({ outbox: 0, syncing: false }), { timeout: 5000 });

    await vi.waitFor(() => expect(readRow(bob.store, 'cases', id)?.title).toBe('ベトナム 郵便近代化'), { timeout: 5000 });
    // Bob's screens were told to reload, and what Bob's sync applied is not mistaken for an edit of Bob's own.
    expect(bob.events.some((e) => e.event === 'store.changed')).toBe(true);
    expect(bob.status().outbox).toBe(0);
  });

  it('syncs when the network returns, and only then', async () => {
    const alice = device('alice', { debounceMs: 50, periodMs: 60_000 });
    const bob = device('bob', { debounceMs: 50, periodMs: 60_000 });
    await signIn(alice, 'alice');
    await signIn(bob, 'bob');

    await bob.call('sync.networkChanged', { online: false });
    expect(bob.status()).toMatchObject({ online: false, nextAttemptAt: null });
    const { id } = await alice.call('case.create', { title: 'フィリピン 防災', countries: ['PH'], sectorLabel: '防災' });
    await vi.waitFor(() => expect(alice.status()).toMatchObject({ outbox: 0, syncing: false }), { timeout: 5000 });
    // Bob edits while the network is down: nothing is attempted, the edit waits in the outbox.
    await bob.call('case.create', { title: 'フィリピン 放送', countries: ['PH'], sectorLabel: '放送' });
    expect(bob.status()).toMatchObject({ online: false, nextAttemptAt: null, syncing: false });
    expect(bob.status().outbox).toBeGreaterThan(0);
    expect(readRow(bob.store, 'cases', id)).toBeUndefined();

    await bob.call('sync.networkChanged', { online: true });
    await vi.waitFor(() => expect(readRow(bob.store, 'cases', id)?.title).toBe('フィリピン 防災'), { timeout: 5000 });
    await vi.waitFor(() => expect(bob.status()).toMatchObject({ online: true, outbox: 0, syncing: false }), { timeout: 5000 });
  });

  it('never runs two syncs at once, however many are asked for', async () => {
    const alice = device('alice', { debounceMs: 0, periodMs: 60_000 });
    await signIn(alice, 'alice');
    const realFetch = globalThis.fetch;
    let inFlight = 0;
    let most = 0;
    let requests = 0;
    // Counts the requests on their way to the server; they still go there.
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      requests++;
      most = Math.max(most, ++inFlight);
      try {
        return await realFetch(...args);
      } finally {
        inFlight--;
      }
    };
    try {
      await alice.call('case.create', { title: 'ベトナム 消防', countries: ['VN'], sectorLabel: '消防' });
      const answers = await Promise.all([alice.call('sync.now', {}), alice.call('sync.now', {}), alice.call('sync.now', {})]);
      for (const answer of answers) expect(answer.lastError).toBeNull();
      await vi.waitFor(() => expect(alice.status()).toMatchObject({ outbox: 0, syncing: false }), { timeout: 5000 });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(requests).toBeGreaterThan(0);
    expect(most).toBe(1);
  });

  it('backs off more and more while the server cannot be reached, and starts over when the network returns', async () => {
    const link = await openLink();
    const waits: number[] = [];
    const backoff = { initialMs: 40, maxMs: 300 };
    const carol = device('carol', {
      debounceMs: 20,
      periodMs: 60_000,
      backoff,
      // The longest wait each time (no jitter), so the test knows the waits; every planned wait is recorded.
      timers: { ...DEFAULT_LOOP_OPTIONS.timers, random: () => 1, setTimeout: (run, ms) => (waits.push(ms), setTimeout(run, ms)) },
    });
    await signIn(carol, 'carol', link.url);
    link.cut();
    waits.length = 0;
    await carol.call('case.create', { title: 'ブラジル 放送', countries: ['BR'], sectorLabel: '放送' });
    await vi.waitFor(() => expect(waits.filter((ms) => ms === 300).length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    // The debounce, then the back-off doubling up to its cap.
    expect(waits.slice(0, 6)).toEqual([20, 40, 80, 160, 300, 300]);
    expect(carol.status()).toMatchObject({ session: 'signed_in', online: false, lastError: expect.objectContaining({ code: 'sync_unreachable' }) });
    expect(carol.status().outbox).toBeGreaterThan(0);

    link.mend();
    await carol.call('sync.networkChanged', { online: true });
    expect(waits.at(-1)).toBe(0);
    await vi.waitFor(() => expect(carol.status()).toMatchObject({ online: true, outbox: 0, lastError: null, syncing: false }), { timeout: 5000 });
    expect(waits.at(-1)).toBe(60_000);
  });

  it('signs in without the server against the password verifier, and the kept token syncs once the server answers', async () => {
    const link = await openLink();
    const dave = device('dave', { debounceMs: 20, periodMs: 60_000, backoff: { initialMs: 50, maxMs: 100 } });
    const signInForm = (password: string) => dave.call('sync.signIn', { server: link.url, login: 'dave', password });

    // The first sign-in needs the server.
    link.cut();
    await expect(signInForm(PASSWORD)).rejects.toThrow(/cannot reach the sync server.*only for the account last signed in/);
    link.mend();
    await signIn(dave, 'dave', link.url);

    await dave.call('sync.signOut', {});
    expect(dave.status()).toMatchObject({ session: 'signed_out', nextAttemptAt: null, offlineSignIn: true, account: { login: 'dave' } });
    link.cut();
    const { id } = await dave.call('case.create', { title: 'ペルー 地デジ', countries: ['PE'], sectorLabel: '放送' });
    expect(dave.status()).toMatchObject({ nextAttemptAt: null });

    await expect(signInForm('違うパスワード')).rejects.toThrow(/wrong password for dave \(checked on this device/);
    await expect(dave.call('sync.signIn', { server: link.url, login: 'erin', password: PASSWORD })).rejects.toThrow(/only for the account last signed in/);
    const offline = await signInForm(PASSWORD);
    expect(offline).toMatchObject({ session: 'signed_in', account: { login: 'dave' } });
    await vi.waitFor(() => expect(dave.status()).toMatchObject({ online: false, lastError: expect.objectContaining({ code: 'sync_unreachable' }) }), { timeout: 5000 });

    link.mend();
    // An empty outbox: the server acknowledged the case written while signed out.
    await vi.waitFor(() => expect(dave.status()).toMatchObject({ online: true, outbox: 0, lastError: null }), { timeout: 5000 });
    expect(readRow(dave.store, 'cases', id)?.title).toBe('ペルー 地デジ');
  });

  it('stops on a refused token (401) until the user signs in again at the server', async () => {
    const erin = device('erin', { debounceMs: 20, periodMs: 60_000 });
    await signIn(erin, 'erin');
    await revokeToken(server!.db, readAccount(erin.store)!.token);
    await erin.call('case.create', { title: 'ベトナム 医療', countries: ['VN'], sectorLabel: '医療' });
    await vi.waitFor(() => expect(erin.status()).toMatchObject({ session: 'expired', syncing: false }), { timeout: 5000 });
    expect(erin.status()).toMatchObject({ nextAttemptAt: null, offlineSignIn: false, account: { login: 'erin' }, lastError: expect.objectContaining({ code: 'sync_signed_out' }) });
    await expect(erin.call('sync.now', {})).rejects.toThrow(/not signed in/);

    await signIn(erin, 'erin');
    expect(erin.status()).toMatchObject({ session: 'signed_in', outbox: 0 });
  });

  it('reports a revoked device and stops', async () => {
    const erin = device('erin', { debounceMs: 20, periodMs: 60_000 });
    await signIn(erin, 'erin');
    await revokeDevice(server!.db, erin.store.node, null);
    await erin.call('case.create', { title: 'ベトナム 郵便', countries: ['VN'], sectorLabel: '郵便' });
    await vi.waitFor(() => expect(erin.status()).toMatchObject({ session: 'revoked', syncing: false }), { timeout: 5000 });
    expect(erin.status()).toMatchObject({ nextAttemptAt: null, offlineSignIn: false, lastError: expect.objectContaining({ code: 'sync_device_revoked' }) });
  });
});

describe('SyncLoop on its own', () => {
  const temp = useTempDir();

  it('is idle while nobody signed in: no timer, nothing to sync', () => {
    const planned: number[] = [];
    const loop = new SyncLoop(
      temp.store(),
      { status: () => undefined, pulled: () => undefined },
      {
        timers: { ...DEFAULT_LOOP_OPTIONS.timers, setTimeout: (run, ms) => planned.push(ms) },
      },
    );
    loop.start();
    loop.edited();
    loop.networkChanged(true);
    expect(planned).toEqual([]);
    expect(loop.status()).toMatchObject({ session: 'signed_out', account: null, nextAttemptAt: null, syncing: false });
  });
});
