import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRIORITY_PERIOD } from '../../shared/reference/priority-projects';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import './ProjectsScreen.css';

// 「20(にいまる)」: the action plan's 20 priority projects, each with the cases linked to it and the ones that may
// belong to it, for a person to confirm on the project's page; from here the follow-up report of all 20.

export function ProjectsScreen() {
  const { t } = useTranslation('projects');
  const state = useApi('projects.list', {});
  return (
    <article className="projects-screen">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { from: PRIORITY_PERIOD.from, to: PRIORITY_PERIOD.to })}</p>
      <nav className="projects-related" aria-label={t('related')}>
        <Link to="/projects/report">{t('report.open')}</Link>
      </nav>
      <ApiView state={state}>
        {(projects) => (
          <table className="grid projects-table">
            <thead>
              <tr>
                <th scope="col">{t('column.no')}</th>
                <th scope="col">{t('column.sector')}</th>
                <th scope="col">{t('column.targets')}</th>
                <th scope="col">{t('column.perspective')}</th>
                <th scope="col" className="num">
                  {t('column.cases')}
                </th>
                <th scope="col" className="num">
                  {t('column.suggested')}
                </th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.no}>
                  <th scope="row" className="mark">
                    {p.mark}
                  </th>
                  <td>
                    <Link to={`/project/${p.no}`}>{p.sector}</Link>
                  </td>
                  <td>{p.targets}</td>
                  <td>{p.perspective}</td>
                  <td className={p.cases.length === 0 ? 'num zero' : 'num'}>{p.cases.length}</td>
                  <td className={p.suggested.length === 0 ? 'num zero' : 'num'}>{p.suggested.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ApiView>
    </article>
  );
}
