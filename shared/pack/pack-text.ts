import { formatDate, type KarteDate } from '../dates';
import { AGREEMENT_STATUS_LABELS, COUNTRY_FACT_KIND_LABELS, FINANCING_SCHEME_LABELS, FINANCING_STATUS_LABELS, PARTNER_ORIGIN_LABELS, SCOPE_MARKINGS } from '../labels';
import type { Agreement } from '../model/agreement';
import type { CountryFact } from '../model/country-fact';
import type { Direction } from '../model/direction';
import type { FinancingOption, Hurdle, IndicatorValue, Partner } from '../model/plan';
import type { Profile } from '../model/profile';
import type { RunningHeader } from '../print/print-document';
import type { PackIndicator, PackInput, PackLanguage } from './pack-input';

// The text a briefing pack prints, whatever it is rendered to (the PDF's HTML, the Word document): one place, so
// the two say the same words.

/** The words a pack prints besides its records and the shared vocabulary (shared/labels.ts), in each language. */
export const LABELS = {
  packTitle: { ja: '海外展開カルテ 説明資料', en: 'Overseas Deployment Dossier: Briefing Pack' },
  distribution: { ja: '配布範囲', en: 'Distribution' },
  distributedTo: { ja: '配布先', en: 'Distributed to' },
  handleWithCare: { ja: '取扱注意', en: 'Handle with care' },
  distributionNote: { ja: 'この範囲を超えて配布しないこと', en: 'not to be passed on beyond this audience' },
  contents: { ja: '目次', en: 'Contents' },
  country: { ja: '国名', en: 'Country' },
  regions: { ja: '地域', en: 'Regions' },
  caseCount: { ja: '案件数', en: 'Cases' },
  byPhase: { ja: '現在の段階別の案件数', en: 'Cases by current phase' },
  phase: { ja: '段階', en: 'Phase' },
  currentPhase: { ja: '現在の段階', en: 'Current phase' },
  noPhase: { ja: '段階の記録なし', en: 'No stage recorded' },
  case: { ja: '案件', en: 'Case' },
  sector: { ja: '分野', en: 'Sector' },
  summary: { ja: '概要', en: 'Summary' },
  status: { ja: '状況', en: 'Status' },
  timeline: { ja: '経緯', en: 'Timeline' },
  date: { ja: '時期', en: 'Date' },
  event: { ja: '内容', en: 'Event' },
  futurePolicy: { ja: '今後の方針', en: 'Future policy' },
  noCases: { ja: 'この配布範囲で示せる案件はありません。', en: 'No cases can be shown to this audience.' },
  noEvents: { ja: '記録された経緯はありません。', en: 'No stage events recorded.' },
  objectives: { ja: '目的', en: 'Objectives' },
  asks: { ja: '要望', en: 'Asks' },
  delegation: { ja: '訪問団', en: 'Delegation' },
  counterparts: { ja: '面会先', en: 'Counterparts' },
  name: { ja: '氏名', en: 'Name' },
  title: { ja: '役職', en: 'Title' },
  level: { ja: 'レベル', en: 'Level' },
  organisation: { ja: '所属', en: 'Organisation' },
  agreementsAndVisits: { ja: '協定・覚書と訪問', en: 'Agreements and visits' },
  kind: { ja: '種別', en: 'Kind' },
  visitName: { ja: '訪問', en: 'Visit' },
  noHistory: { ja: 'この配布範囲で示せる協定・覚書や訪問の記録はありません。', en: 'No agreements or visits can be shown to this audience.' },
  overview: { ja: '概況', en: 'Overview' },
  policy: { ja: '展開方針', en: 'Deployment policy' },
  relations: { ja: '二国間関係', en: 'Bilateral relations' },
  supportHistory: { ja: 'ODA・支援の経緯', en: 'ODA and support history' },
  parties: { ja: '当事者', en: 'Parties' },
  signatoryLevel: { ja: '署名レベル', en: 'Signatory level' },
  place: { ja: '場所', en: 'Place' },
  pastCounterparts: { ja: 'これまでの面会先', en: 'Counterparts met on previous visits' },
  relatedOrganisations: { ja: '関係機関', en: 'Organisations' },
  nameJa: { ja: '名称', en: 'Name (Japanese)' },
  nameEn: { ja: '英語名称', en: 'Name (English)' },
  type: { ja: '種別', en: 'Type' },
  sdgGoals: { ja: 'SDGs（持続可能な開発目標）', en: 'Sustainable Development Goals' },
  outcomeFraming: { ja: '開発効果', en: 'Development outcomes' },
  effectExamples: { ja: '効果の事例', en: 'Examples of effects' },
  financing: { ja: '資金', en: 'Financing' },
  nextSteps: { ja: '今後の進め方', en: 'Next steps' },
  untranslated: { ja: '（日本語原文）', en: '[Japanese original]' },
  counterpartNeeds: { ja: '相手国の状況・ニーズ', en: "Counterpart's situation and needs" },
  pathToOrder: { ja: '受注に至る過程', en: 'Path to an order' },
  problem: { ja: '解決すべき課題', en: 'Problem to solve' },
  partners: { ja: '連携先', en: 'Partners' },
  financingOptions: { ja: '資金スキーム', en: 'Financing options' },
  followUp: { ja: '次回フォローアップ', en: 'Next follow-up' },
  indicatorStatus: { ja: '指標の状況', en: 'Indicator status' },
  indicatorHeading: { ja: '指標', en: 'Indicators' },
  indicator: { ja: '指標', en: 'Indicator' },
  unit: { ja: '単位', en: 'Unit' },
  baseline: { ja: '基準値', en: 'Baseline' },
  period: { ja: '期間', en: 'Period' },
  periodTarget: { ja: '目標', en: 'Target' },
  actual: { ja: '実績', en: 'Actual' },
  cumulative: { ja: '累計', en: 'cumulative' },
  openHurdles: { ja: '外的事情（対応中）', en: 'Open external hurdles' },
  hurdleSince: { ja: 'から', en: 'since' },
  hurdleCounterpart: { ja: '相手方', en: 'Counterpart' },
  measure: { ja: '対応', en: 'Measure' },
  planTextsAsWritten: { ja: '', en: 'Plans are kept in Japanese: their texts print as written.' },
  fact: { ja: '項目', en: 'Item' },
  value: { ja: '内容', en: 'Value' },
  source: { ja: '出典', en: 'Source' },
  question: { ja: '問', en: 'Q' },
  answer: { ja: '答', en: 'A' },
  noAnswer: { ja: '（回答未記入）', en: '(no answer written)' },
  career: { ja: '経歴', en: 'Career' },
  notes: { ja: '備考', en: 'Notes' },
  meetings: { ja: '我が国との面会', en: 'Previous meetings with Japan' },
} satisfies Record<string, Record<PackLanguage, string>>;

