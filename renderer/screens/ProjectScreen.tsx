import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DEFAULT_STUCK_RULES } from '../../shared/analytics/pipeline';
import { INDICATOR_LEVEL_LABELS, INDICATOR_STATUS_LABELS } from '../../shared/labels';
import { PHASES } from '../../shared/phases';
import { PRIORITY_PERIOD } from '../../shared/reference/priority-projects';
import type { CaseSummary, ProjectDetail, ProjectPlan } from '../../shared/views';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { StuckLists } from '../components/StuckLists';
import { countryNames, phaseLabel, regionName, statusLabel } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences, type Language } from '../stores/preferences';
import './ProjectScreen.css';

// One priority project (「20(にいまる)」): what the plan says of it (perspective, three-year policy, targets), its
// cases by phase, the cases that may belong to it for a person to link, what moved lately and what is stuck.

export function ProjectScreen() {
  const { no = '' } = useParams();
  // A number that is no number is refused by the API, and the screen says so in words.
  const state = useApi('project.get', { no: Number(no) });
  return <ApiView state={state}>{(project) => <ProjectView project={project} />}</ApiView>;
}

/** Where a case is: its countries, or its region while it has none. */
function placeOf(c: CaseSummary, language: Language): string {
  return countryNames(c.countries, language) || regionName(c.region, language);
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  return (
    <article className="project-screen">
      <nav className="project-nav" aria-label={t('related')}>
        <Link to="/projects">{t('backToList')}</Link>
        <Link to={`/analytics?project=${project.no}`}>{t('toAnalytics')}</Link>
      </nav>
      <h1>
        <span className="mark">{project.mark}</span> {project.sector}
      </h1>
      <dl className="project-facts">
        <dt>{t('column.targets')}</dt>
        <dd>{project.targets}</dd>
        <dt>{t('column.perspective')}</dt>
        <dd>{project.perspective}</dd>
        <dt>{t('period')}</dt>
        <dd>
          {PRIORITY_PERIOD.from}～{PRIORITY_PERIOD.to}
        </dd>
      </dl>
      <section className="panel" aria-labelledby="project-policy">
        <h2 id="project-policy">{t('policy')}</h2>
        <p className="policy">{project.policy}</p>
      </section>
      <Targets project={project} />
      <LinkedCases project={project} />
      <PlanProgress project={project} />
      <SuggestedCases project={project} />
      <RecentEvents project={project} />
      <StuckLists stuck={project.stuck} longWithoutOrder={project.longWithoutOrder} rules={DEFAULT_STUCK_RULES} fileName={`project-${project.no}`} />
    </article>
  );
}

