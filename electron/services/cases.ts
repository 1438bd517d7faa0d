import { z } from 'zod';
import type { CaseDetail, CaseFilter, CaseSummary } from '../../shared/views';
import { parseDateText } from '../../shared/dates';
import { caseSchema, caseTranslationsSchema, sdgGoalSchema, type Case, type CaseTextField } from '../../shared/model/case';
import type { StageEvent } from '../../shared/model/stage-event';
import { currentPhase, isPhase, type Phase } from '../../shared/phases';
import { findCountry } from '../../shared/reference/countries';
import { findProject } from '../../shared/reference/priority-projects';
import { findRegion } from '../../shared/reference/regions';
import { sectorOfLabel } from '../../shared/reference/sectors';
import { compareTimeline } from '../../shared/timeline';
import { setFieldFromText, type FieldParsers } from './field-text';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';
import { KarteError } from '../../shared/errors';

/** Stored event rows decoded into each case's timeline, in timeline order. */
export function timelinesOf(rows: Record<string, unknown>[], caseIds: string[]): Map<string, StageEvent[]> {
  const byCase = new Map<string, StageEvent[]>(caseIds.map((id) => [id, []]));
  for (const raw of rows) {
    const event = decodeRow('events', raw);
    byCase.get(event.caseId)?.push(event);
  }
  for (const events of byCase.values()) events.sort(compareTimeline);
  return byCase;
}

