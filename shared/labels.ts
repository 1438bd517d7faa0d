import type { SignatoryLevel } from './agreement-suggestion';
import type { Agreement } from './model/agreement';
import type { CaseStatus } from './model/case';
import type { MatchList } from './council/matching';
import type { CountryFactKind } from './model/country-fact';
import type { DirectionField } from './model/direction';
import type { OfferKind } from './model/offer';
import type { OrganisationSize, OrganisationType } from './model/organisation';
import type { SchemeType } from './model/support-scheme';
import type {
  FINANCING_SCHEMES,
  FINANCING_STATUSES,
  HURDLE_STATUSES,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  PARTNER_ORIGINS,
} from './model/plan';
import type { IndicatorStatus } from './plan/indicator-status';
import type { RecordTable } from './model/records';
import type { VisitKind } from './model/visit';
import type { PackSection } from './pack/pack-input';
import type { Phase } from './phases';
import type { Scope } from './scopes';

// What the app, the command line and the briefing packs print for each code of the domain's vocabularies, in
// Japanese and English. Written here only, so the screen and the printed pack cannot say different things.
// Reference data (countries, regions, sectors, SDGs) carries its names with it in shared/reference/.

/** A code's words in each language the app speaks. */
export interface Label {
  ja: string;
  en: string;
}

export type LabelLanguage = keyof Label;

/** The dossier model's phases (MIC), as the 別表 heads its columns. */
export const PHASE_LABELS: Record<Phase, Label> = {
  consideration: { ja: '検討', en: 'Consideration' },
  consultation: { ja: '実務協議等', en: 'Working-level consultation' },
  mou_top_sales: { ja: '覚書・トップセールス等', en: 'MoU and top-level sales' },
  survey_demo: { ja: '調査・実証', en: 'Survey and demonstration' },
  order_management: { ja: '受注・管理', en: 'Order won and management' },
};

/** 共有可能範囲: who may see a record. */
export const SCOPE_LABELS: Record<Scope, Label> = {
  internal: { ja: '組織内', en: 'Internal' },
  government: { ja: '政府関係機関', en: 'Government' },
  council: { ja: '協議会', en: 'Council' },
  public: { ja: '公開', en: 'Public' },
};

/** The marking of a briefing pack printed for an audience, on its cover and every page (e.g. 政府関係機関限り). */
export const SCOPE_MARKINGS: Record<Scope, Label> = {
  internal: { ja: '組織内限り', en: 'Internal use only' },
  government: { ja: '政府関係機関限り', en: 'Government and affiliated bodies only' },
  council: { ja: '協議会会員限り', en: 'Council members only' },
  public: { ja: '公開', en: 'Public' },
};

export const CASE_STATUS_LABELS: Record<CaseStatus, Label> = {
  active: { ja: '進行中', en: 'Active' },
  won: { ja: '受注', en: 'Won' },
  on_hold: { ja: '保留', en: 'On hold' },
  dropped: { ja: '断念', en: 'Dropped' },
};

export const VISIT_KIND_LABELS: Record<VisitKind, Label> = {
  top_sales: { ja: 'トップセールス', en: 'Top-level sales' },
  public_private_mission: { ja: '官民ミッション', en: 'Public-private mission' },
  policy_dialogue: { ja: '政策対話', en: 'Policy dialogue' },
  other: { ja: 'その他', en: 'Other' },
};

/**
 * Each with its abbreviation as the documents write it. A Memorandum of Agreement is a 覚書 like the MoU and MoC
 * (合意覚書), not an agreement proper (合意書). "Other" says "agreement" since the bilateral history lists agreements
 * and visits in one column.
 */
export const AGREEMENT_KIND_LABELS: Record<Agreement['kind'], Label> = {
  mou: { ja: '覚書（MoU）', en: 'Memorandum of understanding (MoU)' },
  moc: { ja: '協力覚書（MoC）', en: 'Memorandum of cooperation (MoC)' },
  joint_statement: { ja: '共同声明', en: 'Joint statement' },
  exchange_of_notes: { ja: '交換公文（E/N）', en: 'Exchange of notes (E/N)' },
  moa: { ja: '合意覚書（MOA）', en: 'Memorandum of agreement (MOA)' },
  other: { ja: 'その他の取決め', en: 'Other agreement' },
};

/** Where an agreement stands: states, so 署名済み and 格上げ済み (upgraded to a higher-level agreement), not the acts. */
export const AGREEMENT_STATUS_LABELS: Record<Agreement['status'], Label> = {
  negotiating: { ja: '協議中', en: 'Under negotiation' },
  signed: { ja: '署名済み', en: 'Signed' },
  upgraded: { ja: '格上げ済み', en: 'Upgraded' },
};

