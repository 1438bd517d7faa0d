/** Two field values are the same when they log the same: the change log stores values as JSON. */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  // Most fields are text: two strings log the same exactly when they are equal, without writing either out.
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
