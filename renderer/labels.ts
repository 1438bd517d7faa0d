import type { Agreement } from '../shared/model/agreement';
import type { FinancingScheme, FinancingStatus, Hurdle, IndicatorDirection, IndicatorLevel, IndicatorMeasure, Indicator, Partner } from '../shared/model/plan';
import type { IndicatorStatus } from '../shared/plan/indicator-status';
import type { CaseStatus } from '../shared/model/case';
import type { CountryFactKind } from '../shared/model/country-fact';
import { DIRECTION_FIELDS, type DirectionField } from '../shared/model/direction';
import { SCHEME_TYPES } from '../shared/model/support-scheme';
import type { VisitKind } from '../shared/model/visit';
import type { PackSection } from '../shared/pack/pack-input';
import type { Phase } from '../shared/phases';
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_STATUS_LABELS,
  CASE_STATUS_LABELS,
  COUNTRY_FACT_KIND_LABELS,
  DIRECTION_FIELD_LABELS,
  FINANCING_SCHEME_LABELS,
  FINANCING_STATUS_LABELS,
  HURDLE_STATUS_LABELS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_KIND_LABELS,
  INDICATOR_LEVEL_LABELS,
  INDICATOR_MEASURE_LABELS,
  INDICATOR_STATUS_LABELS,
  PARTNER_ORIGIN_LABELS,
  PACK_SECTION_LABELS,
  PHASE_LABELS,
  RECORD_KIND_LABELS,
  SCHEME_TYPE_LABELS,
  SCOPE_LABELS,
  SCOPE_MARKINGS,
  VISIT_KIND_LABELS,
} from '../shared/labels';
import { countryByIso2 } from '../shared/reference/countries';
import { findRegion, REGIONS } from '../shared/reference/regions';
import { SECTORS } from '../shared/reference/sectors';
import type { Scope } from '../shared/scopes';
import type { Language } from './stores/preferences';

// Domain labels in the user's language, from shared/labels.ts and the reference data (one source for the app, CLI
// and packs): the locale files hold the screens' own words only.

export { sectorName } from '../shared/reference/sectors';

export function phaseLabel(phase: Phase | null, language: Language): string {
  return phase === null ? '—' : PHASE_LABELS[phase][language];
}

export function scopeLabel(scope: Scope, language: Language): string {
  return SCOPE_LABELS[scope][language];
}

/** What a pack for this audience is marked with (e.g. 政府関係機関限り). */
export function scopeMarking(scope: Scope, language: Language): string {
  return SCOPE_MARKINGS[scope][language];
}

export function statusLabel(status: CaseStatus, language: Language): string {
  return CASE_STATUS_LABELS[status][language];
}

export function visitKindLabel(kind: VisitKind, language: Language): string {
  return VISIT_KIND_LABELS[kind][language];
}

export function agreementKindLabel(kind: Agreement['kind'], language: Language): string {
  return AGREEMENT_KIND_LABELS[kind][language];
}

export function agreementStatusLabel(status: Agreement['status'], language: Language): string {
  return AGREEMENT_STATUS_LABELS[status][language];
}

/** 国情: what a kind of fact is called (首都, 人口 …). */
export function countryFactKindLabel(kind: CountryFactKind, language: Language): string {
  return COUNTRY_FACT_KIND_LABELS[kind][language];
}

/** 方向性: the name of one of the one-pager's six parts (現状, 我が国の強み …). */
export function directionFieldLabel(field: DirectionField, language: Language): string {
  return DIRECTION_FIELD_LABELS[field][language];
}

export function packSectionLabel(section: PackSection, language: Language): string {
  return PACK_SECTION_LABELS[section][language];
}

// 展開実施プラン: its vocabularies.

export function financingSchemeLabel(scheme: FinancingScheme, language: Language): string {
  return FINANCING_SCHEME_LABELS[scheme][language];
}

export function financingStatusLabel(status: FinancingStatus, language: Language): string {
  return FINANCING_STATUS_LABELS[status][language];
}

export function partnerOriginLabel(origin: Partner['origin'], language: Language): string {
  return PARTNER_ORIGIN_LABELS[origin][language];
}

export function indicatorLevelLabel(level: IndicatorLevel, language: Language): string {
  return INDICATOR_LEVEL_LABELS[level][language];
}

export function indicatorKindLabel(kind: Indicator['kind'], language: Language): string {
  return INDICATOR_KIND_LABELS[kind][language];
}

