import { excerpt, matchExpression } from '../../shared/search-text';
import type { HitKind, SearchHit, SearchResult } from '../../shared/views';
import type { Phase } from '../../shared/phases';
import type { KarteDate } from '../../shared/dates';
import { statement } from './store/database';
import type { Store } from './store/store';

/** Counting every match of a common word would cost more than finding the hits; past this, "1000+" says enough. */
export const COUNT_CAP = 1000;

interface HitRow {
  kind: HitKind;
  id: string;
  caseId: string | null;
  caseTitle: string | null;
  countries: string | null;
  text: string | null;
  phase: Phase | null;
  date: string | null;
  memberId: string | null;
  memberNameJa: string | null;
  memberNameEn: string | null;
}

// Hits come newest first: a record is re-indexed when it changes, so the highest document ids are the records written
// most recently. FTS5 walks its index backwards and stops at the limit; ranking every match (bm25) would read them all.
/** The SQL that finds the hits with what a result list shows of them; exported so the bench can time it bare. */
export const SEARCH_SQL = `
  SELECT d.kind, d.ref AS id, d.caseId, c.title AS caseTitle,
         CASE d.kind
           WHEN 'event' THEN e.text
           WHEN 'case' THEN c.title
           WHEN 'dossier' THEN ds.title || char(10) || ds.overview || char(10) || ds.policy
           WHEN 'visit' THEN v.title || char(10) || v.objectives || char(10) || v.asks
           WHEN 'plan' THEN coalesce(pi.statement, ph.description, pl.problem || char(10) || pl.counterpartNeeds || char(10) || pl.pathToOrder)
           WHEN 'scheme' THEN sc.name || char(10) || sc.owner || char(10) || sc.terms
           WHEN 'member' THEN o.nameJa || char(10) || o.location || char(10) || o.description
           WHEN 'offer' THEN ofr.name || char(10) || ofr.description
           WHEN 'trackRecord' THEN tr.project || char(10) || tr.place || char(10) || tr.category
           WHEN 'advisor' THEN ad.name || char(10) || ad.affiliation || char(10) || ad.experience
           ELSE a.title || char(10) || a.subject
         END AS text,
         e.phase, coalesce(e.date, a.date, v.dates, tr.date) AS date,
         coalesce(c.countries, a.countries, iif(v.country IS NULL, NULL, json_array(v.country)), sc.countries, iif(tr.country IS NULL, NULL, json_array(tr.country)),
                  ad.countries, iif(ds.country IS NULL, '[]', json_array(ds.country))) AS countries,
         coalesce(oo.id, ot.id) AS memberId, coalesce(oo.nameJa, ot.nameJa) AS memberNameJa, coalesce(oo.nameEn, ot.nameEn) AS memberNameEn
    FROM search_fts
    JOIN search_docs d ON d.docid = search_fts.rowid
    LEFT JOIN cases c ON c.id = d.caseId
    LEFT JOIN events e ON d.kind = 'event' AND e.id = d.ref
    LEFT JOIN dossiers ds ON d.kind = 'dossier' AND ds.id = d.ref
    LEFT JOIN agreements a ON d.kind = 'agreement' AND a.id = d.ref
    LEFT JOIN visits v ON d.kind = 'visit' AND v.id = d.ref
    LEFT JOIN plans pl ON d.kind = 'plan' AND pl.id = d.ref
    LEFT JOIN indicators pi ON d.kind = 'plan' AND pi.id = d.ref
    LEFT JOIN hurdles ph ON d.kind = 'plan' AND ph.id = d.ref
    LEFT JOIN schemes sc ON d.kind = 'scheme' AND sc.id = d.ref
    LEFT JOIN organisations o ON d.kind = 'member' AND o.id = d.ref
    LEFT JOIN offers ofr ON d.kind = 'offer' AND ofr.id = d.ref
    LEFT JOIN organisations oo ON oo.id = ofr.organisationId
    LEFT JOIN track_records tr ON d.kind = 'trackRecord' AND tr.id = d.ref
    LEFT JOIN organisations ot ON ot.id = tr.organisationId
    LEFT JOIN advisors ad ON d.kind = 'advisor' AND ad.id = d.ref
   WHERE search_fts MATCH ?
   ORDER BY search_fts.rowid DESC
   LIMIT ?`;
export const COUNT_SQL = 'SELECT count(*) AS n FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)';

/**
 * Finds cases, events, dossiers, agreements, visits, plans and the council database's records in Japanese or
 * English, two characters and up, newest first.
 */
export function search(store: Store, query: string, limit = 50): SearchResult {
  const match = matchExpression(query);
  if (match === null) return { query, total: 0, totalCapped: false, hits: [] };
  const rows = statement(store.db, SEARCH_SQL).all(match, limit) as HitRow[];
  const counted = rows.length < limit ? rows.length : (statement(store.db, COUNT_SQL).get(match, COUNT_CAP + 1) as { n: number }).n;
  const total = Math.min(counted, COUNT_CAP);
  const hits = rows.map((row): SearchHit => ({
    kind: row.kind,
    id: row.id,
    caseId: row.caseId,
    caseTitle: row.caseTitle,
    countries: row.countries ? (JSON.parse(row.countries) as string[]) : [],
    text: row.text ?? '',
    excerpt: excerpt(row.text ?? '', query),
    phase: row.phase,
    date: row.date ? (JSON.parse(row.date) as KarteDate) : null,
    member: row.memberId === null ? null : { id: row.memberId, nameJa: row.memberNameJa ?? '', nameEn: row.memberNameEn ?? '' },
  }));
  return { query, total, totalCapped: counted > COUNT_CAP, hits };
}
