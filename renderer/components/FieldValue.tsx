import { useTranslation } from 'react-i18next';
import { karteDateSchema } from '../../shared/dates';
import { CASE_STATUSES, type CaseStatus } from '../../shared/model/case';
import { isPhase } from '../../shared/phases';
import { isScope } from '../../shared/scopes';
import { phaseLabel, scopeLabel, statusLabel } from '../labels';
import type { Language } from '../stores/preferences';
import { planValueText } from './plan/plan-values';

// A field's value as the history and the conflicts inbox show it.

const MAX_TEXT = 160;

/** A long text cut short for a table cell; the whole is on hover where it matters. */
export function shortened(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function isStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

/** A logged value as people read it: dates by their text, vocabularies by their labels, objects compactly. */
export function FieldValue({ field, value, language }: { field: string; value: unknown; language: Language }) {
  const { t } = useTranslation('history');
  const date = karteDateSchema.safeParse(value);
  // A date as it was written: the log tells what people entered.
  if (date.success && date.data.text !== '') return <time dateTime={date.data.sort ?? undefined}>{date.data.text}</time>;
  if (date.success || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return <span className="muted">{t('empty')}</span>;
  if (typeof value === 'boolean') return <>{t(value ? 'yes' : 'no')}</>;
  if (typeof value === 'string') {
    if (field === 'status' && isStatus(value)) return <>{statusLabel(value, language)}</>;
    if (field === 'phase' && isPhase(value)) return <>{phaseLabel(value, language)}</>;
    if (field === 'scope' && isScope(value)) return <>{scopeLabel(value, language)}</>;
  }
  // The deployment plan's vocabularies (an indicator's level, a hurdle's status) and lists (partners, financing).
  const planText = planValueText(field, value, language);
  if (planText !== null) return <>{planText}</>;
  if (typeof value === 'string') {
    return <span title={value.length > MAX_TEXT ? value : undefined}>{shortened(value)}</span>;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return <>{value.join(language === 'ja' ? '、' : ', ')}</>;
  return <code>{shortened(JSON.stringify(value))}</code>;
}