export function indicatorMeasureLabel(measure: IndicatorMeasure, language: Language): string {
  return INDICATOR_MEASURE_LABELS[measure][language];
}

export function indicatorDirectionLabel(direction: IndicatorDirection, language: Language): string {
  return INDICATOR_DIRECTION_LABELS[direction][language];
}

export function indicatorStatusLabel(status: IndicatorStatus, language: Language): string {
  return INDICATOR_STATUS_LABELS[status][language];
}

export function hurdleStatusLabel(status: Hurdle['status'], language: Language): string {
  return HURDLE_STATUS_LABELS[status][language];
}

/**
 * A code of one of the plan's vocabularies (level, kind, measure, direction, a hurdle's status, a partner's origin)
 * by its label, for the history, the conflicts inbox and the comparison of revisions; null for anything else.
 */
export function planCodeLabel(field: string, value: string, language: Language): string | null {
  const vocabularies: Record<string, Record<string, { ja: string; en: string }>> = {
    level: INDICATOR_LEVEL_LABELS,
    kind: INDICATOR_KIND_LABELS,
    measure: INDICATOR_MEASURE_LABELS,
    direction: INDICATOR_DIRECTION_LABELS,
    status: HURDLE_STATUS_LABELS,
    origin: PARTNER_ORIGIN_LABELS,
  };
  const labels = vocabularies[field];
  return labels && Object.hasOwn(labels, value) ? labels[value][language] : null;
}

/** Where the locale files name the fields of each kind of record (case:fields, plan:indicatorFields, …). */
const FIELD_NAMESPACES: Readonly<Record<string, string>> = {
  cases: 'case:fields',
  events: 'case:eventFields',
  visits: 'visits:fields',
  dossiers: 'dossier:fields',
  plans: 'plan:fields',
  indicators: 'plan:indicatorFields',
  indicator_periods: 'plan:periodFields',
  hurdles: 'plan:hurdleFields',
  plan_revisions: 'plan:revisionFields',
  country_facts: 'dossier:factFields',
  directions: 'labels:directionField',
  questions: 'questions:fields',
  profiles: 'profiles:fields',
  schemes: 'council:schemeFields',
  organisations: 'council:memberFields',
  offers: 'council:offerFields',
  track_records: 'council:trackRecordFields',
  advisors: 'council:advisorFields',
  advisor_contacts: 'council:contactFields',
};

/** The locale key prefix naming a table's fields; a case's for a table the app does not name. */
export function fieldNamespace(table: string | undefined): string {
  return (table !== undefined && Object.hasOwn(FIELD_NAMESPACES, table) ? FIELD_NAMESPACES[table] : undefined) ?? 'case:fields';
}

/** A kind of record (案件, 経緯, …); a table the app does not know reads as itself. */
export function recordKindLabel(table: string, language: Language): string {
  return Object.hasOwn(RECORD_KIND_LABELS, table) ? RECORD_KIND_LABELS[table as keyof typeof RECORD_KIND_LABELS][language] : table;
}

/**
 * The domain's labels as an i18next namespace ('labels'), for texts that name a record kind inside a sentence: the
 * locale files then never repeat them.
 */
export function labelResources(language: Language): Record<string, unknown> {
  return {
    record: Object.fromEntries(Object.entries(RECORD_KIND_LABELS).map(([table, label]) => [table, label[language]])),
    sector: Object.fromEntries(SECTORS.map((s) => [s.code, s[language]])),
    region: Object.fromEntries(REGIONS.map((r) => [r.code, r[language]])),
    directionField: Object.fromEntries(DIRECTION_FIELDS.map((f) => [f, DIRECTION_FIELD_LABELS[f][language]])),
    schemeType: Object.fromEntries(SCHEME_TYPES.map((type) => [type, SCHEME_TYPE_LABELS[type][language]])),
  };
}

export function countryName(iso2: string, language: Language): string {
  return countryByIso2(iso2)?.[language] ?? iso2;
}

export function countryNames(codes: string[], language: Language): string {
  return codes.map((code) => countryName(code, language)).join(language === 'ja' ? '・' : ', ');
}

/** A region as a case's table names it (ASEAN, 中南米): in English by the reference data where it knows the name. */
export function regionName(region: string, language: Language): string {
  return language === 'ja' ? region : (findRegion(region)?.en ?? region);
}
