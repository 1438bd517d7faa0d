import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeView, STUCK_LISTED } from '../../electron/services/home';
import { newId } from '../../electron/services/record-ids';
import { openStore, writeRows, type RowWrite } from '../../electron/services/store/store';
import { dateFromSource } from '../../shared/dates';
import { useTempDir } from '../support/temp';

// The start page lists the longest-quiet active cases, not all of them: a whole portfolio held thousands.
describe('the start page', () => {
  const temp = useTempDir();

  it('lists the first stuck cases, longest quiet first, and counts them all by the analytics rule', () => {
    const store = openStore(path.join(temp.dir(), 'home.sqlite'), { author: 'tester', now: () => Date.parse('2021-01-15T00:00:00Z') });
    const writes: RowWrite[] = [];
    const add = (title: string, month: string | null, status: 'active' | 'won' = 'active') => {
      const id = newId();
      writes.push({ table: 'cases', id, values: { title, countries: ['VN'], status } });
      if (month !== null) writes.push({ table: 'events', id: newId(), values: { caseId: id, phase: 'consideration', date: dateFromSource(month, month), text: title } });
    };
    for (let i = 0; i < STUCK_LISTED + 10; i++) add(`quiet ${i}`, `20${String(10 + (i % 9)).padStart(2, '0')}-0${1 + (i % 9)}`);
    add('no events', null);
    add('twelve months', '2020-01');
    add('thirteen months', '2019-12');
    add('won long ago', '2010-01', 'won');
    writeRows(store, writes);

    const home = homeView(store, 12);
    expect(home.stuckCount).toBe(STUCK_LISTED + 10 + 2);
    expect(home.stuck).toHaveLength(STUCK_LISTED);
    expect(home.stuck[0].title).toBe('no events');
    const lasts = home.stuck.slice(1).map((c) => c.lastEvent as string);
    expect(lasts).toEqual([...lasts].sort());
    expect(home.stuck.some((c) => c.title === 'won long ago' || c.title === 'twelve months')).toBe(false);
    // Quiet since 2010年1月: 132 months, stuck after 120, not after 132.
    expect(
      homeView(store, 120)
        .stuck.map((c) => c.title)
        .slice(0, 2),
    ).toEqual(['no events', 'quiet 0']);
    expect(homeView(store, 132).stuck.map((c) => c.title)).toEqual(['no events']);
    store.close();
  });
});
