/** Two field values are the same when they log the same: the change log stores values as JSON. */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
