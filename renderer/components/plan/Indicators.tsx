import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compareDates, parseDateText, type KarteDate } from '../../../shared/dates';
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_LEVELS, INDICATOR_MEASURES, type Indicator, type IndicatorPeriod } from '../../../shared/model/plan';
import { projectByNo, type ProjectKpi } from '../../../shared/reference/priority-projects';
import type { IndicatorView, PlanView } from '../../../shared/views';
import { ApiFailure, call } from '../../api/client';
import { useErrorText } from '../../api/error-text';
import { indicatorDirectionLabel, indicatorKindLabel, indicatorLevelLabel, indicatorMeasureLabel } from '../../labels';
import { useNotices } from '../../stores/notices';
import type { Language } from '../../stores/preferences';
import { DateText } from '../DateText';
import { indicatorValueInput, indicatorValueText } from './plan-values';
import { FormActions, SaveError, StatusBadge } from './common';

// The plan's indicators as a table: one row per indicator, one column per period (a 年度 mostly) with its target,
// its revised target beside the original, and its actual; the status each indicator stands at. Rows and periods
// are edited in a form that opens under the row.

/** The periods any indicator has values for, in time order: the table's columns. */
function periodColumns(indicators: IndicatorView[]): { key: string; date: KarteDate }[] {
  const columns = new Map<string, KarteDate>();
  for (const indicator of indicators) for (const p of indicator.periods) columns.set(periodKey(p.period), p.period);
  return [...columns].map(([key, date]) => ({ key, date })).sort((a, b) => compareDates(a.date, b.date));
}

const periodKey = (period: KarteDate) => period.sort ?? period.text;

/** What is being edited: an indicator, or one period of one (null: a new period). */
type Editing = { indicatorId: string; what: 'indicator' } | { indicatorId: string; what: 'period'; period: IndicatorPeriod | null };

