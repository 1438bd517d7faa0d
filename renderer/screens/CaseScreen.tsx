import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import { Link, useParams, useSearchParams } from 'react-router';
import { CASE_STATUSES, TRANSLATABLE_CASE_FIELDS, withTranslation, type Case, type CaseStatus, type TranslatableCaseField } from '../../shared/model/case';
import { dayOf } from '../../shared/dates';
import type { StageEvent } from '../../shared/model/stage-event';
import { AGREEMENT_KINDS, type Agreement, type AgreementKind } from '../../shared/model/agreement';
import { suggestAgreement } from '../../shared/agreement-suggestion';
import { PHASES, type Phase } from '../../shared/phases';
import { PRIORITY_PROJECTS, suggestedProjects, type PriorityProject } from '../../shared/reference/priority-projects';
import { findRegion } from '../../shared/reference/regions';
import { SDG_GOALS } from '../../shared/reference/sdgs';
import type { Scope } from '../../shared/scopes';
import { phaseDurations } from '../../shared/timeline';
import type { CaseDetail } from '../../shared/views';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { CaseMatchPanel } from '../components/CaseMatchPanel';
import { DateText } from '../components/DateText';
import { EditableText } from '../components/EditableText';
import { EditorFooter } from '../components/EditorFooter';
import { PlanSection } from '../components/plan/PlanSection';
import { QuestionsPanel } from '../components/QuestionsPanel';
import { ScopeBadge } from '../components/ScopeBadge';
import { agreementKindLabel, countryName, phaseLabel, statusLabel } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences, type Language } from '../stores/preferences';
import './CaseScreen.css';

// 案件: its timeline of stage events first, with the form to add one (what a desk officer comes for), then the time
// it spent in each phase, its summary fields edited in place, and the briefing-pack fields folded away.

type TextField = 'title' | 'sectorLabel' | 'summary' | 'futurePolicy' | 'financing' | 'nextAction' | 'notes';
const SINGLE_LINE: TextField[] = ['sectorLabel', 'financing', 'nextAction'];
const MULTILINE: TextField[] = ['summary', 'futurePolicy', 'notes'];

/** Narrative fields written for briefing packs (説明資料), edited in their own panel. */
type BriefingField = 'outcomeFraming' | 'effectExamples' | 'nextSteps' | 'talkingPoints';
const BRIEFING_FIELDS: BriefingField[] = ['outcomeFraming', 'effectExamples', 'nextSteps', 'talkingPoints'];

function updateCase(id: string, values: Partial<Pick<Case, TextField | BriefingField | 'status' | 'priority' | 'project' | 'scope' | 'sdgGoals' | 'translations'>>) {
  return call('case.update', { id, values });
}

/** Enter saves a one-line event text; Shift+Enter still breaks the line. */
function submitOnEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
  if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

