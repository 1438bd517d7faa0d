import { karteDateSchema } from '../../../shared/dates';
import type { FinancingOption, Indicator, IndicatorValue, Measure, Partner } from '../../../shared/model/plan';
import { financingSchemeLabel, financingStatusLabel, partnerOriginLabel, planCodeLabel, scopeLabel } from '../../labels';
import { isScope } from '../../../shared/scopes';
import type { Language } from '../../stores/preferences';

// The values of a deployment plan as people read them: an indicator's numbers with their unit, and the lists of a
// plan (partners, financing, measures) on one line, for the page, the comparison of revisions and the history.

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language): Intl.NumberFormat {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 2 })));
  return format;
}

/** An indicator's value with its unit: 1,200人, 85%, or the words of a qualitative one; '' for none. */
export function indicatorValueText(value: IndicatorValue | null, indicator: Pick<Indicator, 'measure' | 'unit'>, language: Language): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  const number = numberFormat(language).format(value);
  if (indicator.measure === 'percent') return `${number}%`;
  if (indicator.unit === '') return number;
  return language === 'ja' ? `${number}${indicator.unit}` : `${number} ${indicator.unit}`;
}

/** A value as its input shows it for editing: digits without grouping, so what is typed back reads the same. */
export function indicatorValueInput(value: IndicatorValue | null): string {
  return value === null ? '' : String(value);
}

const isPartner = (v: unknown): v is Partner => typeof v === 'object' && v !== null && 'origin' in v && 'name' in v;
const isFinancing = (v: unknown): v is FinancingOption => typeof v === 'object' && v !== null && 'scheme' in v && 'status' in v;
const isMeasure = (v: unknown): v is Measure => typeof v === 'object' && v !== null && 'actor' in v && 'text' in v;

export function partnerText(p: Partner, language: Language): string {
  const origin = partnerOriginLabel(p.origin, language);
  return [p.name, `（${[origin, p.organisation].filter((s) => s !== '').join('・')}）`, p.role === '' ? '' : `: ${p.role}`].join('');
}

export function financingText(f: FinancingOption, language: Language): string {
  return `${financingSchemeLabel(f.scheme, language)}（${financingStatusLabel(f.status, language)}）${f.note === '' ? '' : ` ${f.note}`}`;
}

export function measureText(m: Measure): string {
  return m.actor === '' ? m.text : `${m.text}（${m.actor}）`;
}

/**
 * A plan's field value as one line of text, where the plan's vocabularies or lists give it a reading of their own;
 * null where the generic reading (text, a date, yes/no) will do.
 */
export function planValueText(field: string, value: unknown, language: Language): string | null {
  const separator = language === 'ja' ? '、' : '; ';
  if (typeof value === 'string') {
    if (field === 'scope' && isScope(value)) return scopeLabel(value, language);
    return planCodeLabel(field, value, language);
  }
  if (Array.isArray(value) && value.length > 0) {
    if (value.every(isPartner)) return value.map((p) => partnerText(p, language)).join(separator);
    if (value.every(isFinancing)) return value.map((f) => financingText(f, language)).join(separator);
    if (value.every(isMeasure)) return value.map(measureText).join(separator);
  }
  return null;
}

/** A date of the plan as written, or null for a value that is not one. */
export function dateText(value: unknown): string | null {
  const date = karteDateSchema.safeParse(value);
  return date.success ? date.data.text : null;
}
