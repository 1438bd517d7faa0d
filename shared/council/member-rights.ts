import { isGovernmentAffiliated } from '../model/organisation';
import type { SignedInOrganisation } from '../sync/answers';

// Who may change a member's records (its profile, offers and track records) on this device, told before a sync
// would. The server decides (server/permissions.ts profileRefusal): a company changes only the member records its
// organisation created; a government-affiliated body changes any. A device with no account, or with one signed in
// before servers said as whom, edits as it always did: the server's word then comes at sync.

/** Whether the organisation signed in as changes only the member records it created. */
export function changesOnlyOwnMembers(organisation: SignedInOrganisation | null | undefined): boolean {
  return organisation != null && !isGovernmentAffiliated(organisation.type);
}

/** Whether a member record may be changed here: any, unless only its own, then one of its organisation's. */
export function mayChangeMemberRecord(onlyOwn: boolean, own: boolean): boolean {
  return !onlyOwn || own;
}
