import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import { Link, useParams } from 'react-router';
import type { ApiArgs } from '../../shared/api';
import { VISIT_KINDS, type Counterpart, type Delegate, type Visit, type VisitKind } from '../../shared/model/visit';
import { formatDate } from '../../shared/dates';
import { PHASES, type Phase } from '../../shared/phases';
import type { CaseSummary, RecordedOutcome } from '../../shared/views';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { EditableText } from '../components/EditableText';
import { QuestionsPanel } from '../components/QuestionsPanel';
import { ScopeBadge } from '../components/ScopeBadge';
import { VisitProfilesPanel } from '../components/VisitProfilesPanel';
import { countryName, phaseLabel, visitKindLabel } from '../labels';
import { useNotices } from '../stores/notices';
import { dateStyleOf, usePreferences, type Language } from '../stores/preferences';
import './VisitScreen.css';

// One visit edited in place: who goes, whom they meet, what they want, which cases; and afterwards, what came of
// it, written onto the linked cases' timelines in one step and listed here, so nobody records it twice.

type VisitValues = ApiArgs<'visit.update'>['values'];

function updateVisit(id: string, values: VisitValues) {
  return call('visit.update', { id, values });
}

export function VisitScreen() {
  const { id = '' } = useParams();
  const state = useApi('visit.get', { id });
  return <ApiView state={state}>{(visit) => <VisitView visit={visit} />}</ApiView>;
}

