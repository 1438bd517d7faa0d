import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PHASES, type Phase } from '../../shared/phases';
import { depthOf, findRegion, REGIONS, type Region } from '../../shared/reference/regions';
import { SECTORS } from '../../shared/reference/sectors';
import type { CaseSummary, CountrySummary } from '../../shared/views';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DirectionsPanel } from '../components/DirectionsPanel';
import { SectorOptions } from '../components/ReferenceOptions';
import { ExcelExportButton } from '../components/ExcelExportButton';
import { WorldMap } from '../components/WorldMap';
import { phaseLabel, statusLabel } from '../labels';
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

/** The regions as a tree read top down (REGIONS lists each parent before its sub-regions), each with its depth. */
const REGION_TREE = REGIONS.map((region) => ({ region, depth: depthOf(region) }));

/** Whether `region` is `within` or one of its sub-regions (ASEAN is within インド太平洋). */
function isWithin(region: Region | undefined, within: Region): boolean {
  if (!region) return false;
  return (
    region.code === within.code ||
    isWithin(
      REGIONS.find((r) => r.code === region.parent),
      within,
    )
  );
}

/**
 * 国一覧: the countries with cases, counted by phase, on a table and a world map; narrowed by region, and counting only
 * one sector's cases when one is chosen (counted by the back end). Below, the cases of a region as a whole (地域案件),
 * which no country row holds. The region chosen is in the address (?region=africa), so a region-level case's page
 * can lead back to it.
 */
export function CountriesScreen() {
  const { t } = useTranslation('countries');
  const language = usePreferences((s) => s.language);
  const [sectorCode, setSectorCode] = useState('');
  const state = useApi('countries.list', sectorCode === '' ? {} : { sector: sectorCode });
  const regionCases = useApi('cases.list', sectorCode === '' ? { regionLevel: true } : { regionLevel: true, sector: sectorCode });
  const sector = SECTORS.find((s) => s.code === sectorCode);
  const [params, setParams] = useSearchParams();
  const regionCode = params.get('region') ?? '';
  const setRegionCode = (code: string) => setParams(code === '' ? {} : { region: code }, { replace: true });
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
            {REGION_TREE.map(({ region: r, depth }) => (
              <option key={r.code} value={r.code}>
                {'\u3000'.repeat(depth)}
                {r[language]}
              </option>
            ))}
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
              {regionCases.data && <RegionCases cases={regionCases.data} region={region} language={language} />}
              {region && <DirectionsPanel place={{ region: region.code }} />}
            </>
          );
        }}
      </ApiView>
    </section>
  );
}

/**
 * 地域案件: cases of a region as a whole, not yet tied to a country (a region-wide platform, a call for interested
 * countries), under their region; only those of the region chosen (or its sub-regions) when one is.
 */
function RegionCases({ cases, region, language }: { cases: CaseSummary[]; region: Region | undefined; language: Language }) {
  const { t } = useTranslation('countries');
  const groups = new Map<string, { name: string; cases: CaseSummary[] }>();
  for (const c of cases) {
    // The region as written in the source: a known region's name or code, or free text kept as it is.
    const known = findRegion(c.region);
    if (region && !isWithin(known, region)) continue;
    const key = known?.code ?? c.region;
    const name = known ? known[language] : c.region === '' ? t('regionCases.noRegion') : c.region;
    const group = groups.get(key) ?? { name, cases: [] };
    group.cases.push(c);
    groups.set(key, group);
  }
  if (groups.size === 0) return null;
  // In the order of the region list; free-text regions after the known ones.
  const order = (key: string) => {
    const index = REGION_TREE.findIndex((r) => r.region.code === key);
    return index === -1 ? REGION_TREE.length : index;
  };
  const sorted = [...groups.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b, language));
  return (
    <section className="panel region-cases" aria-labelledby="region-cases-title">
      <h2 id="region-cases-title">{t('regionCases.title')}</h2>
      <p className="muted hint">{t('regionCases.hint')}</p>
      {sorted.map(([key, group], i) => (
        <section key={key} aria-labelledby={`region-cases-${i}`}>
          <h3 id={`region-cases-${i}`}>{group.name}</h3>
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('regionCases.case')}</th>
                <th scope="col">{t('regionCases.phase')}</th>
                <th scope="col">{t('regionCases.status')}</th>
              </tr>
            </thead>
            <tbody>
              {group.cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/case/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>{phaseLabel(c.currentPhase, language)}</td>
                  <td>{statusLabel(c.status, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
