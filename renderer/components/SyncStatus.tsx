import { useTranslation } from 'react-i18next';

/**
 * Where the data stands with the central server. Until sync is set up everything stays on this device; the sync
 * client will fill this slot with online/offline, the outbox, the last sync and open conflicts.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  return (
    <span className="sync-status" role="status">
      {t('status.local')} · {t('status.syncNotConfigured')}
    </span>
  );
}
