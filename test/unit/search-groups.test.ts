import { describe, expect, it } from 'vitest';
import { groupHits } from '../../shared/search-groups';
import type { SearchHit } from '../../shared/views';

function hit(id: string, caseId: string | null, countries: string[], kind: SearchHit['kind'] = 'event'): SearchHit {
  return { kind, id, caseId, caseTitle: caseId ? `case ${caseId}` : null, countries, text: id, excerpt: id, phase: null, date: null, member: null };
}

describe('groupHits', () => {
  it('groups by country, then case, in order of first appearance', () => {
    const groups = groupHits([hit('e1', 'c1', ['VN']), hit('e2', 'c2', ['PH']), hit('e3', 'c1', ['VN']), hit('e4', 'c3', ['VN'])]);
    expect(groups.map((g) => g.country)).toEqual(['VN', 'PH']);
    expect(groups[0].cases.map((c) => [c.caseId, c.hits.map((h) => h.id)])).toEqual([
      ['c1', ['e1', 'e3']],
      ['c3', ['e4']],
    ]);
  });

  it('lists a case of several countries under each, and hits without a country together', () => {
    const groups = groupHits([hit('e1', 'c1', ['ET', 'CI']), hit('d1', null, [], 'dossier'), hit('d2', null, [], 'agreement')]);
    expect(groups.map((g) => g.country)).toEqual(['ET', 'CI', null]);
    expect(groups[2].cases.map((c) => c.hits[0].id)).toEqual(['d1', 'd2']);
  });
});
