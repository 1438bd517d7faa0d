import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { VISIT_KINDS, type VisitKind } from '../../shared/model/visit';
import { COUNTRIES } from '../../shared/reference/countries';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { ScopeBadge } from '../components/ScopeBadge';
import { countryName, visitKindLabel } from '../labels';
import { usePreferences, type Language } from '../stores/preferences';
import './VisitsScreen.css';

// 訪問: top-level sales, public-private missions and policy dialogues, in date order, and a new one in a few fields.

/**
 * A choice of country where the countries with a dossier, a case or a visit come first: those are the ones a desk
 * officer means, not the other 200 of the world's list, which follow for a visit somewhere new.
 */
function VisitCountrySelect({ id, value, onChange, allLabel, language }: { id: string; value: string; onChange: (iso2: string) => void; allLabel?: string; language: Language }) {
  const { t } = useTranslation('visits');
  const known = useApi('visits.countries', {});
  const [first, others] = useMemo(() => {
    const sorted = [...COUNTRIES].sort((a, b) => a[language].localeCompare(b[language], language));
    const withRecords = new Set(known.data ?? []);
    return [sorted.filter((c) => withRecords.has(c.iso2)), sorted.filter((c) => !withRecords.has(c.iso2))];
  }, [known.data, language]);
  const options = (countries: typeof COUNTRIES) =>
    countries.map((c) => (
      <option key={c.iso2} value={c.iso2}>
        {c[language]} ({c.iso2})
      </option>
    ));
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={allLabel === undefined}>
      <option value="">{allLabel ?? '—'}</option>
      {first.length > 0 && <optgroup label={t('countryGroups.withRecords')}>{options(first)}</optgroup>}
      <optgroup label={t('countryGroups.others')}>{options(others)}</optgroup>
    </select>
  );
}

export function VisitsScreen() {
  const { t } = useTranslation('visits');
  const language = usePreferences((s) => s.language);
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const state = useApi('visits.list', country ? { country } : {});
  return (
    <article className="visits">
      <h1>{t('title')}</h1>
      <div className="visits-filter">
        <label htmlFor="visits-country">{t('filterCountry')}</label>
        <VisitCountrySelect id="visits-country" value={country} onChange={(iso2) => setParams(iso2 ? { country: iso2 } : {})} allLabel={t('allCountries')} language={language} />
      </div>
      <ApiView state={state}>
        {(visits) =>
          visits.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">{t('fields.dates')}</th>
                  <th scope="col">{t('fields.country')}</th>
                  <th scope="col">{t('fields.kind')}</th>
                  <th scope="col">{t('fields.title')}</th>
                  <th scope="col">{t('linkedCases')}</th>
                  <th scope="col">{t('common:scope.label')}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr key={v.id}>
                    <td>
                      <DateText date={v.dates} />
                    </td>
                    <td>{countryName(v.country, language)}</td>
                    <td>{visitKindLabel(v.kind, language)}</td>
                    <td>
                      <Link to={`/visit/${v.id}`}>{v.title}</Link>
                    </td>
                    <td>{v.caseIds.length}</td>
                    <td>
                      <ScopeBadge scope={v.scope} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ApiView>
      <NewVisit country={country} language={language} />
    </article>
  );
}

function NewVisit({ country, language }: { country: string; language: Language }) {
  const { t } = useTranslation('visits');
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<VisitKind>('top_sales');
  const [chosenCountry, setChosenCountry] = useState(country);
  const [dates, setDates] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    call('visit.create', { title: title.trim(), kind, country: chosenCountry, dates })
      .then(({ id }) => navigate(`/visit/${id}`))
      .catch((failure: unknown) => setError(errorText(failure)));
  };
  return (
    <form className="panel new-visit" onSubmit={submit} aria-labelledby="new-visit">
      <h2 id="new-visit">{t('new')}</h2>
      {/* Labels in one column, fields in the next: each row reads across, every field starts at the same place. */}
      <div className="new-visit-fields">
        <label htmlFor="new-visit-title">{t('fields.title')}</label>
        <input id="new-visit-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor="new-visit-kind">{t('fields.kind')}</label>
        <select id="new-visit-kind" value={kind} onChange={(e) => setKind(e.target.value as VisitKind)}>
          {VISIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {visitKindLabel(k, language)}
            </option>
          ))}
        </select>
        <label htmlFor="new-visit-country">{t('fields.country')}</label>
        <VisitCountrySelect id="new-visit-country" value={chosenCountry} onChange={setChosenCountry} language={language} />
        <label htmlFor="new-visit-dates">{t('fields.dates')}</label>
        <input id="new-visit-dates" type="text" value={dates} onChange={(e) => setDates(e.target.value)} placeholder={t('datesExample')} />
        <div className="new-visit-actions">
          <button type="submit" className="primary">
            {t('create')}
          </button>
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
