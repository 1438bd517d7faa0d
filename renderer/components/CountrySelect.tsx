import { useMemo } from 'react';
import { COUNTRIES } from '../../shared/reference/countries';
import type { Language } from '../stores/preferences';

/** Every country by its name in the user's language; with `allLabel`, a first choice for no country in particular. */
export function CountrySelect({ id, value, onChange, allLabel, language }: { id: string; value: string; onChange: (iso2: string) => void; allLabel?: string; language: Language }) {
  const countries = useMemo(() => [...COUNTRIES].sort((a, b) => a[language].localeCompare(b[language], language)), [language]);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={allLabel === undefined}>
      <option value="">{allLabel ?? '—'}</option>
      {countries.map((c) => (
        <option key={c.iso2} value={c.iso2}>
          {c[language]} ({c.iso2})
        </option>
      ))}
    </select>
  );
}
