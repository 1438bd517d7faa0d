import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Profile } from '../../shared/model/profile';
import type { Visit } from '../../shared/model/visit';
import { foldText } from '../../shared/search-text';
import type { ProfileView } from '../../shared/views';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { countryName } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences } from '../stores/preferences';
import { ApiView } from './ApiView';
import { ScopeBadge } from './ScopeBadge';
import './VisitProfilesPanel.css';

// 先方要人 of a visit: the country's profiles linked to it; another of the country's linked in one step; a person
// already written among the visit's people met turned into a profile (or linked to theirs) in one step.

/** The person as Japanese readers call them, with the name in their own language beside it. */
export function profileName(profile: Pick<Profile, 'name' | 'nameJa'>): string {
  return profile.nameJa.trim() === '' ? profile.name : `${profile.nameJa}（${profile.name}）`;
}

/** Where the person works and as what: 「ベトナム情報通信省 情報通信大臣」. */
export function profileRole(profile: Pick<Profile, 'organisation' | 'title'>): string {
  return [profile.organisation, profile.title].filter((part) => part.trim() !== '').join(' ');
}

/** The profiles screen, opened at one person. */
export function profileLink(profile: Pick<Profile, 'id' | 'country'>): string {
  return `/dossier/${profile.country}/profiles?profile=${profile.id}`;
}

function sameName(profile: Profile, name: string): boolean {
  const wanted = foldText(name.trim());
  return [profile.name, profile.nameJa].some((n) => n.trim() !== '' && foldText(n.trim()) === wanted);
}

export function VisitProfilesPanel({ visit }: { visit: Visit }) {
  const { t } = useTranslation('profiles');
  const language = usePreferences((s) => s.language);
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const state = useApi('profiles.list', { country: visit.country });
  const headingId = useId();
  const failed = (error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) }));
  const country = countryName(visit.country, language);
  const link = (profile: Profile) => void call('profile.linkVisit', { id: profile.id, visitId: visit.id }).catch(failed);
  const unlink = (profile: Profile) =>
    void call('profile.unlinkVisit', { id: profile.id, visitId: visit.id }).then(() => show('info', t('visit.unlinked', { name: profileName(profile) })), failed);
  const register = (counterpart: Visit['counterparts'][number]) =>
    void call('profile.create', {
      country: visit.country,
      // Known from the visit, so shared no wider than the visit until someone decides otherwise.
      values: { name: counterpart.name.trim(), title: counterpart.title, organisation: counterpart.organisation, scope: visit.scope },
      visitIds: [visit.id],
    }).then(() => show('info', t('visit.registered', { name: counterpart.name.trim() })), failed);

  return (
    <section className="panel visit-profiles" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{t('visit.heading')}</h2>
        <Link to={`/dossier/${visit.country}/profiles`}>{t('visit.allProfiles', { country })}</Link>
      </div>
      <p className="muted hint">{t('visit.help')}</p>
      <ApiView state={state}>
        {(views) => {
          const linked = views.filter((v) => v.profile.visitIds.includes(visit.id));
          const others = views.filter((v) => !v.profile.visitIds.includes(visit.id)).map((v) => v.profile);
          const counterparts = visit.counterparts
            .filter((c) => c.name.trim() !== '')
            .map((c) => ({ counterpart: c, known: views.find((v) => sameName(v.profile, c.name))?.profile }))
            .filter(({ known }) => known === undefined || !known.visitIds.includes(visit.id));
          return (
            <>
              {linked.length === 0 ? (
                <p className="muted">{t('visit.none')}</p>
              ) : (
                <ul className="linked-profiles">
                  {linked.map((view) => (
                    <LinkedProfile key={view.profile.id} view={view} visitId={visit.id} onUnlink={unlink} />
                  ))}
                </ul>
              )}
              {counterparts.length > 0 && (
                <div className="from-counterparts">
                  <h3>{t('visit.fromCounterparts')}</h3>
                  <ul>
                    {counterparts.map(({ counterpart, known }, i) => (
                      <li key={i}>
                        <span>{counterpart.name}</span> <span className="muted">{profileRole(counterpart)}</span>{' '}
                        {known ? (
                          <button type="button" onClick={() => link(known)} aria-label={t('visit.linkKnownOf', { name: counterpart.name })}>
                            {t('visit.linkKnown')}
                          </button>
                        ) : (
                          <button type="button" onClick={() => register(counterpart)} aria-label={t('visit.registerOf', { name: counterpart.name })}>
                            {t('visit.register')}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <ChooseProfile profiles={others} country={country} onLink={link} />
            </>
          );
        }}
      </ApiView>
    </section>
  );
}

function LinkedProfile({ view, visitId, onUnlink }: { view: ProfileView; visitId: string; onUnlink: (profile: Profile) => void }) {
  const { t } = useTranslation('profiles');
  const { profile } = view;
  const elsewhere = view.meetings.filter((m) => m.kind === 'event' || m.visit.id !== visitId).length;
  return (
    <li>
      <Link to={profileLink(profile)}>{profileName(profile)}</Link> <span className="muted">{profileRole(profile)}</span>{' '}
      {elsewhere > 0 && <span className="muted">（{t('visit.pastMeetings', { count: elsewhere })}）</span>} <ScopeBadge scope={profile.scope} />{' '}
      <button type="button" onClick={() => onUnlink(profile)} aria-label={t('visit.unlinkOf', { name: profileName(profile) })}>
        {t('visit.unlink')}
      </button>
    </li>
  );
}

/** Another of the country's profiles, chosen and linked. */
function ChooseProfile({ profiles, country, onLink }: { profiles: Profile[]; country: string; onLink: (profile: Profile) => void }) {
  const { t } = useTranslation('profiles');
  const [chosen, setChosen] = useState('');
  const selectId = useId();
  if (profiles.length === 0) return <p className="muted">{t('visit.noOthers', { country })}</p>;
  const profile = profiles.find((p) => p.id === chosen);
  return (
    <form
      className="choose-profile"
      onSubmit={(e) => {
        e.preventDefault();
        if (profile) {
          onLink(profile);
          setChosen('');
        }
      }}
    >
      <label htmlFor={selectId}>{t('visit.choose', { country })}</label>
      <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('visit.chooseNone')}</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {profileName(p)}
            {profileRole(p) === '' ? '' : ` — ${profileRole(p)}`}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!profile}>
        {t('visit.link')}
      </button>
    </form>
  );
}
