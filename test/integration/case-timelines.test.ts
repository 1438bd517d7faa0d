import { describe, expect, it } from 'vitest';
import { pipelineAnswer, pipelineFigures } from '../../electron/services/analytics';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { readRow, writeRows, type Store } from '../../electron/services/store/store';
import { purgeRecords } from '../../electron/services/sync/purge';
import { pipelineEvent, pipelineStats, type PipelineCase, type PipelineEvent } from '../../shared/analytics/pipeline';
import type { KarteDate } from '../../shared/dates';
import { parseDateText } from '../../shared/dates';
import type { Phase } from '../../shared/phases';
import { demoFiles, useTempDir } from '../support/temp';

// The analytics read each case's timeline from a table of its own (migration 11), rebuilt when its events change.
// Whatever path changed them (an edit, a move to another case, a deletion, a purge), the figures must be those the
// events themselves give.

const AS_OF = '2021-01-01';
const NEW_EVENT = '0f6b2c1e-5a7d-4c3b-9e8f-1a2b3c4d5e6f';

/** The figures computed from the event rows themselves, without the timelines. */
function figuresFromEvents(store: Store) {
  const events = store.db.prepare('SELECT caseId, phase, date FROM events WHERE deleted = 0').all() as { caseId: string; phase: Phase; date: string }[];
  const byCase = new Map<string, PipelineEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), pipelineEvent({ phase: e.phase, date: JSON.parse(e.date) as KarteDate })]);
  const cases = store.db.prepare('SELECT id, title, countries, region, sector, status FROM cases WHERE deleted = 0 ORDER BY title').all() as (Omit<
    PipelineCase,
    'countries' | 'events'
  > & { countries: string })[];
  return pipelineStats(
    cases.map((c) => ({ ...c, countries: JSON.parse(c.countries) as string[], events: byCase.get(c.id) ?? [] })),
    AS_OF,
  );
}

function date(text: string): KarteDate {
  const parsed = parseDateText(text);
  if (!parsed) throw new Error(`test date '${text}' does not parse`);
  return parsed;
}

describe('case timelines', () => {
  const temp = useTempDir();

  it('give the figures the events give, after every kind of change to the events', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    expect(pipelineFigures(store, { asOf: AS_OF })).toEqual(figuresFromEvents(store));

    const postal = store.db.prepare("SELECT id FROM cases WHERE title LIKE '%区分機%' AND countries LIKE '%VN%'").pluck().get() as string;
    const other = store.db.prepare('SELECT id FROM cases WHERE id != ? ORDER BY title LIMIT 1').pluck().get(postal) as string;
    const [first, second, third] = store.db.prepare('SELECT id FROM events WHERE caseId = ? AND deleted = 0 ORDER BY id').pluck().all(postal) as string[];
    const before = pipelineFigures(store, { asOf: AS_OF }).cases.find((c) => c.id === postal);
    expect(before?.firstOrder).toBe('2018-06');

    writeRows(store, [
      // An order a year earlier, an event deleted, one moved to another case, one added.
      { table: 'events', id: first, values: { phase: 'order_management', date: date('2017年6月') } },
      { table: 'events', id: second, values: { deleted: true } },
      { table: 'events', id: third, values: { caseId: other } },
      { table: 'events', id: NEW_EVENT, values: { caseId: other, phase: 'survey_demo', date: date('2020年2月'), text: '実証実験', scope: 'government' } },
    ]);
    const after = pipelineFigures(store, { asOf: AS_OF });
    expect(after.cases.find((c) => c.id === postal)?.firstOrder).toBe('2017-06');
    expect(after).toEqual(figuresFromEvents(store));

    // A purge deletes the event row: its case's timeline goes at once, its date with it, and comes back without it.
    const purged = readRow(store, 'events', NEW_EVENT);
    expect(purged).toBeDefined();
    purgeRecords(store, [{ table: 'events', rowId: NEW_EVENT }]);
    expect(store.db.prepare('SELECT count(*) FROM case_timelines WHERE caseId = ?').pluck().get(other)).toBe(0);
    expect(pipelineFigures(store, { asOf: AS_OF })).toEqual(figuresFromEvents(store));
    expect(store.db.prepare('SELECT events FROM case_timelines WHERE caseId = ?').pluck().get(other)).not.toContain('2020-02');
  });

  it('list the first cases asked for, of one cell of the matrix when one is chosen, and say how many there are', () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const all = pipelineFigures(store, { asOf: AS_OF });
    const view = pipelineAnswer(store, { asOf: AS_OF, limit: 5 });
    expect(view.cases).toEqual(all.cases.slice(0, 5));
    expect(view.stuck).toEqual(all.stuck.slice(0, 5));
    expect(view.totals).toEqual({
      cases: all.cases.length,
      won: all.cases.filter((c) => c.monthsToOrder !== null).length,
      listed: all.cases.length,
      stuck: all.stuck.length,
      longWithoutOrder: all.longWithoutOrder.length,
    });
    // Every figure still counts every case.
    expect(view.timeToOrder).toEqual(all.timeToOrder);
    const cell = all.bySectorRegion.find((c) => c.total > 1);
    if (!cell) throw new Error('the demo data should have a sector × region cell of several cases');
    const inCell = pipelineAnswer(store, { asOf: AS_OF, cell: { sector: cell.sector, region: cell.region } });
    expect(inCell.cases.map((c) => [c.sector, c.region])).toEqual(Array.from({ length: cell.total }, () => [cell.sector, cell.region]));
    expect(inCell.totals).toMatchObject({ cases: all.cases.length, listed: cell.total });
  });
});