export function countryName(input: PackInput): string {
  return input.country[input.lang];
}

/**
 * A date as the pack writes it: in English in an English pack; else 西暦 (2020年1月), 和暦 (令和2年1月) or both
 * (令和2年1月（2020年1月）) as chosen. A date the two write alike (2020年代, one kept as written) prints once.
 */
export function packDate(input: Pick<PackInput, 'lang' | 'dates'>, date: KarteDate): string {
  if (input.lang === 'en') return formatDate(date, 'en');
  if (input.dates === 'seireki') return formatDate(date, 'ja');
  const wareki = formatDate(date, 'wareki');
  if (input.dates === 'wareki') return wareki;
  const seireki = formatDate(date, 'ja');
  return wareki === seireki ? seireki : `${wareki}（${seireki}）`;
}

/** 2021年4月1日時点 / As of 1 April 2021: the day a printed document stands at, in its date style. */
export function asOfText(input: Pick<PackInput, 'lang' | 'dates' | 'asOf'>): string {
  const date = packDate(input, input.asOf);
  return input.lang === 'ja' ? `${date}時点` : `As of ${date}`;
}

export function packTitle(input: PackInput): string {
  return `${countryName(input)} ${LABELS.packTitle[input.lang]}`;
}

/** Text of the running header on every page: the pack's title with its "as of" date, and the audience marking. */
export function packRunningHeader(input: PackInput): RunningHeader {
  const title = input.lang === 'ja' ? `${packTitle(input)}（${asOfText(input)}）` : `${packTitle(input)} (${asOfText(input)})`;
  const marking = SCOPE_MARKINGS[input.audience][input.lang];
  return { title, marking: input.cover.handleWithCare ? `${LABELS.handleWithCare[input.lang]}${input.lang === 'ja' ? '\u3000' : ' · '}${marking}` : marking };
}

/** An indicator's value as printed: a number with its digits grouped, words as written, — for none. */
export function indicatorValue(lang: PackLanguage, value: IndicatorValue | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 2 });
}

/** A period's target, a revised one beside the original it replaced (30,000 → 25,000). */
export function targetText(lang: PackLanguage, target: IndicatorValue | null, revised: IndicatorValue | null): string {
  if (revised === null || revised === target) return indicatorValue(lang, target);
  return `${indicatorValue(lang, target)} → ${indicatorValue(lang, revised)}`;
}

/** Text in brackets after what it qualifies: full-width in Japanese. */
export function parenthesised(lang: PackLanguage, text: string): string {
  return lang === 'ja' ? `（${text}）` : ` (${text})`;
}

