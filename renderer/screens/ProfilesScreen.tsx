import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Profile } from '../../shared/model/profile';
import type { ProfileMeeting } from '../../shared/pack/pack-input';
import { DEFAULT_SCOPE, type Scope } from '../../shared/scopes';
import type { ProfileView } from '../../shared/views';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { EditableText } from '../components/EditableText';
import { EditorFooter } from '../components/EditorFooter';
import { ScopeBadge } from '../components/ScopeBadge';
import { profileName, profileRole } from '../components/VisitProfilesPanel';
import { countryName } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences } from '../stores/preferences';
import './ProfilesScreen.css';

// 先方要人 of one country: each person as a reader meets them (name, role, career, previous meetings with Japan, the
// visits and events linked to their pages), edited in place on demand; a new person added at the top.

type ProfileValues = Partial<Pick<Profile, 'name' | 'nameJa' | 'title' | 'organisation' | 'career' | 'notes' | 'scope'>>;
const TEXT_FIELDS = ['name', 'nameJa', 'title', 'organisation'] as const;

export function ProfilesScreen() {
  const { t } = useTranslation('profiles');
  const language = usePreferences((s) => s.language);
  const iso2 = (useParams().country ?? '').toUpperCase();
  const state = useApi('profiles.list', { country: iso2 });
  // A visit's page opens the screen at one person, to edit them.
  const [params] = useSearchParams();
  const opened = params.get('profile');
  const country = countryName(iso2, language);
  return (
    <article className="profiles">
      <nav className="profiles-nav" aria-label={t('related')}>
        <Link to={`/dossier/${iso2}`}>{t('toDossier', { country })}</Link>
      </nav>
      <h1>{t('title', { country })}</h1>
      <p className="muted hint">{t('help')}</p>
      <NewProfile country={iso2} />
      <ApiView state={state}>
        {(views) =>
          views.length === 0 ? <p className="muted">{t('none')}</p> : views.map((view) => <ProfileCard key={view.profile.id} view={view} opened={view.profile.id === opened} />)
        }
      </ApiView>
    </article>
  );
}

function ProfileCard({ view, opened }: { view: ProfileView; opened: boolean }) {
  const { t } = useTranslation('profiles');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const { profile, meetings } = view;
  const [editing, setEditing] = useState(opened);
  const card = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (opened) card.current?.scrollIntoView?.({ block: 'start' });
  }, [opened]);
  const update = (values: ProfileValues) => call('profile.update', { id: profile.id, values });
  const failed = (error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) }));
  const remove = () =>
    void call('profile.delete', { id: profile.id }).then(
      () => show('info', t('deleted', { name: profileName(profile) })),
      (error: unknown) => show('error', errorText(error)),
    );
  const name = profileName(profile);
  return (
    <section className={`panel profile${opened ? ' highlighted' : ''}`} aria-labelledby={headingId} ref={card}>
      <div className="profile-head">
        <h2 id={headingId}>{name}</h2>
        <ScopeBadge scope={profile.scope} onChange={(scope) => void update({ scope }).catch(failed)} />
        <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing} aria-label={editing ? undefined : t('editOf', { name })}>
          {editing ? t('doneEditing') : t('edit')}
        </button>
        <button type="button" onClick={remove} aria-label={t('deleteOf', { name })}>
          {t('delete')}
        </button>
      </div>
      {editing ? (
        <div className="profile-fields">
          <div className="field-row">
            {TEXT_FIELDS.map((field) => (
              <EditableText key={field} label={t(`fields.${field}`)} value={profile[field]} onSave={(text) => update({ [field]: text })} />
            ))}
          </div>
          <EditableText label={t('fields.career')} value={profile.career} onSave={(career) => update({ career })} multiline rows={4} />
          <EditableText label={t('fields.notes')} value={profile.notes} onSave={(notes) => update({ notes })} multiline rows={2} />
        </div>
      ) : (
        <div className="profile-summary">
          {profileRole(profile) !== '' && <p className="profile-role">{profileRole(profile)}</p>}
          <h3>{t('fields.career')}</h3>
          {profile.career.trim() === '' ? <p className="muted">{t('noCareer')}</p> : <p className="profile-career">{profile.career}</p>}
          {profile.notes.trim() !== '' && (
            <>
              <h3>{t('fields.notes')}</h3>
              <p className="profile-notes">{profile.notes}</p>
            </>
          )}
        </div>
      )}
      <h3>{t('meetings')}</h3>
      <Meetings meetings={meetings} />
    </section>
  );
}

/** The visits and events that name the person, each leading to its page. */
function Meetings({ meetings }: { meetings: ProfileMeeting[] }) {
  const { t } = useTranslation('profiles');
  if (meetings.length === 0) return <p className="muted">{t('noMeetings')}</p>;
  return (
    <table className="grid meetings">
      <thead>
        <tr>
          <th scope="col">{t('meetingDate')}</th>
          <th scope="col">{t('meetingWhat')}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.kind === 'visit' ? m.visit.id : m.event.id}>
            <td className="date-cell">
              <DateText date={m.date} />
            </td>
            <td>
              <span className="meeting-kind">{t(`meetingKind.${m.kind}`)}</span>{' '}
              {m.kind === 'visit' ? (
                <Link to={`/visit/${m.visit.id}`}>{m.visit.title}</Link>
              ) : (
                <>
                  <Link to={`/case/${m.event.caseId}?event=${m.event.id}`}>{m.event.text}</Link> <span className="muted">（{m.caseTitle}）</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Folded behind its button; the name is all a new person needs, the rest can follow. */
function NewProfile({ country }: { country: string }) {
  const { t } = useTranslation('profiles');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const prefix = useId();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ name: '', nameJa: '', title: '', organisation: '' });
  const [scope, setScope] = useState<Scope>(DEFAULT_SCOPE);
  const [error, setError] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => openButton.current?.focus());
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    call('profile.create', { country, values: { ...values, scope } }).then(
      () => {
        show('info', t('created', { name: values.nameJa.trim() || values.name.trim() }));
        setValues({ name: '', nameJa: '', title: '', organisation: '' });
        close();
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  if (!open)
    return (
      <button type="button" ref={openButton} className="primary new-profile" onClick={() => setOpen(true)}>
        {t('new')}
      </button>
    );
  return (
    <form className="panel new-profile-form" onSubmit={create} onKeyDown={onKeyDown} aria-label={t('new')}>
      <div className="editor-fields">
        {TEXT_FIELDS.map((field, i) => (
          <FieldInput
            key={field}
            id={`${prefix}-${field}`}
            label={t(`fields.${field}`)}
            value={values[field]}
            onChange={(text) => setValues({ ...values, [field]: text })}
            placeholder={field === 'name' ? t('namePlaceholder') : field === 'nameJa' ? t('nameJaPlaceholder') : undefined}
            first={i === 0}
          />
        ))}
        <label htmlFor={`${prefix}-scope`}>{t('fields.scope')}</label>
        <div>
          <ScopeBadge id={`${prefix}-scope`} scope={scope} onChange={setScope} />
        </div>
      </div>
      <EditorFooter error={error} submit={t('create')} onClose={close} />
    </form>
  );
}

function FieldInput(props: { id: string; label: string; value: string; onChange: (text: string) => void; placeholder?: string; first: boolean }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        required={props.first}
        // Opened to add a person: the keyboard goes on in the first field.
        autoFocus={props.first}
      />
    </>
  );
}
