import { PHASES, type Phase } from '../phases';

// The government bodies name the stages their schemes serve in their own words (展開ステージ); a case moves through
// Karte's phases. Each word is read as the phases in which a case would use the scheme, so the matching can offer a
// scheme for the phase a case is in or about to enter.
const STAGE_PHASES: Readonly<Record<string, readonly Phase[]>> = {
  // Gathering information, forming a team and building relations with the country come before anything is proposed:
  // the work of a case still being considered (検討).
  情報収集: ['consideration'],
  チームの組成: ['consideration'],
  '相手国・地域とのリレーション構築': ['consideration'],
  // 案件発掘 finds the case: it ends where consideration ends.
  案件発掘: ['consideration'],
  // A proposal is put to the counterpart in working-level talks and carried up to an MoU or a top-level sales visit;
  // 案件形成 shapes the case through the same talks. Both columns of the 別表's 覚書・協議 are served.
  案件提案: ['consultation', 'mou_top_sales'],
  案件形成: ['consultation', 'mou_top_sales'],
  // Surveys and demonstrations are the survey phase word for word.
  '調査・実証': ['survey_demo'],
  // JICA's 普及・実証・ビジネス化 demonstrates and spreads a product, then turns it into a business: the survey phase and,
  // for the business it ends in, the order phase.
  '普及・実証・ビジネス化': ['survey_demo', 'order_management'],
  // 事業化 finances or subsidises the business itself: the order has been won or is being won.
  事業化: ['order_management'],
};

function fold(word: string): string {
  return word.normalize('NFKC').replace(/\s+/g, '').trim();
}

const FOLDED = new Map(Object.entries(STAGE_PHASES).map(([word, phases]) => [fold(word), phases]));

/** The phases a scheme's stage word stands for; [] for a word not known here (kept as written beside). */
export function phasesOfStage(stage: string): readonly Phase[] {
  return FOLDED.get(fold(stage)) ?? [];
}

/** The phases of a scheme's stages, in the order of PHASES, once each. */
export function phasesOfStages(stages: readonly string[]): Phase[] {
  const served = new Set(stages.flatMap(phasesOfStage));
  return PHASES.filter((phase) => served.has(phase));
}
