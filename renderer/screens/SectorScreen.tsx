import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SectorCase, SectorOverview, SectorPlace, SectorProject } from '../../shared/council/matching';
import { placesByRegion } from '../../shared/council/sector-regions';
import { PHASES, type Phase } from '../../shared/phases';
import { REGIONS } from '../../shared/reference/regions';
import { SECTORS } from '../../shared/reference/sectors';
import { SCOPES, type Scope } from '../../shared/scopes';
import type { CountrySummary } from '../../shared/views';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { CouncilTabs } from '../components/CouncilParts';
import { DateText } from '../components/DateText';
import { MatchList } from '../components/MatchList';
import { WorldMap, type MapMark } from '../components/WorldMap';
import { useHandover } from '../hand-over';
import { countryName, phaseLabel, scopeLabel, scopeMarking, sectorName } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences, type Language } from '../stores/preferences';
import './CouncilScreens.css';
import './SectorScreen.css';

// (ア) A sector across the world: its cases by phase in each country, the schemes that serve it, the members that
// offer it and the advisors who know it, on one page that prints for an audience as the packs do.

/** A row of the matrix: a country, or a region for the cases that name none. */
function placeName(place: string, language: Language): string {
  if (/^[A-Z]{2}$/.test(place)) return countryName(place, language);
  return REGIONS.find((r) => r.code === place || r.ja === place)?.[language] ?? place;
}

function inPlace(c: SectorCase, place: string): boolean {
  return c.countries.length > 0 ? c.countries.includes(place) : c.region === place;
}

export function SectorScreen() {
  const { sector = '' } = useParams();
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const navigate = useNavigate();
  const chooseId = useId();
  return (
    <article className="council-screen sector-screen">
      <CouncilTabs />
      <div className="council-head">
        <h1>{sector === '' ? t('tabs.sectors') : t('sector.title', { sector: sectorName(sector, '', language) })}</h1>
        <label htmlFor={chooseId}>{t('sector.choose')}</label>
        <select id={chooseId} value={sector} onChange={(e) => void navigate(`/council/sectors/${e.target.value}`)}>
          {sector === '' && <option value="">—</option>}
          {SECTORS.map((s) => (
            <option key={s.code} value={s.code}>
              {s[language]}
            </option>
          ))}
        </select>
        {sector !== '' && <PrintSector sector={sector} language={language} />}
      </div>
      {sector === '' ? <SectorIndex language={language} /> : <Overview sector={sector} language={language} />}
    </article>
  );
}

