// The dossier model's phases (MIC), in the order a case normally passes them. 覚書・協議 is split in two
// columns in the 別表: working-level consultation (実務協議等) and MoU / top-level sales (覚書・トップセールス等).
export const PHASES = ['consideration', 'consultation', 'mou_top_sales', 'survey_demo', 'order_management'] as const;
export type Phase = (typeof PHASES)[number];

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
