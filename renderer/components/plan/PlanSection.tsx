import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FINANCING_SCHEMES, FINANCING_STATUSES, PARTNER_ORIGINS, type FinancingOption, type Partner, type Plan } from '../../../shared/model/plan';
import type { Scope } from '../../../shared/scopes';
import type { PlanView } from '../../../shared/views';
import { call } from '../../api/client';
import { useErrorText } from '../../api/error-text';
import { useApi } from '../../api/use-api';
import { financingSchemeLabel, financingStatusLabel, indicatorStatusLabel, partnerOriginLabel } from '../../labels';
import { usePreferences, type Language } from '../../stores/preferences';
import { ApiView } from '../ApiView';
import { EditableText } from '../EditableText';
import { SchemeChoice } from '../SchemeChoice';
import { ScopeBadge } from '../ScopeBadge';
import { SaveError, StatusBadge, useSaveFailed } from './common';
import { Hurdles } from './Hurdles';
import { Indicators } from './Indicators';
import { Revisions } from './Revisions';
import './PlanSection.css';

// 展開実施プラン on the case page: the plan's texts, partners and financing edited in place, its follow-up date, its
// status (the worst indicator's), the indicators with each period's values, the external hurdles and the revisions.

type PlanValues = Partial<Omit<Plan, 'id' | 'caseId' | 'deleted'>>;

export function PlanSection({ caseId }: { caseId: string }) {
  const state = useApi('plan.get', { caseId });
  const [params] = useSearchParams();
  const shown = params.get('plan');
  const section = useRef<HTMLElement>(null);
  const loaded = state.data !== undefined;
  // A search hit opens the case at its plan.
  useEffect(() => {
    if (shown !== null && loaded) section.current?.scrollIntoView?.({ block: 'start' });
  }, [shown, loaded]);
  return (
    <section className="panel plan" id="plan" ref={section} aria-labelledby="plan-heading">
      <ApiView state={state}>{(view) => <PlanBody view={view} highlighted={shown} />}</ApiView>
    </section>
  );
}

function PlanBody({ view, highlighted }: { view: PlanView; highlighted: string | null }) {
  const { t } = useTranslation('plan');
  const language = usePreferences((s) => s.language);
  const failed = useSaveFailed();
  const { caseId, plan } = view;
  const update = useCallback((values: PlanValues) => call('plan.update', { caseId, values }), [caseId]);
  const savers = useMemo(
    () => ({
      counterpartNeeds: (text: string) => update({ counterpartNeeds: text }),
      pathToOrder: (text: string) => update({ pathToOrder: text }),
      problem: (text: string) => update({ problem: text }),
      noIndicatorsReason: (text: string) => update({ noIndicatorsReason: text }),
      noHurdlesReason: (text: string) => update({ noHurdlesReason: text }),
      // A date as written (2025年4月, 2025年度), read by the back end.
      followUpDate: (text: string) => call('plan.setText', { caseId, field: 'followUpDate', text }),
    }),
    [caseId, update],
  );

  return (
    <>
      <header className="plan-header">
        <h2 id="plan-heading">{t('title')}</h2>
        <StatusBadge status={view.status} label={t('planStatus', { status: indicatorStatusLabel(view.status, language) })} />
        <div className={`plan-follow-up${view.followUpOverdue ? ' overdue' : ''}`}>
          <EditableText label={t('fields.followUpDate')} value={plan?.followUpDate?.text ?? ''} onSave={savers.followUpDate} />
          {view.followUpOverdue && <strong className="overdue-flag">{t('followUpOverdue')}</strong>}
        </div>
        {plan && <ScopeBadge scope={plan.scope} onChange={(scope: Scope) => void update({ scope }).catch(failed)} />}
      </header>
      {plan === null && <p className="muted hint">{t('noPlan')}</p>}

      <div className="plan-texts">
        {(['counterpartNeeds', 'pathToOrder', 'problem'] as const).map((field) => (
          <EditableText key={field} label={t(`fields.${field}`)} value={plan?.[field] ?? ''} onSave={savers[field]} multiline rows={3} />
        ))}
      </div>

      <div className="plan-lists">
        <Partners partners={plan?.partners ?? []} update={update} language={language} />
        <Financing financing={plan?.financing ?? []} update={update} language={language} />
      </div>

      <Indicators view={view} language={language} highlighted={highlighted}>
        {view.indicators.length === 0 && (
          <Reason
            label={t('fields.noIndicatorsReason')}
            value={plan?.noIndicatorsReason ?? ''}
            onSave={savers.noIndicatorsReason}
            missing={view.missingReasons.includes('indicators') ? t('missing.noIndicators') : null}
          />
        )}
      </Indicators>
      <Hurdles view={view} language={language} highlighted={highlighted}>
        {view.hurdles.length === 0 && (
          <Reason
            label={t('fields.noHurdlesReason')}
            value={plan?.noHurdlesReason ?? ''}
            onSave={savers.noHurdlesReason}
            missing={view.missingReasons.includes('hurdles') ? t('missing.noHurdles') : null}
          />
        )}
      </Hurdles>
      <Revisions view={view} language={language} />
    </>
  );
}

