import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus as Status } from '../../shared/sync/status';
import { errorText } from '../api/error-text';
import { usePreferences, type Language } from '../stores/preferences';
import { syncNow, useNetworkReports, useSync, useSyncStatus } from '../stores/sync';
import './SyncStatus.css';

// Where the data stands with the central server: in the layout on every screen, and in short on the home screen.

/** "3 minutes ago", "in 5 minutes": the unit that keeps the number small. */
function relativeTime(iso: string, now: number, language: Language): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const size = Math.abs(seconds);
  if (size < 60) return format.format(seconds, 'second');
  if (size < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (size < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

function exactTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** Renders again every few seconds, so relative times stay true between status changes. */
function useTicks(everyMs = 15_000): void {
  const [, setTicks] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTicks((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
}

/** A time relative to now, the exact one on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const language = usePreferences((s) => s.language);
  useTicks();
  return (
    <time dateTime={iso} title={exactTime(iso, language)}>
      {relativeTime(iso, Date.now(), language)}
    </time>
  );
}

/** Why sync is not running, in a few words; null while it runs. */
export function sessionText(status: Status): 'status.notSetUp' | 'status.signedOut' | 'status.expired' | 'status.revoked' | null {
  if (status.session === 'signed_in') return null;
  if (status.session === 'signed_out') return status.account ? 'status.signedOut' : 'status.notSetUp';
  return `status.${status.session}`;
}

/**
 * What waits to be sent, shown whatever the session: a store that never had a server still holds every change it
 * will send at its first sign-in. Once everything is sent, a signed-in bar says so.
 */
function Outbox({ status }: { status: Status }) {
  const { t } = useTranslation('sync');
  if (status.outbox === 0 && status.session === 'signed_in') return <span className="sync-outbox">{t('status.allSent')}</span>;
  return <span className={status.outbox > 0 ? 'sync-outbox sync-waiting' : 'sync-outbox'}>{t('status.outbox', { count: status.outbox })}</span>;
}

/** The bar in the layout: connection (or no server), outbox, last sync, conflicts, "sync now", the last error. */
export function SyncStatus() {
  const { t } = useTranslation('sync');
  const { status, failure } = useSyncStatus();
  // Mounted once, in the layout: the one place the browser's network events are passed on.
  useNetworkReports();
  if (!status) return failure ? <div className="sync-status error">{errorText(t, failure)}</div> : null;
  const stopped = sessionText(status);
  return (
    <div className="sync-status" role="group" aria-label={t('status.label')}>
      {stopped ? (
        <>
          {/* Neither online nor offline: without a server there is nothing to reach. */}
          <span className={`sync-state ${status.account ? 'sync-stopped' : 'sync-no-server'}`} title={status.account ? undefined : t('status.noServerHint')}>
            {t(stopped)}
          </span>
          <Outbox status={status} />
          <Link to="/sync">{t('status.signIn')}</Link>
        </>
      ) : (
        <>
          <Link to="/sync" className={`sync-state ${status.online ? 'sync-online' : 'sync-offline'}`} title={status.account ? t('status.account', status.account) : undefined}>
            {status.syncing ? t('status.syncing') : t(status.online ? 'status.online' : 'status.offline')}
          </Link>
          <Outbox status={status} />
          <span>
            {status.lastSyncAt ? (
              <>
                {t('status.lastSync')} <RelativeTime iso={status.lastSyncAt} />
              </>
            ) : (
              t('status.neverSynced')
            )}
          </span>
          <button onClick={() => void syncNow()} disabled={status.syncing}>
            {t('status.syncNow')}
          </button>
        </>
      )}
      {status.conflicts > 0 && (
        <Link to="/conflicts" className="sync-conflicts">
          {t('status.conflicts', { count: status.conflicts })}
        </Link>
      )}
      {status.rejected > 0 && <span className="sync-rejected">{t('status.rejected', { count: status.rejected })}</span>}
      {status.quarantined > 0 && (
        <Link to="/sync" className="sync-rejected" title={t('status.quarantinedHint')}>
          {t('status.quarantined', { count: status.quarantined })}
        </Link>
      )}
      {status.lastError && <span className="sync-error error">{errorText(t, status.lastError)}</span>}
    </div>
  );
}

/**
 * One line for the home screen: with whom this device syncs, and where to set it up. It reads the status the bar in
 * the layout keeps current rather than asking again: the back end counts the outbox for every status asked.
 */
export function SyncSummary() {
  const { t } = useTranslation('sync');
  const status = useSync((s) => s.status);
  if (!status) return null;
  const account = status.account;
  return (
    <>
      <span role="status">{account === null ? t('summary.notSetUp') : t(status.session === 'signed_in' ? 'summary.signedIn' : 'summary.notSyncing', account)}</span>{' '}
      <Link to="/sync">{t('summary.settings')}</Link>
    </>
  );
}
