import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useErrorText } from '../api/error-text';
import { Link } from 'react-router';
import type { SyncStatus } from '../../shared/sync/status';
import { call } from '../api/client';
import { RelativeTime } from '../components/SyncStatus';
import { useNotices } from '../stores/notices';
import { usePreferences } from '../stores/preferences';
import { ORGANISATION_TYPE_LABELS } from '../../shared/labels';
import { useSync, useSyncStatus } from '../stores/sync';
import './SyncScreen.css';

// Signing this device in to the organisation's sync server (and out), and the state of the background sync.

/** Why the form is shown when the server ended the session, or whether signing in works without the server. */
function SignInNotes({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  if (status.session === 'expired' || status.session === 'revoked') return <p className="error">{t(`signIn.${status.session}Note`)}</p>;
  if (status.offlineSignIn && status.account) return <p className="muted">{t('signIn.offlinePossible', { login: status.account.login })}</p>;
  return null;
}

function SignInForm({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const errorText = useErrorText();
  const update = useSync((s) => s.update);
  const show = useNotices((s) => s.show);
  const [server, setServer] = useState(status.account?.server ?? '');
  const [login, setLogin] = useState(status.account?.login ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    call('sync.signIn', { server: server.trim(), login: login.trim(), password })
      .then((signedIn) => {
        update(signedIn);
        if (!signedIn.online) show('info', t('signIn.offlineSignedIn'));
      })
      .catch((error: unknown) => setFailure(errorText(error)))
      .finally(() => {
        setPassword('');
        setBusy(false);
      });
  };

  return (
    <form className="panel sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.submit')}</h2>
      <SignInNotes status={status} />
      <label>
        {t('signIn.server')}
        <input type="url" required value={server} onChange={(e) => setServer(e.target.value)} placeholder="https://karte.example.go.jp" />
      </label>
      <label>
        {t('signIn.login')}
        <input required autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} />
      </label>
      <label>
        {t('signIn.password')}
        <input type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <p>
        <button className="primary" type="submit" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </p>
      {failure && (
        <p role="alert" className="error">
          {t('signIn.failed', { message: failure })}
        </p>
      )}
    </form>
  );
}

function SignedIn({ status }: { status: SyncStatus & { account: NonNullable<SyncStatus['account']> } }) {
  const { t } = useTranslation('sync');
  const errorText = useErrorText();
  const update = useSync((s) => s.update);
  const show = useNotices((s) => s.show);
  const signOut = () =>
    call('sync.signOut', {})
      .then(update)
      .catch((error: unknown) => show('error', errorText(error)));
  return (
    <section className="panel" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('signIn.account')}</h2>
      <p role="status">{t('signIn.signedInAs', status.account)}</p>
      <button onClick={() => void signOut()}>{t('signIn.signOut')}</button>
    </section>
  );
}

/** The connection as the details say it: online or offline only while signed in to a server, else why not syncing. */
function connectionKey(status: SyncStatus) {
  if (status.account === null) return 'details.noServer';
  if (status.session !== 'signed_in') return `details.session.${status.session}` as const;
  if (status.syncing) return 'status.syncing';
  return status.online ? 'status.online' : 'status.offline';
}

/** No server yet: what that means for the changes made so far. */
function NoServer({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  return (
    <p className="panel no-server-notice" role="status">
      <strong>{t('noServer.heading')}</strong> {t('noServer.text', { count: status.outbox })}
    </p>
  );
}

function Details({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const none = <span className="muted">{t('details.none')}</span>;
  const language = usePreferences((s) => s.language);
  return (
    <section className="panel sync-details" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('details.heading')}</h2>
      <dl>
        <dt>{t('details.network')}</dt>
        <dd className={status.account === null ? 'sync-no-server-value' : undefined}>{t(connectionKey(status))}</dd>
        {status.account?.organisation && (
          <>
            <dt>{t('details.organisation')}</dt>
            <dd>{t('details.organisationValue', { name: status.account.organisation.name, type: ORGANISATION_TYPE_LABELS[status.account.organisation.type][language] })}</dd>
          </>
        )}
        <dt>{t('details.outbox')}</dt>
        <dd>{t('details.count', { count: status.outbox })}</dd>
        <dt>{t('details.lastSync')}</dt>
        <dd>{status.lastSyncAt ? <RelativeTime iso={status.lastSyncAt} /> : t('status.neverSynced')}</dd>
        <dt>{t('details.conflicts')}</dt>
        <dd>{status.conflicts > 0 ? <Link to="/conflicts">{t('details.count', { count: status.conflicts })}</Link> : none}</dd>
        <dt>{t('details.rejected')}</dt>
        <dd>{status.rejected > 0 ? t('details.count', { count: status.rejected }) : none}</dd>
        <dt>{t('details.quarantined')}</dt>
        <dd>{status.quarantined > 0 ? `${t('details.count', { count: status.quarantined })} ${t('status.quarantinedHint')}` : none}</dd>
        <dt>{t('details.nextAttempt')}</dt>
        <dd>{status.nextAttemptAt ? <RelativeTime iso={status.nextAttemptAt} /> : none}</dd>
        <dt>{t('details.lastError')}</dt>
        <dd className={status.lastError ? 'error' : undefined}>{status.lastError ? errorText(t, status.lastError) : none}</dd>
      </dl>
    </section>
  );
}

export function SyncScreen() {
  const { t } = useTranslation('sync');
  const { status, failure } = useSyncStatus();
  return (
    <div className="sync-screen">
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      {failure && (
        <p role="alert" className="error">
          {t('error', { ns: 'common', message: errorText(t, failure) })}
        </p>
      )}
      {status && status.account === null && <NoServer status={status} />}
      {status &&
        (status.session === 'signed_in' && status.account ? (
          <SignedIn status={{ ...status, account: status.account }} />
        ) : (
          // Keyed by the account, so the form is prefilled again when the back end names another one.
          <SignInForm key={`${status.account?.server} ${status.account?.login}`} status={status} />
        ))}
      {status && <Details status={status} />}
    </div>
  );
}
