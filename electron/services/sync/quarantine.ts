import { statement } from '../store/database';
import type { Store } from '../store/store';

// Changes a pull brought that this replica cannot apply: kept aside with the reason, so one bad change cannot stop
// the sync, and listed so a person (or support) can see what did not arrive. The server checks every change as
// replicas do, so this stays empty unless a server or a newer client disagrees with this one.

export interface QuarantinedChange {
  hlc: string;
  field: string;
  reason: string;
  receivedAt: string;
}

/** Keeps the changes aside; one already kept (same hlc, field and reason) is kept once. Inside the pull's transaction. */
export function quarantine(store: Store, changes: readonly { raw: unknown; reason: string }[]): void {
  const keep = statement(store.db, 'INSERT OR IGNORE INTO quarantine (hlc, field, change, reason, receivedAt) VALUES (?, ?, ?, ?, ?)');
  const at = new Date(store.now()).toISOString();
  for (const { raw, reason } of changes) {
    const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    keep.run(text(fields.hlc), text(fields.field), JSON.stringify(raw) ?? 'null', reason, at);
  }
}

export function quarantinedChanges(store: Store): QuarantinedChange[] {
  return statement(store.db, 'SELECT hlc, field, reason, receivedAt FROM quarantine ORDER BY id').all() as QuarantinedChange[];
}
