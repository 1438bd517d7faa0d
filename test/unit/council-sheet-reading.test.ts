import { describe, expect, it } from 'vitest';
import { countryCodeOf, listItems, recogniseCouncilSheet, schemeTypeOf } from '../../shared/excel/council-sheet-reading';

describe('council sheets read by their headings', () => {
  it('reads a schemes sheet headed in Japanese, below a title, its columns in any order and some left out', () => {
    const sheet = recogniseCouncilSheet('支援ツール', [
      ['支援ツール一覧（2022年4月）'],
      ['種類', '制度名', '実施機関', '対象分野', '対象段階'],
      ['融資', '円借款', 'JICA', '上水道、下水道', '案件形成\n事業化'],
      ['', '', '', '', ''],
      ['loan_equity', '海外投融資', 'JICA', '', ''],
    ]);
    expect(sheet).toMatchObject({
      kind: 'schemes',
      columns: [
        { field: 'name', heading: '制度名' },
        { field: 'owner', heading: '実施機関' },
        { field: 'type', heading: '種類' },
        { field: 'stages', heading: '対象段階' },
        { field: 'sectors', heading: '対象分野' },
      ],
      rows: [3, 5],
      json: {
        schemes: [
          { name: '円借款', owner: 'JICA', type: 'loan', stages: ['案件形成', '事業化'], sectors: ['上水道', '下水道'], countries: '', budget: '', terms: '', source: '' },
          { name: '海外投融資', type: 'loan_equity', stages: [], sectors: [] },
        ],
      },
    });
  });

  it('reads a track-records sheet headed with the JSON file’s field names, a country by code or by name', () => {
    const sheet = recogniseCouncilSheet('records', [
      ['company', 'ward', 'project', 'country_iso2', 'place', 'category'],
      ['横浜ウォーター株式会社', '中区', '高効率ポンプの導入', 'vn', 'ダナン', 'JCM設備補助事業'],
    ]);
    expect(sheet?.json).toEqual({
      records: [{ company: '横浜ウォーター株式会社', ward: '中区', project: '高効率ポンプの導入', country_iso2: 'VN', place: 'ダナン', category: 'JCM設備補助事業' }],
    });
    expect(countryCodeOf('ベトナム')).toBe('VN');
    expect(countryCodeOf(' ナルニア ')).toBe('ナルニア');
  });

  it('takes no other list for a council sheet', () => {
    expect(recogniseCouncilSheet('会員', [['名称', '種別', '分野']])).toBeNull();
    expect(recogniseCouncilSheet('案件', [['案件名', '国', '分野']])).toBeNull();
  });

  it('reads a scheme type by its code or its label, and leaves any other word as written for the check to refuse', () => {
    expect(schemeTypeOf('補助金')).toBe('subsidy');
    expect(schemeTypeOf(' Grant ')).toBe('grant');
    expect(schemeTypeOf('ＬＯＡＮ')).toBe('loan');
    expect(schemeTypeOf('寄付')).toBe('寄付');
  });

  it('splits a list cell on 、 , ; and new lines', () => {
    expect(listItems('案件発掘、案件提案, 案件形成；事業化\r\n普及・実証・ビジネス化')).toEqual(['案件発掘', '案件提案', '案件形成', '事業化', '普及・実証・ビジネス化']);
    expect(listItems('  ')).toEqual([]);
  });
});
