import { sameFieldValue } from '../field-value';
import type { PlanContent } from '../model/plan';

// Two revisions of a plan side by side (改訂の比較): what was added, removed or changed, part by part and field by field.

export type PlanPart = 'plan' | 'indicator' | 'period' | 'hurdle';

export interface PlanDifference {
  change: 'added' | 'removed' | 'changed';
  part: PlanPart;
  /** The part's id ('' for the plan itself); a period's is its indicator's id and its period's start. */
  id: string;
  /** What a person recognises the part by: an indicator's statement, a hurdle's description, a period's text. */
  label: string;
  /** For a changed part, the field; null for an added or removed part. */
  field: string | null;
  before: unknown;
  after: unknown;
}

interface Part {
  id: string;
  label: string;
  values: Record<string, unknown>;
}

function changedFields(part: PlanPart, before: Part, after: Part): PlanDifference[] {
  const fields = [...new Set([...Object.keys(before.values), ...Object.keys(after.values)])];
  return fields
    .filter((field) => !sameFieldValue(before.values[field], after.values[field]))
    .map((field) => ({ change: 'changed', part, id: after.id, label: after.label, field, before: before.values[field], after: after.values[field] }));
}

function compareParts(part: PlanPart, before: readonly Part[], after: readonly Part[]): PlanDifference[] {
  const earlier = new Map(before.map((p) => [p.id, p]));
  const later = new Map(after.map((p) => [p.id, p]));
  const removed = before
    .filter((p) => !later.has(p.id))
    .map((p): PlanDifference => ({ change: 'removed', part, id: p.id, label: p.label, field: null, before: p.values, after: null }));
  const addedOrChanged = after.flatMap((p): PlanDifference[] => {
    const old = earlier.get(p.id);
    return old ? changedFields(part, old, p) : [{ change: 'added', part, id: p.id, label: p.label, field: null, before: null, after: p.values }];
  });
  return [...removed, ...addedOrChanged];
}

function partsOf(content: PlanContent): Record<PlanPart, Part[]> {
  return {
    plan: [{ id: '', label: '', values: content.plan }],
    indicator: content.indicators.map(({ periods: _periods, ...values }) => ({ id: values.id, label: values.statement, values })),
    period: content.indicators.flatMap((indicator) =>
      indicator.periods.map((p) => ({ id: `${indicator.id} ${p.period.sort ?? p.period.text}`, label: `${indicator.statement} ${p.period.text}`, values: p })),
    ),
    hurdle: content.hurdles.map((h) => ({ id: h.id, label: h.description, values: h })),
  };
}

/** What changed from `before` to `after`: the plan's fields first, then indicators, their periods and hurdles. */
export function comparePlanContents(before: PlanContent, after: PlanContent): PlanDifference[] {
  const a = partsOf(before);
  const b = partsOf(after);
  return (['plan', 'indicator', 'period', 'hurdle'] as const).flatMap((part) => compareParts(part, a[part], b[part]));
}
