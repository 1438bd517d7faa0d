import type { z } from 'zod';
import { advisorContactSchema, advisorSchema } from '../../../shared/model/advisor';
import { agreementSchema } from '../../../shared/model/agreement';
import { offerSchema } from '../../../shared/model/offer';
import { supportSchemeSchema } from '../../../shared/model/support-scheme';
import { trackRecordSchema } from '../../../shared/model/track-record';
import { caseSchema } from '../../../shared/model/case';
import { countryFactSchema } from '../../../shared/model/country-fact';
import { directionSchema } from '../../../shared/model/direction';
import { profileSchema } from '../../../shared/model/profile';
import { questionSchema } from '../../../shared/model/question';
import { dossierSchema } from '../../../shared/model/dossier';
import { organisationSchema } from '../../../shared/model/organisation';
import { stageEventSchema } from '../../../shared/model/stage-event';
import { visitSchema } from '../../../shared/model/visit';
import { hurdleSchema, indicatorPeriodSchema, indicatorSchema, planRevisionSchema, planSchema } from '../../../shared/model/plan';
import { unknownDate } from '../../../shared/dates';
import type { RecordTable } from '../../../shared/model/records';
import { DEFAULT_SCOPE } from '../../../shared/scopes';

// How each record type is stored: its schema, which fields are JSON or booleans in SQLite, and the values a new
// record starts with. Column names are the domain's field names.

export const TABLES = {
  dossiers: {
    schema: dossierSchema,
    json: [] as string[],
    bool: ['deleted'],
    defaults: { country: null, region: '', overview: '', relations: '', policy: '', supportHistory: '', scope: DEFAULT_SCOPE, deleted: false },
  },
  cases: {
    schema: caseSchema,
    json: ['countries', 'companies', 'competitors', 'relatedCases', 'nextActionDate', 'sdgGoals', 'translations'],
    bool: ['priority', 'deleted'],
    defaults: {
      countries: [],
      region: '',
      sector: 'other',
      sectorLabel: '',
      summary: '',
      status: 'active',
      futurePolicy: '',
      ownerOrg: null,
      priority: false,
      project: null,
      companies: [],
      competitors: [],
      financing: '',
      relatedCases: [],
      nextAction: '',
      nextActionDate: null,
      notes: '',
      sdgGoals: [],
      outcomeFraming: '',
      effectExamples: '',
      nextSteps: '',
      talkingPoints: '',
      translations: {},
      scope: DEFAULT_SCOPE,
      deleted: false,
    },
  },
  events: {
    schema: stageEventSchema,
    json: ['date'],
    bool: ['deleted'],
    defaults: { date: unknownDate(), organisation: '', signatoryLevel: '', source: '', visitId: null, scope: DEFAULT_SCOPE, deleted: false },
  },
  agreements: {
    schema: agreementSchema,
    json: ['parties', 'date', 'countries', 'caseIds'],
    bool: ['deleted'],
    defaults: {
      kind: 'mou',
      parties: [],
      signatoryLevel: '',
      date: unknownDate(),
      place: '',
      subject: '',
      status: 'signed',
      countries: [],
      caseIds: [],
      scope: DEFAULT_SCOPE,
      eventId: null,
      deleted: false,
    },
  },
  organisations: {
    schema: organisationSchema,
    json: [] as string[],
    bool: ['councilMember', 'deleted'],
    defaults: { nameEn: '', type: 'other', size: 'unknown', location: '', description: '', councilMember: false, scope: 'public', deleted: false },
  },
  visits: {
    schema: visitSchema,
    json: ['dates', 'delegation', 'counterparts', 'caseIds'],
    bool: ['deleted'],
    defaults: {
      kind: 'top_sales',
      dates: unknownDate(),
      delegation: [],
      counterparts: [],
      objectives: '',
      asks: '',
      caseIds: [],
      scope: DEFAULT_SCOPE,
      deleted: false,
    },
  },
  plans: {
    schema: planSchema,
    json: ['partners', 'financing', 'followUpDate'],
    bool: ['deleted'],
    defaults: {
      counterpartNeeds: '',
      pathToOrder: '',
      problem: '',
      partners: [],
      financing: [],
      noIndicatorsReason: '',
      noHurdlesReason: '',
      followUpDate: null,
      scope: DEFAULT_SCOPE,
      deleted: false,
    },
  },
  indicators: {
    schema: indicatorSchema,
    // JSON keeps a baseline's type: a number stays a number, words stay words.
    json: ['baseline', 'baselineDate'],
    bool: ['cumulative', 'deleted'],
    defaults: {
      level: 'outcome',
      kind: 'social',
      unit: '',
      measure: 'number',
      direction: 'higher',
      cumulative: false,
      baseline: null,
      baselineDate: null,
      verification: '',
      projectKpi: null,
      scope: DEFAULT_SCOPE,
      deleted: false,
    },
  },
  indicator_periods: {
    schema: indicatorPeriodSchema,
    json: ['period', 'target', 'revisedTarget', 'actual'],
    bool: ['deleted'],
    defaults: { target: null, revisedTarget: null, actual: null, comment: '', evidence: '', scope: DEFAULT_SCOPE, deleted: false },
  },
  hurdles: {
    schema: hurdleSchema,
    json: ['since', 'measures'],
    bool: ['deleted'],
    defaults: { since: null, counterpart: '', measures: [], status: 'open', scope: DEFAULT_SCOPE, deleted: false },
  },
  plan_revisions: {
    schema: planRevisionSchema,
    json: ['content'],
    bool: ['deleted'],
    defaults: { label: '', scope: DEFAULT_SCOPE, deleted: false },
  },
  questions: {
    schema: questionSchema,
    json: [] as string[],
    bool: ['deleted'],
    defaults: { caseId: null, visitId: null, answer: '', position: 0, scope: DEFAULT_SCOPE, deleted: false },
  },
  profiles: {
    schema: profileSchema,
    json: ['visitIds'],
    bool: ['deleted'],
    defaults: { nameJa: '', title: '', organisation: '', career: '', notes: '', visitIds: [], scope: DEFAULT_SCOPE, deleted: false },
  },
  country_facts: {
    schema: countryFactSchema,
    json: ['asOf'],
    bool: ['deleted'],
    defaults: { kind: 'other', label: '', source: '', asOf: unknownDate(), scope: DEFAULT_SCOPE, deleted: false },
  },
  directions: {
    schema: directionSchema,
    json: [] as string[],
    bool: ['deleted'],
    defaults: { country: null, region: '', situation: '', strengths: '', pathToWin: '', bottlenecks: '', measures: '', target: '', scope: DEFAULT_SCOPE, deleted: false },
  },
  schemes: {
    schema: supportSchemeSchema,
    json: ['stages', 'phases', 'sectorLabels', 'sectors', 'countries', 'regions'],
    bool: ['deleted'],
    defaults: {
      owner: '',
      type: 'other',
      stages: [],
      phases: [],
      sectorLabels: [],
      sectors: [],
      countries: [],
      regions: [],
      countriesText: '',
      budget: '',
      terms: '',
      applicationWindow: '',
      contact: '',
      source: '',
      scope: DEFAULT_SCOPE,
      deleted: false,
    },
  },
  offers: {
    schema: offerSchema,
    json: ['sectors'],
    bool: ['deleted'],
    defaults: { kind: 'technology', description: '', sectors: [], scope: DEFAULT_SCOPE, deleted: false },
  },
  track_records: {
    schema: trackRecordSchema,
    json: ['date', 'sectors'],
    bool: ['deleted'],
    defaults: { place: '', date: unknownDate(), schemeId: null, category: '', sectors: [], relatedCaseId: null, scope: DEFAULT_SCOPE, deleted: false },
  },
  advisors: {
    schema: advisorSchema,
    json: ['sectors', 'countries', 'languages', 'registeredOn', 'removedOn'],
    bool: ['deleted'],
    defaults: { affiliation: '', sectors: [], countries: [], languages: [], experience: '', registeredOn: unknownDate(), removedOn: null, scope: DEFAULT_SCOPE, deleted: false },
  },
  advisor_contacts: {
    schema: advisorContactSchema,
    json: [] as string[],
    bool: ['deleted'],
    defaults: { scope: 'government', deleted: false },
  },
} as const satisfies Record<RecordTable, unknown>;

