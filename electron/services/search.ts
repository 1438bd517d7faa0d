import { excerpt, matchExpression } from '../../shared/search-text';
import type { Phase } from '../../shared/phases';
import type { KarteDate } from '../../shared/dates';
import { statement } from './store/database';
import type { Store } from './store/store';

export type HitKind = 'case' | 'event' | 'dossier' | 'agreement';

export interface SearchHit {
  kind: HitKind;
  id: string;
  /** The case the hit belongs to (itself for a case), so results group by country and case. */
  caseId: string | null;
  caseTitle: string | null;
  countries: string[];
  /** The record's main text and an excerpt around the match. */
  text: string;
  excerpt: string;
  phase: Phase | null;
  date: KarteDate | null;
}

export interface SearchResult {
  query: string;
  /** How many records match, counted up to COUNT_CAP; `hits` holds the `limit` most recently written of them. */
  total: number;
  /** True when there are more than COUNT_CAP matches, so `total` is a lower bound. */
  totalCapped: boolean;
  hits: SearchHit[];
}

/** Counting every match of a common word would cost more than finding the hits; past this, "1000+" says enough. */
export const COUNT_CAP = 1000;

interface DocRow {
  kind: HitKind;
  ref: string;
  caseId: string | null;
}

// Hits come newest first: a record is re-indexed when it changes, so the highest document ids are the records written
// most recently. FTS5 walks its index backwards and stops at the limit; ranking every match (bm25) would read them all.
/** The SQL that finds the hits; exported so the bench can time it bare. */
export const SEARCH_SQL =
  'SELECT d.kind, d.ref, d.caseId FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid WHERE search_fts MATCH ? ORDER BY search_fts.rowid DESC LIMIT ?';
export const COUNT_SQL = 'SELECT count(*) AS n FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)';

// Per kind: the hit's text, phase, date and, for records outside a case, their own countries.
const DETAIL_SQL: Record<HitKind, string> = {
  case: 'SELECT id, title AS text, NULL AS phase, NULL AS date, NULL AS countries FROM cases WHERE id IN (SELECT value FROM json_each(?))',
  event: 'SELECT id, text, phase, date, NULL AS countries FROM events WHERE id IN (SELECT value FROM json_each(?))',
  dossier:
    "SELECT id, title || char(10) || overview || char(10) || policy AS text, NULL AS phase, NULL AS date, iif(country IS NULL, '[]', json_array(country)) AS countries FROM dossiers WHERE id IN (SELECT value FROM json_each(?))",
  agreement: 'SELECT id, title || char(10) || subject AS text, NULL AS phase, date, countries FROM agreements WHERE id IN (SELECT value FROM json_each(?))',
};

interface DetailRow {
  id: string;
  text: string;
  phase: Phase | null;
  date: string | null;
  countries: string | null;
}

/** Finds cases, events, dossiers and agreements in Japanese or English, two characters and up, newest first. */
export function search(store: Store, query: string, limit = 50): SearchResult {
  const match = matchExpression(query);
  if (match === null) return { query, total: 0, totalCapped: false, hits: [] };
  const docs = statement(store.db, SEARCH_SQL).all(match, limit) as DocRow[];
  const counted = docs.length < limit ? docs.length : (statement(store.db, COUNT_SQL).get(match, COUNT_CAP + 1) as { n: number }).n;
  const total = Math.min(counted, COUNT_CAP);

  const details = new Map<string, DetailRow>();
  for (const kind of Object.keys(DETAIL_SQL) as HitKind[]) {
    const ids = docs.filter((d) => d.kind === kind).map((d) => d.ref);
    if (ids.length === 0) continue;
    for (const row of statement(store.db, DETAIL_SQL[kind]).all(JSON.stringify(ids)) as DetailRow[]) {
      details.set(row.id, row);
    }
  }
  const caseIds = [...new Set(docs.map((d) => d.caseId).filter((id): id is string => id !== null))];
  const cases = new Map(
    (statement(store.db, 'SELECT id, title, countries FROM cases WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(caseIds)) as { id: string; title: string; countries: string }[]).map(
      (c) => [c.id, { title: c.title, countries: JSON.parse(c.countries) as string[] }],
    ),
  );

  const hits = docs.map((doc): SearchHit => {
    const detail = details.get(doc.ref);
    const owner = doc.caseId ? cases.get(doc.caseId) : undefined;
    const text = detail?.text ?? '';
    return {
      kind: doc.kind,
      id: doc.ref,
      caseId: doc.caseId,
      caseTitle: owner?.title ?? null,
      countries: owner?.countries ?? (detail?.countries ? (JSON.parse(detail.countries) as string[]) : []),
      text,
      excerpt: excerpt(text, query),
      phase: detail?.phase ?? null,
      date: detail?.date ? (JSON.parse(detail.date) as KarteDate) : null,
    };
  });
  return { query, total, totalCapped: counted > COUNT_CAP, hits };
}
