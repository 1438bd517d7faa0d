import { z } from 'zod';
import { compareDates, dayOf, type KarteDate } from '../../shared/dates';
import { KarteError } from '../../shared/errors';
import {
  FINANCING_SCHEMES,
  FINANCING_STATUSES,
  indicatorSchema,
  INDICATOR_LEVELS,
  hurdleSchema,
  partnerSchema,
  PARTNER_ORIGINS,
  planContentSchema,
  type Hurdle,
  type Indicator,
  type IndicatorPeriod,
  type IndicatorTextField,
  type HurdleTextField,
  type IndicatorValue,
  type Measure,
  type Plan,
  type PlanContent,
  type PlanTextField,
  type PeriodTextField,
} from '../../shared/model/plan';
import { planStatus, readIndicator } from '../../shared/plan/indicator-status';
import { comparePlanContents } from '../../shared/plan/revision-diff';
import { effectiveScope, type Scope } from '../../shared/scopes';
import type { IndicatorView, PlanComparison, PlanFollowUp, PlanView, RevisionInfo } from '../../shared/views';
import { getScheme } from './council/schemes';
import { dateOf } from './events';
import { scopeFromText, setFieldFromText, valuesFromText, type FieldParsers } from './field-text';
import { idFromKey, newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type RowWrite, type Store } from './store/store';
import { columnsOf, decodeRow, TABLES } from './store/tables';

// 展開実施プラン: a case's deployment plan and its parts (indicators with each period's values, hurdles, revisions),
// read and written through the store's one write path, so every field is logged, synced and in the history.

/** A case's plan has one id wherever it is started, so two devices starting it offline write one plan. */
export function planIdOf(caseId: string): string {
  return idFromKey('plan', caseId);
}

/** An indicator's values for a period have one id, so two devices entering the same period write one record. */
function periodIdOf(indicatorId: string, period: KarteDate): string {
  return idFromKey('indicator-period', indicatorId, period.sort ?? period.text);
}

function liveCase(store: Store, caseId: string) {
  const found = readRow(store, 'cases', caseId);
  if (!found || found.deleted) throw new KarteError('deleted', `case ${caseId} has been deleted`, { table: 'cases', record: caseId });
  return found;
}

function partsOf<T extends 'indicators' | 'indicator_periods' | 'hurdles' | 'plan_revisions'>(store: Store, table: T, caseId: string) {
  return (statement(store.db, `SELECT ${columnsOf(table)} FROM ${table} WHERE caseId = ? AND deleted = 0`).all(caseId) as Record<string, unknown>[]).map((raw) =>
    decodeRow(table, raw),
  );
}

const LEVEL_ORDER = Object.fromEntries(INDICATOR_LEVELS.map((level, i) => [level, i]));

/** The plan's live parts as they stand. */
function planParts(store: Store, caseId: string) {
  const periods = partsOf(store, 'indicator_periods', caseId).sort((a, b) => compareDates(a.period, b.period));
  const indicators = partsOf(store, 'indicators', caseId)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.statement.localeCompare(b.statement, 'ja'))
    .map((indicator) => ({ ...indicator, periods: periods.filter((p) => p.indicatorId === indicator.id) }));
  const openFirst = (h: Hurdle) => (h.status === 'open' ? 0 : 1);
  const hurdles = partsOf(store, 'hurdles', caseId).sort((a, b) => openFirst(a) - openFirst(b) || (a.since?.sort ?? '9999').localeCompare(b.since?.sort ?? '9999'));
  return { plan: readRow(store, 'plans', planIdOf(caseId)) ?? null, indicators, hurdles };
}

/** A follow-up is overdue once its period began before this month ('YYYY-MM'). */
const isOverdue = (date: KarteDate | null, month: string) => date?.sort !== undefined && date.sort !== null && date.sort.slice(0, 7) < month;

/** This month, as readings and follow-ups compare against. */
const thisMonth = (store: Store) => dayOf(new Date(store.now())).slice(0, 7);

