import { describe, expect, it } from 'vitest';
import { phasesOfStages } from '../../shared/council/scheme-stages';
import { sectorsOfWords } from '../../shared/council/sector-words';
import { SECTORS, sectorsInText } from '../../shared/reference/sectors';

// The council's sources in their own words: a scheme's stages read as Karte's phases, its sectors and a project's
// text read as the sector vocabulary.

describe('scheme stages as phases', () => {
  it.each([
    [['情報収集', 'チームの組成', '相手国・地域とのリレーション構築'], ['consideration']],
    [
      ['案件発掘', '案件提案', '案件形成'],
      ['consideration', 'consultation', 'mou_top_sales'],
    ],
    [['調査・実証'], ['survey_demo']],
    [['普及・実証・ビジネス化'], ['survey_demo', 'order_management']],
    [['事業化'], ['order_management']],
    [
      ['案件形成', '情報収集'],
      ['consideration', 'consultation', 'mou_top_sales'],
    ],
    [['調査 ・ 実証'], ['survey_demo']],
    [['ワークショップ'], []],
  ])('%j → %j', (stages, phases) => {
    expect(phasesOfStages(stages)).toEqual(phases);
  });
});

describe('scheme sector words as sector codes', () => {
  it('reads single-sector words through the vocabulary', () => {
    expect(sectorsOfWords(['脱炭素', '省エネ', '再エネ', '廃棄物'])).toEqual(['waste_to_energy', 'decarbonisation']);
    expect(sectorsOfWords(['5G', 'データセンター', '医療健康', '防災', '農業'])).toEqual(['5g', 'medical_ict', 'disaster_ict', 'data_center', 'agriculture_ict']);
    expect(sectorsOfWords(['医療', 'ヘルスケア'])).toEqual(['medical_ict']);
  });

  it('reads 通信 and 放送 as the sectors they cover, and 郵便 as itself', () => {
    expect(sectorsOfWords(['通信', '放送', '郵便'])).toEqual(['5g', 'broadband', 'submarine_cable', 'broadcasting', 'broadcast_content', 'postal']);
  });

  it('reads ICT as every ICT sector, not as every sector: water and waste are not ICT', () => {
    const ict = sectorsOfWords(['ICT']);
    expect(ict).toContain('postal');
    expect(ict).toContain('medical_ict');
    expect(ict).not.toContain('water');
    expect(ict).not.toContain('waste_to_energy');
    expect(ict).not.toContain('other');
    expect(ict.length).toBe(SECTORS.length - 5);
  });

  it('names nothing for a word the vocabulary does not know, and [] for no words (every sector)', () => {
    expect(sectorsOfWords(['観光'])).toEqual([]);
    expect(sectorsOfWords([])).toEqual([]);
  });
});

describe('sectors named in a project text', () => {
  it.each([
    ['廃プラスチックのリサイクル事業', ['waste_to_energy']],
    ['水道公社への高効率ポンプの導入', ['water']],
    ['下水処理場への汚泥脱水装置の納入', ['water']],
    ['工場への屋根置き太陽光発電及び先進的エネルギーマネジメントシステムによる電力供給', ['decarbonisation']],
    ['上下水道公社への漏水検知研修事業', ['water']],
    ['工業団地のスマートシティ化支援コンサルティング業務（アマタ社）', ['smart_city']],
    ['スマート工業団地開発計画支援コンサルティング事業（シティ社）', ['smart_city']],
    ['ホテルへの水道管改善装置の納入', ['water']],
    ['郵便区分機と遠隔医療の導入', ['postal', 'medical_ict']],
    ['観光案内', []],
  ])('%s → %j', (text, sectors) => {
    expect(sectorsInText(text)).toEqual(sectors);
  });

  it('reads Latin aliases as whole words only', () => {
    expect(sectorsInText('detailed water plan')).toEqual(['water']);
  });
});