export function CaseScreen() {
  const { id = '' } = useParams();
  const state = useApi('case.get', { id });
  return <ApiView state={state}>{(detail) => <CaseView detail={detail} />}</ApiView>;
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('case');
  const errorText = useErrorText();
  const language = usePreferences((s) => s.language);
  const c = detail.case;
  const savers = useMemo(
    () =>
      Object.fromEntries([...SINGLE_LINE, ...MULTILINE, 'title'].map((field) => [field, (text: string) => updateCase(c.id, { [field]: text })])) as Record<
        TextField,
        (text: string) => Promise<unknown>
      >,
    [c.id],
  );
  const show = useNotices((s) => s.show);
  const failed = (error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) }));

  return (
    <article className="case">
      <nav className="case-nav" aria-label={t('related')}>
        {c.countries.map((iso2) => (
          <Link key={iso2} to={`/dossier/${iso2}`}>
            {t('backToDossier', { country: countryName(iso2, language) })}
          </Link>
        ))}
        {c.countries.length === 0 && <BackToRegion region={c.region} language={language} />}
        <Link to={`/case/${c.id}?plan`}>{t('plan')}</Link>
        <Link to={`/case/${c.id}/history`}>{t('history')}</Link>
      </nav>

      <header className="case-header">
        <EditableText label={t('fields.title')} value={c.title} onSave={savers.title} hideLabel className="case-title" />
        <div className="case-scope">
          <label htmlFor="case-scope">{t('scope')}</label>
          <ScopeBadge id="case-scope" scope={c.scope} onChange={(scope: Scope) => void updateCase(c.id, { scope }).catch(failed)} />
        </div>
      </header>

      <Timeline detail={detail} language={language} />
      <PhaseSpans detail={detail} language={language} />

      <section className="panel case-fields" aria-label={t('summaryFields')}>
        <div className="field-row">
          {SINGLE_LINE.map((field) => (
            <EditableText key={field} label={t(`fields.${field}`)} value={c[field]} onSave={savers[field]} />
          ))}
          <div className="editable">
            <label htmlFor="case-status">{t('fields.status')}</label>
            <select id="case-status" value={c.status} onChange={(e) => void updateCase(c.id, { status: e.target.value as CaseStatus }).catch(failed)}>
              {CASE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status, language)}
                </option>
              ))}
            </select>
          </div>
          <label className="priority">
            <input type="checkbox" checked={c.priority} onChange={(e) => void updateCase(c.id, { priority: e.target.checked }).catch(failed)} /> {t('fields.priority')}
          </label>
          <ProjectPicker c={c} onChange={(project) => void updateCase(c.id, { project }).catch(failed)} />
        </div>
        {MULTILINE.map((field) => (
          <EditableText key={field} label={t(`fields.${field}`)} value={c[field]} onSave={savers[field]} multiline rows={field === 'summary' ? 2 : 3} />
        ))}
      </section>

      <QuestionsPanel parent={{ caseId: c.id }} parentScope={c.scope} />
      <BriefingPanel c={c} language={language} onFailure={failed} />
      <PlanSection caseId={c.id} />
      <CaseMatchPanel caseId={c.id} />
    </article>
  );
}

/**
 * A case of a region as a whole (地域案件) has no dossier to go back to: it leads to the countries screen, which lists
 * it under its region, with that region chosen.
 */
function BackToRegion({ region, language }: { region: string; language: Language }) {
  const { t } = useTranslation('case');
  const known = findRegion(region);
  if (!known) return <Link to="/countries">{t('backToCountries')}</Link>;
  return <Link to={`/countries?region=${known.code}`}>{t('backToRegion', { region: known[language] })}</Link>;
}

/**
 * The priority project (「20(にいまる)」) the case belongs to, or none. The projects its sector and countries suggest
 * come first: a suggestion, which the person confirms by choosing it.
 */
function ProjectPicker({ c, onChange }: { c: Case; onChange: (project: number | null) => void }) {
  const { t } = useTranslation('case');
  const suggested = suggestedProjects(c);
  const others = PRIORITY_PROJECTS.filter((p) => !suggested.includes(p));
  const option = (p: PriorityProject) => (
    <option key={p.no} value={p.no}>
      {p.mark} {p.sector}
    </option>
  );
  return (
    <div className="editable project">
      <label htmlFor="case-project">{t('fields.project')}</label>
      <select id="case-project" value={c.project ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t('projectNone')}</option>
        {suggested.length === 0 ? (
          others.map(option)
        ) : (
          <>
            <optgroup label={t('projectSuggested')}>{suggested.map(option)}</optgroup>
            <optgroup label={t('projectOthers')}>{others.map(option)}</optgroup>
          </>
        )}
      </select>
    </div>
  );
}

/**
 * Languages a narrative field is commonly translated into: English for packs in English, and the languages of the
 * counterparts a pack is handed to (printed beside the handed-over parts). Any other ISO 639-1 code a case already
 * holds is offered too.
 */
const TRANSLATION_LANGUAGES = ['en', 'vi', 'th', 'id', 'ms', 'tl', 'km', 'lo', 'my', 'mn', 'uz', 'hi', 'bn', 'ar', 'tr', 'zh', 'ko', 'ru', 'es', 'pt', 'fr'];

/**
 * 説明資料用: what a briefing pack prints about the case, and a translation of each narrative field beside the
 * Japanese one, in English or a counterpart's language (the pack in English falls back to the Japanese, marked,
 * where the English is empty).
 */