/** Why a part the plan asks for is left empty; a prompt while nobody has said. */
function Reason({ label, value, onSave, missing }: { label: string; value: string; onSave: (text: string) => Promise<unknown>; missing: string | null }) {
  return (
    <div className={`plan-reason${missing ? ' missing' : ''}`}>
      {missing && <p className="missing-prompt">{missing}</p>}
      <EditableText label={label} value={value} onSave={onSave} multiline rows={2} />
    </div>
  );
}

/** The list with one item replaced. */
function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((old, i) => (i === index ? item : old));
}

function Partners({ partners, update, language }: { partners: Partner[]; update: (values: PlanValues) => Promise<unknown>; language: Language }) {
  const { t } = useTranslation('plan');
  const failed = useSaveFailed();
  const errorText = useErrorText();
  const write = (next: Partner[]) => update({ partners: next });
  const [draft, setDraft] = useState<Partner>({ name: '', origin: 'domestic', organisation: '', role: '' });
  const [error, setError] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    write([...partners, { ...draft, name: draft.name.trim() }]).then(
      () => {
        setDraft({ name: '', origin: draft.origin, organisation: '', role: '' });
        setError(null);
        nameField.current?.focus();
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };

  return (
    <section className="plan-list" aria-labelledby="plan-partners">
      <h3 id="plan-partners">{t('partners.heading')}</h3>
      <table className="grid compact partners">
        <thead>
          <tr>
            <th scope="col" className="name">
              {t('fields.name')}
            </th>
            <th scope="col" className="narrow">
              {t('fields.origin')}
            </th>
            <th scope="col" className="organisation">
              {t('fields.organisation')}
            </th>
            <th scope="col">{t('fields.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {partners.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('partners.none')}
              </td>
            </tr>
          )}
          {partners.map((p, index) => {
            const cell = (field: 'name' | 'organisation' | 'role') => (
              <td>
                <EditableText
                  label={t('partners.cell', { field: t(`fields.${field}`), name: p.name })}
                  hideLabel
                  value={p[field]}
                  onSave={(text) => write(replaced(partners, index, { ...p, [field]: text }))}
                />
              </td>
            );
            return (
              <tr key={index}>
                {cell('name')}
                <td>
                  <select
                    aria-label={t('partners.cell', { field: t('fields.origin'), name: p.name })}
                    value={p.origin}
                    onChange={(e) => void write(replaced(partners, index, { ...p, origin: e.target.value as Partner['origin'] })).catch(failed)}
                  >
                    {PARTNER_ORIGINS.map((origin) => (
                      <option key={origin} value={origin}>
                        {partnerOriginLabel(origin, language)}
                      </option>
                    ))}
                  </select>
                </td>
                {cell('organisation')}
                {cell('role')}
                <td className="remove">
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('partners.deleteOne', { name: p.name })}
                    title={t('partners.deleteOne', { name: p.name })}
                    onClick={() => void write(partners.filter((_, i) => i !== index)).catch(failed)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="list-add" onSubmit={add} aria-label={t('partners.add')}>
        <input
          ref={nameField}
          aria-label={t('fields.name')}
          placeholder={t('fields.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          required
        />
        <select aria-label={t('fields.origin')} value={draft.origin} onChange={(e) => setDraft({ ...draft, origin: e.target.value as Partner['origin'] })}>
          {PARTNER_ORIGINS.map((origin) => (
            <option key={origin} value={origin}>
              {partnerOriginLabel(origin, language)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('fields.organisation')}
          placeholder={t('fields.organisation')}
          value={draft.organisation}
          onChange={(e) => setDraft({ ...draft, organisation: e.target.value })}
        />
        <input aria-label={t('fields.role')} placeholder={t('fields.role')} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
        <button type="submit">{t('add')}</button>
      </form>
      <SaveError error={error} />
    </section>
  );
}

function Financing({ financing, update, language }: { financing: FinancingOption[]; update: (values: PlanValues) => Promise<unknown>; language: Language }) {
  const { t } = useTranslation('plan');
  const { t: council } = useTranslation('council');
  const failed = useSaveFailed();
  const errorText = useErrorText();
  const schemes = useApi('schemes.list', {}).data ?? [];
  const write = (next: FinancingOption[]) => update({ financing: next });
  const [draft, setDraft] = useState<FinancingOption>({ scheme: 'jica_loan', status: 'considering', note: '' });
  const [error, setError] = useState<string | null>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    write([...financing, draft]).then(
      () => {
        setDraft({ ...draft, note: '' });
        setError(null);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  const schemeOptions = FINANCING_SCHEMES.map((scheme) => (
    <option key={scheme} value={scheme}>
      {financingSchemeLabel(scheme, language)}
    </option>
  ));
  const statusOptions = FINANCING_STATUSES.map((status) => (
    <option key={status} value={status}>
      {financingStatusLabel(status, language)}
    </option>
  ));

  return (
    <section className="plan-list" aria-labelledby="plan-financing">
      <h3 id="plan-financing">{t('financing.heading')}</h3>
      <table className="grid compact financing">
        <thead>
          <tr>
            <th scope="col" className="narrow">
              {t('fields.scheme')}
            </th>
            <th scope="col" className="narrow">
              {t('fields.status')}
            </th>
            <th scope="col" className="note">
              {t('fields.note')}
            </th>
            <th scope="col">{council('financingScheme.column')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {financing.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('financing.none')}
              </td>
            </tr>
          )}
          {financing.map((f, index) => {
            const scheme = financingSchemeLabel(f.scheme, language);
            return (
              <tr key={index}>
                <td>
                  <select
                    aria-label={t('financing.cell', { field: t('fields.scheme'), scheme })}
                    value={f.scheme}
                    onChange={(e) => void write(replaced(financing, index, { ...f, scheme: e.target.value as FinancingOption['scheme'] })).catch(failed)}
                  >
                    {schemeOptions}
                  </select>
                </td>
                <td>
                  <select
                    className={`financing-${f.status}`}
                    aria-label={t('financing.cell', { field: t('fields.status'), scheme })}
                    value={f.status}
                    onChange={(e) => void write(replaced(financing, index, { ...f, status: e.target.value as FinancingOption['status'] })).catch(failed)}
                  >
                    {statusOptions}
                  </select>
                </td>
                <td>
                  <EditableText
                    label={t('financing.cell', { field: t('fields.note'), scheme })}
                    hideLabel
                    value={f.note}
                    onSave={(text) => write(replaced(financing, index, { ...f, note: text }))}
                  />
                </td>
                <td>
                  <SchemeChoice
                    schemes={schemes}
                    value={f.schemeId}
                    label={council('financingScheme.cell', { scheme })}
                    onChange={(schemeId) => void write(replaced(financing, index, { ...f, schemeId })).catch(failed)}
                  />
                </td>
                <td className="remove">
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('financing.deleteOne', { scheme })}
                    title={t('financing.deleteOne', { scheme })}
                    onClick={() => void write(financing.filter((_, i) => i !== index)).catch(failed)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="list-add" onSubmit={add} aria-label={t('financing.add')}>
        <select aria-label={t('fields.scheme')} value={draft.scheme} onChange={(e) => setDraft({ ...draft, scheme: e.target.value as FinancingOption['scheme'] })}>
          {schemeOptions}
        </select>
        <select aria-label={t('fields.status')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as FinancingOption['status'] })}>
          {statusOptions}
        </select>
        <input aria-label={t('fields.note')} placeholder={t('fields.note')} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        <button type="submit">{t('add')}</button>
      </form>
      <SaveError error={error} />
    </section>
  );
}