export function getPlan(store: Store, caseId: string): PlanView {
  const found = liveCase(store, caseId);
  const { plan, indicators, hurdles } = planParts(store, caseId);
  const month = thisMonth(store);
  const views: IndicatorView[] = indicators.map((i) => ({ ...i, reading: readIndicator(i, i.periods, month) }));
  const revisions = partsOf(store, 'plan_revisions', caseId)
    .map(({ id, label, savedAt, savedBy, scope }): RevisionInfo => ({ id, label, savedAt, savedBy, scope }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const live = plan !== null && !plan.deleted ? plan : null;
  const missingReasons: PlanView['missingReasons'] = [];
  if (live && views.length === 0 && live.noIndicatorsReason.trim() === '') missingReasons.push('indicators');
  if (live && hurdles.length === 0 && live.noHurdlesReason.trim() === '') missingReasons.push('hurdles');
  return {
    caseId,
    caseTitle: found.title,
    project: found.project,
    plan: live,
    indicators: views,
    hurdles,
    revisions,
    status: planStatus(views.map((v) => v.reading.status)),
    followUpOverdue: isOverdue(live?.followUpDate ?? null, month),
    missingReasons,
  };
}

/** A part's scope when it is created: its plan's, or its case's while the case has no plan. */
function newPartScope(store: Store, caseId: string): Scope {
  return readRow(store, 'plans', planIdOf(caseId))?.scope ?? liveCase(store, caseId).scope;
}

/** The plan's fields people edit. */
export type PlanValues = Partial<Omit<Plan, 'id' | 'caseId' | 'deleted'>>;

/**
 * Writes the plan's fields, starting the plan if the case has none. A plan's parts are never shared wider than the
 * plan: narrowing it narrows them in the same write.
 */
export function updatePlan(store: Store, caseId: string, values: PlanValues): Change[] {
  const found = liveCase(store, caseId);
  // A financing option names a live scheme or none.
  for (const option of values.financing ?? []) if (option.schemeId) getScheme(store, option.schemeId);
  const id = planIdOf(caseId);
  const existing = readRow(store, 'plans', id);
  const start = existing && !existing.deleted ? {} : { caseId, scope: found.scope, deleted: false };
  const writes: RowWrite[] = [{ table: 'plans', id, values: { ...start, ...values } }];
  if (values.scope !== undefined) {
    const scope = values.scope;
    const { indicators, hurdles } = planParts(store, caseId);
    const wider = (part: { scope: Scope }) => effectiveScope(part.scope, scope) !== part.scope;
    for (const i of indicators) {
      if (wider(i)) writes.push({ table: 'indicators', id: i.id, values: { scope } });
      for (const p of i.periods) if (wider(p)) writes.push({ table: 'indicator_periods', id: p.id, values: { scope } });
    }
    for (const h of hurdles) if (wider(h)) writes.push({ table: 'hurdles', id: h.id, values: { scope } });
  }
  return writeRows(store, writes);
}

/** A date as a person writes it, or null for an empty text. */
function optionalDate(text: string): KarteDate | null {
  return text.trim() === '' ? null : dateOf(text);
}

/** One item per line or per ';'. */
const itemsOf = (text: string) =>
  text
    .split(/[\n;；]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A code of a vocabulary, named with the field in any error. */
function codeOf<T extends string>(codes: readonly T[], text: string, table: string, field: string): T {
  const code = text.trim() as T;
  if (!codes.includes(code)) throw new KarteError('invalid_arguments', `${field}: '${text}' is not one of ${codes.join(', ')}`, { table, field });
  return code;
}

const PLAN_FIELD_PARSERS: FieldParsers<Plan, PlanTextField> = {
  counterpartNeeds: (text) => ({ counterpartNeeds: text }),
  pathToOrder: (text) => ({ pathToOrder: text }),
  problem: (text) => ({ problem: text }),
  /** One partner per line or ';': name / domestic|foreign / organisation / role; or the whole list as JSON. */
  partners: (text) => {
    if (text.trim().startsWith('[')) return { partners: z.array(partnerSchema).parse(JSON.parse(text)) };
    return {
      partners: itemsOf(text).map((item) => {
        const [name = '', origin = '', organisation = '', role = ''] = item.split('/').map((part) => part.trim());
        return partnerSchema.parse({ name, origin: codeOf(PARTNER_ORIGINS, origin, 'plans', 'partners'), organisation, role });
      }),
    };
  },
  /** One option per line or ';': scheme:status[:note], e.g. 'jica_loan:considering; jbic:applied'. */
  financing: (text) => ({
    financing: itemsOf(text).map((item) => {
      const [scheme = '', status = '', ...note] = item.split(':');
      return {
        scheme: codeOf(FINANCING_SCHEMES, scheme, 'plans', 'financing'),
        status: codeOf(FINANCING_STATUSES, status, 'plans', 'financing'),
        note: note.join(':').trim(),
      };
    }),
  }),
  noIndicatorsReason: (text) => ({ noIndicatorsReason: text }),
  noHurdlesReason: (text) => ({ noHurdlesReason: text }),
  followUpDate: (text) => ({ followUpDate: optionalDate(text) }),
  scope: (text) => ({ scope: scopeFromText(text, 'plans') }),
};

export function setPlanField(store: Store, caseId: string, field: string, text: string): Change[] {
  return updatePlan(store, caseId, valuesFromText('plans', PLAN_FIELD_PARSERS, field, text));
}

/**
 * An indicator's value from what a person typed: for a number or % measure a number ('1,200', '８５%'), for a
 * qualitative one the words; empty (or 'na', なし) for none.
 */
export function indicatorValueOf(measure: Indicator['measure'], value: IndicatorValue | null, table: string, field: string): IndicatorValue | null {
  if (value === null || typeof value === 'number') return value;
  const text = value.normalize('NFKC').trim();
  if (text === '' || /^(na|n\/a|なし|不明)$/i.test(text)) return null;
  if (measure === 'qualitative') return value.trim();
  const number = Number(text.replace(/[,\s]/g, '').replace(/%$/, ''));
  if (!Number.isFinite(number)) throw new KarteError('not_a_number', `${field}: '${value}' is not a number`, { table, field, params: { text: value } });
  return number;
}

export type IndicatorValues = Partial<Omit<Indicator, 'id' | 'caseId' | 'deleted'>>;

export function addIndicator(store: Store, caseId: string, values: IndicatorValues & Pick<Indicator, 'statement'>): { id: string; changes: Change[] } {
  liveCase(store, caseId);
  const id = newId();
  const measure = values.measure ?? 'number';
  const baseline = indicatorValueOf(measure, values.baseline ?? null, 'indicators', 'baseline');
  return { id, changes: writeRows(store, [{ table: 'indicators', id, values: { scope: newPartScope(store, caseId), ...values, baseline, caseId } }]) };
}

export function updateIndicator(store: Store, id: string, values: IndicatorValues): Change[] {
  const current = readRow(store, 'indicators', id);
  const measure = values.measure ?? current?.measure ?? 'number';
  const next = values.baseline === undefined ? values : { ...values, baseline: indicatorValueOf(measure, values.baseline, 'indicators', 'baseline') };
  return writeRows(store, [{ table: 'indicators', id, values: next }]);
}

const INDICATOR_FIELD_PARSERS: FieldParsers<Indicator, IndicatorTextField> = {
  level: (text) => ({ level: indicatorSchema.shape.level.parse(text.trim()) }),
  statement: (text) => ({ statement: indicatorSchema.shape.statement.parse(text) }),
  kind: (text) => ({ kind: indicatorSchema.shape.kind.parse(text.trim()) }),
  unit: (text) => ({ unit: text }),
  measure: (text) => ({ measure: indicatorSchema.shape.measure.parse(text.trim()) }),
  direction: (text) => ({ direction: indicatorSchema.shape.direction.parse(text.trim()) }),
  cumulative: (text) => ({ cumulative: z.stringbool().parse(text) }),
  // Read against the indicator's measure by updateIndicator.
  baseline: (text) => ({ baseline: text }),
  baselineDate: (text) => ({ baselineDate: optionalDate(text) }),
  verification: (text) => ({ verification: text }),
  /** 1 for the project's first target, 2 for its second; none (or empty) for no target. */
  projectKpi: (text) => ({ projectKpi: /^(none|)$/.test(text.trim()) ? null : indicatorSchema.shape.projectKpi.parse(Number(text)) }),
  scope: (text) => ({ scope: scopeFromText(text, 'indicators') }),
};

export function setIndicatorField(store: Store, id: string, field: string, text: string): Change[] {
  return updateIndicator(store, resolveId(store, 'indicators', id), valuesFromText('indicators', INDICATOR_FIELD_PARSERS, field, text));
}

/** A period as a person writes it; a bare year is a 年度 (periods are fiscal years by default). */
export function periodOf(text: string): KarteDate {
  const trimmed = text.normalize('NFKC').trim();
  const period = dateOf(/^\d{4}$/.test(trimmed) ? `${trimmed}年度` : trimmed);
  if (period.sort === null)
    throw new KarteError('invalid_date', `'${text}' is not a period (e.g. 2024年度, 2024, 2024年)`, { table: 'indicator_periods', field: 'period', params: { text } });
  return period;
}

export type PeriodValues = Partial<Pick<IndicatorPeriod, PeriodTextField | 'scope'>>;

/** Sets an indicator's values for one period, creating the period's record the first time. */
export function setPeriodValues(store: Store, indicatorId: string, periodText: string, values: PeriodValues): { id: string; changes: Change[] } {
  const indicator = readRow(store, 'indicators', indicatorId);
  if (!indicator || indicator.deleted) throw new KarteError('deleted', `indicator ${indicatorId} has been deleted`, { table: 'indicators', record: indicatorId });
  const period = periodOf(periodText);
  const id = periodIdOf(indicatorId, period);
  const existing = readRow(store, 'indicator_periods', id);
  const start = existing && !existing.deleted ? {} : { caseId: indicator.caseId, indicatorId, period, scope: indicator.scope, deleted: false };
  const read = (field: 'target' | 'revisedTarget' | 'actual') =>
    values[field] === undefined ? {} : { [field]: indicatorValueOf(indicator.measure, values[field] ?? null, 'indicator_periods', field) };
  const next = { ...start, ...values, ...read('target'), ...read('revisedTarget'), ...read('actual') };
  return { id, changes: writeRows(store, [{ table: 'indicator_periods', id, values: next }]) };
}

export type HurdleValues = Partial<Omit<Hurdle, 'id' | 'caseId' | 'deleted'>>;

export function addHurdle(store: Store, caseId: string, values: HurdleValues & Pick<Hurdle, 'description'>): { id: string; changes: Change[] } {
  liveCase(store, caseId);
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'hurdles', id, values: { scope: newPartScope(store, caseId), ...values, caseId } }]) };
}

