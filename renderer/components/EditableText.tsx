import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import './EditableText.css';

interface EditableTextProps {
  label: string;
  value: string;
  /** Stores the text; a rejection keeps what was typed and shows why. */
  onSave: (text: string) => Promise<unknown>;
  multiline?: boolean;
  /** The label is still there for assistive technology, only not shown (a heading that is its own field). */
  hideLabel?: boolean;
  className?: string;
  rows?: number;
  /** Shown while the field is empty: what to write there. */
  placeholder?: string;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * A text field that saves itself when it loses focus, like a spreadsheet cell: typing only touches local state,
 * so it never waits on the store. A single-line field also saves on Enter and reverts on Escape.
 */
export const EditableText = memo(function EditableText({ label, value, onSave, multiline = false, hideLabel = false, className, rows = 3, placeholder }: EditableTextProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  // What the person typed and has not yet seen come back from the store; null shows the stored value.
  const [draft, setDraft] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const focused = useRef(false);

  // A new stored value (our own save coming back, or an edit from elsewhere) replaces the draft unless the person
  // is typing or the draft failed to save.
  useEffect(() => {
    if (!focused.current && save.kind !== 'failed') setDraft(null);
    // Only a new stored value drops the draft, not a change of save state.
  }, [value]);

  const commit = () => {
    focused.current = false;
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    setSave({ kind: 'saving' });
    onSave(draft).then(
      () => setSave({ kind: 'saved' }),
      (error: unknown) => setSave({ kind: 'failed', message: errorText(error) }),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (multiline) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.blur();
      return;
    }
    if (e.key === 'Enter') e.currentTarget.blur();
    if (e.key === 'Escape') {
      setDraft(null);
      setSave({ kind: 'idle' });
    }
  };

  const common = {
    id,
    value: draft ?? value,
    placeholder,
    onFocus: () => {
      focused.current = true;
    },
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      if (save.kind !== 'idle') setSave({ kind: 'idle' });
    },
    onBlur: commit,
    onKeyDown,
    'aria-invalid': save.kind === 'failed' || undefined,
    'aria-describedby': save.kind === 'failed' ? `${id}-error` : undefined,
  };
  return (
    <div className={`editable ${className ?? ''}`}>
      <div className="editable-head">
        <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
          {label}
        </label>
        <span className="save-state muted" aria-live="polite">
          {save.kind === 'saving' && t('editing:saving')}
          {save.kind === 'saved' && t('saved')}
        </span>
      </div>
      {multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />}
      {save.kind === 'failed' && (
        <p id={`${id}-error`} role="alert" className="error">
          {t('editing:saveFailed', { message: save.message })}
        </p>
      )}
    </div>
  );
});