function VisitView({ visit }: { visit: Visit }) {
  const { t } = useTranslation('visits');
  const errorText = useErrorText();
  const language = usePreferences((s) => s.language);
  const dateStyle = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  const show = useNotices((s) => s.show);
  const failed = (error: unknown) => show('error', t('editing:saveFailed', { message: errorText(error) }));
  const save = (values: VisitValues) => updateVisit(visit.id, values);
  return (
    <article className="visit">
      <nav className="visit-nav" aria-label={t('related')}>
        <Link to={`/visits?country=${visit.country}`}>{t('backToList')}</Link>
        <Link to={`/dossier/${visit.country}`}>{t('toDossier', { country: countryName(visit.country, language) })}</Link>
        <Link to={`/pack?visit=${visit.id}`}>{t('pack:fromVisit')}</Link>
      </nav>
      <header className="visit-header">
        <EditableText label={t('fields.title')} value={visit.title} onSave={(title) => save({ title })} hideLabel className="visit-title" />
        <ScopeBadge scope={visit.scope} onChange={(scope) => void save({ scope }).catch(failed)} />
      </header>

      <section className="panel visit-fields" aria-label={t('fields.heading')}>
        {/* Each cell a label over its field, as EditableText lays them out, so the three line up. */}
        <div className="field-row">
          <div className="editable">
            <div className="editable-head">
              <label htmlFor="visit-kind">{t('fields.kind')}</label>
            </div>
            <select id="visit-kind" value={visit.kind} onChange={(e) => void save({ kind: e.target.value as VisitKind }).catch(failed)}>
              {VISIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {visitKindLabel(k, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="editable">
            <div className="editable-head">
              <span className="field-label">{t('fields.country')}</span>
            </div>
            <span className="field-static">{countryName(visit.country, language)}</span>
          </div>
          {/* Shown in the user's style (2021年5月10日～12日), edited in any form a date takes. */}
          <EditableText label={t('fields.dates')} value={formatDate(visit.dates, dateStyle)} onSave={(dates) => save({ dates })} />
        </div>
        <EditableText label={t('fields.objectives')} value={visit.objectives} onSave={(objectives) => save({ objectives })} multiline />
        <EditableText label={t('fields.asks')} value={visit.asks} onSave={(asks) => save({ asks })} multiline />
      </section>

      <People<Delegate>
        title={t('delegation')}
        rows={visit.delegation}
        columns={['name', 'title', 'level']}
        empty={{ name: '', title: '', level: '' }}
        onSave={(delegation) => save({ delegation })}
        onFail={failed}
      />
      <People<Counterpart>
        title={t('counterparts')}
        rows={visit.counterparts}
        columns={['name', 'title', 'organisation']}
        empty={{ name: '', title: '', organisation: '' }}
        onSave={(counterparts) => save({ counterparts })}
        onFail={failed}
      />
      <VisitProfilesPanel visit={visit} />
      <QuestionsPanel parent={{ visitId: visit.id }} parentScope={visit.scope} />
      <LinkedCases visit={visit} onFail={failed} />
    </article>
  );
}

/** Delegation or counterparts: a row per person, each cell saved on its own, rows added and removed. */
function People<P extends Delegate | Counterpart>({
  title,
  rows,
  columns,
  empty,
  onSave,
  onFail,
}: {
  title: string;
  rows: P[];
  columns: (keyof P & string)[];
  empty: P;
  onSave: (rows: P[]) => Promise<unknown>;
  onFail: (error: unknown) => void;
}) {
  const { t } = useTranslation('visits');
  const headingId = `people-${columns.join('-')}`;
  return (
    <section className="panel people" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {rows.length === 0 && <p className="muted">{t('nobody')}</p>}
      <ol>
        {rows.map((row, i) => (
          <li key={i} className="person">
            {columns.map((column) => (
              <EditableText
                key={column}
                label={t('person', { field: t(`people.${column}`), number: i + 1 })}
                value={String(row[column])}
                onSave={(text) => onSave(rows.map((r, j) => (j === i ? { ...r, [column]: text } : r)))}
              />
            ))}
            <button type="button" onClick={() => void onSave(rows.filter((_, j) => j !== i)).catch(onFail)}>
              {t('remove', { number: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void onSave([...rows, empty]).catch(onFail)}>
        {t('addPerson', { list: title })}
      </button>
    </section>
  );
}

/** The country's cases to tick, and for the ticked ones a line each to record what the visit achieved. */
function LinkedCases({ visit, onFail }: { visit: Visit; onFail: (error: unknown) => void }) {
  const { t } = useTranslation('visits');
  const language = usePreferences((s) => s.language);
  const state = useApi('cases.list', { country: visit.country });
  const recorded = useApi('visit.recordedOutcomes', { id: visit.id });
  const toggle = (caseId: string, linked: boolean) =>
    void updateVisit(visit.id, { caseIds: linked ? [...visit.caseIds, caseId] : visit.caseIds.filter((id) => id !== caseId) }).catch(onFail);
  return (
    <ApiView state={state}>
      {(cases) => {
        const linked = visit.caseIds.flatMap((id) => cases.filter((c) => c.id === id));
        return (
          <>
            <section className="panel linked-cases" aria-labelledby="visit-cases">
              <h2 id="visit-cases">{t('linkedCases')}</h2>
              {cases.length === 0 && <p className="muted">{t('noCases')}</p>}
              <ul>
                {cases.map((c) => (
                  <li key={c.id}>
                    <label>
                      <input type="checkbox" checked={visit.caseIds.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.title}
                    </label>{' '}
                    <span className="muted">{phaseLabel(c.currentPhase, language)}</span> <Link to={`/case/${c.id}`}>{t('openCase')}</Link>
                  </li>
                ))}
              </ul>
            </section>
            <ApiView state={recorded}>
              {(outcomes) => (
                <>
                  <RecordedOutcomes outcomes={outcomes} language={language} />
                  {linked.length > 0 && <Outcomes visit={visit} cases={linked} recorded={outcomes} language={language} />}
                </>
              )}
            </ApiView>
          </>
        );
      }}
    </ApiView>
  );
}

/** What was recorded of the visit: each outcome on its case, with the way to the event on the case's page. */
function RecordedOutcomes({ outcomes, language }: { outcomes: RecordedOutcome[]; language: Language }) {
  const { t } = useTranslation('visits');
  return (
    <section className="panel recorded-outcomes" aria-labelledby="visit-recorded">
      <h2 id="visit-recorded">{t('recorded.heading')}</h2>
      {outcomes.length === 0 ? (
        <p className="muted">{t('recorded.none')}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('recorded.case')}</th>
              <th scope="col">{t('outcome.phase')}</th>
              <th scope="col">{t('outcome.date')}</th>
              <th scope="col">{t('outcome.text')}</th>
              <th scope="col">{t('common:scope.label')}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/case/${o.caseId}?event=${o.id}`}>{o.caseTitle}</Link>
                </td>
                <td>{phaseLabel(o.phase, language)}</td>
                <td className="date-cell">
                  <DateText date={o.date} />
                </td>
                <td>{o.text}</td>
                <td>
                  <ScopeBadge scope={o.scope} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface OutcomeLine {
  phase: Phase;
  date: string;
  text: string;
}

/** The same text recorded already for the case: recording it again would only duplicate the event. */
function recordedAlready(recorded: RecordedOutcome[], caseId: string, text: string): boolean {
  const wanted = text.trim();
  return wanted !== '' && recorded.some((o) => o.caseId === caseId && o.text.trim() === wanted);
}

function Outcomes({ visit, cases, recorded, language }: { visit: Visit; cases: CaseSummary[]; recorded: RecordedOutcome[]; language: Language }) {
  const { t } = useTranslation('visits');
  const errorText = useErrorText();
  const dateStyle = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  const [lines, setLines] = useState<Record<string, OutcomeLine>>({});
  const [error, setError] = useState<string | null>(null);
  // Stays until the next edit: the list above shows what was recorded, this says it just happened.
  const [done, setDone] = useState<number | null>(null);
  const line = (c: CaseSummary): OutcomeLine => lines[c.id] ?? { phase: c.currentPhase ?? 'consultation', date: formatDate(visit.dates, dateStyle), text: '' };
  const edit = (c: CaseSummary, change: Partial<OutcomeLine>) => {
    setDone(null);
    setLines({ ...lines, [c.id]: { ...line(c), ...change } });
  };
  const outcomes = cases.filter((c) => line(c).text.trim() !== '').map((c) => ({ caseId: c.id, ...line(c) }));
  const duplicate = outcomes.some((o) => recordedAlready(recorded, o.caseId, o.text));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    call('visit.outcomes', { id: visit.id, outcomes })
      .then(({ ids }) => {
        setLines({});
        setDone(ids.length);
      })
      .catch((failure: unknown) => setError(errorText(failure)));
  };
  return (
    <form className="panel outcomes" onSubmit={submit} aria-labelledby="visit-outcomes">
      <h2 id="visit-outcomes">{t('outcomes')}</h2>
      <p className="muted">{t('outcomesHelp')}</p>
      {cases.map((c, i) => {
        const count = recorded.filter((o) => o.caseId === c.id).length;
        return (
          <fieldset key={c.id}>
            <legend>
              {c.title}
              {count > 0 && <span className="muted recorded-count">{t('recorded.count', { count })}</span>}
            </legend>
            <label>
              {t('outcome.phase')}
              <select value={line(c).phase} onChange={(e) => edit(c, { phase: e.target.value as Phase })} aria-label={t('outcome.phaseOf', { number: i + 1 })}>
                {PHASES.map((p) => (
                  <option key={p} value={p}>
                    {phaseLabel(p, language)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('outcome.date')}
              <input type="text" value={line(c).date} onChange={(e) => edit(c, { date: e.target.value })} aria-label={t('outcome.dateOf', { number: i + 1 })} />
            </label>
            <label className="outcome-text">
              {t('outcome.text')}
              <input type="text" value={line(c).text} onChange={(e) => edit(c, { text: e.target.value })} aria-label={t('outcome.textOf', { number: i + 1 })} />
            </label>
            {recordedAlready(recorded, c.id, line(c).text) && <p className="error outcome-duplicate">{t('recorded.duplicate')}</p>}
          </fieldset>
        );
      })}
      <div className="outcomes-submit">
        <button type="submit" className="primary" disabled={outcomes.length === 0 || duplicate}>
          {t('recordOutcomes')}
        </button>
        {done !== null && <p role="status">{t('outcomesRecorded', { count: done })}</p>}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
