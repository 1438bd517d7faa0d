import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorStatus } from '../../../shared/plan/indicator-status';
import { useErrorText } from '../../api/error-text';
import { indicatorStatusLabel } from '../../labels';
import { useNotices } from '../../stores/notices';
import { usePreferences } from '../../stores/preferences';

// What the parts of the plan's section share.

/** A plan's status as a coloured badge: 順調 / 要注意 / 遅延 / データなし. */
export function StatusBadge({ status, title, label }: { status: IndicatorStatus; title?: string; label?: string }) {
  const language = usePreferences((s) => s.language);
  return (
    <span className={`plan-status plan-status-${status}`} title={title} aria-label={label}>
      {indicatorStatusLabel(status, language)}
    </span>
  );
}

/** `(error) => void` showing a failed save as a notice, for edits made by a click or a choice. */
export function useSaveFailed(): (error: unknown) => void {
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  return useCallback((error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) })), [show, t, errorText]);
}

/** Why a save failed, where the form or list is; nothing while it did not. */
export function SaveError({ error }: { error: string | null }) {
  const { t } = useTranslation('plan');
  if (error === null) return null;
  return (
    <p role="alert" className="error">
      {t('editing:saveFailed', { message: error })}
    </p>
  );
}

/** A plan form's buttons: save (named `submit`), cancel, and any further action after them. */
export function FormActions({ submit, onClose, children }: { submit: string; onClose: () => void; children?: ReactNode }) {
  const { t } = useTranslation('plan');
  return (
    <div className="form-actions">
      <button type="submit" className="primary">
        {submit}
      </button>
      <button type="button" onClick={onClose}>
        {t('indicators.cancel')}
      </button>
      {children}
    </div>
  );
}
