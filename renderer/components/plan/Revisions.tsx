import { SaveError } from './common';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDifference, PlanPart } from '../../../shared/plan/revision-diff';
import type { PlanComparison, PlanView, RevisionInfo } from '../../../shared/views';
import { call } from '../../api/client';
import { useErrorText } from '../../api/error-text';
import { useApi } from '../../api/use-api';
import { useNotices } from '../../stores/notices';
import type { Language } from '../../stores/preferences';
import { ApiView } from '../ApiView';
import { shortened } from '../FieldValue';
import { ScopeBadge } from '../ScopeBadge';
import { dateText, planValueText } from './plan-values';

// 改訂: the plan saved as it stands with a label (who, when), listed newest first; any two of them, or one and the
// plan as it stands, compared side by side as rows added, removed and changed.

const CURRENT = 'current';

/** Where each part's fields are named in the locale. */
const FIELD_NAMES: Record<PlanPart, string> = { plan: 'fields', indicator: 'indicatorFields', period: 'periodFields', hurdle: 'hurdleFields' };

function useWhen(language: Language) {
  return useMemo(() => new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }), [language]);
}

export function Revisions({ view, language }: { view: PlanView; language: Language }) {
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const when = useWhen(language);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState(CURRENT);
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  const { revisions, caseId } = view;
  const known = (id: string | null) => id !== null && (id === CURRENT || revisions.some((r) => r.id === id));
  const fromValue = known(from) ? from! : (revisions[0]?.id ?? CURRENT);
  const toValue = known(to) ? to : CURRENT;
  const name = (r: RevisionInfo) => (r.label === '' ? t('revisions.unlabelled') : r.label);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const text = label.trim();
    call('plan.saveRevision', { caseId, label: text }).then(
      () => {
        show('info', t('revisions.saved', { label: text === '' ? t('revisions.unlabelled') : text }));
        setLabel('');
        setError(null);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  const remove = (r: RevisionInfo) =>
    call('revision.delete', { id: r.id }).then(
      () => {
        show('info', t('revisions.deleted', { label: name(r) }));
        if (shown && (shown.from === r.id || shown.to === r.id)) setShown(null);
      },
      (failure: unknown) => show('error', errorText(failure)),
    );
  const options = [
    <option key={CURRENT} value={CURRENT}>
      {t('revisions.current')}
    </option>,
    ...revisions.map((r) => (
      <option key={r.id} value={r.id}>
        {name(r)}（{when.format(new Date(r.savedAt))}）
      </option>
    )),
  ];

  return (
    <section className="plan-part plan-revisions" aria-labelledby="plan-revisions">
      <h3 id="plan-revisions">{t('revisions.heading')}</h3>
      <form className="list-add revision-save" onSubmit={save} aria-label={t('revisions.save')}>
        <input aria-label={t('revisions.label')} placeholder={t('revisions.labelPlaceholder')} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={500} />
        <button type="submit" className="primary">
          {t('revisions.save')}
        </button>
        <span className="muted hint">{t('revisions.hint')}</span>
      </form>
      <SaveError error={error} />
      {revisions.length === 0 ? (
        <p className="muted">{t('revisions.none')}</p>
      ) : (
        <table className="grid compact revisions">
          <thead>
            <tr>
              <th scope="col">{t('revisionFields.label')}</th>
              <th scope="col">{t('revisions.who')}</th>
              <th scope="col">{t('revisions.when')}</th>
              <th scope="col">{t('revisionFields.scope')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('indicators.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <th scope="row">{name(r)}</th>
                <td>{r.savedBy}</td>
                <td className="nowrap">
                  <time dateTime={r.savedAt}>{when.format(new Date(r.savedAt))}</time>
                </td>
                <td>
                  <ScopeBadge scope={r.scope} />
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" onClick={() => setShown({ from: r.id, to: CURRENT })} aria-label={t('revisions.compareWithCurrentOne', { label: name(r) })}>
                      {t('revisions.compareWithCurrent')}
                    </button>
                    <button type="button" onClick={() => void remove(r)} aria-label={t('revisions.deleteOne', { label: name(r) })}>
                      {t('revisions.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revisions.length > 0 && (
        <form
          className="list-add compare-form"
          aria-label={t('revisions.compare')}
          onSubmit={(e) => {
            e.preventDefault();
            setShown({ from: fromValue, to: toValue });
          }}
        >
          <label>
            {t('revisions.from')}{' '}
            <select value={fromValue} onChange={(e) => setFrom(e.target.value)}>
              {options}
            </select>
          </label>
          <span aria-hidden="true">→</span>
          <label>
            {t('revisions.to')}{' '}
            <select value={toValue} onChange={(e) => setTo(e.target.value)}>
              {options}
            </select>
          </label>
          <button type="submit">{t('revisions.compare')}</button>
        </form>
      )}
      {shown && <Comparison caseId={caseId} from={shown.from} to={shown.to} language={language} onClose={() => setShown(null)} />}
    </section>
  );
}

function Comparison({ caseId, from, to, language, onClose }: { caseId: string; from: string; to: string; language: Language; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const state = useApi('plan.compare', { caseId, from, to });
  if (from === to) {
    return (
      <div className="comparison">
        <p className="muted">{t('revisions.same')}</p>
      </div>
    );
  }
  return <ApiView state={state}>{(comparison) => <ComparisonTable comparison={comparison} language={language} onClose={onClose} />}</ApiView>;
}

function ComparisonTable({ comparison, language, onClose }: { comparison: PlanComparison; language: Language; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const when = useWhen(language);
  const side = (s: PlanComparison['from']) =>
    s === CURRENT ? t('revisions.current') : `${s.label === '' ? t('revisions.unlabelled') : s.label}（${when.format(new Date(s.savedAt))}）`;
  const fromName = side(comparison.from);
  const toName = side(comparison.to);
  const title = t('revisions.comparison', { from: fromName, to: toName });
  return (
    <section className="comparison" aria-label={title}>
      <div className="comparison-head">
        <h4>{title}</h4>
        <button type="button" onClick={onClose}>
          {t('revisions.close')}
        </button>
      </div>
      {comparison.differences.length === 0 ? (
        <p className="muted">{t('revisions.noDifferences')}</p>
      ) : (
        <table className="grid compact differences">
          <thead>
            <tr>
              <th scope="col" className="change">
                <span className="visually-hidden">{t('revisions.change.changed')}</span>
              </th>
              <th scope="col">{t('revisions.what')}</th>
              <th scope="col">{t('revisions.field')}</th>
              <th scope="col">{fromName}</th>
              <th scope="col">{toName}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.differences.map((d, i) => (
              <tr key={`${d.part} ${d.id} ${d.field ?? ''} ${i}`} className={`difference ${d.change}`}>
                <td className="change">
                  <span className={`change-badge change-${d.change}`}>{t(`revisions.change.${d.change}`)}</span>
                </td>
                <td>
                  <span className="muted">{t(`revisions.part.${d.part}`)}</span> {d.label !== '' && shortened(d.label)}
                </td>
                <td>{d.field === null ? <span className="muted">{t('revisions.whole')}</span> : t(`${FIELD_NAMES[d.part]}.${d.field}`, { defaultValue: d.field })}</td>
                <td className="before">
                  <DifferenceValue difference={d} value={d.before} language={language} />
                </td>
                <td className="after">
                  <DifferenceValue difference={d} value={d.after} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A part added or removed whole, by what names it; a changed field's value as people read it. */
function DifferenceValue({ difference, value, language }: { difference: PlanDifference; value: unknown; language: Language }) {
  const { t } = useTranslation('plan');
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <span className="muted">—</span>;
  if (difference.field === null && typeof value === 'object') {
    const values = value as Record<string, unknown>;
    if (difference.part === 'period') {
      const parts = (['target', 'revisedTarget', 'actual'] as const)
        .filter((field) => values[field] !== null && values[field] !== undefined)
        .map((field) => `${t(`periodFields.${field}`)} ${String(values[field])}`);
      return <>{parts.length === 0 ? shortened(difference.label) : parts.join(' / ')}</>;
    }
    return <>{shortened(difference.label)}</>;
  }
  const field = difference.field ?? '';
  const text = planValueText(field, value, language) ?? dateText(value);
  if (text !== null) return <>{text === '' ? <span className="muted">—</span> : shortened(text)}</>;
  if (typeof value === 'boolean') return <>{t(value ? 'yes' : 'no')}</>;
  if (typeof value === 'string' || typeof value === 'number') return <span className="value-text">{shortened(String(value))}</span>;
  return <code>{shortened(JSON.stringify(value))}</code>;
}
