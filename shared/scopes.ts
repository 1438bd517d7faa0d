// 共有可能範囲: who may see a record. Ordered from the narrowest audience to the widest.
export const SCOPES = ['internal', 'government', 'council', 'public'] as const;
export type Scope = (typeof SCOPES)[number];

/** Ordinary dossier content is shared with the council unless its author narrows it. */
export const DEFAULT_SCOPE: Scope = 'council';

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** A record is fit for an audience when its scope is at least as wide as the audience. */
export function isVisibleTo(recordScope: Scope, audience: Scope): boolean {
  return SCOPES.indexOf(recordScope) >= SCOPES.indexOf(audience);
}

/** A child record is never visible where its parent is not: its effective scope is the narrower of the two. */
export function effectiveScope(childScope: Scope, parentScope: Scope): Scope {
  return SCOPES.indexOf(childScope) < SCOPES.indexOf(parentScope) ? childScope : parentScope;
}
