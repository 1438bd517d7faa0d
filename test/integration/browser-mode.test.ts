import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiName, ApiResult } from '../../shared/api';
import { openBackEnd, type LocalBackEnd } from '../../electron/services/back-end';
import { startBrowserMode, type BrowserMode } from '../../electron/services/browser-mode';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/content-security-policy';
import { writeRows } from '../../electron/services/store/store';
import { DEMO_DIR, snapshot, useTempDir } from '../support/temp';

describe('browser mode', () => {
  const temp = useTempDir();
  let server: BrowserMode | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  const start = async (withStatic = false) => {
    const file = path.join(temp.dir(), 'karte.sqlite');
    let staticDir: string | null = null;
    if (withStatic) {
      staticDir = path.join(temp.dir(), 'renderer');
      fs.mkdirSync(staticDir);
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Karte</title>');
    }
    let backEnd: LocalBackEnd | undefined;
    server = await startBrowserMode(() => (backEnd = openBackEnd({ store: { file, author: 'tester' }, demoDir: DEMO_DIR, version: 'test' })), { staticDir });
    return { store: backEnd!.store, server };
  };

  const post = (s: BrowserMode, name: string, args: unknown, headers: Record<string, string> = {}) =>
    fetch(`${s.url}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}`, ...headers },
      body: JSON.stringify(args),
    });

  async function call<K extends ApiName>(s: BrowserMode, name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
    const response = await post(s, name, args);
    const body = (await response.json()) as { result: ApiResult<K>; error?: unknown };
    if (!response.ok) throw new Error(JSON.stringify(body.error));
    return body.result;
  }

  it('listens on loopback only and serves the typed API to holders of the token', async () => {
    const { server: s } = await start();
    expect(new URL(s.url).hostname).toBe('127.0.0.1');
    expect((s.app.server.address() as { address: string }).address).toBe('127.0.0.1');
    expect(s.openUrl).toBe(`${s.url}/#token=${s.token}`);
    expect(s.token.length).toBeGreaterThanOrEqual(32);

    expect((await post(s, 'app.info', {}, { authorization: '' })).status).toBe(401);
    expect((await post(s, 'app.info', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    const info = await call(s, 'app.info', {});
    expect(info).toMatchObject({ empty: true, encrypted: false });
  });

  it('refuses other host names, so a rebound DNS name cannot reach it', async () => {
    const { server: s } = await start();
    const { port } = new URL(s.url);
    const status = (host: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port, path: '/api/call/app.info', method: 'POST', headers: { host, authorization: `Bearer ${s.token}`, 'content-type': 'application/json' } },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        );
        request.on('error', reject);
        request.end('{}');
      });
    expect(await status(`evil.example:${port}`)).toBe(421);
    expect(await status(`localhost:${port}`)).toBe(200);
  });

  it('turns a caller without the token away before reading what it sends (any local user could make it buffer 64 MB)', async () => {
    const { server: s } = await start();
    const { port } = new URL(s.url);
    // Headers announcing a 60 MB body that never comes: the answer must not wait for it.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/call/app.info',
          method: 'POST',
          headers: { authorization: 'Bearer wrong', 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024) },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
          request.destroy();
        },
      );
      request.on('error', reject);
      request.flushHeaders();
      // Not a timing target: without an answer by then, the server is waiting for the body.
      setTimeout(() => {
        resolve(undefined);
        request.destroy();
      }, 5_000);
    });
    expect(status, 'no answer before the body').toBe(401);
    for (const [type, body] of [
      ['application/json', '{not json'],
      ['text/plain', 'x'],
    ]) {
      const answer = await fetch(`${s.url}/api/call/app.info`, { method: 'POST', headers: { authorization: 'Bearer wrong', 'content-type': type }, body });
      expect(answer.status, type).toBe(401);
    }
  });

  it('answers bad calls with 4xx and the error as data, changing nothing', async () => {
    const { store, server: s } = await start();
    await call(s, 'demo.import', {});
    const before = snapshot(store);
    const wrongType = await post(s, 'dossier.get', { country: 5 });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toEqual({
      error: {
        code: 'invalid_arguments',
        message: expect.stringMatching(/^dossier\.get: country: /),
        details: { issues: [expect.objectContaining({ code: 'invalid_type', path: ['country'] })] },
      },
    });
    const unknown = await post(s, 'no.such.method', {});
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_method');
    const badEvent = await post(s, 'event.add', { caseId: 'ffffffff', phase: 'consultation', date: '2020年', text: 'x' });
    expect(badEvent.status).toBe(404);
    expect(await badEvent.json()).toEqual({ error: { code: 'not_found', message: "no case with id 'ffffffff'", details: { table: 'cases', record: 'ffffffff' } } });
    // A next action's date must be one (an event's date is kept as written when it reads as none).
    const badDate = await post(s, 'case.setText', { id: (await call(s, 'cases.list', {}))[0].id, field: 'nextActionDate', text: 'someday' });
    expect(badDate.status).toBe(422);
    expect(((await badDate.json()) as { error: { code: string; details: unknown } }).error).toMatchObject({ code: 'invalid_date', details: { params: { text: 'someday' } } });
    expect(snapshot(store)).toEqual(before);
  });

  it('imports the demo data and tells listeners as it goes', async () => {
    const { server: s } = await start();
    const stream = await fetch(`${s.url}/api/events?token=${s.token}`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.headers.get('referrer-policy')).toBe('no-referrer');
    const report = await call(s, 'demo.import', {});
    expect(report).toMatchObject({ files: 8, casesAdded: 31, schemesAdded: 12, trackRecordsAdded: 9 });
    const reader = stream.body!.getReader();
    let received = '';
    while (!received.includes('event: store.changed')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain('event: import.progress\ndata: {"file":"latam-broadcast.json"');
    await reader.cancel();
    const countries = await call(s, 'countries.list', {});
    expect(countries.find((c) => c.iso2 === 'VN')).toMatchObject({ cases: 9 });
    expect((await fetch(`${s.url}/api/events?token=wrong`)).status).toBe(401);
  });

  it('undoes the last edits in turn, and never clobbers a newer change', async () => {
    const { store, server: s } = await start();
    await call(s, 'demo.import', {});
    const [c] = await call(s, 'cases.list', { country: 'VN', sector: '消防' });
    const { id: eventId } = await call(s, 'event.add', { caseId: c.id, phase: 'survey_demo', date: '2021年度', text: '消防設備の実証' });
    await call(s, 'case.update', { id: c.id, values: { status: 'on_hold', futurePolicy: '再検討' } });

    const before = (await call(s, 'case.get', { id: c.id })).case;
    const undone = (await call(s, 'undo', {})).undone!;
    expect(undone.table).toBe('cases');
    expect(undone.fields.sort()).toEqual(['futurePolicy', 'status']);
    expect((await call(s, 'case.get', { id: c.id })).case).toEqual({ ...before, status: 'active', futurePolicy: c.summary === '' ? '' : expect.any(String) });
    expect((await call(s, 'undo', {})).undone).toMatchObject({ table: 'events', rowId: eventId, fields: ['deleted'] });
    expect((await call(s, 'case.get', { id: c.id })).events.map((e) => e.id)).not.toContain(eventId);
    expect((await call(s, 'undo', {})).undone).toBeNull();

    await call(s, 'case.update', { id: c.id, values: { notes: 'first' } });
    await call(s, 'case.update', { id: c.id, values: { notes: 'second' } });
    await call(s, 'undo', {});
    expect((await call(s, 'case.get', { id: c.id })).case.notes).toBe('first');
    const history = await call(s, 'history.case', { id: c.id });
    expect(
      history
        .filter((h) => h.field === 'notes')
        .map((h) => h.value)
        .slice(-3),
    ).toEqual(['first', 'second', 'first']);

    // Somebody else's later change to the same field (another session, a sync) stays.
    await call(s, 'case.update', { id: c.id, values: { notes: 'mine', financing: 'JICA' } });
    writeRows(store, [{ table: 'cases', id: c.id, values: { notes: 'theirs' } }]);
    expect((await call(s, 'undo', {})).undone).toMatchObject({ fields: ['financing'] });
    expect((await call(s, 'case.get', { id: c.id })).case).toMatchObject({ notes: 'theirs', financing: '' });
  });

  it('serves the app with its security headers, and client-side routes load the app', async () => {
    const { server: s } = await start(true);
    const page = await fetch(`${s.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await fetch(`${s.url}/dossier/VN`)).text()).toContain('<title>Karte</title>');
    expect((await fetch(`${s.url}/api/nothing`)).status).toBe(404);
  });
});
