import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/use-api';
import { phaseLabel, sectorName } from '../labels';
import { usePreferences } from '../stores/preferences';
import { ApiView } from './ApiView';
import { ExcludedList, MatchList } from './MatchList';

/** (ウ) What of the council database fits a case: schemes, members and advisors, best first with why, and what does not. */
export function CaseMatchPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const state = useApi('match.case', { caseId });
  return (
    <section className="panel case-match" aria-labelledby="case-match-heading">
      <h2 id="case-match-heading">{t('match.heading')}</h2>
      <ApiView state={state}>
        {(match) => (
          <>
            <p className="muted">{t('match.intro', { phases: match.needs.map((p) => phaseLabel(p, language)).join('・') })}</p>
            {match.case.sector !== '' && (
              <p>
                <Link to={`/council/sectors/${match.case.sector}`}>{t('sector.open', { sector: sectorName(match.case.sector, '', language) })}</Link>
              </p>
            )}
            <div className="match-lists">
              <MatchList kind="schemes" entries={match.schemes} empty={t('match.noneSchemes')} />
              <MatchList kind="members" entries={match.members} empty={t('match.noneMembers')} />
              <MatchList kind="advisors" entries={match.advisors} empty={t('match.noneAdvisors')} />
            </div>
            <ExcludedList entries={match.excluded} />
          </>
        )}
      </ApiView>
    </section>
  );
}