function BriefingPanel({ c, language, onFailure }: { c: Case; language: Language; onFailure: (error: unknown) => void }) {
  const { t } = useTranslation('case');
  const [translationLanguage, setTranslationLanguage] = useState('en');
  const languageNames = useMemo(() => new Intl.DisplayNames([language], { type: 'language' }), [language]);
  const languages = [...new Set([...TRANSLATION_LANGUAGES, ...Object.keys(c.translations)])];
  const saveJapanese = useMemo(
    () =>
      Object.fromEntries(BRIEFING_FIELDS.map((field) => [field, (text: string) => updateCase(c.id, { [field]: text })])) as Record<
        BriefingField,
        (text: string) => Promise<unknown>
      >,
    [c.id],
  );
  const saveTranslation = useMemo(
    () =>
      Object.fromEntries(
        TRANSLATABLE_CASE_FIELDS.map((field) => [field, (text: string) => updateCase(c.id, { translations: withTranslation(c.translations, translationLanguage, field, text) })]),
      ) as Record<TranslatableCaseField, (text: string) => Promise<unknown>>,
    [c.id, c.translations, translationLanguage],
  );
  const languageName = languageNames.of(translationLanguage) ?? translationLanguage;
  const toggleGoal = (goal: number, on: boolean) => {
    const sdgGoals = on ? [...c.sdgGoals, goal].sort((a, b) => a - b) : c.sdgGoals.filter((g) => g !== goal);
    void updateCase(c.id, { sdgGoals }).catch(onFailure);
  };
  // Keyed by language, so a half-typed text never carries over to another language.
  const translation = (field: TranslatableCaseField) => (
    <EditableText
      key={translationLanguage}
      label={t('inLanguage', { field: t(`fields.${field}`), language: languageName })}
      value={c.translations[translationLanguage]?.[field] ?? ''}
      onSave={saveTranslation[field]}
      multiline
      rows={3}
    />
  );
  // The Japanese of summary, future policy and financing is edited in the summary panel above; here only their translation.
  const elsewhere = TRANSLATABLE_CASE_FIELDS.filter((field): field is Exclude<TranslatableCaseField, BriefingField> => !(BRIEFING_FIELDS as string[]).includes(field));

  // Folded: written for the packs now and then, not on each visit; the summary says what is inside.
  return (
    <details className="panel briefing">
      <summary>
        <h2 id="case-briefing">{t('briefing')}</h2>
        <span className="muted">{t('briefingContents')}</span>
      </summary>
      <section className="briefing-fields" aria-labelledby="case-briefing">
        <p className="muted hint">{t('briefingHint')}</p>
        <fieldset className="sdg-goals">
          <legend>{t('fields.sdgGoals')}</legend>
          {SDG_GOALS.map(({ goal, ja, en }) => (
            <label key={goal}>
              <input type="checkbox" checked={c.sdgGoals.includes(goal)} onChange={(e) => toggleGoal(goal, e.target.checked)} /> {goal}. {language === 'ja' ? ja : en}
            </label>
          ))}
        </fieldset>
        <label className="translation-language">
          {t('translationLanguage')}{' '}
          <select value={translationLanguage} onChange={(e) => setTranslationLanguage(e.target.value)}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNames.of(code) ?? code} ({code})
              </option>
            ))}
          </select>
        </label>
        {BRIEFING_FIELDS.map((field) => (
          <div key={field} className="translation-pair">
            <EditableText label={t(`fields.${field}`)} value={c[field]} onSave={saveJapanese[field]} multiline rows={3} />
            {translation(field)}
          </div>
        ))}
        <h3>{t('translationOfSummary', { language: languageName })}</h3>
        {elsewhere.map((field) => (
          <div key={field} className="translation-pair">
            <div className="original">
              <span className="original-label">{t(`fields.${field}`)}</span>
              <p>{c[field] === '' ? <span className="muted">{t('empty')}</span> : c[field]}</p>
            </div>
            {translation(field)}
          </div>
        ))}
      </section>
    </details>
  );
}

