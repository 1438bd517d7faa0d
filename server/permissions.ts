import { isGovernmentAffiliated, type OrganisationType } from '../shared/model/organisation';
import { isScope, type Scope } from '../shared/scopes';

// Who may write and read which records. The server is authoritative: clients are trusted with nothing.

export type { Role } from '../shared/sync/admin-protocol';

export interface Member {
  orgId: string;
  orgType: OrganisationType;
}

/** A record as the server knows it: the organisation that created it and its current sharing scope. */
export interface RecordOwnership {
  ownerOrg: string;
  scope: Scope;
}

/** The scopes whose records a member's organisation may hold at all (internal ones only of its own records). */
export function readableScopes(member: Member): Scope[] {
  return isGovernmentAffiliated(member.orgType) ? ['internal', 'government', 'council', 'public'] : ['internal', 'council', 'public'];
}

/**
 * Who may hold a record of this scope, as one value: an internal record's organisation, or else the scope itself
 * (whoever created the record). The log keeps it beside each of the record's changes (migration 8).
 */
export function reachOf(scope: string, ownerOrg: string): string {
  return scope === 'internal' ? `internal ${ownerOrg}` : scope;
}

/** The reaches of the records a member's organisation may hold: a record is theirs to hold when its reach is one. */
export function readableReaches(member: Member): string[] {
  return readableScopes(member).map((scope) => reachOf(scope, member.orgId));
}

function holdRefusal(member: Member, scope: Scope, ownerOrg: string): string | null {
  if (scope === 'internal' && ownerOrg !== member.orgId) return 'the record is internal to another organisation';
  if (scope === 'government' && !isGovernmentAffiliated(member.orgType)) return 'government-scope records are for government-affiliated organisations only';
  return null;
}

/** Whether a member's organisation may hold a record (or a change) of this scope, owned by `ownerOrg`. */
export function mayHold(member: Member, scope: string, ownerOrg: string): boolean {
  return isScope(scope) && holdRefusal(member, scope, ownerOrg) === null;
}

/**
 * Why a member may not write this change, or null when it may. The change must fit both the record as it stands
 * (nobody widens a record they could not see) and the scope the change gives it.
 */
export function writeRefusal(member: Member, changeScope: Scope, record: RecordOwnership | undefined): string | null {
  const ownerOrg = record?.ownerOrg ?? member.orgId;
  return (record && holdRefusal(member, record.scope, ownerOrg)) ?? holdRefusal(member, changeScope, ownerOrg);
}

/** The records that describe a member beside its profile (its organisations record), naming it by MEMBER_FIELD. */
export const MEMBER_PARTS: readonly string[] = ['offers', 'track_records'];
export const MEMBER_FIELD = 'organisationId';

/**
 * Why a member may not write this change of a member's profile, offers or track records, or null when it may.
 * A company changes only its own, and its own is what its organisation created: the record's owner_org, which the
 * server stamps from the first writer's account and by which internal scope goes too. So no client's word counts,
 * no operator has to link accounts to profiles first, and a profile written offline is its writer's when it
 * arrives. An offer or a track record must also name a profile of its writer's own, one the server holds (the profile
 * goes up before its offers), or a company could put products under another's name. Government bodies keep the council's register: they may change any.
 * `named`: for a change of MEMBER_FIELD, the organisations record it names as the server holds it (undefined when
 * it holds none); null for any other change.
 */
export function profileRefusal(
  member: Member,
  change: { table: string; rowId: string },
  record: RecordOwnership | undefined,
  named: { rowId: string; record: RecordOwnership | undefined } | null,
): string | null {
  if (isGovernmentAffiliated(member.orgType) || (change.table !== 'organisations' && !MEMBER_PARTS.includes(change.table))) return null;
  if (record && record.ownerOrg !== member.orgId)
    return `the ${change.table} record ${change.rowId} is another organisation's: a member changes only the profile, offers and track records it created (a government body any)`;
  if (named && named.record?.ownerOrg !== member.orgId)
    return `the ${change.table} record names the organisation ${named.rowId}, not a profile this member created: a member writes offers and track records of its own profile only`;
  return null;
}
