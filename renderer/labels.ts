import { CASE_STATUS_LABELS, type CaseStatus } from '../shared/model/case';
import { PHASE_LABELS, type Phase } from '../shared/phases';
import { countryByIso2 } from '../shared/reference/countries';
import { sectorByCode } from '../shared/reference/sectors';
import { SCOPE_LABELS, type Scope } from '../shared/scopes';
import type { Language } from './stores/preferences';

// Domain labels in the user's language, from the vocabularies in shared/ (one source for the app, CLI and packs).

export function phaseLabel(phase: Phase | null, language: Language): string {
  return phase === null ? '—' : PHASE_LABELS[phase][language];
}

export function scopeLabel(scope: Scope, language: Language): string {
  return SCOPE_LABELS[scope][language];
}

export function statusLabel(status: CaseStatus, language: Language): string {
  return CASE_STATUS_LABELS[status][language];
}

export function countryName(iso2: string, language: Language): string {
  return countryByIso2(iso2)?.[language] ?? iso2;
}

export function countryNames(codes: string[], language: Language): string {
  return codes.map((code) => countryName(code, language)).join(language === 'ja' ? '・' : ', ');
}

export function sectorName(code: string, label: string, language: Language): string {
  if (language === 'ja') return label || sectorByCode(code)?.ja || code;
  return sectorByCode(code)?.en ?? label;
}
