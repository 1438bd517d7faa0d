import type { z } from 'zod';
import { agreementSchema } from '../../../shared/model/agreement';
import { caseSchema } from '../../../shared/model/case';
import { dossierSchema } from '../../../shared/model/dossier';
import { organisationSchema } from '../../../shared/model/organisation';
import { stageEventSchema } from '../../../shared/model/stage-event';
import { unknownDate } from '../../../shared/dates';
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
    json: ['countries', 'companies', 'competitors', 'relatedCases', 'nextActionDate'],
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
      companies: [],
      competitors: [],
      financing: '',
      relatedCases: [],
      nextAction: '',
      nextActionDate: null,
      notes: '',
      scope: DEFAULT_SCOPE,
      deleted: false,
    },
  },
  events: {
    schema: stageEventSchema,
    json: ['date'],
    bool: ['deleted'],
    defaults: { date: unknownDate(), organisation: '', signatoryLevel: '', source: '', scope: DEFAULT_SCOPE, deleted: false },
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
      deleted: false,
    },
  },
  organisations: {
    schema: organisationSchema,
    json: [] as string[],
    bool: ['deleted'],
    defaults: { nameEn: '', type: 'other', scope: 'public', deleted: false },
  },
} as const;

export type TableName = keyof typeof TABLES;
export type RowOf<T extends TableName> = z.infer<(typeof TABLES)[T]['schema']>;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(TABLES, name);
}

export function fieldsOf(table: TableName): string[] {
  return Object.keys(TABLES[table].schema.shape);
}

/** Domain value → SQLite column value. */
export function encodeField(table: TableName, field: string, value: unknown): unknown {
  const def = TABLES[table];
  if ((def.json as readonly string[]).includes(field)) return value === null ? null : JSON.stringify(value);
  if ((def.bool as readonly string[]).includes(field)) return value ? 1 : 0;
  return value;
}

/** SQLite row → domain record. */
export function decodeRow<T extends TableName>(table: T, raw: Record<string, unknown>): RowOf<T> {
  const def = TABLES[table];
  const out: Record<string, unknown> = {};
  for (const field of fieldsOf(table)) {
    const value = raw[field];
    if ((def.json as readonly string[]).includes(field)) out[field] = value === null ? null : JSON.parse(value as string);
    else if ((def.bool as readonly string[]).includes(field)) out[field] = value === 1;
    else out[field] = value;
  }
  return out as RowOf<T>;
}
