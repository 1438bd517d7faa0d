import { indexGrams } from '../../../shared/search-text';
import { CASE_FIELD } from '../../../shared/model/records';
import type { HitKind } from '../../../shared/views';
import { countryByIso2 } from '../../../shared/reference/countries';
import { statement, type Db } from './database';
import type { RowOf, TableName } from './tables';

// Keeps the search index in step with the records: called by the store inside the writing transaction.

type AnyRow = Record<string, unknown>;

function countryNames(codes: string[]): string[] {
  return codes.flatMap((code) => {
    const country = countryByIso2(code);
    return country ? [country.ja, country.en] : [code];
  });
}

/** The text a record is found by, or null for records that are not searched. */
function searchableText(table: TableName, row: AnyRow): string | null {
  switch (table) {
    case 'cases': {
      const c = row as RowOf<'cases'>;
      const translated = Object.values(c.translations).flatMap((fields) => Object.values(fields));
      return [
        c.title,
        c.sectorLabel,
        c.summary,
        c.futurePolicy,
        c.financing,
        c.nextAction,
        c.region,
        c.outcomeFraming,
        c.effectExamples,
        c.nextSteps,
        c.talkingPoints,
        ...translated,
        ...c.companies,
        ...c.competitors,
        ...countryNames(c.countries),
      ].join('\n');
    }
    case 'events': {
      const e = row as RowOf<'events'>;
      return [e.text, e.organisation, e.signatoryLevel, e.date.text].join('\n');
    }
    case 'dossiers': {
      const d = row as RowOf<'dossiers'>;
      return [d.title, d.overview, d.relations, d.policy, d.supportHistory].join('\n');
    }
    case 'agreements': {
      const a = row as RowOf<'agreements'>;
      return [a.title, a.subject, a.place, a.signatoryLevel, ...a.parties].join('\n');
    }
    case 'visits': {
      const v = row as RowOf<'visits'>;
      const people = [...v.delegation, ...v.counterparts].flatMap((p) => [p.name, p.title]);
      return [v.title, v.objectives, v.asks, ...people, ...v.counterparts.map((p) => p.organisation), ...countryNames([v.country])].join('\n');
    }
    case 'plans': {
      const p = row as RowOf<'plans'>;
      const partners = p.partners.flatMap((partner) => [partner.name, partner.organisation, partner.role]);
      return [p.counterpartNeeds, p.pathToOrder, p.problem, ...partners, ...p.financing.map((f) => f.note)].join('\n');
    }
    case 'indicators': {
      const i = row as RowOf<'indicators'>;
      return [i.statement, i.verification].join('\n');
    }
    case 'hurdles': {
      const h = row as RowOf<'hurdles'>;
      return [h.description, h.counterpart, ...h.measures.flatMap((m) => [m.text, m.actor])].join('\n');
    }
    case 'schemes': {
      const s = row as RowOf<'schemes'>;
      return [s.name, s.owner, ...s.stages, ...s.sectorLabels, s.countriesText, s.budget, s.terms, s.applicationWindow, s.contact, ...countryNames(s.countries)].join('\n');
    }
    case 'organisations': {
      // Only the council's members are searched: the other organisations are names picked from a list.
      const o = row as RowOf<'organisations'>;
      return o.councilMember ? [o.nameJa, o.nameEn, o.location, o.description].join('\n') : null;
    }
    case 'offers': {
      const o = row as RowOf<'offers'>;
      return [o.name, o.description].join('\n');
    }
    case 'track_records': {
      const r = row as RowOf<'track_records'>;
      return [r.project, r.place, r.category, r.date.text, ...countryNames([r.country])].join('\n');
    }
    case 'advisors': {
      // Not their contacts: how to reach a person is not something to find by searching.
      const a = row as RowOf<'advisors'>;
      return [a.name, a.affiliation, a.experience, ...a.languages, ...countryNames(a.countries)].join('\n');
    }
    default:
      return null;
  }
}

// A plan's indicators and hurdles are found as the plan: they are read on its page.
const KIND: Partial<Record<TableName, HitKind>> = {
  cases: 'case',
  events: 'event',
  dossiers: 'dossier',
  agreements: 'agreement',
  visits: 'visit',
  plans: 'plan',
  indicators: 'plan',
  hurdles: 'plan',
  schemes: 'scheme',
  organisations: 'member',
  offers: 'offer',
  track_records: 'trackRecord',
  advisors: 'advisor',
};

/** Takes a record out of the search index. */
export function removeFromIndex(db: Db, ref: string): void {
  const existing = statement(db, 'SELECT docid FROM search_docs WHERE ref = ?').get(ref) as { docid: number } | undefined;
  if (!existing) return;
  statement(db, 'DELETE FROM search_fts WHERE rowid = ?').run(existing.docid);
  statement(db, 'DELETE FROM search_docs WHERE docid = ?').run(existing.docid);
}

/**
 * Indexes a record as it is now. Its entry is looked for even when the record is new: the index is keyed by id alone,
 * and a record of another table may hold the same id (a pushed change names any id).
 */
export function reindexRecord(db: Db, table: TableName, row: AnyRow): void {
  const kind = KIND[table];
  if (!kind) return;
  const ref = row.id as string;
  removeFromIndex(db, ref);
  const text = row.deleted ? null : searchableText(table, row);
  if (text === null) return;
  const caseId = table === 'cases' ? ref : typeof row[CASE_FIELD] === 'string' ? (row[CASE_FIELD] as string) : null;
  const { lastInsertRowid } = statement(db, 'INSERT INTO search_docs (kind, ref, caseId) VALUES (?, ?, ?)').run(kind, ref, caseId);
  statement(db, 'INSERT INTO search_fts (rowid, grams) VALUES (?, ?)').run(lastInsertRowid, indexGrams(text));
}