/** The action plan's numeric targets, with what the indicators of the cases' 展開実施プラン that count toward them achieved. */
function Targets({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const language = usePreferences((s) => s.language);
  return (
    <section className="panel" aria-labelledby="project-kpis">
      <h2 id="project-kpis">{t('kpi.heading')}</h2>
      {project.kpis.length === 0 ? (
        <p className="muted">{t('kpi.none')}</p>
      ) : (
        <>
          <table className="grid kpis" aria-labelledby="project-kpis">
            <thead>
              <tr>
                <th scope="col">{t('kpi.metric')}</th>
                <th scope="col" className="num">
                  {t('kpi.target')}
                </th>
                <th scope="col">{t('kpi.by')}</th>
                <th scope="col">{t('kpi.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {project.kpiProgress.map((kpi) => (
                <tr key={kpi.metric}>
                  <td>{kpi.metric}</td>
                  <td className="num">
                    {kpi.target.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB')}
                    {kpi.unit}
                  </td>
                  <td>{kpi.target_date}</td>
                  <td>
                    {kpi.achieved === null ? (
                      <span className="muted">{t('kpi.noProgress', { count: kpi.indicators })}</span>
                    ) : (
                      t('kpi.achieved', {
                        achieved: kpi.achieved.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB'),
                        unit: kpi.unit,
                        share: Math.round((kpi.share ?? 0) * 100),
                        count: kpi.indicators,
                      })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted kpi-note">{t('kpi.note')}</p>
        </>
      )}
    </section>
  );
}

function LinkedCases({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const language = usePreferences((s) => s.language);
  const groups = [...PHASES, null].map((phase) => ({ phase, cases: project.cases.filter((c) => c.currentPhase === phase) })).filter((g) => g.cases.length > 0);
  return (
    <section className="panel" aria-labelledby="project-cases">
      <h2 id="project-cases">
        {t('linked.heading')} <span className="count">{t('caseCount', { ns: 'common', count: project.cases.length })}</span>
      </h2>
      {groups.length === 0 && <p className="muted">{t('linked.empty')}</p>}
      {groups.map(({ phase, cases }) => {
        const name = phase === null ? t('linked.noEvents') : phaseLabel(phase, language);
        return (
          <section key={phase ?? 'none'} className="project-phase" aria-label={name}>
            <h3>{name}</h3>
            <ul>
              {cases.map((c) => (
                <li key={c.id}>
                  <Link to={`/case/${c.id}`}>{c.title}</Link> <span className="muted">{[placeOf(c, language), statusLabel(c.status, language)].join(' · ')}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

/** The case cell of a plan's first row: the case, how its plan stands and when it is next followed up. */
function PlanCase({ plan, rows }: { plan: ProjectPlan; rows: number }) {
  const { t } = useTranslation('projects');
  const language = usePreferences((s) => s.language);
  return (
    <th scope="rowgroup" rowSpan={rows}>
      <Link to={`/case/${plan.caseId}`}>{plan.caseTitle}</Link>
      <div className="muted">
        {INDICATOR_STATUS_LABELS[plan.status][language]}
        {plan.followUpDate && (
          <>
            {' · '}
            {t('plans.followUp')} <DateText date={plan.followUpDate} />
            {plan.followUpOverdue && <strong className="overdue"> {t('plans.overdue')}</strong>}
          </>
        )}
      </div>
    </th>
  );
}

/** How the linked cases' deployment plans stand: each plan's status and each indicator's latest reading. */
function PlanProgress({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const language = usePreferences((s) => s.language);
  const number = (n: number | null) => (n === null ? '—' : n.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 2 }));
  return (
    <section className="panel" aria-labelledby="project-plans">
      <h2 id="project-plans">
        {t('plans.heading')} <span className="count">{t('caseCount', { ns: 'common', count: project.plans.length })}</span>
      </h2>
      {project.plans.length === 0 ? (
        <p className="muted">{t('plans.empty')}</p>
      ) : (
        <table className="grid plans" aria-labelledby="project-plans">
          <thead>
            <tr>
              <th scope="col">{t('column.case')}</th>
              <th scope="col">{t('plans.level')}</th>
              <th scope="col">{t('plans.indicator')}</th>
              <th scope="col" className="num">
                {t('plans.actual')}
              </th>
              <th scope="col" className="num">
                {t('plans.target')}
              </th>
              <th scope="col">{t('plans.period')}</th>
              <th scope="col">{t('column.status')}</th>
            </tr>
          </thead>
          {project.plans.map((plan) => (
            <tbody key={plan.caseId}>
              {plan.indicators.length === 0 ? (
                <tr>
                  <PlanCase plan={plan} rows={1} />
                  <td colSpan={6} className="muted">
                    {t('plans.noIndicators')}
                  </td>
                </tr>
              ) : (
                plan.indicators.map((i, index) => (
                  <tr key={i.id}>
                    {index === 0 && <PlanCase plan={plan} rows={plan.indicators.length} />}
                    <td>{INDICATOR_LEVEL_LABELS[i.level][language]}</td>
                    <td>{i.statement}</td>
                    <td className="num">
                      {number(i.reading.actual)}
                      {i.reading.actual === null ? '' : i.unit}
                    </td>
                    <td className="num">
                      {number(i.reading.target)}
                      {i.reading.target === null ? '' : i.unit}
                    </td>
                    <td>{i.reading.period?.slice(0, 7) ?? '—'}</td>
                    <td className={`indicator-status ${i.reading.status}`}>{INDICATOR_STATUS_LABELS[i.reading.status][language]}</td>
                  </tr>
                ))
              )}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

/** Cases that may belong to the project: linked only when a person presses the button, never by themselves. */
function SuggestedCases({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const errorText = useErrorText();
  const language = usePreferences((s) => s.language);
  const show = useNotices((s) => s.show);
  const link = (c: CaseSummary) =>
    call('case.update', { id: c.id, values: { project: project.no } }).then(
      () => show('info', t('suggested.done', { title: c.title, mark: project.mark })),
      (error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) })),
    );
  return (
    <section className="panel" aria-labelledby="project-suggested">
      <h2 id="project-suggested">
        {t('suggested.heading')} <span className="count">{t('caseCount', { ns: 'common', count: project.suggested.length })}</span>
      </h2>
      <p className="definition">{t('suggested.definition')}</p>
      {project.suggested.length === 0 ? (
        <p className="muted">{t('suggested.empty')}</p>
      ) : (
        <table className="grid" aria-labelledby="project-suggested">
          <thead>
            <tr>
              <th scope="col">{t('column.case')}</th>
              <th scope="col">{t('column.place')}</th>
              <th scope="col">{t('column.phase')}</th>
              <th scope="col">{t('column.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('suggested.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {project.suggested.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/case/${c.id}`}>{c.title}</Link>
                </td>
                <td>{placeOf(c, language)}</td>
                <td>{phaseLabel(c.currentPhase, language)}</td>
                <td>{statusLabel(c.status, language)}</td>
                <td className="action">
                  <button onClick={() => void link(c)} aria-label={t('suggested.linkCase', { title: c.title, mark: project.mark })}>
                    {t('suggested.link', { mark: project.mark })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecentEvents({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const language = usePreferences((s) => s.language);
  return (
    <section className="panel" aria-labelledby="project-recent">
      <h2 id="project-recent">
        {t('recent.heading')} <span className="count">{t('recent.count', { count: project.recentEvents.length })}</span>
      </h2>
      {project.recentEvents.length === 0 ? (
        <p className="muted">{t('recent.empty')}</p>
      ) : (
        <table className="grid" aria-labelledby="project-recent">
          <thead>
            <tr>
              <th scope="col">{t('column.date')}</th>
              <th scope="col">{t('column.case')}</th>
              <th scope="col">{t('column.eventPhase')}</th>
              <th scope="col">{t('column.text')}</th>
            </tr>
          </thead>
          <tbody>
            {project.recentEvents.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateText date={e.date} />
                </td>
                <td>
                  <Link to={`/case/${e.caseId}?event=${e.id}`}>{e.caseTitle}</Link>
                </td>
                <td>{phaseLabel(e.phase, language)}</td>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
