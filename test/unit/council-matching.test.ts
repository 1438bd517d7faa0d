import { describe, expect, it } from 'vitest';
import { matchReasonsText, matchReasonText } from '../../shared/council/match-labels';
import { matchCase, matchMember, phasesNeeded, sectorOverview, type CaseNeed, type MemberRecords, type SectorPlace } from '../../shared/council/matching';
import { placesByRegion } from '../../shared/council/sector-regions';
import { parseDateText, unknownDate } from '../../shared/dates';
import type { Advisor } from '../../shared/model/advisor';
import type { SupportScheme } from '../../shared/model/support-scheme';
import type { TrackRecord } from '../../shared/model/track-record';
import { PHASES } from '../../shared/phases';

function scheme(id: string, fields: Partial<SupportScheme>): SupportScheme {
  return {
    id,
    name: id,
    owner: '',
    type: 'subsidy',
    stages: [],
    phases: [],
    sectorLabels: [],
    sectors: [],
    countries: [],
    regions: [],
    countriesText: '',
    budget: '',
    terms: '',
    applicationWindow: '',
    contact: '',
    source: '',
    scope: 'council',
    deleted: false,
    ...fields,
  };
}

function record(organisationId: string, fields: Partial<TrackRecord>): TrackRecord {
  return {
    id: `${organisationId}-${fields.project ?? 'p'}`,
    organisationId,
    project: 'p',
    country: 'VN',
    place: '',
    date: parseDateText('2020年')!,
    schemeId: null,
    category: '',
    sectors: [],
    relatedCaseId: null,
    scope: 'council',
    deleted: false,
    ...fields,
  };
}

function member(id: string, records: Partial<TrackRecord>[], offerSectors: string[][] = []): MemberRecords {
  return {
    organisation: { id, nameJa: id, nameEn: '', type: 'company', size: 'sme', location: '', description: '', councilMember: true, scope: 'council', deleted: false },
    offers: offerSectors.map((sectors, i) => ({
      id: `${id}-o${i}`,
      organisationId: id,
      kind: 'product',
      name: `${id}の製品${i}`,
      description: '',
      sectors,
      scope: 'council',
      deleted: false,
    })),
    trackRecords: records.map((r) => record(id, r)),
  };
}

function advisor(id: string, fields: Partial<Advisor>): Advisor {
  return {
    id,
    name: id,
    affiliation: '',
    sectors: [],
    countries: [],
    languages: [],
    experience: '',
    registeredOn: parseDateText('2021年')!,
    removedOn: null,
    scope: 'council',
    deleted: false,
    ...fields,
  };
}

const wasteCase: CaseNeed = { id: 'c', title: 'ベトナム 廃棄物発電', sector: 'waste_to_energy', countries: ['VN'], region: '', status: 'active', phase: 'consultation' };

