import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import { Link } from 'react-router';
import type { AppInfo, HomeView } from '../../shared/api';
import { parseDateText } from '../../shared/dates';
import type { CaseSummary, ImportReport, PlanFollowUp } from '../../shared/views';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { StatusBadge } from '../components/plan/common';
import { SyncSummary } from '../components/SyncStatus';
import { countryName, countryNames, phaseLabel } from '../labels';
import { usePreferences } from '../stores/preferences';
import './HomeScreen.css';

/** The first thing a newcomer sees on an empty store: the real 2020 dossiers, one click away. */
function DemoOffer({ empty }: { empty: boolean }) {
  const { t } = useTranslation('home');
  const errorText = useErrorText();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!empty && report === null) return null;

  const load = () => {
    setBusy(true);
    setFailure(null);
    call('demo.import', {})
      .then(setReport)
      .catch((error: unknown) => setFailure(errorText(error)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="panel demo-offer" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('demo.heading')}</h2>
      {report === null ? (
        <>
          <p>{t('demo.intro')}</p>
          <button className="primary" onClick={load} disabled={busy}>
            {busy ? t('demo.importing') : t('demo.button')}
          </button>
          {failure && (
            <p role="alert" className="error">
              {t('demo.failed', { message: failure })}
            </p>
          )}
        </>
      ) : (
        <>
          <p role="status">
            {t('demo.done', { files: report.files, cases: report.casesAdded, events: report.eventsAdded })}
            {report.casesKept > 0 && ` ${t('demo.kept', { count: report.casesKept })}`}
          </p>
          <p className="demo-next">
            <Link to="/dossier/VN" className="button-link primary">
              {t('demo.openVietnam')}
            </Link>
            <Link to="/countries" className="button-link">
              {t('demo.openCountries')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

function ChangedAt({ iso }: { iso: string }) {
  const language = usePreferences((s) => s.language);
  const text = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}

/** Cases in a short table: title, countries, current phase, and one column of the list's own. */
function CaseTable<C extends CaseSummary>({ cases, lastColumn, last }: { cases: C[]; lastColumn: string; last: (c: C) => ReactNode }) {
  const { t } = useTranslation('home');
  const language = usePreferences((s) => s.language);
  return (
    <table className="grid">
      <thead>
        <tr>
          <th scope="col">{t('column.case')}</th>
          <th scope="col">{t('column.countries')}</th>
          <th scope="col">{t('column.phase')}</th>
          <th scope="col">{lastColumn}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/case/${c.id}`}>{c.title}</Link>
            </td>
            <td>{countryNames(c.countries, language)}</td>
            <td>{phaseLabel(c.currentPhase, language)}</td>
            <td className="nowrap">{last(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecentCases({ recent }: { recent: HomeView['recent'] }) {
  const { t } = useTranslation('home');
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('recent.heading')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('recent.empty')}</p>
      ) : (
        <CaseTable cases={recent} lastColumn={t('column.changedAt')} last={(c) => <ChangedAt iso={c.changedAt} />} />
      )}
    </section>
  );
}

/** The longest-quiet cases first; the rest on request, so the start page stays short. */
const STUCK_SHOWN = 10;

/** Active cases that have gone quiet: the ones someone should ask about. */
function StuckCases({ stuck, total, months }: { stuck: HomeView['stuck']; total: number; months: number }) {
  const { t } = useTranslation('home');
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? stuck : stuck.slice(0, STUCK_SHOWN);
  return (
    <section className="panel" aria-labelledby="stuck-heading">
      <h2 id="stuck-heading">
        {t('stuck.heading')} <span className="count">{t('caseCount', { ns: 'common', count: total })}</span>
      </h2>
      <p className="muted">{t('stuck.intro', { count: months })}</p>
      {stuck.length === 0 ? (
        <p className="muted">{t('stuck.empty')}</p>
      ) : (
        <CaseTable
          cases={shown}
          lastColumn={t('column.lastEvent')}
          last={(c) => (c.lastEvent === null ? <span className="muted">{t('stuck.noEvents')}</span> : <DateText date={parseDateText(c.lastEvent)} />)}
        />
      )}
      {shown.length < stuck.length && (
        <p>
          <button onClick={() => setShowAll(true)}>{t('stuck.showAll', { count: stuck.length })}</button>
        </p>
      )}
      {showAll && stuck.length < total && <p className="muted">{t('stuck.listed', { shown: stuck.length, count: total })}</p>}
    </section>
  );
}

/** Deployment plans (展開実施プラン) whose follow-up date has passed: shown only when there are some. */
function OverduePlans() {
  const overdue = useApi('plans.overdue', {});
  return <ApiView state={overdue}>{(list) => list.length > 0 && <OverduePlanList list={list} />}</ApiView>;
}

function OverduePlanList({ list }: { list: PlanFollowUp[] }) {
  const { t } = useTranslation('plan');
  const language = usePreferences((s) => s.language);
  return (
    <section className="panel overdue-plans" aria-labelledby="overdue-plans-heading">
      <h2 id="overdue-plans-heading">
        {t('overdue.heading')} <span className="count">{t('caseCount', { ns: 'common', count: list.length })}</span>
      </h2>
      <p className="muted">{t('overdue.intro')}</p>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{t('overdue.case')}</th>
            <th scope="col">{t('overdue.countries')}</th>
            <th scope="col">{t('overdue.due')}</th>
            <th scope="col">{t('overdue.status')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((f) => (
            <tr key={f.caseId}>
              <td>
                <Link to={`/case/${f.caseId}?plan`}>{f.caseTitle}</Link>
              </td>
              <td>{countryNames(f.countries, language)}</td>
              <td className="nowrap overdue-date">
                <DateText date={f.followUpDate} />
              </td>
              <td className="nowrap">
                <StatusBadge status={f.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Where this device keeps its data, and how it stands with sync. */
function StoreStatus({ info }: { info: AppInfo }) {
  const { t } = useTranslation('home');
  return (
    <section className="panel store-status" aria-labelledby="store-heading">
      <h2 id="store-heading">{t('store.heading')}</h2>
      <dl>
        <dt>{t('store.file')}</dt>
        <dd>
          <code>{info.databaseFile}</code>
        </dd>
        <dt>{t('store.encryption')}</dt>
        <dd>{info.encrypted ? t('store.encrypted') : t('store.notEncrypted')}</dd>
        <dt>{t('store.sync')}</dt>
        <dd>
          <SyncSummary />
        </dd>
      </dl>
    </section>
  );
}

/** The countries this user follows, with their case counts. */
function MyCountries() {
  const { t } = useTranslation('home');
  const mine = usePreferences((s) => s.myCountries);
  return (
    <section className="panel my-countries" aria-labelledby="my-countries-heading">
      <h2 id="my-countries-heading">{t('myCountries.heading')}</h2>
      {mine.length === 0 ? <p className="muted">{t('myCountries.empty')}</p> : <FollowedCountries mine={mine} />}
    </section>
  );
}

/**
 * Mounted only when the user follows countries: counting every country's cases keeps the back end busy for a few
 * hundred milliseconds on a large store, which the next screen opened would otherwise wait behind.
 */
function FollowedCountries({ mine }: { mine: string[] }) {
  const { t } = useTranslation('home');
  const language = usePreferences((s) => s.language);
  const countries = useApi('countries.list', {});
  return (
    <ApiView state={countries}>
      {(list) => (
        <ul>
          {mine.map((iso2) => {
            const summary = list.find((c) => c.iso2 === iso2);
            return (
              <li key={iso2}>
                <Link to={`/dossier/${iso2}`}>{countryName(iso2, language)}</Link>{' '}
                <span className="muted">{t('myCountries.cases', { count: summary?.cases ?? 0, active: summary?.active ?? 0 })}</span>
              </li>
            );
          })}
        </ul>
      )}
    </ApiView>
  );
}

export function HomeScreen() {
  const { t } = useTranslation('home');
  const info = useApi('app.info', {});
  const home = useApi('home.get', {});
  return (
    <div className="home-screen">
      <h1>{t('title')}</h1>
      <ApiView state={info}>{(data) => <DemoOffer empty={data.empty} />}</ApiView>
      <MyCountries />
      <OverduePlans />
      <ApiView state={home}>
        {(data) => (
          <div className="home-lists">
            <RecentCases recent={data.recent} />
            <StuckCases stuck={data.stuck} total={data.stuckCount} months={data.stuckMonths} />
          </div>
        )}
      </ApiView>
      <ApiView state={info}>{(data) => <StoreStatus info={data} />}</ApiView>
    </div>
  );
}
