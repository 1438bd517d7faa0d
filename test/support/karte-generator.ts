import prand from 'pure-rand';
import type { KarteFile } from '../../shared/karte-json';
import type { Phase } from '../../shared/phases';
import { COUNTRIES } from '../../shared/reference/countries';
import { SECTORS } from '../../shared/reference/sectors';

// Realistic karte JSON at any size, for the bench and for tests that need a long import. Deterministic per seed.

export interface GeneratorOptions {
  seed: number;
  countries: number;
  cases: number;
  events: number;
  /** One country with a set number of cases and events, the dossier the bench opens. */
  focus?: { iso2: string; cases: number; events: number };
}

const TOPICS = [
  '郵便区分機',
  '地上デジタル放送',
  '消防用機器',
  'ローカル5G',
  '海底ケーブル',
  '遠隔医療システム',
  '防災ICT',
  '電子政府',
  '統計ICTシステム',
  'スマートシティ',
  '行政相談制度',
  'サイバーセキュリティ演習',
  '早期警報放送',
  '光ファイバ網',
  'データセンター',
  '電波監視',
  '郵便局の金融サービス',
  '車両接近通知システム',
  '廃棄物発電',
  'JCM設備補助',
];
const LEVELS = ['大臣間', '副大臣間', '局長間', '政務官と副大臣'];
const COUNTERPARTS = ['情報通信省', '郵便公社', '公安省', '計画投資省', '科学技術省', '国営放送局', '内務省', '保健省'];
const COMPANIES = ['日本企業', 'NEC', '富士通', '東芝', 'NTTデータ', '住友商事', 'パナソニック', '日立製作所'];
const TEMPLATES: Record<Phase, string[]> = {
  consideration: ['{cp}から{topic}に関する協力要請', '{topic}の国際展開を調査・検討', '国内検討中（{topic}）', '{company}が{topic}の案件発掘を開始'],
  consultation: ['共同作業部会で{topic}について協議', '{level}の政策対話で{topic}を議論', '{cp}と{topic}の実務協議を実施'],
  mou_top_sales: ['{level}で{topic}に関する覚書に署名', '覚書を{level}に格上げ', 'トップセールスで{topic}を提案', '{level}で{topic}の協力推進に合意'],
  survey_demo: ['総務省予算 {topic}の実証実験を実施', '{company}による{topic}の調査', 'JICA技術協力で{topic}の案件形成調査', '{topic}のパイロット導入'],
  order_management: ['{company}が{topic}を受注', '{topic}の運用・保守を{company}が継続', '{cp}が{topic}の日本方式採用を決定'],
};
const PHASE_WEIGHTS: [Phase, number][] = [
  ['consideration', 3],
  ['consultation', 2],
  ['mou_top_sales', 2],
  ['survey_demo', 2],
  ['order_management', 1],
];

class Random {
  private rng: prand.RandomGenerator;
  constructor(seed: number) {
    this.rng = prand.xoroshiro128plus(seed);
  }
  int(min: number, max: number): number {
    const [value, next] = prand.uniformIntDistribution(min, max, this.rng);
    this.rng = next;
    return value;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}

function randomDate(r: Random): { date: string; date_text: string } {
  const year = r.int(2005, 2021);
  const month = r.int(1, 12);
  switch (r.int(0, 6)) {
    case 0:
    case 1:
      return { date: `${year}-${String(month).padStart(2, '0')}`, date_text: `${year}年${month}月` };
    case 2:
      return { date: String(year), date_text: `${year}年度` };
    case 3:
      return { date: String(year), date_text: `${year}年～${year + r.int(1, 3)}年` };
    case 4:
      return { date: String(year), date_text: `${year}年${r.pick(['春', '夏', '秋', '冬'])}` };
    case 5:
      return { date: '', date_text: '' };
    default:
      return { date: String(year), date_text: `${year}年` };
  }
}

function randomPhase(r: Random): Phase {
  let roll = r.int(
    1,
    PHASE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0),
  );
  for (const [phase, weight] of PHASE_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return phase;
  }
  return 'consideration';
}

function eventText(r: Random, phase: Phase, topic: string): string {
  return r.pick(TEMPLATES[phase]).replace('{topic}', topic).replace('{level}', r.pick(LEVELS)).replace('{cp}', r.pick(COUNTERPARTS)).replace('{company}', r.pick(COMPANIES));
}

/** Spreads `total` over `parts` as evenly as whole numbers allow. */
function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

export function generateKarteFiles(options: GeneratorOptions): KarteFile[] {
  const r = new Random(options.seed);
  const focus = options.focus;
  const others = COUNTRIES.filter((c) => c.iso2 !== focus?.iso2).slice(0, options.countries - (focus ? 1 : 0));
  const countries = focus ? [COUNTRIES.find((c) => c.iso2 === focus.iso2)!, ...others] : others;
  const restCases = options.cases - (focus?.cases ?? 0);
  const restEvents = options.events - (focus?.events ?? 0);
  const restCountries = countries.length - (focus ? 1 : 0);

  return countries.map((country, index) => {
    const isFocus = focus !== undefined && index === 0;
    const restIndex = index - (focus ? 1 : 0);
    const caseCount = isFocus ? focus.cases : share(restCases, restCountries, restIndex);
    const eventCount = isFocus ? focus.events : share(restEvents, restCountries, restIndex);
    return {
      title: `●海外展開カルテ - ${country.ja}における現状と今後の展開方針 (概要)`,
      region: 'generated',
      source: 'generated for benchmarks',
      cases: Array.from({ length: caseCount }, (_, caseIndex) => {
        const sector = r.pick(SECTORS);
        const topic = r.pick(TOPICS);
        return {
          country: country.ja,
          country_iso2: country.iso2,
          sector: sector.ja,
          summary: `${topic}（案件${caseIndex + 1}）`,
          events: Array.from({ length: share(eventCount, caseCount, caseIndex) }, () => {
            const phase = randomPhase(r);
            return { phase, ...randomDate(r), text: eventText(r, phase, topic) };
          }),
          future_policy: `${r.pick(LEVELS)}でのトップセールスを模索`,
          notes: '',
        };
      }),
    };
  });
}
