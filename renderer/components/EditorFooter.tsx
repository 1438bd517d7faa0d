import { useTranslation } from 'react-i18next';
import './EditorFooter.css';

/** The end of an inline editor: why saving failed, when it did, then save and cancel. */
export function EditorFooter({ error, errorId, submit, onClose }: { error: string | null; errorId?: string; submit: string; onClose: () => void }) {
  const { t } = useTranslation('editing');
  return (
    <>
      {error && (
        <p id={errorId} role="alert" className="error">
          {t('saveFailed', { message: error })}
        </p>
      )}
      <div className="editor-actions">
        <button type="submit" className="primary">
          {submit}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </>
  );
}
