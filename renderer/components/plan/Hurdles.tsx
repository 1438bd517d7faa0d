import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDateText } from '../../../shared/dates';
import type { Hurdle } from '../../../shared/model/plan';
import type { PlanView } from '../../../shared/views';
import { ApiFailure, call } from '../../api/client';
import { useErrorText } from '../../api/error-text';
import { hurdleStatusLabel } from '../../labels';
import { useNotices } from '../../stores/notices';
import type { Language } from '../../stores/preferences';
import { EditableText } from '../EditableText';
import { FormActions, SaveError, useSaveFailed } from './common';

// 外的事情: the external hurdles on the way to the order, open ones first; each with what is done about it and by
// whom, resolved with one click.

export function Hurdles({ view, language, highlighted, children }: { view: PlanView; language: Language; highlighted: string | null; children: ReactNode }) {
  const { t } = useTranslation('plan');
  const [adding, setAdding] = useState(false);
  return (
    <section className="plan-part plan-hurdles" aria-labelledby="plan-hurdles">
      <h3 id="plan-hurdles">{t('hurdles.heading')}</h3>
      {children}
      {view.hurdles.length === 0 ? (
        <p className="muted">{t('hurdles.none')}</p>
      ) : (
        <ol className="hurdles">
          {view.hurdles.map((hurdle) => (
            <HurdleItem key={hurdle.id} hurdle={hurdle} language={language} highlighted={hurdle.id === highlighted} />
          ))}
        </ol>
      )}
      {adding ? (
        <AddHurdle caseId={view.caseId} onClose={() => setAdding(false)} />
      ) : (
        <button type="button" className="add-button" onClick={() => setAdding(true)}>
          ＋ {t('hurdles.add')}
        </button>
      )}
    </section>
  );
}

function HurdleItem({ hurdle, language, highlighted }: { hurdle: Hurdle; language: Language; highlighted: boolean }) {
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const failed = useSaveFailed();
  const show = useNotices((s) => s.show);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) item.current?.scrollIntoView?.({ block: 'center' });
  }, [highlighted]);
  const { id, description } = hurdle;
  const resolved = hurdle.status === 'resolved';

  const remove = () =>
    call('hurdle.delete', { id }).then(
      () => show('info', t('hurdles.deleted', { description })),
      (error: unknown) => show('error', errorText(error)),
    );

  return (
    <li ref={item} className={`hurdle${resolved ? ' resolved' : ''}${highlighted ? ' highlighted' : ''}`} aria-label={description}>
      <div className="hurdle-main">
        <span className={`hurdle-status hurdle-${hurdle.status}`}>{hurdleStatusLabel(hurdle.status, language)}</span>
        <EditableText
          label={t('hurdleFields.description')}
          value={description}
          onSave={(text) => call('hurdle.update', { id, values: { description: text } })}
          multiline
          rows={2}
        />
        <EditableText label={t('hurdleFields.since')} value={hurdle.since?.text ?? ''} onSave={(text) => call('hurdle.setText', { id, field: 'since', text })} />
        <EditableText label={t('hurdleFields.counterpart')} value={hurdle.counterpart} onSave={(text) => call('hurdle.update', { id, values: { counterpart: text } })} />
        <div className="row-actions">
          <button
            type="button"
            onClick={() => void call('hurdle.update', { id, values: { status: resolved ? 'open' : 'resolved' } }).catch(failed)}
            aria-label={t(resolved ? 'hurdles.reopenOne' : 'hurdles.resolveOne', { description })}
          >
            {t(resolved ? 'hurdles.reopen' : 'hurdles.resolve')}
          </button>
          <button type="button" onClick={() => void remove()} aria-label={t('hurdles.deleteOne', { description })}>
            {t('hurdles.delete')}
          </button>
        </div>
      </div>
      <Measures hurdle={hurdle} />
    </li>
  );
}

/** What is done about the hurdle and by whom, and a line to add one. */
function Measures({ hurdle }: { hurdle: Hurdle }) {
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const failed = useSaveFailed();
  const [text, setText] = useState('');
  const [actor, setActor] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    call('hurdle.addMeasure', { id: hurdle.id, measure: { text: text.trim(), actor: actor.trim() } }).then(
      () => {
        setText('');
        setActor('');
        setError(null);
        field.current?.focus();
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  const remove = (index: number) => void call('hurdle.update', { id: hurdle.id, values: { measures: hurdle.measures.filter((_, i) => i !== index) } }).catch(failed);

  return (
    <div className="measures">
      <span className="measures-label">{t('hurdles.measures')}</span>
      {hurdle.measures.length === 0 ? (
        <span className="muted">{t('hurdles.noMeasures')}</span>
      ) : (
        <ul>
          {hurdle.measures.map((m, index) => (
            <li key={index}>
              → {m.text}
              {m.actor !== '' && <span className="muted">（{m.actor}）</span>}
              <button type="button" className="icon" aria-label={`${t('delete')}: ${m.text}`} title={t('delete')} onClick={() => remove(index)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="list-add" onSubmit={add} aria-label={t('hurdles.addMeasureFor', { description: hurdle.description })}>
        <input ref={field} aria-label={t('hurdles.measureText')} placeholder={t('hurdles.measureText')} value={text} onChange={(e) => setText(e.target.value)} required />
        <input aria-label={t('hurdles.actor')} placeholder={t('hurdles.actor')} value={actor} onChange={(e) => setActor(e.target.value)} size={12} />
        <button type="submit">{t('add')}</button>
      </form>
      <SaveError error={error} />
    </div>
  );
}

function AddHurdle({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const [description, setDescription] = useState('');
  const [since, setSince] = useState('');
  const [counterpart, setCounterpart] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const date = since.trim() === '' ? null : parseDateText(since);
    if (date === null && since.trim() !== '') {
      setError(errorText(new ApiFailure({ code: 'invalid_date', message: `'${since}' is not a date`, details: { table: 'hurdles', field: 'since', params: { text: since } } })));
      return;
    }
    call('hurdle.add', { caseId, values: { description: description.trim(), since: date, counterpart: counterpart.trim() } }).then(onClose, (failure: unknown) =>
      setError(errorText(failure)),
    );
  };

  return (
    <form className="plan-form hurdle-form" onSubmit={add} onKeyDown={(e) => e.key === 'Escape' && onClose()} aria-label={t('hurdles.add')}>
      <h4>{t('hurdles.add')}</h4>
      <div className="form-fields">
        <label className="wide">
          <span>{t('hurdleFields.description')}</span>
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} required autoFocus />
        </label>
        <label>
          <span>{t('hurdleFields.since')}</span>
          <input type="text" value={since} onChange={(e) => setSince(e.target.value)} placeholder={t('hurdles.sincePlaceholder')} />
        </label>
        <label>
          <span>{t('hurdleFields.counterpart')}</span>
          <input type="text" value={counterpart} onChange={(e) => setCounterpart(e.target.value)} />
        </label>
      </div>
      <SaveError error={error} />
      <FormActions submit={t('add')} onClose={onClose} />
    </form>
  );
}
