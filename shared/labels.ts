import type { Agreement } from './model/agreement';
import type { CaseStatus } from './model/case';
import type { OrganisationType } from './model/organisation';
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

/** What each kind of record is called: in the history, the conflicts inbox and the errors that name one. */
export const RECORD_KIND_LABELS: Record<RecordTable | 'conflicts', Label> = {
  dossiers: { ja: 'カルテ', en: 'Dossier' },
  cases: { ja: '案件', en: 'Case' },
  events: { ja: '経緯', en: 'Event' },
  visits: { ja: '訪問', en: 'Visit' },
  agreements: { ja: '覚書等', en: 'Agreement' },
  organisations: { ja: '組織', en: 'Organisation' },
  conflicts: { ja: '競合', en: 'Conflict' },
};

/** The parts of a briefing pack, as its headings and contents print them and as the pack builder offers them. */
export const PACK_SECTION_LABELS: Record<PackSection, Label> = {
  visit: { ja: '訪問の目的と要望', en: 'Visit objectives and asks' },
  snapshot: { ja: '国別概況', en: 'Country snapshot' },
  history: { ja: '二国間の経緯', en: 'Bilateral history' },
  matrix: { ja: '案件一覧（別表）', en: 'Case matrix' },
  cases: { ja: '案件別資料', en: 'Cases' },
  talkingPoints: { ja: '発言要領', en: 'Talking points' },
  contacts: { ja: '関係者・連絡先', en: 'Contacts' },
};
