import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_FACT_KINDS, type CountryFact, type CountryFactKind } from '../../shared/model/country-fact';
import { DEFAULT_SCOPE, type Scope } from '../../shared/scopes';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { countryFactKindLabel } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences, type Language } from '../stores/preferences';
import { ApiView } from './ApiView';
import { DateText } from './DateText';
import { FormActions, SaveError } from './plan/common';
import { ScopeBadge } from './ScopeBadge';
import './plan/PlanSection.css';
import './CountryPanels.css';

// 国情: the basic data of a country a desk officer keeps on its dossier (首都, 人口, GDP, 首脳 …), each fact with
// where it comes from and as of when, and who may see it: a pack prints only those its audience may.

/** The name a fact goes by: its kind's, or for an 'other' fact the label written with it. */
function factName(fact: CountryFact, language: Language): string {
  return fact.kind === 'other' && fact.label.trim() !== '' ? fact.label : countryFactKindLabel(fact.kind, language);
}

export function CountryFactsPanel({ country }: { country: string }) {
  const { t } = useTranslation('dossier');
  const state = useApi('facts.list', { country });
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel country-facts" aria-labelledby="dossier-facts">
      <h2 id="dossier-facts">{t('facts.heading')}</h2>
      <ApiView state={state}>{(facts) => <FactsTable facts={facts} />}</ApiView>
      {adding ? (
        <FactForm country={country} onClose={() => setAdding(false)} />
      ) : (
        <button type="button" className="add-button" onClick={() => setAdding(true)}>
          ＋ {t('facts.add')}
        </button>
      )}
    </section>
  );
}

function FactsTable({ facts }: { facts: CountryFact[] }) {
  const { t } = useTranslation('dossier');
  const language = usePreferences((s) => s.language);
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const [editing, setEditing] = useState<string | null>(null);
  if (facts.length === 0) return <p className="muted">{t('facts.none')}</p>;
  const remove = (fact: CountryFact) =>
    call('fact.delete', { id: fact.id }).then(
      () => show('info', t('facts.deleted', { label: factName(fact, language) })),
      (error: unknown) => show('error', errorText(error)),
    );
  return (
    <table className="grid facts-table">
      <thead>
        <tr>
          <th scope="col">{t('factFields.kind')}</th>
          <th scope="col">{t('factFields.value')}</th>
          <th scope="col">{t('factFields.source')}</th>
          <th scope="col">{t('factFields.asOf')}</th>
          <th scope="col">{t('factFields.scope')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('facts.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {facts.map((fact) => {
          const name = factName(fact, language);
          if (editing === fact.id)
            return (
              <tr key={fact.id} className="row-editor">
                <td colSpan={6}>
                  <FactForm fact={fact} onClose={() => setEditing(null)} />
                </td>
              </tr>
            );
          return (
            <tr key={fact.id}>
              <th scope="row">{name}</th>
              <td className="fact-value">{fact.value}</td>
              <td>{fact.source}</td>
              {/* A fact nobody dated says nothing of when: no 日付不明 beside every such line. */}
              <td className="nowrap">{fact.asOf.text.trim() !== '' && <DateText date={fact.asOf} />}</td>
              <td>
                <ScopeBadge scope={fact.scope} />
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" onClick={() => setEditing(fact.id)} aria-label={t('facts.editOne', { label: name })}>
                    {t('facts.edit')}
                  </button>
                  <button type="button" onClick={() => void remove(fact)} aria-label={t('facts.deleteOne', { label: name })}>
                    {t('facts.delete')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A new fact of `country`, or `fact` edited: every field at once, saved together. */
function FactForm({ country, fact, onClose }: { country?: string; fact?: CountryFact; onClose: () => void }) {
  const { t } = useTranslation('dossier');
  const language = usePreferences((s) => s.language);
  const errorText = useErrorText();
  const id = useId();
  const [kind, setKind] = useState<CountryFactKind>(fact?.kind ?? 'capital');
  const [label, setLabel] = useState(fact?.label ?? '');
  const [value, setValue] = useState(fact?.value ?? '');
  const [source, setSource] = useState(fact?.source ?? '');
  const [asOf, setAsOf] = useState(fact?.asOf.text ?? '');
  const [scope, setScope] = useState<Scope>(fact?.scope ?? DEFAULT_SCOPE);
  const [error, setError] = useState<string | null>(null);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const values = { kind, label: kind === 'other' ? label.trim() : '', value: value.trim(), source: source.trim(), asOf: asOf.trim(), scope };
    const saved = fact ? call('fact.update', { id: fact.id, values }) : call('fact.add', { country: country!, values });
    saved.then(onClose, (failure: unknown) => setError(errorText(failure)));
  };

  const title = fact ? t('facts.editOne', { label: factName(fact, language) }) : t('facts.add');
  return (
    <form className="plan-form fact-form" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && onClose()} aria-label={title}>
      <div className="form-fields">
        <label>
          <span>{t('factFields.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as CountryFactKind)} autoFocus>
            {COUNTRY_FACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {countryFactKindLabel(k, language)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'other' && (
          <label>
            <span>{t('factFields.label')}</span>
            <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('facts.labelPlaceholder')} required />
          </label>
        )}
        <label className="wide">
          <span>{t('factFields.value')}</span>
          <input type="text" value={value} onChange={(e) => setValue(e.target.value)} placeholder={t('facts.valuePlaceholder')} required />
        </label>
        <label>
          <span>{t('factFields.source')}</span>
          <input type="text" value={source} onChange={(e) => setSource(e.target.value)} placeholder={t('facts.sourcePlaceholder')} />
        </label>
        <label>
          <span>{t('factFields.asOf')}</span>
          <input type="text" value={asOf} onChange={(e) => setAsOf(e.target.value)} placeholder={t('facts.asOfPlaceholder')} />
        </label>
        <div className="scope-field">
          <label htmlFor={`${id}-scope`}>
            <span>{t('factFields.scope')}</span>
          </label>
          <ScopeBadge id={`${id}-scope`} scope={scope} onChange={setScope} />
        </div>
      </div>
      <SaveError error={error} />
      <FormActions submit={fact ? t('facts.save') : t('facts.add')} onClose={onClose} />
    </form>
  );
}
