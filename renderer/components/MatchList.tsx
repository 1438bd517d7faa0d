import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MATCH_LIST_LABELS } from '../../shared/labels';
import { matchReasonText } from '../../shared/council/match-labels';
import type { ExcludedEntry, MatchEntry } from '../../shared/council/matching';
import { usePreferences } from '../stores/preferences';
import './MatchList.css';

// The ranked lists of the council's matching (ウ) and sector page (ア), with each entry's reasons worded by
// shared/council/match-labels.ts, the same words the command line and the printed pages use.

export type MatchKind = 'schemes' | 'members' | 'advisors' | 'cases';

/** Where an entry's page is. */
export function councilPath(kind: MatchKind, id: string): string {
  return kind === 'cases' ? `/case/${id}` : `/council/${kind}/${id}`;
}

/** Long lists show their best few first; the rest is one click away, never dropped. */
const FIRST = 5;

export function MatchList({ kind, entries, empty, headingLevel = 3 }: { kind: MatchKind; entries: readonly MatchEntry[]; empty: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, FIRST);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const heading = `match-${kind}`;
  return (
    <section className="match-list" aria-labelledby={heading}>
      <Heading id={heading}>
        {MATCH_LIST_LABELS[kind][language]} <span className="count">{t('count', { count: entries.length })}</span>
      </Heading>
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol>
          {shown.map((entry, i) => (
            <li key={entry.id}>
              <span className="match-rank">{t('match.rank', { rank: i + 1 })}</span> <Link to={councilPath(kind, entry.id)}>{entry.name}</Link>
              <ul className="match-reasons" aria-label={MATCH_LIST_LABELS.reasons[language]}>
                {entry.reasons.map((reason, j) => (
                  <li key={j}>{matchReasonText(reason, language)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {entries.length > FIRST && (
        <button type="button" className="match-more" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('match.showFewer', { count: FIRST }) : t('match.showAll', { count: entries.length })}
        </button>
      )}
    </section>
  );
}

/** What does not fit, folded but always there, each with why not. */
export function ExcludedList({ entries }: { entries: readonly ExcludedEntry[] }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  return (
    <details className="match-excluded">
      <summary>{t('match.excludedSummary', { label: MATCH_LIST_LABELS.excluded[language], count: entries.length })}</summary>
      {entries.length === 0 ? (
        <p className="muted">{t('match.excludedNone')}</p>
      ) : (
        <>
          <p className="muted">{t('match.excludedIntro')}</p>
          <ul>
            {entries.map((entry) => (
              <li key={`${entry.kind}-${entry.id}`}>
                <span className="match-kind">{MATCH_LIST_LABELS[entry.kind === 'scheme' ? 'schemes' : 'advisors'][language]}</span>{' '}
                <Link to={councilPath(entry.kind === 'scheme' ? 'schemes' : 'advisors', entry.id)}>{entry.name}</Link>
                <ul className="match-reasons" aria-label={MATCH_LIST_LABELS.reasons[language]}>
                  {entry.reasons.map((reason, j) => (
                    <li key={j}>{matchReasonText(reason, language)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
