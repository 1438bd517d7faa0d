import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { findRegion } from '../../shared/reference/regions';
import { SECTORS } from '../../shared/reference/sectors';
import { PHASES, type Phase } from '../../shared/phases';
import { useErrorText } from '../api/error-text';
import { countryName, phaseLabel, sectorName } from '../labels';
import { usePreferences, type Language } from '../stores/preferences';
import { CountrySelect } from './CountrySelect';
import { RegionOptions } from './ReferenceOptions';

// The parts the council database's screens share: their tabs, the choice of sectors, phases, countries and regions
// of a record, and the one-field form that registers a record by its name.

export function CouncilTabs() {
  const { t } = useTranslation('council');
  return (
    <nav className="council-tabs" aria-label={t('tabs.label')}>
      <NavLink to="/council" end>
        {t('tabs.schemes')}
      </NavLink>
      <NavLink to="/council/members">{t('tabs.members')}</NavLink>
      <NavLink to="/council/advisors">{t('tabs.advisors')}</NavLink>
      <NavLink to="/council/sectors">{t('tabs.sectors')}</NavLink>
    </nav>
  );
}

/**
 * A council list's filters, kept in the address (?sector=…&country=…) so a filtered list can be linked to and comes
 * back after a reload; '' for a filter not set.
 */
export function useListFilters<K extends string>(keys: readonly K[]): { values: Record<K, string>; set: (key: K, value: string) => void } {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const set = (key: K, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return { values, set };
}

/**
 * The filter bar of a council list: its sector, any filters of its own (`children`), then its country. `labels`
 * names the group and the two choices as the list's own fields do.
 */
export function SectorCountryFilters({
  labels,
  sector,
  country,
  onChange,
  children,
}: {
  labels: { group: string; sector: string; country: string };
  sector: string;
  country: string;
  onChange: (key: 'sector' | 'country', value: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const ids = { sector: useId(), country: useId() };
  return (
    <div className="council-filters" role="group" aria-label={labels.group}>
      <label htmlFor={ids.sector}>{labels.sector}</label>
      <select id={ids.sector} value={sector} onChange={(e) => onChange('sector', e.target.value)}>
        <option value="">{t('all')}</option>
        {SECTORS.map((s) => (
          <option key={s.code} value={s.code}>
            {s[language]}
          </option>
        ))}
      </select>
      {children}
      <label htmlFor={ids.country}>{labels.country}</label>
      <CountrySelect id={ids.country} value={country} onChange={(iso2) => onChange('country', iso2)} allLabel={t('all')} language={language} />
    </div>
  );
}

/** Sector codes by their names in the user's language, joined; `none` when there are none. */
export function sectorNames(codes: readonly string[], language: Language, none: string): string {
  return codes.length === 0 ? none : codes.map((c) => sectorName(c, '', language)).join(language === 'ja' ? '・' : ', ');
}

/** A record's sectors as ticks, saved on each tick. */
export function SectorChecks({ legend, value, onChange }: { legend: string; value: readonly string[]; onChange: (codes: string[]) => void }) {
  const language = usePreferences((s) => s.language);
  const toggle = (code: string, on: boolean) => onChange(on ? SECTORS.map((s) => s.code).filter((c) => c === code || value.includes(c)) : value.filter((c) => c !== code));
  return (
    <fieldset className="council-checks">
      <legend>{legend}</legend>
      {SECTORS.map((s) => (
        <label key={s.code}>
          <input type="checkbox" checked={value.includes(s.code)} onChange={(e) => toggle(s.code, e.target.checked)} /> {s[language]}
        </label>
      ))}
    </fieldset>
  );
}

export function PhaseChecks({ legend, value, onChange }: { legend: string; value: readonly Phase[]; onChange: (phases: Phase[]) => void }) {
  const language = usePreferences((s) => s.language);
  return (
    <fieldset className="council-checks">
      <legend>{legend}</legend>
      {PHASES.map((p) => (
        <label key={p}>
          <input type="checkbox" checked={value.includes(p)} onChange={(e) => onChange(PHASES.filter((q) => (q === p ? e.target.checked : value.includes(q))))} />{' '}
          {phaseLabel(p, language)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A record's codes as chips, each removable by name, and a list (`choose`, given its id and what adds a code) to add
 * one more: the countries and regions a record is limited to are edited alike.
 */
function CodeChips({
  legend,
  value,
  name,
  removeLabel,
  addLabel,
  onChange,
  choose,
}: {
  legend: string;
  value: readonly string[];
  name: (code: string) => string;
  removeLabel: (name: string) => string;
  addLabel: string;
  onChange: (codes: string[]) => void;
  choose: (id: string, add: (code: string) => void) => ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="council-countries">
      <legend>{legend}</legend>
      {value.map((code) => (
        <span key={code} className="chip">
          {name(code)}
          <button type="button" onClick={() => onChange(value.filter((c) => c !== code))} aria-label={removeLabel(name(code))}>
            ×
          </button>
        </span>
      ))}
      <label htmlFor={id} className="visually-hidden">
        {addLabel}
      </label>
      {choose(id, (code) => code !== '' && !value.includes(code) && onChange([...value, code]))}
    </fieldset>
  );
}

/** A record's countries: each removable, one more chosen from every country. */
export function CountryChips({ legend, value, onChange }: { legend: string; value: readonly string[]; onChange: (countries: string[]) => void }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  return (
    <CodeChips
      legend={legend}
      value={value}
      name={(iso2) => countryName(iso2, language)}
      removeLabel={(country) => t('removeCountry', { country })}
      addLabel={t('addCountry')}
      onChange={onChange}
      choose={(id, add) => <CountrySelect id={id} value="" onChange={add} allLabel={t('addCountry')} language={language} />}
    />
  );
}

/** A region code by its name in the user's language (ASEAN, 中南米); the code itself if the reference data lacks it. */
export function regionLabel(code: string, language: Language): string {
  return findRegion(code)?.[language] ?? code;
}

/** A record's regions (codes of the reference data, as the countries screen filters by): each removable, one more chosen from every region. */
export function RegionChips({ legend, value, onChange }: { legend: string; value: readonly string[]; onChange: (regions: string[]) => void }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  return (
    <CodeChips
      legend={legend}
      value={value}
      name={(code) => regionLabel(code, language)}
      removeLabel={(region) => t('removeRegion', { region })}
      addLabel={t('addRegion')}
      onChange={onChange}
      choose={(id, add) => (
        <select id={id} value="" onChange={(e) => add(e.target.value)}>
          <option value="">{t('addRegion')}</option>
          <RegionOptions language={language} />
        </select>
      )}
    />
  );
}

/** Registers a record by its name (the rest is filled in on its page); says what went wrong in the form. */
export function CreateByName({
  legend,
  label,
  submit,
  required,
  missing = false,
  create,
  children,
}: {
  legend: string;
  label: string;
  submit: string;
  /** What to fill in first, said when the name (or what `missing` says is missing) is empty. */
  required: string;
  missing?: boolean;
  create: (name: string) => Promise<unknown>;
  /** The form's other fields, before the name. */
  children?: ReactNode;
}) {
  const errorText = useErrorText();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '' || missing) return setError(required);
    setBusy(true);
    create(name.trim())
      .then(() => {
        setName('');
        setError(null);
      })
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="council-create" onSubmit={onSubmit} aria-label={legend}>
      <h3>{legend}</h3>
      {children}
      <label htmlFor={id}>{label}</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={busy}>
        {submit}
      </button>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
