import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/hlc';
import { RECORD_TABLES } from '../../shared/model/records';
import { SCOPES } from '../../shared/scopes';
import type { PushResult } from '../../shared/sync/protocol';
import { addOrganisation, addUser } from '../../server/accounts';
import { fieldsOf, TABLES } from '../../electron/services/store/tables';
import { login, readAccount, syncOnce } from '../../electron/services/sync/client';
import { propertyRuns } from '../support/property-runs';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// Whatever a client sends, push refuses it or takes it, never fails (500), and whatever the log takes stays
// appliable: a fresh client of each kind of organisation syncs it all without setting a single change aside.

const PASSWORD = 'push-property password';
let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const ministry = await addOrganisation(server.db, '外務省', 'ministry');
  const company = await addOrganisation(server.db, '商社株式会社', 'company');
  for (const login of ['attacker', 'fresh-ministry']) await addUser(server.db, { login, orgId: ministry, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'fresh-company', orgId: company, role: 'reader', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

const ROW_IDS = ['aaaaaaaa-0000-4000-8000-00000000000a', 'aaaaaaaa-0000-4000-8000-00000000000b', 'aaaaaaaa-0000-4000-8000-00000000000c'];

/** Values of every kind a field may or may not take: the record's own defaults among them. */
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', 'x'.repeat(300_000), 'active', 'VN', ROW_IDS[0], ...RECORD_TABLES.flatMap((t) => Object.values(TABLES[t].defaults as Record<string, unknown>))),
);

/** Fields without a default: a value each takes, so that valid changes of every kind reach the log too. */
const REQUIRED_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  title: fc.string({ minLength: 1, maxLength: 30 }),
  text: fc.string({ minLength: 1, maxLength: 30 }),
  nameJa: fc.string({ minLength: 1, maxLength: 30 }),
  caseId: fc.constantFrom(...ROW_IDS),
  phase: fc.constantFrom('consideration', 'survey_demo'),
  country: fc.constantFrom('VN', 'PH'),
};

/** A value the field takes, where the table and field are real ones; else any value. */
function fittingValue(table: string, field: string): fc.Arbitrary<unknown> {
  const defaults = (RECORD_TABLES as readonly string[]).includes(table) ? (TABLES[table as (typeof RECORD_TABLES)[number]].defaults as Record<string, unknown>) : {};
  if (Object.hasOwn(defaults, field)) return fc.constant(defaults[field]);
  // Own keys only: a random field name such as 'constructor' would otherwise find Object's.
  return Object.hasOwn(REQUIRED_VALUES, field) ? REQUIRED_VALUES[field] : anyValue;
}

/** A change of the attacker's device, valid or malformed in any part; or something that is not a change at all. */
function change(device: string): fc.Arbitrary<unknown> {
  const hlc = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -60_000, max: 60_000 }).map((offset) => encodeHlc({ millis: Date.now() + offset, counter: 0, node: device })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 48 }).map((hours) => encodeHlc({ millis: Date.now() + hours * 3_600_000, counter: 0, node: device })) },
    { weight: 1, arbitrary: fc.constantFrom('yesterday', '', encodeHlc({ millis: Date.now(), counter: 0, node: '00000000000000ff' })) },
    { weight: 1, arbitrary: fc.string() },
  );
  const table = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...RECORD_TABLES) }, { weight: 1, arbitrary: fc.string() });
  const fields = (t: string) => ((RECORD_TABLES as readonly string[]).includes(t) ? fieldsOf(t as (typeof RECORD_TABLES)[number]) : ['title']);
  const shaped = table.chain((t) =>
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...fields(t)) }, { weight: 1, arbitrary: fc.string() }).chain((f) =>
      fc.record(
        {
          hlc,
          author: fc.oneof(fc.constantFrom('min', 'admin'), fc.string({ maxLength: 300 })),
          table: fc.constant(t),
          rowId: fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom(...ROW_IDS) },
            { weight: 1, arbitrary: fc.constantFrom("x'); DELETE FROM records;--", '', 'AAAAAAAA-0000-4000-8000-00000000000A') },
          ),
          field: fc.constant(f),
          value: fc.oneof(fittingValue(t, f), anyValue),
          scope: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...SCOPES) }, { weight: 1, arbitrary: fc.string() }),
          prev: fc.oneof(fc.constant(null), hlc),
        },
        { requiredKeys: ['hlc', 'table', 'rowId', 'field', 'scope'] },
      ),
    ),
  );
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) });
}

describe('push under random input', () => {
  const temp = useTempDir();
  const runs = propertyRuns('KARTE_PUSH_PROPERTY_RUNS', 150, 200);

  it(
    'refuses or applies every change, never fails, and keeps the log appliable by fresh clients',
    async () => {
      const attacker = temp.store('attacker.sqlite');
      await login(attacker, { server: server!.url, login: 'attacker', password: PASSWORD });
      const headers = { 'content-type': 'application/json', 'karte-protocol': '1', authorization: `Bearer ${readAccount(attacker)!.token}` };
      const body = fc.oneof(
        { weight: 8, arbitrary: fc.array(change(attacker.node), { maxLength: 12 }).map((changes) => ({ changes })) },
        { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
      );
      await fc.assert(
        fc.asyncProperty(body, async (sent) => {
          const response = await fetch(`${server!.url}/v1/push`, { method: 'POST', headers, body: JSON.stringify(sent) });
          const answer = (await response.json()) as { results?: PushResult[]; error?: string };
          expect(response.status, JSON.stringify(answer)).toBeLessThan(500);
          if (response.status !== 200) return;
          const changes = (sent as { changes: unknown[] }).changes;
          expect(answer.results).toHaveLength(changes.length);
          for (const result of answer.results ?? []) {
            expect(['applied', 'duplicate', 'rejected']).toContain(result.status);
            if (result.status === 'rejected') expect(result.reason).toEqual(expect.any(String));
            else expect(result.author).toBe('attacker');
          }
        }),
        { numRuns: runs.numRuns, seed: runs.seed, path: runs.path },
      );
      const taken = Number((await server!.db.query<{ n: string }>('SELECT count(*) AS n FROM changes')).rows[0].n);
      console.log(`the log took ${taken} of the changes sent`);
      expect(taken, 'the property never got a change into the log: it tests nothing').toBeGreaterThan(0);

      for (const user of ['fresh-ministry', 'fresh-company']) {
        const fresh = temp.store(`${user}.sqlite`);
        await login(fresh, { server: server!.url, login: user, password: PASSWORD });
        await syncOnce(fresh);
        // The changes themselves, not a count: a failure after the property has no shrunk example to show.
        expect(fresh.db.prepare('SELECT change, reason FROM quarantine').all(), `${user}, seed ${runs.seed}`).toEqual([]);
      }
    },
    runs.timeoutMs,
  );
});
