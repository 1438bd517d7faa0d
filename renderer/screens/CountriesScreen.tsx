import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PHASES, type Phase } from '../../shared/phases';
import { REGIONS } from '../../shared/reference/regions';
import { SECTORS } from '../../shared/reference/sectors';
import type { CountrySummary } from '../../shared/views';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { RegionOptions, SectorOptions } from '../components/ReferenceOptions';
import { ExcelExportButton } from '../components/ExcelExportButton';
import { WorldMap } from '../components/WorldMap';
import { phaseLabel } from '../labels';
import { usePreferences, type Language } from '../stores/preferences';
import './CountriesScreen.css';

type SortKey = 'name' | 'cases' | 'active' | Phase | 'none';

interface Sort {
  key: SortKey;
  descending: boolean;
}

function sortValue(c: CountrySummary, key: Exclude<SortKey, 'name'>): number {
  if (key === 'cases' || key === 'active') return c[key];
  return c.byPhase[key];
}

function sortCountries(countries: CountrySummary[], { key, descending }: Sort, language: Language): CountrySummary[] {
  const byName = (a: CountrySummary, b: CountrySummary) => a[language].localeCompare(b[language], language);
  const compare = key === 'name' ? byName : (a: CountrySummary, b: CountrySummary) => sortValue(a, key) - sortValue(b, key) || byName(a, b);
  return [...countries].sort((a, b) => (descending ? -compare(a, b) : compare(a, b)));
}

/** Zeros are greyed so the phases a country has reached stand out. */
function Count({ value }: { value: number }) {
  return <td className={value === 0 ? 'num zero' : 'num'}>{value}</td>;
}

/**
 * 国一覧: the countries with cases, counted by phase, on a table and a world map; narrowed by region, and counting only
 * one sector's cases when one is chosen (counted by the back end).
 */
export function CountriesScreen() {
  const { t } = useTranslation('countries');
  const language = usePreferences((s) => s.language);
  const [sectorCode, setSectorCode] = useState('');
  const state = useApi('countries.list', sectorCode === '' ? {} : { sector: sectorCode });
  const sector = SECTORS.find((s) => s.code === sectorCode);
  const [regionCode, setRegionCode] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const region = REGIONS.find((r) => r.code === regionCode);

  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th key={key} className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} scope="col">
        <button
          className="sort"
          title={t('sortBy', { column: label })}
          // Counts read best largest first; names alphabetically.
          onClick={() => setSort({ key, descending: active ? !sort.descending : numeric })}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.descending ? '▼' : '▲') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="countries-screen">
      <h1>{t('title')}</h1>
      <div className="toolbar">
        <ExcelExportButton label={t('exportExcel')} />
        <label>
          {t('region')}{' '}
          <select value={regionCode} onChange={(e) => setRegionCode(e.target.value)}>
            <option value="">{t('allRegions')}</option>
            <RegionOptions language={language} />
          </select>
        </label>
        <label>
          {t('sector')}{' '}
          <select value={sectorCode} onChange={(e) => setSectorCode(e.target.value)}>
            <option value="">{t('allSectors')}</option>
            <SectorOptions language={language} />
          </select>
        </label>
      </div>
      <ApiView state={state}>
        {(all) => {
          const countries = region ? all.filter((c) => region.members.includes(c.iso2)) : all;
          return (
            <>
              <div className="panel">
                <WorldMap countries={countries} focus={region?.members} legend={sector && t('map.sectorLegend', { sector: sector[language] })} />
              </div>
              {countries.length === 0 ? (
                <p className="muted">{all.length > 0 ? t('noneInRegion') : sector ? t('noneInSector', { sector: sector[language] }) : t('noCases')}</p>
              ) : (
                <table className="grid countries-table">
                  <thead>
                    <tr>
                      {header('name', t('country'), false)}
                      {header('cases', t('cases'))}
                      {header('active', t('active'))}
                      {PHASES.map((p) => header(p, phaseLabel(p, language)))}
                      {header('none', t('noPhase'))}
                    </tr>
                  </thead>
                  <tbody>
                    {sortCountries(countries, sort, language).map((c) => (
                      <tr key={c.iso2}>
                        <th scope="row">
                          <Link to={`/dossier/${c.iso2}`}>{c[language]}</Link>
                        </th>
                        <Count value={c.cases} />
                        <Count value={c.active} />
                        {PHASES.map((p) => (
                          <Count key={p} value={c.byPhase[p]} />
                        ))}
                        <Count value={c.byPhase.none} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </ApiView>
    </section>
  );
}
