import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { groupHits } from '../../shared/search-groups';
import type { SearchHit } from '../../shared/views';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { countryName, phaseLabel } from '../labels';
import { usePreferences } from '../stores/preferences';
import './SearchScreen.css';

/**
 * Where a hit opens: an event or case opens its case (the event picked out), a plan's part its case at the plan (the
 * indicator or hurdle picked out), a visit itself, a dossier its country.
 */
function hitLink(hit: SearchHit): string {
  if (hit.kind === 'event' && hit.caseId) return `/case/${hit.caseId}?event=${hit.id}`;
  if (hit.kind === 'plan' && hit.caseId) return `/case/${hit.caseId}?plan=${hit.id}`;
  if (hit.caseId) return `/case/${hit.caseId}`;
  if (hit.kind === 'visit') return `/visit/${hit.id}`;
  return hit.countries.length > 0 ? `/dossier/${hit.countries[0]}` : '/countries';
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('search');
  const language = usePreferences((s) => s.language);
  return (
    <li className="hit">
      <span className="hit-kind">{t(`kind.${hit.kind}`)}</span>
      {hit.phase && <span className="hit-phase">{phaseLabel(hit.phase, language)}</span>}
      {hit.date && <DateText date={hit.date} />}
      <Link to={hitLink(hit)}>{hit.excerpt || hit.text}</Link>
    </li>
  );
}

export function SearchScreen() {
  const { t } = useTranslation('search');
  const language = usePreferences((s) => s.language);
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const state = useApi('search', { query, limit: 100 });

  return (
    <section className="search-screen">
      <h1>{t('title')}</h1>
      {query.trim() === '' ? (
        <p className="muted">{t('prompt')}</p>
      ) : (
        <ApiView state={state}>
          {(result) => {
            if (result.total === 0) return <p>{t('empty', { query })}</p>;
            const summaryKey = result.totalCapped ? 'summaryCapped' : result.total > result.hits.length ? 'summaryShown' : 'summary';
            return (
              <>
                <p className="muted">{t(summaryKey, { query, total: result.total, shown: result.hits.length })}</p>
                {groupHits(result.hits).map((group) => (
                  <section key={group.country ?? '-'} className="panel hit-country">
                    <h2>
                      {group.country ? (
                        <Link to={`/dossier/${group.country}`} title={t('openDossier', { country: countryName(group.country, language) })}>
                          {countryName(group.country, language)}
                        </Link>
                      ) : (
                        t('noCountry')
                      )}
                    </h2>
                    {group.cases.map((c) => (
                      <div key={c.caseId ?? c.hits[0].id} className="hit-case">
                        {c.caseId && (
                          <h3>
                            <Link to={`/case/${c.caseId}`}>{c.caseTitle}</Link>
                          </h3>
                        )}
                        <ul>
                          {c.hits.map((hit) => (
                            <Hit key={hit.id} hit={hit} />
                          ))}
                        </ul>
                      </div>
                    ))}
                  </section>
                ))}
              </>
            );
          }}
        </ApiView>
      )}
    </section>
  );
}