export type TableName = RecordTable;
export type RowOf<T extends TableName> = z.infer<(typeof TABLES)[T]['schema']>;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(TABLES, name);
}

export function fieldsOf(table: TableName): string[] {
  return Object.keys(TABLES[table].schema.shape);
}

/** The stored columns of a table as a select list, e.g. 'e.id, e.caseId, …'; derived columns are left out. */
export function columnsOf(table: TableName, alias = ''): string {
  return fieldsOf(table)
    .map((f) => (alias ? `${alias}.${f}` : f))
    .join(', ');
}

type Codec = 'json' | 'bool' | 'plain';

function codecOf(table: TableName, field: string): Codec {
  const def = TABLES[table];
  if ((def.json as readonly string[]).includes(field)) return 'json';
  if ((def.bool as readonly string[]).includes(field)) return 'bool';
  return 'plain';
}

// Decoding runs for every row a screen shows: work out each table's codecs once.
const CODECS = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((table) => [table, fieldsOf(table).map((field) => [field, codecOf(table, field)] as const)])) as Record<
  TableName,
  (readonly [string, Codec])[]
>;

/** Domain value → SQLite column value. */
export function encodeField(table: TableName, field: string, value: unknown, text?: string): unknown {
  const codec = codecOf(table, field);
  if (codec === 'json') return value === null ? null : (text ?? JSON.stringify(value));
  if (codec === 'bool') return value ? 1 : 0;
  return value;
}

/** SQLite row → domain record. */
export function decodeRow<T extends TableName>(table: T, raw: Record<string, unknown>): RowOf<T> {
  const out: Record<string, unknown> = {};
  for (const [field, codec] of CODECS[table]) {
    const value = raw[field];
    out[field] = codec === 'json' ? (value === null ? null : JSON.parse(value as string)) : codec === 'bool' ? value === 1 : value;
  }
  return out as RowOf<T>;
}