/** Every sector of the vocabulary, each leading to its page. */
function SectorIndex({ language }: { language: Language }) {
  const { t } = useTranslation('council');
  return (
    <section className="panel" aria-labelledby="sector-index">
      <h2 id="sector-index">{t('sector.all')}</h2>
      <p className="muted">{t('sector.chooseSector')}</p>
      <ul className="sector-index">
        {SECTORS.map((s) => (
          <li key={s.code}>
            <Link to={`/council/sectors/${s.code}`}>{s[language]}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Overview({ sector, language }: { sector: string; language: Language }) {
  const { t } = useTranslation('council');
  const state = useApi('sector.overview', { sector });
  return (
    <>
      <p className="muted">{t('sector.intro')}</p>
      <ApiView state={state}>
        {(overview) => (
          <>
            <CasesByPhase overview={overview} language={language} />
            <SectorMap overview={overview} language={language} />
            <div className="panel match-lists">
              <MatchList kind="schemes" entries={overview.schemes} empty={t('match.noneSchemes')} headingLevel={2} />
              <MatchList kind="members" entries={overview.members} empty={t('match.noneMembers')} headingLevel={2} />
              <MatchList kind="advisors" entries={overview.advisors} empty={t('match.noneAdvisors')} headingLevel={2} />
            </div>
          </>
        )}
      </ApiView>
    </>
  );
}

function CasesByPhase({ overview, language }: { overview: SectorOverview; language: Language }) {
  const { t } = useTranslation('council');
  const columns: (Phase | 'none')[] = [...PHASES, 'none'];
  const phaseName = (p: Phase | 'none') => (p === 'none' ? t('sector.noPhase') : phaseLabel(p, language));
  // The countries where only members' projects are kept have no row here: the map and its table show them.
  const places = overview.countries.filter((c) => c.cases > 0);
  const count = places.reduce((sum, c) => sum + c.cases, 0);
  return (
    <section className="panel" aria-labelledby="sector-cases">
      <h2 id="sector-cases">
        {t('sector.cases')} <span className="count">{t('count', { count })}</span>
      </h2>
      {places.length === 0 ? (
        <p className="muted">{t('sector.noCases')}</p>
      ) : (
        <table className="grid sector-matrix">
          <caption className="visually-hidden">{t('sector.casesCaption', { sector: sectorName(overview.sector, '', language) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sector.place')}</th>
              {columns.map((p) => (
                <th key={p} scope="col">
                  {phaseName(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {places.map((row) => (
              <tr key={row.place}>
                <th scope="row">{placeName(row.place, language)}</th>
                {columns.map((p) => {
                  const cases = overview.byPhase[p].filter((c) => inPlace(c, row.place));
                  return (
                    <td key={p}>
                      {cases.length > 0 && (
                        <ul>
                          {cases.map((c) => (
                            <li key={c.id}>
                              <Link to={`/case/${c.id}`}>{c.title}</Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * (イ) Where the sector's cases and the members' projects abroad are: its countries on the world map, coloured by the
 * cases still pursued, those where members worked outlined with their count; under it the same by region, and the way
 * to the analytics' sector × region matrix narrowed to it, so the map and the matrix are the ones the app already has.
 */
function SectorMap({ overview, language }: { overview: SectorOverview; language: Language }) {
  const { t } = useTranslation('council');
  const cases = [...PHASES, 'none' as const].flatMap((p) => overview.byPhase[p].map((c) => ({ ...c, phase: p })));
  const inCountry = overview.countries.filter((row) => /^[A-Z]{2}$/.test(row.place));
  const marks: MapMark[] = inCountry
    .filter((row) => row.projects.length > 0)
    .map((row) => ({ iso2: row.place, count: row.projects.length, title: t('sector.mapProjects', { count: row.projects.length }) }));
  const countries: CountrySummary[] = inCountry
    .filter((row) => row.cases > 0)
    .map((row) => {
      const here = cases.filter((c) => c.countries.includes(row.place));
      return {
        iso2: row.place,
        ja: countryName(row.place, 'ja'),
        en: countryName(row.place, 'en'),
        cases: row.cases,
        active: here.filter((c) => c.status === 'active').length,
        byPhase: row.byPhase,
      };
    });
  const sector = sectorName(overview.sector, '', language);
  return (
    <section className="panel" aria-labelledby="sector-map">
      <h2 id="sector-map">{t('sector.map')}</h2>
      <WorldMap countries={countries} legend={t('sector.mapLegend', { sector })} marks={marks} markLegend={t('sector.mapMarkLegend')} />
      <PlacesByRegion overview={overview} language={language} />
      <p>
        <Link to={`/analytics?sector=${encodeURIComponent(overview.sector)}`}>{t('sector.matrixLink', { sector })}</Link>
      </p>
    </section>
  );
}

/** 「主な案件と実績（地域別）」: each region's countries, their cases counted by phase and the members' projects there. */
function PlacesByRegion({ overview, language }: { overview: SectorOverview; language: Language }) {
  const { t } = useTranslation('council');
  const regions = placesByRegion(overview.countries);
  return (
    <>
      <h3 id="sector-regions">{t('sector.byRegion')}</h3>
      {regions.length === 0 ? (
        <p className="muted">{t('sector.noPlaces')}</p>
      ) : (
        <table className="grid sector-regions" aria-labelledby="sector-regions">
          <thead>
            <tr>
              <th scope="col">{t('sector.region')}</th>
              <th scope="col">{t('sector.place')}</th>
              <th scope="col">{t('sector.casesByPhase')}</th>
              <th scope="col">{t('sector.projects')}</th>
            </tr>
          </thead>
          {regions.map(({ region, places }) => (
            <tbody key={region?.code ?? ''}>
              {places.map((row, i) => (
                <tr key={row.place}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={places.length}>
                      {region?.[language] ?? t('sector.noRegion')}
                    </th>
                  )}
                  <th scope="row">{placeName(row.place, language)}</th>
                  <td>
                    <PhaseCounts row={row} language={language} />
                  </td>
                  <td>
                    {row.projects.length > 0 && (
                      <ul>
                        {row.projects.map((p) => (
                          <ProjectItem key={p.id} project={p} language={language} />
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </>
  );
}

/** 計3件（検討1・調査・実証2）: only the phases reached, so a row stays one line. */
function PhaseCounts({ row, language }: { row: SectorPlace; language: Language }) {
  const { t } = useTranslation('council');
  if (row.cases === 0) return <span className="muted">{t('sector.noCasesHere')}</span>;
  const phases = [...PHASES, 'none' as const]
    .filter((p) => row.byPhase[p] > 0)
    .map((p) => t('sector.phaseCount', { phase: p === 'none' ? t('sector.noPhase') : phaseLabel(p, language), count: row.byPhase[p] }));
  return <>{t('sector.casesTotal', { count: row.cases, phases: phases.join(t('sector.listSeparator')) })}</>;
}

/** A member's project: its name, the member linking to its page, and where and when where known. */
function ProjectItem({ project, language }: { project: SectorProject; language: Language }) {
  const { t } = useTranslation('council');
  const member = language === 'en' && project.member.nameEn !== '' ? project.member.nameEn : project.member.nameJa;
  return (
    <li>
      {project.project} — <Link to={`/council/members/${project.member.id}`}>{member}</Link>
      {(project.place !== '' || project.date !== null) && (
        <span className="muted">
          {t('sector.detailOpen')}
          {project.place}
          {project.place !== '' && project.date !== null && t('sector.listSeparator')}
          {project.date !== null && <DateText date={project.date} />}
          {t('sector.detailClose')}
        </span>
      )}
    </li>
  );
}

/** 「印刷（PDF）」: the page for an audience, only what it may read, handed over as a pack is. */
function PrintSector({ sector, language }: { sector: string; language: Language }) {
  const { t } = useTranslation('council');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const handOver = useHandover();
  const audienceId = useId();
  const [audience, setAudience] = useState<Scope>('government');
  const [busy, setBusy] = useState(false);
  const print = () => {
    setBusy(true);
    call('sector.export', { sector, audience, lang: language })
      .then(handOver)
      .catch((error: unknown) => show('error', t('sector.printFailed', { message: errorText(error) })))
      .finally(() => setBusy(false));
  };
  return (
    <span className="sector-print">
      <label htmlFor={audienceId}>{common('print.audience')}</label>
      <select id={audienceId} value={audience} onChange={(e) => setAudience(e.target.value as Scope)}>
        {SCOPES.map((s) => (
          <option key={s} value={s}>
            {common('print.audienceOption', { scope: scopeLabel(s, language), marking: scopeMarking(s, language) })}
          </option>
        ))}
      </select>
      <button type="button" onClick={print} disabled={busy}>
        {busy ? t('sector.printing') : t('sector.print')}
      </button>
    </span>
  );
}
