// The dossier model's phases (MIC), in the order a case normally passes them. 覚書・協議 is split in two
// columns in the 別表: working-level consultation (実務協議等) and MoU / top-level sales (覚書・トップセールス等).
export const PHASES = ['consideration', 'consultation', 'mou_top_sales', 'survey_demo', 'order_management'] as const;
export type Phase = (typeof PHASES)[number];

// Looked up for every event the analytics read: a table, not a search of the list.
const PHASE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(PHASES.map((phase, i) => [phase, i]));

export function phaseIndex(phase: Phase): number {
  return PHASE_INDEX[phase] ?? -1;
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** The current phase of a case is the furthest phase any of its events has reached. */
export function currentPhase(eventPhases: Iterable<Phase>): Phase | null {
  let best: Phase | null = null;
  for (const phase of eventPhases) best = furtherPhase(best, phase);
  return best;
}

/** The further of a phase reached so far (null: none yet) and another. */
export function furtherPhase(reached: Phase | null, phase: Phase): Phase {
  return reached === null || phaseIndex(phase) > phaseIndex(reached) ? phase : reached;
}