export function eventsOfCases(store: Store, caseIds: string[]): Map<string, StageEvent[]> {
  const rows = statement(store.db, `SELECT ${columnsOf('events')} FROM events WHERE deleted = 0 AND caseId IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(caseIds),
  ) as Record<string, unknown>[];
  return timelinesOf(rows, caseIds);
}

/** The phases each case's live events reached, and how many events it has: of every case, or of the cases `ids` names. */
function phasesByCase(store: Store, ids?: string[]): Map<string, { phases: Phase[]; count: number }> {
  const rows = (
    ids === undefined
      ? statement(store.db, 'SELECT caseId, phase, count(*) AS n FROM events WHERE deleted = 0 GROUP BY caseId, phase').all()
      : statement(store.db, 'SELECT caseId, phase, count(*) AS n FROM events WHERE deleted = 0 AND caseId IN (SELECT value FROM json_each(?)) GROUP BY caseId, phase').all(
          JSON.stringify(ids),
        )
  ) as { caseId: string; phase: Phase; n: number }[];
  const out = new Map<string, { phases: Phase[]; count: number }>();
  for (const row of rows) {
    const entry = out.get(row.caseId) ?? { phases: [], count: 0 };
    entry.phases.push(row.phase);
    entry.count += row.n;
    out.set(row.caseId, entry);
  }
  return out;
}

/** A case list's filter by what a case says of itself (not its phase), as a test of one case; an unknown region is refused. */
export function caseFilterTest(filter: Omit<CaseFilter, 'phase'>): (c: Pick<Case, 'countries' | 'region' | 'sector' | 'status' | 'project'>) => boolean {
  const region = filter.region === undefined ? undefined : findRegion(filter.region);
  if (filter.region !== undefined && !region) throw new KarteError('invalid_arguments', `unknown region '${filter.region}'`, { field: 'region' });
  const sector = filter.sector === undefined ? undefined : sectorOfLabel(filter.sector);
  const country = filter.country?.toUpperCase();
  return (c) =>
    (country === undefined || c.countries.includes(country)) &&
    (region === undefined || c.countries.some((iso2) => region.members.includes(iso2)) || findRegion(c.region)?.code === region.code) &&
    (sector === undefined || c.sector === sector) &&
    (filter.status === undefined || c.status === filter.status) &&
    (filter.project === undefined || c.project === filter.project) &&
    (filter.regionLevel === undefined || (c.countries.length === 0) === filter.regionLevel);
}

export function listCases(store: Store, filter: CaseFilter = {}): CaseSummary[] {
  if (filter.phase !== undefined && filter.phase !== 'none' && !isPhase(filter.phase))
    throw new KarteError('invalid_arguments', `unknown phase '${filter.phase}'`, { field: 'phase' });
  const kept = caseFilterTest(filter);

  // Cases of a region as a whole are few (the countries screen lists them each time): only they are read, by the
  // index of the cases' countries, not every case.
  const inNoCountry = filter.regionLevel === true ? ' AND id NOT IN (SELECT caseId FROM case_countries)' : '';
  const rows = statement(store.db, `SELECT ${columnsOf('cases')} FROM cases WHERE deleted = 0${inNoCountry} ORDER BY title`).all() as Record<string, unknown>[];
  const cases = rows.map((raw) => decodeRow('cases', raw)).filter(kept);
  const phases = phasesByCase(store, filter.regionLevel === true ? cases.map((c) => c.id) : undefined);
  return cases.map((c) => caseSummary(c, phases.get(c.id))).filter((c) => filter.phase === undefined || (c.currentPhase ?? 'none') === filter.phase);
}

/** Summaries of the cases `ids` names, in that order; deleted and unknown ones are left out. */
export function caseSummariesOf(store: Store, ids: string[]): CaseSummary[] {
  const rows = statement(store.db, `SELECT ${columnsOf('cases')} FROM cases WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Record<
    string,
    unknown
  >[];
  const phases = phasesByCase(store, ids);
  const byId = new Map(rows.map((raw) => decodeRow('cases', raw)).map((c) => [c.id, caseSummary(c, phases.get(c.id))]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function caseSummary(c: Case, timeline: { phases: Phase[]; count: number } | undefined): CaseSummary {
  return {
    id: c.id,
    title: c.title,
    countries: c.countries,
    region: c.region,
    sector: c.sector,
    sectorLabel: c.sectorLabel,
    summary: c.summary,
    status: c.status,
    scope: c.scope,
    currentPhase: currentPhase(timeline?.phases ?? []),
    eventCount: timeline?.count ?? 0,
    priority: c.priority,
    project: c.project,
  };
}

export function getCase(store: Store, idOrPrefix: string): CaseDetail {
  const id = resolveId(store, 'cases', idOrPrefix);
  const found = readRow(store, 'cases', id);
  if (!found || found.deleted) throw new KarteError('deleted', `case ${idOrPrefix} has been deleted`, { table: 'cases', record: idOrPrefix });
  const events = eventsOfCases(store, [id]).get(id) ?? [];
  return { case: found, currentPhase: currentPhase(events.map((e) => e.phase)), events };
}

export function createCase(store: Store, fields: Partial<Case> & Pick<Case, 'title'>): { id: string; changes: Change[] } {
  const id = newId();
  const values = fields.sectorLabel === undefined ? fields : { ...fields, sector: sectorOfLabel(fields.sectorLabel) };
  return { id, changes: writeRows(store, [{ table: 'cases', id, values }]) };
}

/** Writes some fields of a case; a new sector label brings its sector code with it. */
export function updateCase(store: Store, idOrPrefix: string, values: Partial<Case>): Change[] {
  const id = resolveId(store, 'cases', idOrPrefix);
  const withSector = values.sectorLabel === undefined ? values : { ...values, sector: sectorOfLabel(values.sectorLabel) };
  return writeRows(store, [{ table: 'cases', id, values: withSector }]);
}

function listOf(text: string): string[] {
  return text
    .split(/[,、]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function countryCode(text: string): string {
  const country = findCountry(text);
  if (!country) throw new KarteError('unknown_country', `unknown country '${text}' (give an ISO code such as VN, or a name)`, { params: { country: text } });
  return country.iso2;
}

/** Fields a person may set from text (the command line, a cell), with how the text becomes the value. */
export const CASE_FIELD_PARSERS: FieldParsers<Case, CaseTextField> = {
  title: (text) => ({ title: text }),
  summary: (text) => ({ summary: text }),
  sector: (text) => ({ sector: sectorOfLabel(text), sectorLabel: text }),
  sectorLabel: (text) => ({ sector: sectorOfLabel(text), sectorLabel: text }),
  status: (text) => ({ status: caseSchema.shape.status.parse(text) }),
  futurePolicy: (text) => ({ futurePolicy: text }),
  financing: (text) => ({ financing: text }),
  nextAction: (text) => ({ nextAction: text }),
  nextActionDate: (text) => {
    const date = parseDateText(text);
    if (!date) throw new KarteError('invalid_date', `'${text}' is not a date (e.g. 2021年4月, 2021年度, 2021-04-15)`, { params: { text } });
    return { nextActionDate: date.precision === 'unknown' ? null : date };
  },
  notes: (text) => ({ notes: text }),
  region: (text) => ({ region: text }),
  scope: (text) => ({ scope: caseSchema.shape.scope.parse(text) }),
  priority: (text) => ({ priority: z.stringbool().parse(text) }),
  /** 1–20 or its mark (⑰); 'none' unlinks. */
  project: (text) => {
    if (text.trim() === 'none' || text.trim() === '') return { project: null };
    const project = findProject(text);
    if (!project) throw new KarteError('invalid_arguments', `'${text}' is not one of the 20 priority projects (give 1–20, or none)`, { field: 'project' });
    return { project: project.no };
  },
  countries: (text) => ({ countries: listOf(text).map(countryCode) }),
  companies: (text) => ({ companies: listOf(text) }),
  competitors: (text) => ({ competitors: listOf(text) }),
  ownerOrg: (text) => ({ ownerOrg: text === '' ? null : text }),
  /** Goal numbers, e.g. '9, 11'. */
  sdgGoals: (text) => ({ sdgGoals: [...new Set(listOf(text).map((goal) => sdgGoalSchema.parse(Number(goal))))].sort((a, b) => a - b) }),
  outcomeFraming: (text) => ({ outcomeFraming: text }),
  effectExamples: (text) => ({ effectExamples: text }),
  nextSteps: (text) => ({ nextSteps: text }),
  talkingPoints: (text) => ({ talkingPoints: text }),
  /** The whole object as JSON, e.g. {"en":{"summary":"Sorting machines"}}. */
  translations: (text) => ({ translations: caseTranslationsSchema.parse(JSON.parse(text)) }),
};

export function setCaseField(store: Store, idOrPrefix: string, field: string, text: string): Change[] {
  return setFieldFromText(store, 'cases', CASE_FIELD_PARSERS, idOrPrefix, field, text);
}