/** The name a fact prints under: its kind's, or for an 'other' fact the label written with it. */
export function factLabel(lang: PackLanguage, fact: CountryFact): string {
  return fact.kind === 'other' && fact.label.trim() !== '' ? fact.label : COUNTRY_FACT_KIND_LABELS[fact.kind][lang];
}

/** Where a direction applies: the pack's country, or the region it is kept for. */
export function directionPlace(input: PackInput, direction: Direction): string {
  if (direction.country !== null) return countryName(input);
  return input.regions.find((r) => r.code === direction.region)?.[input.lang] ?? direction.region;
}

/** An agreement's parties, signatory level, place and status, as the history prints them under its title. */
export function agreementFacts(lang: PackLanguage, a: Agreement): string {
  const separator = lang === 'ja' ? '、' : ', ';
  return [
    a.parties.length > 0 ? `${LABELS.parties[lang]}: ${a.parties.join(separator)}` : '',
    a.signatoryLevel ? `${LABELS.signatoryLevel[lang]}: ${a.signatoryLevel}` : '',
    a.place ? `${LABELS.place[lang]}: ${a.place}` : '',
    AGREEMENT_STATUS_LABELS[a.status][lang],
  ]
    .filter((fact) => fact !== '')
    .join(' / ');
}

/** Since when a hurdle stands and with whom, '' when neither is known. */
export function hurdleFacts(input: Pick<PackInput, 'lang' | 'dates'>, hurdle: Hurdle): string {
  const { lang } = input;
  return [
    hurdle.since ? (lang === 'ja' ? `${packDate(input, hurdle.since)}${LABELS.hurdleSince.ja}` : `${LABELS.hurdleSince.en} ${packDate(input, hurdle.since)}`) : '',
    hurdle.counterpart ? `${LABELS.hurdleCounterpart[lang]}: ${hurdle.counterpart}` : '',
  ]
    .filter((fact) => fact !== '')
    .join(lang === 'ja' ? '、' : '; ');
}

/** A fact's source and the date it is as of, '' for neither. */
export function factSource(input: Pick<PackInput, 'lang' | 'dates'>, fact: CountryFact): string {
  const asOf = fact.asOf.precision === 'unknown' && fact.asOf.text.trim() === '' ? '' : packDate(input, fact.asOf);
  return [fact.source, asOf].filter((part) => part.trim() !== '').join(input.lang === 'ja' ? '、' : ', ');
}

/** A counterpart's name as written in their language, with the Japanese reading where one is kept. */
export function profileNames(lang: PackLanguage, p: Profile): string {
  return p.nameJa.trim() === '' ? p.name : lang === 'ja' ? `${p.nameJa}（${p.name}）` : `${p.name} (${p.nameJa})`;
}

/** A counterpart's title and organisation, '' for neither. */
export function profilePost(lang: PackLanguage, p: Profile): string {
  return [p.title, p.organisation].filter((part) => part.trim() !== '').join(lang === 'ja' ? '、' : ', ');
}

/** A language's name in the pack's language (ベトナム語, Vietnamese), its code where it has none. */
export function languageName(lang: PackLanguage, code: string): string {
  return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
}

/**
 * The period an indicator's row prints: the one its status was read at, else the latest one due by the pack's date,
 * else its first.
 */
export function shownPeriod(input: Pick<PackInput, 'asOf'>, indicator: PackIndicator): PackIndicator['periods'][number] | undefined {
  const { reading, periods } = indicator;
  const month = input.asOf.sort?.slice(0, 7) ?? '';
  const due = periods.filter((p) => p.period.sort !== null && p.period.sort.slice(0, 7) <= month);
  return (reading.period === null ? undefined : periods.find((p) => p.period.sort === reading.period)) ?? due.at(-1) ?? periods.at(0);
}

/** An indicator's unit, % for a percentage without one. */
export function indicatorUnit(indicator: PackIndicator): string {
  return indicator.unit || (indicator.measure === 'percent' ? '%' : '');
}

/** A plan's partner: name, origin and organisation, role. */
export function partnerText(lang: PackLanguage, p: Partner): string {
  const origin = [PARTNER_ORIGIN_LABELS[p.origin][lang], p.organisation].filter((part) => part !== '').join(lang === 'ja' ? '、' : ', ');
  return `${p.name}${parenthesised(lang, origin)}${p.role ? `: ${p.role}` : ''}`;
}

/** A plan's financing option: scheme, status and note. */
export function financingText(lang: PackLanguage, f: FinancingOption): string {
  return `${FINANCING_SCHEME_LABELS[f.scheme][lang]}: ${FINANCING_STATUS_LABELS[f.status][lang]}${f.note ? parenthesised(lang, f.note) : ''}`;
}
