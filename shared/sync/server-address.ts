// Whether two addresses typed for the sync server name the same one: the sign-in kept for offline use and the
// cursors of a server both depend on it, so it is decided in one place.

/** The address as compared: the URL in its normal form (host in lower case, default port dropped), no trailing slash. */
function normalAddress(address: string): string {
  try {
    return new URL(address).href.replace(/\/+$/, '');
  } catch {
    return address.replace(/\/+$/, '');
  }
}

export function sameServer(a: string, b: string): boolean {
  return normalAddress(a) === normalAddress(b);
}