export function Indicators({ view, language, highlighted, children }: { view: PlanView; language: Language; highlighted: string | null; children: ReactNode }) {
  const { t } = useTranslation('plan');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [adding, setAdding] = useState(false);
  const columns = periodColumns(view.indicators);
  const kpis = view.project === null ? [] : (projectByNo(view.project)?.kpis ?? []);
  // Level, indicator, baseline, the periods, status, actions.
  const span = columns.length + 5;

  return (
    <section className="plan-part plan-indicators" aria-labelledby="plan-indicators">
      <h3 id="plan-indicators">{t('indicators.heading')}</h3>
      <p className="definition">{t('statusRule')}</p>
      {children}
      {view.indicators.length === 0 ? (
        <p className="muted">{t('indicators.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="grid indicators">
            <thead>
              <tr>
                <th scope="col" className="level">
                  {t('indicatorFields.level')}
                </th>
                <th scope="col">{t('indicatorFields.statement')}</th>
                <th scope="col" className="baseline">
                  {t('indicatorFields.baseline')}
                </th>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className="period-head">
                    <DateText date={c.date} />
                  </th>
                ))}
                <th scope="col" className="status">
                  {t('indicators.status')}
                </th>
                <th scope="col" className="actions">
                  <span className="visually-hidden">{t('indicators.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.indicators.map((indicator) => (
                <IndicatorRows
                  key={indicator.id}
                  indicator={indicator}
                  columns={columns}
                  span={span}
                  language={language}
                  editing={editing?.indicatorId === indicator.id ? editing : null}
                  onEdit={setEditing}
                  highlighted={indicator.id === highlighted}
                  kpis={kpis}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted hint">{view.indicators.length > 0 && t('indicators.periodsHint')}</p>
      {adding ? (
        <IndicatorForm caseId={view.caseId} kpis={kpis} indicator={null} language={language} onClose={() => setAdding(false)} />
      ) : (
        <button type="button" className="add-button" onClick={() => setAdding(true)}>
          ＋ {t('indicators.add')}
        </button>
      )}
    </section>
  );
}

interface IndicatorRowsProps {
  indicator: IndicatorView;
  columns: { key: string; date: KarteDate }[];
  span: number;
  language: Language;
  editing: Editing | null;
  onEdit: (editing: Editing | null) => void;
  highlighted: boolean;
  kpis: readonly ProjectKpi[];
}

/** An indicator's row, and under it the form editing it or one of its periods. */
function IndicatorRows({ indicator, columns, span, language, editing, onEdit, highlighted, kpis }: IndicatorRowsProps) {
  const { t } = useTranslation('plan');
  const show = useNotices((s) => s.show);
  const errorText = useErrorText();
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView?.({ block: 'center' });
  }, [highlighted]);
  const byPeriod = new Map(indicator.periods.map((p) => [periodKey(p.period), p]));
  // A cumulative indicator is read on the sum of its actuals so far: shown under each period's own actual.
  const totals = new Map<string, number>();
  if (indicator.cumulative) {
    let total = 0;
    for (const p of indicator.periods) {
      if (typeof p.actual !== 'number') continue;
      total += p.actual;
      totals.set(p.id, total);
    }
  }
  const { reading } = indicator;
  const value = (v: IndicatorPeriod['target']) => indicatorValueText(v, indicator, language);
  const readingText =
    indicator.measure === 'qualitative'
      ? t('indicators.notRated')
      : reading.period === null || reading.actual === null || reading.target === null
        ? t('indicators.noReading')
        : t('indicators.reading', {
            period: indicator.periods.find((p) => p.period.sort === reading.period)?.period.text ?? reading.period,
            actual: value(reading.actual),
            target: value(reading.target),
            ratio: reading.ratio === null ? '—' : Math.round(reading.ratio * 100),
          });
  const meta = [
    indicatorKindLabel(indicator.kind, language),
    indicatorMeasureLabel(indicator.measure, language),
    indicator.measure === 'qualitative' ? '' : indicatorDirectionLabel(indicator.direction, language),
    indicator.cumulative ? t('indicators.cumulative') : '',
    indicator.unit === '' ? '' : `${t('indicatorFields.unit')}: ${indicator.unit}`,
  ].filter((s) => s !== '');

  const remove = () =>
    call('indicator.delete', { id: indicator.id }).then(
      () => show('info', t('indicators.deleted', { statement: indicator.statement })),
      (error: unknown) => show('error', errorText(error)),
    );

  return (
    <>
      <tr ref={row} className={highlighted ? 'highlighted' : undefined}>
        <td className="level">{indicatorLevelLabel(indicator.level, language)}</td>
        <th scope="row" className="statement">
          <span className="statement-text">{indicator.statement}</span>
          <span className="indicator-meta muted">{meta.join(language === 'ja' ? '・' : ', ')}</span>
        </th>
        <td className="baseline num">
          {indicator.baseline === null ? <span className="muted">—</span> : value(indicator.baseline)}
          {indicator.baselineDate && (
            <span className="muted baseline-date">
              <DateText date={indicator.baselineDate} />
            </span>
          )}
        </td>
        {columns.map((c) => {
          const p = byPeriod.get(c.key);
          const read = p !== undefined && reading.period !== null && p.period.sort === reading.period && indicator.measure !== 'qualitative';
          return (
            <td key={c.key} className={`period${read ? ' read' : ''}`}>
              <button
                type="button"
                className="period-cell"
                aria-label={t(p ? 'indicators.editPeriod' : 'indicators.enterPeriod', { period: c.date.text, statement: indicator.statement })}
                title={t(p ? 'indicators.editPeriod' : 'indicators.enterPeriod', { period: c.date.text, statement: indicator.statement })}
                onClick={() => onEdit({ indicatorId: indicator.id, what: 'period', period: p ?? { ...emptyPeriod(indicator), period: c.date } })}
              >
                {p ? <PeriodValues period={p} value={value} total={totals.get(p.id) ?? null} /> : <span className="muted">＋</span>}
              </button>
            </td>
          );
        })}
        <td className="status">
          <StatusBadge status={reading.status} title={readingText} />
        </td>
        <td className="actions">
          <div className="row-actions">
            <button
              type="button"
              onClick={() => onEdit({ indicatorId: indicator.id, what: 'period', period: null })}
              aria-label={t('indicators.addPeriodFor', { statement: indicator.statement })}
            >
              ＋{t('indicators.period')}
            </button>
            <button type="button" onClick={() => onEdit({ indicatorId: indicator.id, what: 'indicator' })} aria-label={t('indicators.editOne', { statement: indicator.statement })}>
              {t('indicators.edit')}
            </button>
            <button type="button" onClick={() => void remove()} aria-label={t('indicators.deleteOne', { statement: indicator.statement })}>
              {t('indicators.delete')}
            </button>
          </div>
        </td>
      </tr>
      {editing && (
        <tr className="row-editor">
          <td colSpan={span}>
            {editing.what === 'indicator' ? (
              <IndicatorForm caseId={indicator.caseId} kpis={kpis} indicator={indicator} language={language} onClose={() => onEdit(null)} />
            ) : (
              <PeriodForm indicator={indicator} period={editing.period} onClose={() => onEdit(null)} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** A period not yet entered, for the form opened from its empty cell (its id empty: nothing is stored yet). */
function emptyPeriod(indicator: Indicator): IndicatorPeriod {
  return {
    id: '',
    caseId: indicator.caseId,
    indicatorId: indicator.id,
    period: parseDateText('') as KarteDate,
    target: null,
    revisedTarget: null,
    actual: null,
    comment: '',
    evidence: '',
    scope: indicator.scope,
    deleted: false,
  };
}

/** Target, the revised target beside it (never instead of it), and actual, one line each. */
function PeriodValues({ period, value, total }: { period: IndicatorPeriod; value: (v: IndicatorPeriod['target']) => string; total: number | null }) {
  const { t } = useTranslation('plan');
  const line = (key: string, v: IndicatorPeriod['target'], className: string) =>
    v !== null && (
      <span className={`period-line ${className}`}>
        <span className="period-label">{t(key)}</span> {value(v)}
      </span>
    );
  const empty = period.target === null && period.revisedTarget === null && period.actual === null;
  return (
    <>
      {line('indicators.target', period.target, period.revisedTarget === null ? 'target' : 'target superseded')}
      {line('indicators.revised', period.revisedTarget, 'revised')}
      {line('indicators.actual', period.actual, 'actual')}
      {total !== null && total !== period.actual && line('indicators.total', total, 'total')}
      {empty && <span className="muted">{period.comment === '' ? '—' : period.comment}</span>}
    </>
  );
}

const closeOnEscape = (onClose: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Escape') {
    e.preventDefault();
    onClose();
  }
};

/** One period's values; a new period names itself (2024年度, or 2024 for the same). */
function PeriodForm({ indicator, period, onClose }: { indicator: IndicatorView; period: IndicatorPeriod | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const stored = period !== null && period.id !== '';
  const [periodText, setPeriodText] = useState(period?.period.text ?? '');
  const initial = {
    target: indicatorValueInput(period?.target ?? null),
    revisedTarget: indicatorValueInput(period?.revisedTarget ?? null),
    actual: indicatorValueInput(period?.actual ?? null),
    comment: period?.comment ?? '',
    evidence: period?.evidence ?? '',
  };
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const placeholder = indicator.measure === 'qualitative' ? t('indicators.wordsPlaceholder') : t('indicators.numberPlaceholder');
  const formName =
    period && period.period.text !== ''
      ? t('indicators.periodForm', { period: period.period.text, statement: indicator.statement })
      : t('indicators.newPeriodForm', { statement: indicator.statement });

  const save = (e: FormEvent) => {
    e.preventDefault();
    const changed = Object.fromEntries(Object.entries(values).filter(([field, v]) => v !== initial[field as keyof typeof initial]));
    if (Object.keys(changed).length === 0 && stored) return onClose();
    call('period.set', { indicatorId: indicator.id, period: periodText, values: changed }).then(onClose, (failure: unknown) => setError(errorText(failure)));
  };
  const remove = () => {
    if (!period) return;
    call('period.delete', { id: period.id }).then(
      () => {
        show('info', t('indicators.periodDeleted', { period: period.period.text }));
        onClose();
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  const field = (name: keyof typeof values, label: string, wide = false) => (
    <label className={wide ? 'wide' : undefined}>
      <span>{label}</span>
      <input
        type="text"
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        placeholder={wide ? undefined : placeholder}
        autoFocus={stored && name === 'actual'}
      />
    </label>
  );

  return (
    <form className="plan-form period-form" onSubmit={save} onKeyDown={closeOnEscape(onClose)} aria-label={formName}>
      <div className="form-fields">
        <label>
          <span>{t('periodFields.period')}</span>
          {period && period.period.text !== '' ? (
            <strong className="period-name">{period.period.text}</strong>
          ) : (
            <input type="text" value={periodText} onChange={(e) => setPeriodText(e.target.value)} placeholder={t('indicators.periodPlaceholder')} required autoFocus />
          )}
        </label>
        {field('target', t('periodFields.target'))}
        {field('revisedTarget', t('periodFields.revisedTarget'))}
        {field('actual', t('periodFields.actual'))}
        {field('comment', t('periodFields.comment'), true)}
        {field('evidence', t('periodFields.evidence'), true)}
      </div>
      <SaveError error={error} />
      <FormActions submit={t('indicators.save')} onClose={onClose}>
        {stored && (
          <button type="button" className="danger" onClick={remove}>
            {t('indicators.deletePeriod')}
          </button>
        )}
      </FormActions>
    </form>
  );
}

/** The words of an error the back end would give, for a date read in the form before anything is sent. */
function invalidDate(text: string): ApiFailure {
  return new ApiFailure({ code: 'invalid_date', message: `'${text}' is not a date`, details: { table: 'indicators', field: 'baselineDate', params: { text } } });
}

/** A new indicator, or an indicator's fields; the statement is all it needs. */
/** `kpis`: the numeric targets of the case's priority project, which the indicator may count toward. */
function IndicatorForm({
  caseId,
  kpis,
  indicator,
  language,
  onClose,
}: {
  caseId: string;
  kpis: readonly ProjectKpi[];
  indicator: IndicatorView | null;
  language: Language;
  onClose: () => void;
}) {
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const [values, setValues] = useState({
    level: indicator?.level ?? 'outcome',
    statement: indicator?.statement ?? '',
    kind: indicator?.kind ?? 'social',
    measure: indicator?.measure ?? 'number',
    direction: indicator?.direction ?? 'higher',
    unit: indicator?.unit ?? '',
    cumulative: indicator?.cumulative ?? false,
    baseline: indicatorValueInput(indicator?.baseline ?? null),
    baselineDate: indicator?.baselineDate?.text ?? '',
    verification: indicator?.verification ?? '',
    projectKpi: indicator?.projectKpi ?? null,
  });
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => setValues({ ...values, [field]: value });
  const name = indicator ? t('indicators.editOne', { statement: indicator.statement }) : t('indicators.add');

  const save = (e: FormEvent) => {
    e.preventDefault();
    const baselineDate = values.baselineDate.trim() === '' ? null : parseDateText(values.baselineDate);
    if (baselineDate === null && values.baselineDate.trim() !== '') return setError(errorText(invalidDate(values.baselineDate)));
    const fields = { ...values, statement: values.statement.trim(), baselineDate };
    const done = indicator ? call('indicator.update', { id: indicator.id, values: fields }) : call('indicator.add', { caseId, values: fields });
    done.then(onClose, (failure: unknown) => setError(errorText(failure)));
  };
  const select = <K extends 'level' | 'kind' | 'measure' | 'direction'>(field: K, codes: readonly (typeof values)[K][], label: (code: (typeof values)[K]) => string) => (
    <label>
      <span>{t(`indicatorFields.${field}`)}</span>
      <select value={values[field]} onChange={(e) => set(field, e.target.value as (typeof values)[K])}>
        {codes.map((code) => (
          <option key={code} value={code}>
            {label(code)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="plan-form indicator-form" onSubmit={save} onKeyDown={closeOnEscape(onClose)} aria-label={name}>
      {!indicator && <h4>{t('indicators.add')}</h4>}
      <div className="form-fields">
        {select('level', INDICATOR_LEVELS, (c) => indicatorLevelLabel(c, language))}
        <label className="wide statement-field">
          <span>{t('indicatorFields.statement')}</span>
          <input type="text" value={values.statement} onChange={(e) => set('statement', e.target.value)} required autoFocus />
        </label>
        {select('kind', INDICATOR_KINDS, (c) => indicatorKindLabel(c, language))}
        {select('measure', INDICATOR_MEASURES, (c) => indicatorMeasureLabel(c, language))}
        {select('direction', INDICATOR_DIRECTIONS, (c) => indicatorDirectionLabel(c, language))}
        <label>
          <span>{t('indicatorFields.unit')}</span>
          <input type="text" value={values.unit} onChange={(e) => set('unit', e.target.value)} size={6} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={values.cumulative} onChange={(e) => set('cumulative', e.target.checked)} />
          <span>{t('indicatorFields.cumulative')}</span>
        </label>
        <label>
          <span>{t('indicatorFields.baseline')}</span>
          <input type="text" value={values.baseline} onChange={(e) => set('baseline', e.target.value)} placeholder={t('indicators.baselinePlaceholder')} />
        </label>
        <label>
          <span>{t('indicatorFields.baselineDate')}</span>
          <input type="text" value={values.baselineDate} onChange={(e) => set('baselineDate', e.target.value)} placeholder={t('hurdles.sincePlaceholder')} />
        </label>
        <label className="wide">
          <span>{t('indicatorFields.verification')}</span>
          <input type="text" value={values.verification} onChange={(e) => set('verification', e.target.value)} />
        </label>
        {kpis.length > 0 && (
          <label className="wide">
            <span>{t('indicatorFields.projectKpi')}</span>
            <select value={values.projectKpi ?? ''} onChange={(e) => set('projectKpi', e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('indicators.noProjectKpi')}</option>
              {kpis.map((kpi, index) => (
                <option key={kpi.metric} value={index + 1}>
                  {t('indicators.projectKpiOption', {
                    metric: kpi.metric,
                    target: kpi.target.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB'),
                    unit: kpi.unit,
                    by: kpi.target_date,
                  })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <SaveError error={error} />
      <FormActions submit={indicator ? t('indicators.save') : t('add')} onClose={onClose} />
    </form>
  );
}