describe('matchCase', () => {
  it('needs the phase the case is in and the next; a case with no event yet needs consideration', () => {
    expect(phasesNeeded(null)).toEqual(['consideration', 'consultation']);
    expect(phasesNeeded('survey_demo')).toEqual(['survey_demo', 'order_management']);
    expect(phasesNeeded('order_management')).toEqual(['order_management']);
  });

  it('ranks schemes by sector named, phase now, next or later, country, and use by members in the country', () => {
    const schemes = [
      scheme('open', { phases: ['consultation'] }),
      scheme('next', { phases: ['mou_top_sales'], sectors: ['waste_to_energy'] }),
      scheme('now', { phases: ['consultation'], sectors: ['waste_to_energy'] }),
      scheme('later-used', { phases: ['order_management'], sectors: ['waste_to_energy'] }),
      scheme('asean', { phases: ['consultation'], sectors: ['waste_to_energy'], regions: ['asean'] }),
    ];
    const used = member('横浜', [
      { project: 'ポンプ', country: 'VN', schemeId: 'later-used' },
      { project: '研修', country: 'VN', schemeId: 'later-used' },
    ]);
    const match = matchCase(wasteCase, schemes, [used], []);
    expect(match.schemes.map((s) => s.id)).toEqual(['later-used', 'asean', 'now', 'next', 'open']);
    expect(match.schemes[0].reasons).toEqual([
      { code: 'sector', sector: 'waste_to_energy' },
      { code: 'phase_later', phase: 'order_management' },
      { code: 'any_country', text: '' },
      { code: 'scheme_used_in_country', country: 'VN', project: 'ポンプ', organisation: '横浜' },
      { code: 'scheme_used_in_country', country: 'VN', project: '研修', organisation: '横浜' },
    ]);
    expect(match.schemes[1].reasons).toContainEqual({ code: 'region', region: 'asean' });
    expect(match.schemes[4].reasons.map((r) => r.code)).toEqual(['any_sector', 'phase_now', 'any_country']);
    expect(match.excluded).toEqual([]);
  });

  it('lists every scheme that does not fit under excluded, with each reason it does not', () => {
    const schemes = [
      scheme('ict', { sectors: ['postal', '5g'], sectorLabels: ['ICT'] }),
      scheme('passed', { phases: ['consideration'] }),
      scheme('africa', { countries: ['KE'], regions: ['africa'], countriesText: 'ケニア等' }),
      scheme('all-wrong', { phases: ['consideration'], sectors: ['postal'], sectorLabels: ['郵便'], countries: ['KE'] }),
    ];
    const { schemes: fitting, excluded } = matchCase(wasteCase, schemes, [], []);
    expect(fitting).toEqual([]);
    expect(excluded.map((e) => [e.id, e.reasons.map((r) => r.code)])).toEqual([
      ['africa', ['country_not_eligible']],
      ['all-wrong', ['phase_passed', 'sector_not_served', 'country_not_eligible']],
      ['ict', ['sector_not_served']],
      ['passed', ['phase_passed']],
    ]);
    expect(matchReasonsText(excluded[1].reasons, 'ja')).toBe(
      '支援する段階は検討で、案件は実務協議等にある／対象分野は郵便で、廃棄物発電は対象外／対象国・地域はケニアで、ベトナムは対象外',
    );
    expect(matchReasonText(excluded[2].reasons[0], 'en')).toBe('its sectors are ICT, not Waste to energy');
  });

  it('ranks members by a project in the same country and sector, then an offer in the sector, a project in the country, one in the sector elsewhere', () => {
    const members = [
      member('sector-elsewhere', [{ project: 'マニラ', country: 'PH', sectors: ['waste_to_energy'] }]),
      member('country', [{ project: 'ダナン上水', country: 'VN', sectors: ['water'] }]),
      member('offer', [], [['waste_to_energy']]),
      member('both', [{ project: 'ハノイ焼却', country: 'VN', sectors: ['waste_to_energy'] }]),
      member('unrelated', [{ project: 'バンコク', country: 'TH', sectors: ['water'] }], [['postal']]),
    ];
    const match = matchCase(wasteCase, [], members, []);
    expect(match.members.map((m) => m.id)).toEqual(['both', 'offer', 'country', 'sector-elsewhere']);
    expect(match.members[0].reasons).toEqual([{ code: 'track_record_in_country_sector', project: 'ハノイ焼却', country: 'VN', sector: 'waste_to_energy' }]);
    expect(matchReasonText(match.members[0].reasons[0], 'ja')).toBe('ベトナム・廃棄物発電の実績「ハノイ焼却」');
  });

  it('lists advisors who know the sector or the country, a removed one under excluded', () => {
    const advisors = [
      advisor('country', { countries: ['VN'] }),
      advisor('both', { countries: ['VN'], sectors: ['waste_to_energy'] }),
      advisor('removed', { sectors: ['waste_to_energy'], removedOn: parseDateText('2023年3月') }),
      advisor('other', { countries: ['TH'] }),
    ];
    const match = matchCase(wasteCase, [], [], advisors);
    expect(match.advisors.map((a) => a.id)).toEqual(['both', 'country']);
    expect(match.excluded).toEqual([{ kind: 'advisor', id: 'removed', name: 'removed', reasons: [{ code: 'advisor_removed', removedOn: '2023年3月' }] }]);
  });
});