export function updateHurdle(store: Store, id: string, values: HurdleValues): Change[] {
  return writeRows(store, [{ table: 'hurdles', id, values }]);
}

export function addMeasure(store: Store, hurdleId: string, measure: Measure): Change[] {
  const hurdle = readRow(store, 'hurdles', hurdleId);
  if (!hurdle || hurdle.deleted) throw new KarteError('deleted', `hurdle ${hurdleId} has been deleted`, { table: 'hurdles', record: hurdleId });
  return writeRows(store, [{ table: 'hurdles', id: hurdleId, values: { measures: [...hurdle.measures, measure] } }]);
}

const HURDLE_FIELD_PARSERS: FieldParsers<Hurdle, HurdleTextField> = {
  description: (text) => ({ description: hurdleSchema.shape.description.parse(text) }),
  since: (text) => ({ since: optionalDate(text) }),
  counterpart: (text) => ({ counterpart: text }),
  status: (text) => ({ status: hurdleSchema.shape.status.parse(text.trim()) }),
  scope: (text) => ({ scope: scopeFromText(text, 'hurdles') }),
};

export function setHurdleField(store: Store, id: string, field: string, text: string): Change[] {
  return setFieldFromText(store, 'hurdles', HURDLE_FIELD_PARSERS, id, field, text);
}