/** The level an agreement is signed at on each side; the Japanese is how 大臣間, 局長・副大臣間 are written. */
export const SIGNATORY_LEVEL_LABELS: Record<SignatoryLevel, Label> = {
  summit: { ja: '首脳', en: 'Heads of state or government' },
  minister: { ja: '大臣', en: 'Minister' },
  vice_minister: { ja: '副大臣', en: 'Vice-minister' },
  parliamentary_vice_minister: { ja: '政務官', en: 'Parliamentary vice-minister' },
  director_general: { ja: '局長', en: 'Director-general' },
  working_level: { ja: '実務者', en: 'Working level' },
};

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, Label> = {
  ministry: { ja: '省庁', en: 'Ministry' },
  agency: { ja: '政府関係機関', en: 'Government agency' },
  fund: { ja: 'ファンド', en: 'Fund' },
  international: { ja: '国際機関', en: 'International body' },
  local_government: { ja: '地方公共団体', en: 'Local government' },
  company: { ja: '企業', en: 'Company' },
  university: { ja: '大学', en: 'University' },
  embassy: { ja: '大使館', en: 'Embassy' },
  other: { ja: 'その他', en: 'Other' },
};

/** 支援ツールの種類: what a support scheme gives. */
export const SCHEME_TYPE_LABELS: Record<SchemeType, Label> = {
  grant: { ja: '無償資金', en: 'Grant' },
  subsidy: { ja: '補助金', en: 'Subsidy' },
  loan: { ja: '融資', en: 'Loan' },
  equity: { ja: '出資', en: 'Equity' },
  loan_equity: { ja: '海外投融資', en: 'Loan and equity' },
  survey: { ja: '調査', en: 'Survey' },
  technical_cooperation: { ja: '技術協力', en: 'Technical cooperation' },
  insurance: { ja: '保険', en: 'Insurance' },
  network: { ja: 'ネットワーク・マッチング', en: 'Network and matching' },
  other: { ja: 'その他', en: 'Other' },
};

/** 企業規模: 大企業 or 中小企業, as the council's sources group members. */
export const ORGANISATION_SIZE_LABELS: Record<OrganisationSize, Label> = {
  large: { ja: '大企業', en: 'Large company' },
  sme: { ja: '中小企業', en: 'SME' },
  unknown: { ja: '不明', en: 'Unknown' },
};

/** What a member offers: 技術, 製品 or サービス. */
export const OFFER_KIND_LABELS: Record<OfferKind, Label> = {
  technology: { ja: '技術', en: 'Technology' },
  product: { ja: '製品', en: 'Product' },
  service: { ja: 'サービス', en: 'Service' },
};

/** 国情: what each kind of fact is called. */
export const COUNTRY_FACT_KIND_LABELS: Record<CountryFactKind, Label> = {
  capital: { ja: '首都', en: 'Capital' },
  population: { ja: '人口', en: 'Population' },
  area: { ja: '面積', en: 'Area' },
  gdp: { ja: '名目GDP', en: 'GDP (nominal)' },
  gdpPerCapita: { ja: '一人当たりGDP', en: 'GDP per capita' },
  growth: { ja: '経済成長率', en: 'Economic growth' },
  headOfState: { ja: '元首', en: 'Head of state' },
  headOfGovernment: { ja: '首相', en: 'Head of government' },
  language: { ja: '言語', en: 'Language' },
  currency: { ja: '通貨', en: 'Currency' },
  other: { ja: 'その他', en: 'Other' },
};

/** 方向性: the parts of the one-pager, as its headings print them and its form offers them. */
export const DIRECTION_FIELD_LABELS: Record<DirectionField, Label> = {
  situation: { ja: '現状', en: 'Situation' },
  strengths: { ja: '我が国の強み', en: "Japan's strengths" },
  pathToWin: { ja: '受注への道筋', en: 'Path to winning' },
  bottlenecks: { ja: 'ボトルネック', en: 'Bottlenecks' },
  measures: { ja: '対応策', en: 'Measures' },
  target: { ja: '目標', en: 'Target' },
};

/** 資金スキーム */
export const FINANCING_SCHEME_LABELS: Record<(typeof FINANCING_SCHEMES)[number], Label> = {
  jica_loan: { ja: 'JICA円借款', en: 'JICA loan' },
  jica_grant: { ja: 'JICA無償資金協力', en: 'JICA grant' },
  jica_technical: { ja: 'JICA技術協力', en: 'JICA technical cooperation' },
  jbic: { ja: 'JBIC', en: 'JBIC' },
  nexi: { ja: 'NEXI', en: 'NEXI' },
  jict: { ja: 'JICT', en: 'JICT' },
  join: { ja: 'JOIN', en: 'JOIN' },
  adb: { ja: 'アジア開発銀行', en: 'ADB' },
  world_bank: { ja: '世界銀行', en: 'World Bank' },
  jcm: { ja: 'JCM', en: 'JCM' },
  other: { ja: 'その他', en: 'Other' },
};

export const FINANCING_STATUS_LABELS: Record<(typeof FINANCING_STATUSES)[number], Label> = {
  considering: { ja: '検討', en: 'Considering' },
  applied: { ja: '申請', en: 'Applied' },
  approved: { ja: '承諾', en: 'Approved' },
  rejected: { ja: '不採択', en: 'Rejected' },
};

