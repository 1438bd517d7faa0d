import type { Agreement } from '../../shared/model/agreement';
import type { Dossier } from '../../shared/model/dossier';
import type { DossierView } from '../../shared/views';
import { currentPhase } from '../../shared/phases';
import { countryByIso2 } from '../../shared/reference/countries';
import { timelinesOf } from './cases';
import { idFromKey } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';
import { KarteError } from '../../shared/errors';

/** The SQL a dossier is read with; exported so the bench can time it bare. */
export const DOSSIER_CASES_SQL = `SELECT ${columnsOf('cases', 'c')} FROM case_countries cc JOIN cases c ON c.id = cc.caseId WHERE cc.iso2 = ? AND c.deleted = 0 ORDER BY c.sector, c.title`;
export const DOSSIER_EVENTS_SQL = `SELECT ${columnsOf('events', 'e')} FROM case_countries cc JOIN events e ON e.caseId = cc.caseId WHERE cc.iso2 = ? AND e.deleted = 0`;
// Unknown dates (no sort key) last, as in a timeline.
const DOSSIER_AGREEMENTS_SQL = `SELECT ${columnsOf('agreements', 'a')} FROM agreements a, json_each(a.countries) j
  WHERE j.value = ? AND a.deleted = 0
  ORDER BY json_extract(a.date, '$.sort') IS NULL, json_extract(a.date, '$.sort'), a.title, a.id`;

export function dossierIdOfCountry(iso2: string): string {
  return idFromKey('dossier', iso2);
}

/** カルテ of one country: its narrative and every case with its timeline, as the 別表 shows them. */
export function openDossier(store: Store, iso2: string): DossierView {
  const code = iso2.toUpperCase();
  const country = countryByIso2(code);
  if (!country) throw new KarteError('unknown_country', `unknown country code '${iso2}'`, { params: { country: iso2 } });
  const dossier = readRow(store, 'dossiers', dossierIdOfCountry(code)) ?? null;
  const rows = statement(store.db, DOSSIER_CASES_SQL).all(code) as Record<string, unknown>[];
  const cases = rows.map((raw) => decodeRow('cases', raw));
  const events = timelinesOf(
    statement(store.db, DOSSIER_EVENTS_SQL).all(code) as Record<string, unknown>[],
    cases.map((c) => c.id),
  );
  return {
    dossier: dossier && !dossier.deleted ? dossier : null,
    country: code,
    title: dossier?.title ?? country.ja,
    cases: cases.map((c) => {
      const timeline = events.get(c.id) ?? [];
      return { case: c, currentPhase: currentPhase(timeline.map((e) => e.phase)), events: timeline };
    }),
    agreements: onePerEvent((statement(store.db, DOSSIER_AGREEMENTS_SQL).all(code) as Record<string, unknown>[]).map((raw) => decodeRow('agreements', raw))),
  };
}

/**
 * An event records one agreement: two devices that each marked it while offline synced two records of it, and the
 * register lists the first of them only.
 */
function onePerEvent(agreements: Agreement[]): Agreement[] {
  const seen = new Set<string>();
  return agreements.filter((a) => {
    if (a.eventId === null) return true;
    if (seen.has(a.eventId)) return false;
    seen.add(a.eventId);
    return true;
  });
}

/** Writes narrative fields of a country's dossier, creating the dossier on its first edit. */
export function updateDossier(store: Store, iso2: string, values: Partial<Dossier>): Change[] {
  const code = iso2.toUpperCase();
  const country = countryByIso2(code);
  if (!country) throw new KarteError('unknown_country', `unknown country code '${iso2}'`, { params: { country: iso2 } });
  return writeRows(store, [{ table: 'dossiers', id: dossierIdOfCountry(code), values: { country: code, title: country.ja, ...values } }]);
}