/** Deleting keeps a tombstone, so the deletion syncs and stays in the history. */
export function deletePlanPart(store: Store, table: 'indicators' | 'indicator_periods' | 'hurdles' | 'plan_revisions', id: string): Change[] {
  return writeRows(store, [{ table, id, values: { deleted: true } }]);
}

/** The plan with its live parts as they stand, as a revision keeps it. */
function contentOf(store: Store, caseId: string): { content: PlanContent; scopes: Scope[] } {
  const { plan, indicators, hurdles } = planParts(store, caseId);
  const found = liveCase(store, caseId);
  const { id: _id, caseId: _case, deleted: _deleted, ...fields } = plan && !plan.deleted ? plan : { ...TABLES.plans.defaults, id: '', caseId, scope: found.scope, deleted: false };
  const content = planContentSchema.parse({
    plan: fields,
    indicators: indicators.map(({ caseId: _c, deleted: _d, periods, ...i }) => ({ ...i, periods: periods.map(({ caseId: _pc, indicatorId: _pi, deleted: _pd, ...p }) => p) })),
    hurdles: hurdles.map(({ caseId: _c, deleted: _d, ...h }) => h),
  });
  const scopes = [fields.scope, ...indicators.flatMap((i) => [i.scope, ...i.periods.map((p) => p.scope)]), ...hurdles.map((h) => h.scope)];
  return { content, scopes };
}