describe('matchMember and sectorOverview', () => {
  const yokohama = member('横浜ウォーター', [{ project: 'ポンプ', country: 'VN', sectors: ['water'], schemeId: 'jcm' }]);
  const schemes = [scheme('jcm', { sectors: ['water', 'waste_to_energy'] }), scheme('ict', { sectors: ['postal'], sectorLabels: ['郵便'] }), scheme('open', {})];

  it("finds the open cases that fit a member's sectors and countries, and the schemes it can use", () => {
    const cases: CaseNeed[] = [
      { ...wasteCase, id: 'vn-waste' },
      { ...wasteCase, id: 'ph-water', sector: 'water', countries: ['PH'] },
      { ...wasteCase, id: 'vn-water', sector: 'water' },
      { ...wasteCase, id: 'vn-water-won', sector: 'water', status: 'won' },
      { ...wasteCase, id: 'th-postal', sector: 'postal', countries: ['TH'] },
    ];
    const match = matchMember(yokohama, cases, schemes);
    expect(match.sectors).toEqual(['water']);
    expect(match.cases.map((c) => c.id)).toEqual(['vn-water', 'vn-waste', 'ph-water']);
    expect(match.schemes.map((s) => s.id)).toEqual(['jcm', 'open']);
    expect(match.schemes[0].reasons).toContainEqual({ code: 'scheme_used_by_member', country: 'VN', project: 'ポンプ' });
    expect(match.excluded.map((e) => [e.id, matchReasonsText(e.reasons, 'ja')])).toEqual([['ict', '対象分野は郵便で、水は対象外']]);
  });

  it("gathers a sector's cases by phase and country, its schemes, members and registered advisors", () => {
    const cases: CaseNeed[] = [
      { ...wasteCase, id: 'a', sector: 'water', phase: null },
      { ...wasteCase, id: 'b', sector: 'water', countries: ['PH'], phase: 'survey_demo' },
      { ...wasteCase, id: 'c', sector: 'water', phase: 'survey_demo' },
      { ...wasteCase, id: 'd' },
    ];
    const overview = sectorOverview(
      'water',
      cases,
      schemes,
      [yokohama],
      [advisor('knows', { sectors: ['water'] }), advisor('gone', { sectors: ['water'], removedOn: parseDateText('2022年')! })],
    );
    expect(overview.byPhase.survey_demo.map((c) => c.id)).toEqual(['b', 'c']);
    expect(overview.byPhase.none.map((c) => c.id)).toEqual(['a']);
    expect(overview.countries.map((c) => [c.place, c.cases, c.byPhase.survey_demo])).toEqual([
      ['VN', 2, 1],
      ['PH', 1, 1],
    ]);
    expect(overview.schemes.map((s) => s.id)).toEqual(['jcm', 'open']);
    expect(overview.members.map((m) => m.reasons)).toEqual([[{ code: 'track_record_in_sector', project: 'ポンプ', country: 'VN', sector: 'water' }]]);
    expect(overview.advisors.map((a) => a.id)).toEqual(['knows']);
  });

  it("lists the members' projects of the sector under their country, a country with projects but no case too", () => {
    const builder = member('横浜ウォーター', [
      { project: 'ポンプ', country: 'VN', place: 'ダナン', sectors: ['water'], date: parseDateText('2019年度')! },
      { project: '下水処理場', country: 'VN', sectors: ['water'], date: unknownDate() },
      { project: '廃プラ', country: 'VN', sectors: ['waste_to_energy'] },
      { project: '漏水検知', country: 'IN', place: 'バンガロール', sectors: ['water'] },
      { project: '消した', country: 'TH', sectors: ['water'], deleted: true },
    ]);
    const overview = sectorOverview('water', [{ ...wasteCase, id: 'a', sector: 'water', phase: null }], [], [builder], []);
    expect(overview.countries.map((c) => [c.place, c.cases, c.projects.map((p) => p.project)])).toEqual([
      ['VN', 1, ['ポンプ', '下水処理場']],
      ['IN', 0, ['漏水検知']],
    ]);
    expect(overview.countries[0].projects[0]).toEqual({
      id: '横浜ウォーター-ポンプ',
      project: 'ポンプ',
      member: { id: '横浜ウォーター', nameJa: '横浜ウォーター', nameEn: '' },
      place: 'ダナン',
      date: parseDateText('2019年度'),
    });
    expect(overview.countries[0].projects[1].date).toBeNull();
    expect(overview.countries[1].byPhase.none).toBe(0);
  });

  it('groups the places by the regions the analytics matrix counts by, a region kept as a place under itself', () => {
    const place = (name: string) => ({ place: name, byPhase: emptyPhases(), cases: 1, projects: [] });
    const groups = placesByRegion([place('BR'), place('VN'), place('中南米'), place('IN'), place('PH')]);
    expect(groups.map((g) => [g.region?.code ?? null, g.places.map((p) => p.place)])).toEqual([
      ['asean', ['VN', 'PH']],
      ['south_asia', ['IN']],
      ['latin_america', ['中南米']],
      ['south_america', ['BR']],
    ]);
  });
});

function emptyPhases(): SectorPlace['byPhase'] {
  return Object.fromEntries([...PHASES, 'none'].map((p) => [p, 0])) as SectorPlace['byPhase'];
}
