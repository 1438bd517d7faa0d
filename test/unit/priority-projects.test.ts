import { describe, expect, it } from 'vitest';
import { countryByIso2 } from '../../shared/reference/countries';
import { findProject, PRIORITY_PROJECTS, suggestedProjects } from '../../shared/reference/priority-projects';
import { REGIONS } from '../../shared/reference/regions';
import { sectorByCode } from '../../shared/reference/sectors';

describe('the 20 priority projects (「20(にいまる)」)', () => {
  it('are the 20 of the action plan, numbered ①–⑳, with the two numeric targets it states', () => {
    expect(PRIORITY_PROJECTS.map((p) => p.no)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(PRIORITY_PROJECTS.map((p) => p.mark).join('')).toBe('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳');
    expect(PRIORITY_PROJECTS.find((p) => p.no === 17)).toMatchObject({ sector: '郵便', targets: 'ASEAN、ロシア' });
    expect(PRIORITY_PROJECTS.flatMap((p) => p.kpis)).toEqual([
      { metric: '放送コンテンツの海外販売作品数', target: 4500, unit: '本', target_date: '2022年度' },
      { metric: 'ASEANを対象に育成するセキュリティ人材', target: 650, unit: '人以上', target_date: '2022年' },
    ]);
  });

  it('name only sectors and places Karte knows', () => {
    for (const p of PRIORITY_PROJECTS) {
      for (const code of p.sectorCodes) expect(sectorByCode(code), `${p.mark} sector ${code}`).toBeDefined();
      for (const place of p.places) expect(REGIONS.some((r) => r.code === place) || countryByIso2(place) !== undefined, `${p.mark} place ${place}`).toBe(true);
    }
  });

  it('are found by number, mark or full-width digits', () => {
    expect(findProject('17')?.no).toBe(17);
    expect(findProject('⑰')?.no).toBe(17);
    expect(findProject('１７')?.no).toBe(17);
    expect(findProject('21')).toBeUndefined();
    expect(findProject('郵便')).toBeUndefined();
  });

  it('are suggested for a case by its sector and its countries, or its region when it has none', () => {
    const nos = (c: { sector: string; countries: string[]; region: string }) => suggestedProjects(c).map((p) => p.no);
    expect(nos({ sector: 'postal', countries: ['VN'], region: 'ASEAN' })).toEqual([17]);
    expect(nos({ sector: 'postal', countries: ['BR'], region: '中南米' })).toEqual([]);
    expect(nos({ sector: 'radio_systems', countries: ['TH'], region: 'ASEAN' })).toEqual([12, 13]);
    expect(nos({ sector: 'radio_systems', countries: ['VN'], region: 'ASEAN' })).toEqual([12]);
    expect(nos({ sector: 'disaster_ict', countries: [], region: '中南米' })).toEqual([15]);
    // アジア is read as the Indo-Pacific: Vietnam's 5G case may belong to ①.
    expect(nos({ sector: '5g', countries: ['VN'], region: 'ASEAN' })).toEqual([1]);
  });
});
