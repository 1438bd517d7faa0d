import type { InputHTMLAttributes } from 'react';
import { formatDate, parseDateText } from '../../shared/dates';
import { dateStyleOf, usePreferences } from '../stores/preferences';

/**
 * A day picked with the browser's date field, and beside it the day as the user reads dates (2026年12月6日, or in
 * 和暦): the field itself writes the day in the order of the browser's own language, which may be the American one.
 */
export function DayInput({
  value,
  onChange,
  label,
  ...field
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: string;
  onChange: (day: string) => void;
  /** The field's label, around it; without one the caller labels the field by its id. The day as written stays out of the label. */
  label?: string;
}) {
  const style = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  const day = value === '' ? null : parseDateText(value);
  const input = <input {...field} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  return (
    <span className="day-input">
      {label === undefined ? (
        input
      ) : (
        <label>
          {label} {input}
        </label>
      )}
      {day && <span className="day-input-text">{formatDate(day, style)}</span>}
    </span>
  );
}