export const PARTNER_ORIGIN_LABELS: Record<(typeof PARTNER_ORIGINS)[number], Label> = {
  domestic: { ja: '国内', en: 'Domestic' },
  foreign: { ja: '海外', en: 'Foreign' },
};

export const INDICATOR_LEVEL_LABELS: Record<(typeof INDICATOR_LEVELS)[number], Label> = {
  output: { ja: 'アウトプット', en: 'Output' },
  outcome: { ja: 'アウトカム', en: 'Outcome' },
  impact: { ja: 'インパクト', en: 'Impact' },
};

export const INDICATOR_KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], Label> = {
  social: { ja: '社会貢献', en: 'Social contribution' },
  economic: { ja: '経済効果', en: 'Economic effect' },
};

export const INDICATOR_MEASURE_LABELS: Record<(typeof INDICATOR_MEASURES)[number], Label> = {
  number: { ja: '数値', en: 'Number' },
  percent: { ja: '割合（%）', en: 'Percentage' },
  qualitative: { ja: '定性', en: 'Qualitative' },
};

export const INDICATOR_DIRECTION_LABELS: Record<(typeof INDICATOR_DIRECTIONS)[number], Label> = {
  higher: { ja: '高いほど良い', en: 'Higher is better' },
  lower: { ja: '低いほど良い', en: 'Lower is better' },
};

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, Label> = {
  on_track: { ja: '順調', en: 'On track' },
  at_risk: { ja: '要注意', en: 'At risk' },
  off_track: { ja: '遅延', en: 'Off track' },
  no_data: { ja: 'データなし', en: 'No data' },
};

export const HURDLE_STATUS_LABELS: Record<(typeof HURDLE_STATUSES)[number], Label> = {
  open: { ja: '対応中', en: 'Open' },
  resolved: { ja: '解消', en: 'Resolved' },
};

/** What each kind of record is called: in the history, the conflicts inbox and the errors that name one. */
export const RECORD_KIND_LABELS: Record<RecordTable | 'conflicts', Label> = {
  dossiers: { ja: 'カルテ', en: 'Dossier' },
  cases: { ja: '案件', en: 'Case' },
  events: { ja: '経緯', en: 'Event' },
  visits: { ja: '訪問', en: 'Visit' },
  agreements: { ja: '覚書等', en: 'Agreement' },
  organisations: { ja: '組織', en: 'Organisation' },
  plans: { ja: '展開実施プラン', en: 'Deployment plan' },
  indicators: { ja: '指標', en: 'Indicator' },
  indicator_periods: { ja: '指標の期間値', en: 'Indicator period' },
  hurdles: { ja: '外的事情', en: 'External hurdle' },
  plan_revisions: { ja: 'プランの改訂', en: 'Plan revision' },
  questions: { ja: '想定問答', en: 'Anticipated question' },
  profiles: { ja: '先方要人', en: 'Counterpart profile' },
  country_facts: { ja: '国情', en: 'Country fact' },
  directions: { ja: '方向性', en: 'Sector direction' },
  schemes: { ja: '支援ツール', en: 'Support scheme' },
  offers: { ja: '会員の技術・製品', en: "Member's offer" },
  track_records: { ja: '海外展開実績', en: 'Track record abroad' },
  advisors: { ja: 'アドバイザー', en: 'Advisor' },
  advisor_contacts: { ja: 'アドバイザーの連絡先', en: "Advisor's contact" },
  conflicts: { ja: '競合', en: 'Conflict' },
};

/** The parts of a briefing pack, as its headings and contents print them and as the pack builder offers them. */
export const PACK_SECTION_LABELS: Record<PackSection, Label> = {
  visit: { ja: '訪問の目的と要望', en: 'Visit objectives and asks' },
  snapshot: { ja: '国別概況', en: 'Country snapshot' },
  facts: { ja: '国情', en: 'Country facts' },
  history: { ja: '二国間の経緯', en: 'Bilateral history' },
  matrix: { ja: '案件一覧（別表）', en: 'Case matrix' },
  cases: { ja: '案件別資料', en: 'Cases' },
  directions: { ja: '分野別の方向性', en: 'Sector directions' },
  plan: { ja: '展開実施プラン', en: 'Deployment plans' },
  council: { ja: '活用できる支援ツール・会員企業', en: 'Support schemes and council members' },
  talkingPoints: { ja: '発言要領', en: 'Talking points' },
  questions: { ja: '想定問答', en: 'Anticipated questions' },
  profiles: { ja: '先方要人', en: 'Counterpart profiles' },
  contacts: { ja: '関係者・連絡先', en: 'Contacts' },
};

/** The lists of a match (支援ツール・会員・アドバイザーとのマッチング) as their headings name them. */
export const MATCH_LIST_LABELS: Record<MatchList, Label> = {
  schemes: { ja: '支援ツール', en: 'Support schemes' },
  members: { ja: '会員企業・団体', en: 'Council members' },
  advisors: { ja: 'アドバイザー', en: 'Advisors' },
  excluded: { ja: '該当しないもの', en: 'Not fitting' },
  cases: { ja: '案件', en: 'Cases' },
  reasons: { ja: '理由', en: 'Why' },
};