/** Current phase and how long the case stayed in each phase, as far as its dates tell. */
function PhaseSpans({ detail, language }: { detail: CaseDetail; language: Language }) {
  const { t } = useTranslation('case');
  const spans = useMemo(() => phaseDurations(detail.events, dayOf(new Date())), [detail.events]);
  return (
    <section className="panel phase-spans" aria-labelledby="case-phases">
      <h2 id="case-phases">
        {t('currentPhase')}: <strong>{phaseLabel(detail.currentPhase, language)}</strong>
      </h2>
      {spans.length > 0 && (
        <table className="grid spans">
          <thead>
            <tr>
              <th scope="col">{t('phase')}</th>
              <th scope="col">{t('entered')}</th>
              <th scope="col">{t('duration')}</th>
            </tr>
          </thead>
          <tbody>
            {spans.map((span) => (
              <tr key={span.phase} className={span.phase === detail.currentPhase ? 'current' : undefined}>
                <th scope="row">{phaseLabel(span.phase, language)}</th>
                <td>{span.entered ? <DateText date={span.entered} /> : <span className="muted">{t('noDatedEvent')}</span>}</td>
                <td>
                  {span.months === null ? (
                    <span className="muted" title={t('durationUnknownWhy')}>
                      {t('durationUnknown')}
                    </span>
                  ) : (
                    t(span.approximate ? 'monthsApprox' : 'months', { count: span.months })
                  )}
                  {span.ongoing && <span className="muted"> {t('untilToday')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Timeline({ detail, language }: { detail: CaseDetail; language: Language }) {
  const { t } = useTranslation('case');
  // A search hit opens the case at its event.
  const [params] = useSearchParams();
  const shown = params.get('event');
  const heading = useRef<HTMLHeadingElement>(null);
  const byPhase = PHASES.map((phase) => ({ phase, events: detail.events.filter((e) => e.phase === phase) })).filter((g) => g.events.length > 0);
  const onDeleted = useCallback(() => heading.current?.focus(), []);
  // The agreements registered of the events (「協定として登録」), badged on their rows.
  const registered = useApi('case.agreements', { caseId: detail.case.id });
  const agreementOf = useMemo(() => new Map((registered.data ?? []).map((a) => [a.eventId, a])), [registered.data]);
  return (
    <section className="panel timeline" aria-labelledby="case-timeline">
      <h2 id="case-timeline" ref={heading} tabIndex={-1}>
        {t('timeline')}
      </h2>
      <AddEvent detail={detail} language={language} />
      {byPhase.length === 0 && <p className="muted">{t('noEvents')}</p>}
      {byPhase.map(({ phase, events }) => (
        <section key={phase} className={`phase-group${phase === detail.currentPhase ? ' current' : ''}`} aria-label={phaseLabel(phase, language)}>
          <h3>{phaseLabel(phase, language)}</h3>
          <ol>
            {events.map((event) => (
              <EventRow
                key={event.id}
                event={event}
                language={language}
                onDeleted={onDeleted}
                highlighted={event.id === shown}
                agreement={agreementOf.get(event.id)}
                countries={detail.case.countries}
              />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

interface EventRowProps {
  event: StageEvent;
  language: Language;
  onDeleted: () => void;
  highlighted: boolean;
  /** The agreement registered of the event, if any. */
  agreement: Agreement | undefined;
  /** The case's countries: the parties an agreement starts with, beside Japan. */
  countries: string[];
}

const EventRow = memo(function EventRow({ event, language, onDeleted, highlighted, agreement, countries }: EventRowProps) {
  const { t } = useTranslation('case');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView?.({ block: 'center' });
  }, [highlighted]);
  const who = [event.organisation, event.signatoryLevel].filter((s) => s !== '').join(' / ');
  const [marking, setMarking] = useState(false);
  const markButton = useRef<HTMLButtonElement>(null);
  // Offered where the text reads as a signing (署名, 覚書, 共同声明, 合意), and on any event of the MoU phase.
  const suggestion = useMemo(() => suggestAgreement(event.text), [event.text]);
  const markable = agreement === undefined && (suggestion !== null || event.phase === 'mou_top_sales');

  const setScope = (scope: Scope) =>
    void call('event.update', { id: event.id, values: { scope } }).catch((error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) })));
  const remove = () => {
    call('event.delete', { id: event.id }).then(
      () => {
        show('info', t('eventDeleted', { text: event.text }));
        onDeleted();
      },
      (error: unknown) => show('error', errorText(error)),
    );
  };
  const closeEditor = () => {
    setEditing(false);
    // Back to where the person started, once the row shows again.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (editing) return <EventEditor event={event} language={language} onClose={closeEditor} />;
  return (
    <li className={highlighted ? 'event highlighted' : 'event'} ref={row}>
      <DateText date={event.date} />
      <div className="event-body">
        <p className="event-text">{event.text}</p>
        {who && <p className="event-who muted">{who}</p>}
        {agreement && (
          <p className="event-agreement">
            <span className="agreement-badge">{t('agreement.badge')}</span> {agreementKindLabel(agreement.kind, language)}
            {agreement.signatoryLevel && <span className="muted"> · {agreement.signatoryLevel}</span>}
          </p>
        )}
        {marking && (
          <AgreementForm
            event={event}
            kind={suggestion?.kind ?? 'other'}
            signatoryLevel={event.signatoryLevel.trim() || (suggestion?.signatoryLevel ?? '')}
            parties={['日本', ...countries.map((iso2) => countryName(iso2, 'ja'))]}
            language={language}
            onClose={() => {
              setMarking(false);
              requestAnimationFrame(() => markButton.current?.focus());
            }}
          />
        )}
      </div>
      <div className="event-actions">
        {markable && !marking && (
          <button
            ref={markButton}
            className={suggestion ? 'mark-agreement suggested' : 'mark-agreement'}
            onClick={() => setMarking(true)}
            aria-label={t('agreement.markEvent', { text: event.text })}
            title={suggestion ? t('agreement.suggested') : undefined}
          >
            {t('agreement.mark')}
          </button>
        )}
        <ScopeBadge scope={event.scope} onChange={setScope} />
        <button ref={editButton} onClick={() => setEditing(true)} aria-label={t('editEvent', { text: event.text })}>
          {t('edit')}
        </button>
        <button onClick={remove} aria-label={t('deleteEvent', { text: event.text })}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
});

/**
 * 「協定として登録」: the agreement the event records, as the text suggests it (kind, each side's level) and with Japan
 * and the case's countries as parties, for the person to correct and confirm in one step. The event's date, case,
 * countries and scope go with it (agreements.mark).
 */
function AgreementForm(props: { event: StageEvent; kind: AgreementKind; signatoryLevel: string; parties: string[]; language: Language; onClose: () => void }) {
  const { event, language, onClose } = props;
  const { t } = useTranslation('case');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const [kind, setKind] = useState(props.kind);
  const [signatoryLevel, setSignatoryLevel] = useState(props.signatoryLevel);
  const [parties, setParties] = useState(props.parties.join('、'));
  const [error, setError] = useState<string | null>(null);
  const prefix = `agreement-${event.id}`;

  const register = (e: FormEvent) => {
    e.preventDefault();
    const named = parties
      .split(/[,、，]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    call('agreements.mark', { marks: [{ eventId: event.id, kind, signatoryLevel, parties: named }] }).then(
      () => {
        show('info', t('agreement.marked', { text: event.text }));
        onClose();
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <form className="agreement-form" onSubmit={register} onKeyDown={onKeyDown} aria-label={t('agreement.markEvent', { text: event.text })}>
      <div className="editor-fields">
        <label htmlFor={`${prefix}-kind`}>{t('agreement.kind')}</label>
        <select id={`${prefix}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AgreementKind)} autoFocus>
          {AGREEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {agreementKindLabel(k, language)}
            </option>
          ))}
        </select>
        <label htmlFor={`${prefix}-level`}>{t('agreement.signatoryLevel')}</label>
        <input id={`${prefix}-level`} type="text" value={signatoryLevel} onChange={(e) => setSignatoryLevel(e.target.value)} placeholder={t('agreement.levelPlaceholder')} />
        <label htmlFor={`${prefix}-parties`}>{t('agreement.parties')}</label>
        <input id={`${prefix}-parties`} type="text" value={parties} onChange={(e) => setParties(e.target.value)} />
      </div>
      <EditorFooter error={error} submit={t('agreement.confirm')} onClose={onClose} />
    </form>
  );
}

function PhaseSelect({ id, value, onChange, language }: { id: string; value: Phase; onChange: (phase: Phase) => void; language: Language }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Phase)}>
      {PHASES.map((phase) => (
        <option key={phase} value={phase}>
          {phaseLabel(phase, language)}
        </option>
      ))}
    </select>
  );
}

/** Inline edit of one event: Enter saves, Escape leaves it as it was. An invalid date is refused whole. */
function EventEditor({ event, language, onClose }: { event: StageEvent; language: Language; onClose: () => void }) {
  const { t } = useTranslation('case');
  const errorText = useErrorText();
  const [phase, setPhase] = useState(event.phase);
  const [date, setDate] = useState(event.date.text);
  const [text, setText] = useState(event.text);
  const [error, setError] = useState<string | null>(null);
  const prefix = `event-${event.id}`;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const values = {
      ...(phase !== event.phase && { phase }),
      ...(date !== event.date.text && { date }),
      ...(text !== event.text && { text }),
    };
    if (Object.keys(values).length === 0) return onClose();
    call('event.update', { id: event.id, values }).then(onClose, (failure: unknown) => setError(errorText(failure)));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <li className="event editing">
      <form onSubmit={save} onKeyDown={onKeyDown} aria-label={t('editEvent', { text: event.text })}>
        <div className="editor-fields">
          <label htmlFor={`${prefix}-phase`}>{t('phase')}</label>
          <PhaseSelect id={`${prefix}-phase`} value={phase} onChange={setPhase} language={language} />
          <label htmlFor={`${prefix}-date`}>{t('date')}</label>
          <input
            id={`${prefix}-date`}
            type="text"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            placeholder={t('datePlaceholder')}
            aria-invalid={error !== null || undefined}
            aria-describedby={error ? `${prefix}-error` : `${prefix}-hint`}
            // Focus lands in the editor the moment it opens, so the keyboard can go on.
            autoFocus
          />
          <label htmlFor={`${prefix}-text`}>{t('text')}</label>
          <textarea id={`${prefix}-text`} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={submitOnEnter} rows={2} required />
        </div>
        <p id={`${prefix}-hint`} className="muted hint">
          {t('editHint')}
        </p>
        <EditorFooter error={error} errorId={`${prefix}-error`} submit={t('save')} onClose={onClose} />
      </form>
    </li>
  );
}

/**
 * A new event, at the top of the timeline; its scope starts as the case's own, and the phase as the case's current
 * phase. Its heading folds it away, for a person who only reads the timeline (open at first: adding is what most come for).
 */
function AddEvent({ detail, language }: { detail: CaseDetail; language: Language }) {
  const { t } = useTranslation('case');
  const errorText = useErrorText();
  const [open, setOpen] = useState(true);
  const [phase, setPhase] = useState<Phase>(detail.currentPhase ?? 'consideration');
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [scope, setScope] = useState<Scope | null>(null);
  const [error, setError] = useState<string | null>(null);
  const textField = useRef<HTMLTextAreaElement>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    call('event.add', { caseId: detail.case.id, phase, date, text, scope: scope ?? detail.case.scope }).then(
      () => {
        setDate('');
        setText('');
        setError(null);
        textField.current?.focus();
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };

  return (
    <div className="add-event">
      <h3 id="add-event-title">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls="add-event-form" onClick={() => setOpen(!open)}>
          {t('addEvent')}
        </button>
      </h3>
      {/* Hidden, not removed, when folded: what was typed stays. */}
      <form id="add-event-form" onSubmit={add} aria-labelledby="add-event-title" hidden={!open}>
        <div className="editor-fields">
          <label htmlFor="add-event-phase">{t('phase')}</label>
          <PhaseSelect id="add-event-phase" value={phase} onChange={setPhase} language={language} />
          <label htmlFor="add-event-date">{t('date')}</label>
          <input
            id="add-event-date"
            type="text"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            placeholder={t('datePlaceholder')}
            aria-invalid={error !== null || undefined}
          />
          <label htmlFor="add-event-scope">{t('scope')}</label>
          <ScopeBadge id="add-event-scope" scope={scope ?? detail.case.scope} onChange={setScope} />
          <label htmlFor="add-event-text">{t('text')}</label>
          <textarea id="add-event-text" ref={textField} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={submitOnEnter} rows={2} required />
          <button type="submit" className="primary">
            {t('add')}
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {t('editing:saveFailed', { message: error })}
          </p>
        )}
      </form>
    </div>
  );
}
