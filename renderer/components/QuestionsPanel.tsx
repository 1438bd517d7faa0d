import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../shared/model/question';
import type { Scope } from '../../shared/scopes';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { ApiView } from './ApiView';
import { EditableText } from './EditableText';
import { EditorFooter } from './EditorFooter';
import { ScopeBadge } from './ScopeBadge';
import { useNotices } from '../stores/notices';
import './QuestionsPanel.css';

// 想定問答 of a case or a visit, the same panel on both pages: each question and its answer edited in place, moved
// up and down, scoped; a new one is added last, with its parent's scope unless the person chooses another.

/** The case or the visit the questions are on. */
export type QuestionParent = { caseId: string } | { visitId: string };

export function QuestionsPanel({ parent, parentScope }: { parent: QuestionParent; parentScope: Scope }) {
  const { t } = useTranslation('questions');
  const state = useApi('questions.list', parent);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // A deleted question's buttons are gone: the keyboard goes on from the panel's heading.
  const onDeleted = () => heading.current?.focus();
  return (
    <section className="panel questions" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('heading')}
      </h2>
      <p className="muted hint">{t('help')}</p>
      <ApiView state={state}>
        {(questions) => (
          <>
            {questions.length === 0 ? (
              <p className="muted">{t('none')}</p>
            ) : (
              <ol className="question-list">
                {questions.map((q, i) => (
                  <QuestionItem key={q.id} question={q} number={i + 1} last={i === questions.length - 1} onDeleted={onDeleted} />
                ))}
              </ol>
            )}
            <AddQuestion parent={parent} parentScope={parentScope} />
          </>
        )}
      </ApiView>
    </section>
  );
}

function QuestionItem({ question, number, last, onDeleted }: { question: Question; number: number; last: boolean; onDeleted: () => void }) {
  const { t } = useTranslation('questions');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const failed = (error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) }));
  const update = (values: Partial<Pick<Question, 'question' | 'answer' | 'scope'>>) => call('question.update', { id: question.id, values });
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const pressed = useRef<'up' | 'down' | null>(null);
  // A question moved to the top (or the bottom) disables the button just pressed, which loses the focus: the
  // other button takes it, so the keyboard can move the question back.
  useEffect(() => {
    if (pressed.current === 'up' && number === 1) down.current?.focus();
    if (pressed.current === 'down' && last) up.current?.focus();
    pressed.current = null;
  }, [number, last]);
  // Places count from 0: question `number` sits at number - 1.
  const move = (direction: 'up' | 'down') => {
    pressed.current = direction;
    call('question.move', { id: question.id, to: direction === 'up' ? number - 2 : number }).catch(failed);
  };
  const remove = () =>
    call('question.delete', { id: question.id }).then(
      () => {
        show('info', t('deleted', { question: question.question }));
        onDeleted();
      },
      (error: unknown) => show('error', errorText(error)),
    );
  return (
    <li className="question">
      <span className="question-number" aria-hidden="true">
        {t('numbered', { number })}
      </span>
      <div className="question-texts">
        <EditableText label={t('questionOf', { number })} value={question.question} onSave={(text) => update({ question: text })} multiline rows={2} />
        <EditableText label={t('answerOf', { number })} value={question.answer} onSave={(answer) => update({ answer })} multiline rows={3} placeholder={t('noAnswer')} />
      </div>
      <div className="question-actions">
        <ScopeBadge scope={question.scope} onChange={(scope) => void update({ scope }).catch(failed)} />
        <button type="button" ref={up} onClick={() => move('up')} disabled={number === 1} aria-label={t('moveUpOf', { number })}>
          {t('moveUp')}
        </button>
        <button type="button" ref={down} onClick={() => move('down')} disabled={last} aria-label={t('moveDownOf', { number })}>
          {t('moveDown')}
        </button>
        <button type="button" onClick={() => void remove()} aria-label={t('deleteOf', { number })}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

/** Folded behind its button until wanted; after adding it stays open for the next question. */
function AddQuestion({ parent, parentScope }: { parent: QuestionParent; parentScope: Scope }) {
  const { t } = useTranslation('questions');
  const errorText = useErrorText();
  const prefix = useId();
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [scope, setScope] = useState<Scope | null>(null);
  const [error, setError] = useState<string | null>(null);
  const questionField = useRef<HTMLTextAreaElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => openButton.current?.focus());
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    call('question.add', { ...parent, question, answer, scope: scope ?? parentScope }).then(
      () => {
        setQuestion('');
        setAnswer('');
        setError(null);
        questionField.current?.focus();
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
      <button type="button" ref={openButton} className="add-question" onClick={() => setOpen(true)}>
        {t('add')}
      </button>
    );
  return (
    <form className="add-question-form" onSubmit={add} onKeyDown={onKeyDown} aria-label={t('add')}>
      <div className="editor-fields">
        <label htmlFor={`${prefix}-question`}>{t('fields.question')}</label>
        <textarea
          id={`${prefix}-question`}
          ref={questionField}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          rows={2}
          required
          // Opened to write a question: the keyboard goes on there.
          autoFocus
        />
        <label htmlFor={`${prefix}-answer`}>{t('fields.answer')}</label>
        <textarea id={`${prefix}-answer`} value={answer} onChange={(e) => setAnswer(e.target.value)} rows={3} placeholder={t('answerPlaceholder')} />
        <label htmlFor={`${prefix}-scope`}>{t('fields.scope')}</label>
        <div>
          <ScopeBadge id={`${prefix}-scope`} scope={scope ?? parentScope} onChange={setScope} />
        </div>
      </div>
      <EditorFooter error={error} submit={t('addSubmit')} onClose={close} />
    </form>
  );
}
