import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiArgs } from '../../shared/api';
import type { AdvisorContact } from '../../shared/model/advisor';
import type { Scope } from '../../shared/scopes';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { CountryChips, CouncilTabs, CreateByName, SectorChecks, SectorCountryFilters, sectorNames, useListFilters } from '../components/CouncilParts';
import { EditableText } from '../components/EditableText';
import { useSaveFailed } from '../components/plan/common';
import { ScopeBadge } from '../components/ScopeBadge';
import { countryNames } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences } from '../stores/preferences';
import './CouncilScreens.css';

// アドバイザー: people with experience abroad who advise the council's members, from registration to removal; how to
// reach them is kept apart, shared no wider than government or the council.

type ContactScope = NonNullable<ApiArgs<'advisorContact.update'>['values']['scope']>;

/** A contact is never public. */
const CONTACT_SCOPES: readonly ContactScope[] = ['internal', 'government', 'council'];

/** The scope chosen among CONTACT_SCOPES, as the API types it. */
function contactScope(scope: Scope): ContactScope {
  return CONTACT_SCOPES.find((s) => s === scope) ?? 'government';
}

export function AdvisorsScreen() {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const navigate = useNavigate();
  const { values, set } = useListFilters(['sector', 'country'] as const);
  const filter: ApiArgs<'advisors.list'> = {};
  if (values.sector !== '') filter.sector = values.sector;
  if (values.country !== '') filter.country = values.country;
  const state = useApi('advisors.list', filter);
  return (
    <article className="council-screen">
      <h1>{t('title')}</h1>
      <CouncilTabs />
      <p className="muted">{t('advisors.intro')}</p>
      <SectorCountryFilters
        labels={{ group: t('advisors.filters'), sector: t('advisorFields.sectors'), country: t('advisorFields.countries') }}
        sector={values.sector}
        country={values.country}
        onChange={set}
      />
      <ApiView state={state}>
        {(advisors) =>
          advisors.length === 0 ? (
            <p className="muted">{t('advisors.none')}</p>
          ) : (
            <table className="grid council-table">
              <thead>
                <tr>
                  <th scope="col">{t('advisorFields.name')}</th>
                  <th scope="col">{t('advisorFields.affiliation')}</th>
                  <th scope="col">{t('advisorFields.sectors')}</th>
                  <th scope="col">{t('advisorFields.countries')}</th>
                  <th scope="col">{t('advisorFields.languages')}</th>
                  <th scope="col">{t('advisorFields.registeredOn')}</th>
                </tr>
              </thead>
              <tbody>
                {advisors.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/council/advisors/${a.id}`}>{a.name}</Link>
                    </td>
                    <td>{a.affiliation || t('none')}</td>
                    <td>{sectorNames(a.sectors, language, t('none'))}</td>
                    <td>{countryNames(a.countries, language) || t('none')}</td>
                    <td>{a.languages.join('、') || t('none')}</td>
                    <td>{a.removedOn === null ? `${a.registeredOn.text || t('none')}（${t('advisors.registered')}）` : t('advisors.removed', { date: a.removedOn.text })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ApiView>
      <CreateByName
        legend={t('advisors.new')}
        label={t('advisors.newName')}
        submit={t('advisors.create')}
        required={t('advisors.nameRequired')}
        create={(name) => call('advisor.create', { values: { name } }).then(({ id }) => navigate(`/council/advisors/${id}`))}
      />
    </article>
  );
}

type AdvisorValues = ApiArgs<'advisor.update'>['values'];

export function AdvisorScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation('council');
  const failed = useSaveFailed();
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const navigate = useNavigate();
  const scopeId = useId();
  const state = useApi('advisor.get', { id });
  const save = (values: AdvisorValues) => call('advisor.update', { id, values });
  return (
    <article className="council-screen">
      <CouncilTabs />
      <ApiView state={state}>
        {({ advisor: a, contacts }) => (
          <>
            <div className="council-head">
              <h1>{a.name}</h1>
              <span className="muted">{a.removedOn === null ? t('advisors.registered') : t('advisors.removed', { date: a.removedOn.text })}</span>
              <Link to="/council/advisors">{t('back', { list: t('tabs.advisors') })}</Link>
            </div>
            <div className="council-row">
              <label htmlFor={scopeId}>{t('advisorFields.scope')}</label>
              <ScopeBadge id={scopeId} scope={a.scope} onChange={(scope) => void save({ scope }).catch(failed)} />
              <button
                type="button"
                onClick={() =>
                  void call('advisor.delete', { id }).then(
                    () => {
                      show('info', t('deleted', { name: a.name }));
                      void navigate('/council/advisors');
                    },
                    (error: unknown) => show('error', errorText(error)),
                  )
                }
              >
                {t('delete')}
              </button>
            </div>
            <section className="panel council-fields" aria-label={a.name}>
              <EditableText label={t('advisorFields.name')} value={a.name} onSave={(name) => save({ name })} />
              <EditableText label={t('advisorFields.affiliation')} value={a.affiliation} onSave={(affiliation) => save({ affiliation })} />
              <EditableText
                label={t('advisorFields.languages')}
                placeholder={t('advisors.languagesHint')}
                value={a.languages.join('、')}
                onSave={(text) =>
                  save({
                    languages: text
                      .split(/[、,]/)
                      .map((x) => x.trim())
                      .filter((x) => x !== ''),
                  })
                }
              />
              <EditableText label={t('advisorFields.registeredOn')} value={a.registeredOn.text} onSave={(registeredOn) => save({ registeredOn })} />
              <EditableText label={t('advisorFields.removedOn')} value={a.removedOn?.text ?? ''} onSave={(text) => save({ removedOn: text.trim() === '' ? null : text })} />
              <EditableText label={t('advisorFields.experience')} value={a.experience} onSave={(experience) => save({ experience })} multiline rows={3} />
            </section>
            <section className="panel">
              <SectorChecks legend={t('advisorFields.sectors')} value={a.sectors} onChange={(sectors) => void save({ sectors }).catch(failed)} />
              <CountryChips legend={t('advisorFields.countries')} value={a.countries} onChange={(countries) => void save({ countries }).catch(failed)} />
            </section>
            <ContactsPanel advisorId={a.id} contacts={contacts} />
          </>
        )}
      </ApiView>
    </article>
  );
}

function ContactsPanel({ advisorId, contacts }: { advisorId: string; contacts: AdvisorContact[] }) {
  const { t } = useTranslation('council');
  const failed = useSaveFailed();
  const show = useNotices((s) => s.show);
  const scopeId = useId();
  const [scope, setScope] = useState<Scope>('government');
  return (
    <section className="panel" aria-labelledby="advisor-contacts">
      <h2 id="advisor-contacts">{t('advisors.contacts')}</h2>
      {contacts.length === 0 && <p className="muted">{t('advisors.noContacts')}</p>}
      {contacts.map((c) => (
        <div key={c.id} className="offer-head offer-card">
          <EditableText
            className="advisor-contact"
            label={t('contactFields.contact')}
            hideLabel
            value={c.contact}
            onSave={(contact) => call('advisorContact.update', { id: c.id, values: { contact } })}
          />
          <ScopeBadge
            scope={c.scope}
            choices={CONTACT_SCOPES}
            onChange={(s) => void call('advisorContact.update', { id: c.id, values: { scope: contactScope(s) } }).catch(failed)}
          />
          <button type="button" onClick={() => void call('advisorContact.delete', { id: c.id }).then(() => show('info', t('deleted', { name: c.contact })), failed)}>
            {t('delete')}
          </button>
        </div>
      ))}
      <CreateByName
        legend={t('advisors.addContact')}
        label={t('advisors.newContact')}
        submit={t('advisors.addContact')}
        required={t('advisors.contactRequired')}
        create={(contact) => call('advisorContact.add', { advisorId, values: { contact, scope: contactScope(scope) } })}
      >
        <label htmlFor={scopeId}>{t('contactFields.scope')}</label>
        <ScopeBadge id={scopeId} scope={scope} choices={CONTACT_SCOPES} onChange={setScope} />
      </CreateByName>
    </section>
  );
}
