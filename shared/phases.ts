// The dossier model's phases (MIC), in the order a case normally passes them. 覚書・協議 is split in two
// columns in the 別表: working-level consultation (実務協議等) and MoU / top-level sales (覚書・トップセールス等).
export const PHASES = ['consideration', 'consultation', 'mou_top_sales', 'survey_demo', 'order_management'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, { ja: string; en: string }> = {
  consideration: { ja: '検討', en: 'Consideration' },
  consultation: { ja: '実務協議等', en: 'Working-level consultation' },
  mou_top_sales: { ja: '覚書・トップセールス等', en: 'MoU and top-level sales' },
  survey_demo: { ja: '調査・実証', en: 'Survey and demonstration' },
  order_management: { ja: '受注・管理', en: 'Order won and management' },
};

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** The current phase of a case is the furthest phase any of its events has reached. */
export function currentPhase(eventPhases: Iterable<Phase>): Phase | null {
  let best: Phase | null = null;
  for (const phase of eventPhases) {
    if (best === null || phaseIndex(phase) > phaseIndex(best)) best = phase;
  }
  return best;
}
