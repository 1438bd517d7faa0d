import { describe, it, expect } from 'vitest';
import { PHASE_LABELS, SCOPE_MARKINGS } from '../../shared/labels';
import { PHASES, currentPhase, isPhase, phaseIndex, type Phase } from '../../shared/phases';
import { DEFAULT_SCOPE, SCOPES, effectiveScope, isScope, isVisibleTo, type Scope } from '../../shared/scopes';

describe('phases', () => {
  it('orders the phases as a case passes them', () => {
    expect(PHASES.map(phaseIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(phaseIndex('consideration')).toBeLessThan(phaseIndex('order_management'));
    expect(PHASE_LABELS.mou_top_sales.ja).toBe('覚書・トップセールス等');
  });

  it.each<[Phase[], Phase | null]>([
    [[], null],
    [['consideration'], 'consideration'],
    [['consideration', 'survey_demo', 'consultation'], 'survey_demo'],
    // Events are not always in phase order: a 2009 MoU can precede a 2017 consideration entry.
    [['mou_top_sales', 'consideration', 'consideration'], 'mou_top_sales'],
    [['order_management', 'consultation'], 'order_management'],
  ])('currentPhase(%j) is %j', (phases, expected) => {
    expect(currentPhase(phases)).toBe(expected);
  });

  it('takes any iterable of phases', () => {
    expect(currentPhase(new Set<Phase>(['consultation', 'consideration']))).toBe('consultation');
    function* events(): Generator<Phase> {
      yield 'survey_demo';
      yield 'mou_top_sales';
    }
    expect(currentPhase(events())).toBe('survey_demo');
  });

  it('recognises phase names only', () => {
    expect(PHASES.every(isPhase)).toBe(true);
    expect(isPhase('検討')).toBe(false);
    expect(isPhase('Consideration')).toBe(false);
    expect(isPhase('')).toBe(false);
  });
});

describe('scopes', () => {
  it('orders scopes from the narrowest audience to the widest, defaulting to the council', () => {
    expect(SCOPES).toEqual(['internal', 'government', 'council', 'public']);
    expect(DEFAULT_SCOPE).toBe('council');
    expect(SCOPE_MARKINGS.government.ja).toBe('政府関係機関限り');
  });

  it('does not show a government record to a council audience', () => {
    expect(isVisibleTo('government', 'council')).toBe(false);
  });

  it('shows a council record to a government audience', () => {
    expect(isVisibleTo('council', 'government')).toBe(true);
  });

  it.each<[Scope, Scope, boolean]>([
    ['public', 'public', true],
    ['public', 'internal', true],
    ['internal', 'internal', true],
    ['internal', 'government', false],
    ['internal', 'public', false],
    ['council', 'public', false],
    ['government', 'government', true],
  ])('a %s record is visible to a %s audience: %s', (record, audience, visible) => {
    expect(isVisibleTo(record, audience)).toBe(visible);
  });

  it.each<[Scope, Scope, Scope]>([
    ['public', 'government', 'government'],
    ['government', 'public', 'government'],
    ['internal', 'council', 'internal'],
    ['council', 'council', 'council'],
  ])('a %s child under a %s parent is effectively %s', (child, parent, expected) => {
    expect(effectiveScope(child, parent)).toBe(expected);
  });

  it('never makes a child visible where its parent is not', () => {
    for (const child of SCOPES)
      for (const parent of SCOPES)
        for (const audience of SCOPES) expect(isVisibleTo(effectiveScope(child, parent), audience)).toBe(isVisibleTo(child, audience) && isVisibleTo(parent, audience));
  });

  it('recognises scope names only', () => {
    expect(SCOPES.every(isScope)).toBe(true);
    expect(isScope('協議会')).toBe(false);
    expect(isScope('Public')).toBe(false);
  });
});