/**
 * Saves the plan as it stands as a revision (改訂), with who and when. It is shared only as widely as the narrowest
 * part it holds, so a revision never shows a part to someone the part itself is hidden from.
 */
export function saveRevision(store: Store, caseId: string, label: string): { id: string; changes: Change[] } {
  const { content, scopes } = contentOf(store, caseId);
  const id = newId();
  const values = { caseId, label, savedAt: new Date(store.now()).toISOString(), savedBy: store.author, content, scope: scopes.reduce(effectiveScope) };
  return { id, changes: writeRows(store, [{ table: 'plan_revisions', id, values }]) };
}

/** Two states of a case's plan side by side: revision ids, or 'current' for the plan as it stands. */
export function comparePlan(store: Store, caseId: string, from: string, to: string): PlanComparison {
  const side = (which: string): { info: RevisionInfo | 'current'; content: PlanContent } => {
    if (which === 'current') return { info: 'current', content: contentOf(store, caseId).content };
    const revision = readRow(store, 'plan_revisions', resolveId(store, 'plan_revisions', which));
    if (!revision || revision.deleted || revision.caseId !== caseId)
      throw new KarteError('not_found', `no revision '${which}' of this case's plan`, { table: 'plan_revisions', record: which });
    const { id, label, savedAt, savedBy, scope } = revision;
    return { info: { id, label, savedAt, savedBy, scope }, content: revision.content };
  };
  const a = side(from);
  const b = side(to);
  return { from: a.info, to: b.info, differences: comparePlanContents(a.content, b.content) };
}

/** Plans of cases not dropped whose follow-up is overdue (as isOverdue), the oldest first. */
export function overdueFollowUps(store: Store): PlanFollowUp[] {
  const month = thisMonth(store);
  const rows = statement(
    store.db,
    `SELECT p.caseId, c.title, c.countries, p.followUpDate FROM plans p JOIN cases c ON c.id = p.caseId
      WHERE p.deleted = 0 AND c.deleted = 0 AND c.status <> 'dropped' AND p.followUpSort IS NOT NULL AND substr(p.followUpSort, 1, 7) < ?
      ORDER BY p.followUpSort`,
  ).all(month) as { caseId: string; title: string; countries: string; followUpDate: string }[];
  return rows.map((r) => ({
    caseId: r.caseId,
    caseTitle: r.title,
    countries: JSON.parse(r.countries) as string[],
    followUpDate: JSON.parse(r.followUpDate) as KarteDate,
    status: getPlan(store, r.caseId).status,
  }));
}
