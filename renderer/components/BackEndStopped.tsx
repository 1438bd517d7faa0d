import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, on } from '../api/client';
import { useErrorText } from '../api/error-text';

// In the desktop app the back end runs in a process of its own. Should it stop (a crash), nothing half written
// stays (every write is one transaction): the window says so, in place of whatever failed, and starts it again.

export function BackEndStopped() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [stopped, setStopped] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => on('backEnd.stopped', () => setStopped(true)), []);
  if (!stopped) return null;
  const restart = () => {
    setBusy(true);
    setFailure(null);
    call('backEnd.restart', {})
      .then(() => setStopped(false))
      .catch((error: unknown) => setFailure(errorText(error)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="back-end-stopped error" role="alert">
      <p>{t('errors:code.back_end_stopped')}</p>
      <button className="primary" onClick={restart} disabled={busy}>
        {t('restart')}
      </button>
      {failure && <p>{failure}</p>}
    </div>
  );
}
