import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { compareDates } from '../../shared/dates';
import { groupHits } from '../../shared/search-groups';
import { highlightParts } from '../../shared/search-highlight';
import type { SearchHit } from '../../shared/views';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { countryName, phaseLabel } from '../labels';
import { usePreferences } from '../stores/preferences';
import './SearchScreen.css';

/**
 * Where a hit opens: an event or case opens its case (the event picked out), a plan's part its case at the plan (the
 * indicator or hurdle picked out), a visit itself, a dossier its country; a support scheme, member or advisor its page
 * in the council database, and a member's offer or track record its member's page, where it is edited (even a track
 * record linked to a case: the hit is listed under that case, whose heading opens it).
 */
function hitLink(hit: SearchHit): string {
  if (hit.member) return `/council/members/${hit.member.id}`;
  if (hit.kind === 'event' && hit.caseId) return `/case/${hit.caseId}?event=${hit.id}`;
  if (hit.kind === 'plan' && hit.caseId) return `/case/${hit.caseId}?plan=${hit.id}`;
  if (hit.caseId) return `/case/${hit.caseId}`;
  if (hit.kind === 'visit') return `/visit/${hit.id}`;
  if (hit.kind === 'scheme') return `/council/schemes/${hit.id}`;
  if (hit.kind === 'member') return `/council/members/${hit.id}`;
  if (hit.kind === 'advisor') return `/council/advisors/${hit.id}`;
  return hit.countries.length > 0 ? `/dossier/${hit.countries[0]}` : '/countries';
}

/** `text` with the places the query occurs marked (<mark>), as search found them. */
function Marked({ text, query }: { text: string; query: string }) {
  return highlightParts(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text));
}

/**
 * A case's hits as its timeline reads, oldest first; undated ones (its plan) after. The back end gives them newest
 * written first, which for imported cases is the order of their phases, not of their dates.
 */
function byDate(a: SearchHit, b: SearchHit): number {
  if (a.date === null || b.date === null) return Number(a.date === null) - Number(b.date === null);
  return compareDates(a.date, b.date);
}

function Hit({ hit, query }: { hit: SearchHit; query: string }) {
  const { t } = useTranslation('search');
  const language = usePreferences((s) => s.language);
  const member = hit.member && (language === 'en' && hit.member.nameEn !== '' ? hit.member.nameEn : hit.member.nameJa);
  return (
    <li className="hit">
      <span className="hit-kind">{t(`kind.${hit.kind}`)}</span>
      {hit.phase && <span className="hit-phase">{phaseLabel(hit.phase, language)}</span>}
      {hit.date && <DateText date={hit.date} />}
      <Link to={hitLink(hit)}>
        {member !== null && <span className="hit-member">{member}</span>}
        <Marked text={hit.excerpt || hit.text} query={query} />
      </Link>
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
                <p className="muted">{t(summaryKey, { query, total: result.total, count: result.total, shown: result.hits.length })}</p>
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
                    {group.cases.map((c) => {
                      // A case found by its title is named once, by its heading; its other hits are listed below it.
                      const hits = c.caseId ? c.hits.filter((hit) => !(hit.kind === 'case' && hit.text === c.caseTitle)).sort(byDate) : c.hits;
                      return (
                        <div key={c.caseId ?? c.hits[0].id} className="hit-case">
                          {c.caseId && (
                            <h3>
                              <Link to={`/case/${c.caseId}`}>
                                <Marked text={c.caseTitle ?? ''} query={query} />
                              </Link>
                            </h3>
                          )}
                          {hits.length > 0 && (
                            <ul>
                              {hits.map((hit) => (
                                <Hit key={hit.id} hit={hit} query={query} />
                              ))}
                            </ul>
                          )}
                        </div>
                      );
                    })}
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
