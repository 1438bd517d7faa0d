import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiArgs } from '../../shared/api';
import { OFFER_KINDS, type Offer, type OfferKind } from '../../shared/model/offer';
import { ORGANISATION_SIZES, ORGANISATION_TYPES, type Organisation } from '../../shared/model/organisation';
import type { SupportScheme } from '../../shared/model/support-scheme';
import type { TrackRecord } from '../../shared/model/track-record';
import type { MemberSelfView, MemberView } from '../../shared/views';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { CouncilTabs, CreateByName, SectorChecks, SectorCountryFilters, sectorNames, useListFilters } from '../components/CouncilParts';
import { CountrySelect } from '../components/CountrySelect';
import { EditableText } from '../components/EditableText';
import { ExcludedList, MatchList } from '../components/MatchList';
import { useSaveFailed } from '../components/plan/common';
import { SchemeChoice } from '../components/SchemeChoice';
import { ScopeBadge } from '../components/ScopeBadge';
import { countryName, countryNames } from '../labels';
import { useNotices } from '../stores/notices';
import { OFFER_KIND_LABELS, ORGANISATION_SIZE_LABELS, ORGANISATION_TYPE_LABELS, type Label } from '../../shared/labels';
import { usePreferences } from '../stores/preferences';
import './CouncilScreens.css';

// 会員: the council's member companies and bodies, what they offer and where they worked abroad, and (ウ) the cases
// and schemes that fit them. A company signed in changes only its own profile, offers and track records (the server
// refuses the rest at sync): its own are marked 自社, another's are shown read only, saying why.

export function MembersScreen() {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const { values, set } = useListFilters(['sector', 'country'] as const);
  const filter: ApiArgs<'members.list'> = {};
  if (values.sector !== '') filter.sector = values.sector;
  if (values.country !== '') filter.country = values.country;
  const state = useApi('members.list', filter);
  const self = useApi('members.self', {});
  return (
    <article className="council-screen">
      <h1>{t('title')}</h1>
      <CouncilTabs />
      <p className="muted">{t('members.intro')}</p>
      {self.data?.onlyOwn && <OwnProfileLink self={self.data} />}
      <SectorCountryFilters
        labels={{ group: t('members.filters'), sector: t('memberFields.sectors'), country: t('memberFields.countries') }}
        sector={values.sector}
        country={values.country}
        onChange={set}
      />
      <ApiView state={state}>
        {(members) =>
          members.length === 0 ? (
            <p className="muted">{t('members.none')}</p>
          ) : (
            <table className="grid council-table">
              <thead>
                <tr>
                  <th scope="col">{t('memberFields.nameJa')}</th>
                  <th scope="col">{t('memberFields.location')}</th>
                  <th scope="col">{t('memberFields.size')}</th>
                  <th scope="col">{t('memberFields.sectors')}</th>
                  <th scope="col">{t('memberFields.countries')}</th>
                  <th scope="col" className="num">
                    {t('members.offers')}
                  </th>
                  <th scope="col" className="num">
                    {t('members.trackRecords')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/council/members/${m.id}`}>{m.nameJa}</Link>
                      {m.own && <OwnBadge />}
                    </td>
                    <td>{m.location || t('none')}</td>
                    <td>{ORGANISATION_SIZE_LABELS[m.size][language]}</td>
                    <td>{sectorNames(m.sectors, language, t('none'))}</td>
                    <td>{countryNames(m.countries, language) || t('none')}</td>
                    <td className="num">{m.offers}</td>
                    <td className="num">{m.trackRecords}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ApiView>
    </article>
  );
}

/** The signed-in company's way to its own profile, or to create it when it has none yet. */
function OwnProfileLink({ self }: { self: MemberSelfView }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const navigate = useNavigate();
  const failed = useSaveFailed();
  const show = useNotices((s) => s.show);
  const organisation = self.organisation;
  const create = () =>
    void call('member.createOwn', {}).then(({ id }) => {
      show('info', t('members.ownCreated'));
      void navigate(`/council/members/${id}`);
    }, failed);
  return (
    <div className="own-profile">
      {self.profileId === null ? (
        <button type="button" onClick={create}>
          {t('members.createOwn')}
        </button>
      ) : (
        <Link to={`/council/members/${self.profileId}`}>{t('members.ownProfile')}</Link>
      )}
      {organisation && <span className="muted">{t('members.signedInAs', { name: organisation.name, type: ORGANISATION_TYPE_LABELS[organisation.type][language] })}</span>}
    </div>
  );
}

/** A choice among a vocabulary's codes, each shown by its label in the user's language. */
function VocabularySelect<T extends string>({
  id,
  value,
  values,
  labels,
  onChange,
}: {
  id: string;
  value: T;
  values: readonly T[];
  labels: Record<T, Label>;
  onChange: (value: T) => void;
}) {
  const language = usePreferences((s) => s.language);
  return (
    <select id={id} value={value} onChange={(e) => onChange(values.find((v) => v === e.target.value) ?? value)}>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v][language]}
        </option>
      ))}
    </select>
  );
}

function OwnBadge() {
  const { t } = useTranslation('council');
  return <span className="own-badge">{t('members.ownBadge')}</span>;
}

type MemberValues = ApiArgs<'member.update'>['values'];

export function MemberScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation('council');
  const failed = useSaveFailed();
  const sizeId = useId();
  const typeId = useId();
  const scopeId = useId();
  const state = useApi('member.get', { id });
  const self = useApi('members.self', {});
  const save = (values: MemberValues) => call('member.update', { id, values });
  return (
    <article className="council-screen">
      <CouncilTabs />
      <ApiView state={state}>
        {(member) => {
          const o = member.organisation;
          const { rights } = member;
          // A company signed in sees the matching of its own profile only: another's is that company's business.
          const matching = !self.data?.onlyOwn || rights.own;
          return (
            <>
              <div className="council-head">
                <h1>
                  {o.nameJa}
                  {rights.own && <OwnBadge />}
                </h1>
                <Link to="/council/members">{t('back', { list: t('tabs.members') })}</Link>
              </div>
              {!rights.profile && <p className="read-only-note">{t('members.readOnly')}</p>}
              {rights.profile && rights.records.length < member.offers.length + member.trackRecords.length && <p className="read-only-note">{t('members.recordsReadOnly')}</p>}
              {rights.profile ? (
                <section className="panel" aria-labelledby="member-profile">
                  <h2 id="member-profile">{t('members.profile')}</h2>
                  <div className="council-row">
                    <label htmlFor={typeId}>{t('memberFields.type')}</label>
                    <VocabularySelect
                      id={typeId}
                      value={o.type}
                      values={ORGANISATION_TYPES}
                      labels={ORGANISATION_TYPE_LABELS}
                      onChange={(type) => void save({ type }).catch(failed)}
                    />
                    <label htmlFor={sizeId}>{t('memberFields.size')}</label>
                    <VocabularySelect
                      id={sizeId}
                      value={o.size}
                      values={ORGANISATION_SIZES}
                      labels={ORGANISATION_SIZE_LABELS}
                      onChange={(size) => void save({ size }).catch(failed)}
                    />
                    <label>
                      <input type="checkbox" checked={o.councilMember} onChange={(e) => void save({ councilMember: e.target.checked }).catch(failed)} />{' '}
                      {t('members.councilMember')}
                    </label>
                    <label htmlFor={scopeId}>{t('memberFields.scope')}</label>
                    <ScopeBadge id={scopeId} scope={o.scope} onChange={(scope) => void save({ scope }).catch(failed)} />
                  </div>
                  <div className="council-fields">
                    <EditableText label={t('memberFields.nameJa')} value={o.nameJa} onSave={(nameJa) => save({ nameJa })} />
                    <EditableText label={t('memberFields.nameEn')} value={o.nameEn} onSave={(nameEn) => save({ nameEn })} />
                    <EditableText label={t('memberFields.location')} value={o.location} onSave={(location) => save({ location })} />
                    <EditableText label={t('memberFields.description')} value={o.description} onSave={(description) => save({ description })} multiline rows={3} />
                  </div>
                </section>
              ) : (
                <ProfileFacts organisation={o} />
              )}
              <OffersPanel member={member} />
              <TrackRecordsPanel member={member} />
              {matching && <MemberMatchPanel organisationId={o.id} own={rights.own} />}
            </>
          );
        }}
      </ApiView>
    </article>
  );
}

/** A profile its reader may not change, as facts. */
function ProfileFacts({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  return (
    <section className="panel" aria-labelledby="member-profile">
      <h2 id="member-profile">{t('members.profile')}</h2>
      <dl className="council-facts">
        <dt>{t('memberFields.nameJa')}</dt>
        <dd>{o.nameJa}</dd>
        <dt>{t('memberFields.nameEn')}</dt>
        <dd>{o.nameEn || t('none')}</dd>
        <dt>{t('memberFields.type')}</dt>
        <dd>{ORGANISATION_TYPE_LABELS[o.type][language]}</dd>
        <dt>{t('memberFields.size')}</dt>
        <dd>{ORGANISATION_SIZE_LABELS[o.size][language]}</dd>
        <dt>{t('memberFields.location')}</dt>
        <dd>{o.location || t('none')}</dd>
        <dt>{t('memberFields.description')}</dt>
        <dd>{o.description || t('none')}</dd>
        <dt>{t('memberFields.councilMember')}</dt>
        <dd>{o.councilMember ? t('members.yes') : t('members.no')}</dd>
        <dt>{t('memberFields.scope')}</dt>
        <dd>
          <ScopeBadge scope={o.scope} />
        </dd>
      </dl>
    </section>
  );
}

function OffersPanel({ member }: { member: MemberView }) {
  const { t } = useTranslation('council');
  const kindId = useId();
  const [kind, setKind] = useState<OfferKind>('technology');
  return (
    <section className="panel" aria-labelledby="member-offers">
      <h2 id="member-offers">{t('members.offerHeading')}</h2>
      {member.offers.length === 0 && <p className="muted">{t(member.rights.profile ? 'members.noOffers' : 'members.noneYet')}</p>}
      {member.offers.map((offer) => (member.rights.records.includes(offer.id) ? <OfferCard key={offer.id} offer={offer} /> : <OfferFacts key={offer.id} offer={offer} />))}
      {member.rights.profile && (
        <CreateByName
          legend={t('members.addOffer')}
          label={t('members.offerName')}
          submit={t('members.addOffer')}
          required={t('members.offerRequired')}
          create={(name) => call('offer.add', { organisationId: member.organisation.id, values: { name, kind } })}
        >
          <label htmlFor={kindId}>{t('members.offerKind')}</label>
          <VocabularySelect id={kindId} value={kind} values={OFFER_KINDS} labels={OFFER_KIND_LABELS} onChange={setKind} />
        </CreateByName>
      )}
    </section>
  );
}

/** An offer its reader may not change. */
function OfferFacts({ offer }: { offer: Offer }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  return (
    <article className="offer-card" aria-label={offer.name}>
      <div className="offer-head">
        <strong>{offer.name}</strong>
        <span>{OFFER_KIND_LABELS[offer.kind][language]}</span>
        <ScopeBadge scope={offer.scope} />
      </div>
      {offer.description !== '' && <p className="offer-description">{offer.description}</p>}
      <div className="muted">
        {t('offerFields.sectors')}: {sectorNames(offer.sectors, language, t('none'))}
      </div>
    </article>
  );
}

function OfferCard({ offer }: { offer: Offer }) {
  const { t } = useTranslation('council');
  const failed = useSaveFailed();
  const show = useNotices((s) => s.show);
  const scopeId = useId();
  const kindId = useId();
  const save = (values: ApiArgs<'offer.update'>['values']) => call('offer.update', { id: offer.id, values });
  return (
    <article className="offer-card" aria-label={offer.name}>
      <div className="offer-head">
        <EditableText className="offer-name" label={t('offerFields.name')} hideLabel value={offer.name} onSave={(name) => save({ name })} />
        <label htmlFor={kindId}>{t('offerFields.kind')}</label>
        <VocabularySelect id={kindId} value={offer.kind} values={OFFER_KINDS} labels={OFFER_KIND_LABELS} onChange={(kind) => void save({ kind }).catch(failed)} />
        <label htmlFor={scopeId}>{t('offerFields.scope')}</label>
        <ScopeBadge id={scopeId} scope={offer.scope} onChange={(scope) => void save({ scope }).catch(failed)} />
        <button type="button" onClick={() => void call('offer.delete', { id: offer.id }).then(() => show('info', t('deleted', { name: offer.name })), failed)}>
          {t('delete')}
        </button>
      </div>
      <EditableText label={t('offerFields.description')} value={offer.description} onSave={(description) => save({ description })} multiline rows={2} />
      <SectorChecks legend={t('offerFields.sectors')} value={offer.sectors} onChange={(sectors) => void save({ sectors }).catch(failed)} />
    </article>
  );
}

function TrackRecordsPanel({ member }: { member: MemberView }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const countryId = useId();
  const [country, setCountry] = useState('');
  const schemes = useApi('schemes.list', {});
  // The column of delete buttons only where some record may be deleted.
  const deletable = member.trackRecords.some((r) => member.rights.records.includes(r.id));
  return (
    <section className="panel" aria-labelledby="member-records">
      <h2 id="member-records">{t('members.recordHeading')}</h2>
      {member.trackRecords.length === 0 ? (
        <p className="muted">{t(member.rights.profile ? 'members.noRecords' : 'members.noneYet')}</p>
      ) : (
        <table className="grid council-table records-table">
          <thead>
            <tr>
              <th scope="col" className="project">
                {t('trackRecordFields.project')}
              </th>
              <th scope="col" className="nowrap">
                {t('trackRecordFields.country')}
              </th>
              <th scope="col" className="place">
                {t('trackRecordFields.place')}
              </th>
              <th scope="col" className="date">
                {t('trackRecordFields.date')}
              </th>
              <th scope="col">{t('trackRecordFields.schemeId')}</th>
              <th scope="col">{t('trackRecordFields.relatedCaseId')}</th>
              <th scope="col">{t('trackRecordFields.scope')}</th>
              {deletable && (
                <th scope="col">
                  <span className="visually-hidden">{t('delete')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {member.trackRecords.map((r) =>
              member.rights.records.includes(r.id) ? (
                <TrackRecordRow key={r.id} record={r} schemes={schemes.data ?? []} />
              ) : (
                <TrackRecordFacts key={r.id} record={r} schemes={schemes.data ?? []} deletable={deletable} />
              ),
            )}
          </tbody>
        </table>
      )}
      {member.rights.profile && (
        <CreateByName
          legend={t('members.addRecord')}
          label={t('members.recordProject')}
          submit={t('members.addRecord')}
          required={t('members.recordRequired')}
          missing={country === ''}
          create={(project) => call('trackRecord.add', { organisationId: member.organisation.id, values: { project, country } })}
        >
          <label htmlFor={countryId}>{t('members.recordCountry')}</label>
          <CountrySelect id={countryId} value={country} onChange={setCountry} language={language} />
        </CreateByName>
      )}
    </section>
  );
}

/** A project abroad edited in place: its texts, the scheme it used and the case it became, among the cases of its country. */
function TrackRecordRow({ record: r, schemes }: { record: TrackRecord; schemes: readonly SupportScheme[] }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const failed = useSaveFailed();
  const show = useNotices((s) => s.show);
  const cases = useApi('cases.list', { country: r.country }).data ?? [];
  const save = (values: ApiArgs<'trackRecord.update'>['values']) => call('trackRecord.update', { id: r.id, values });
  const cell = (field: keyof TrackRecord) => t('members.recordCell', { field: t(`trackRecordFields.${field}`), project: r.project });
  const linkedCase = cases.find((c) => c.id === r.relatedCaseId);
  return (
    <tr>
      <td>
        <EditableText hideLabel label={cell('project')} value={r.project} onSave={(project) => save({ project })} />
      </td>
      <td className="nowrap">{countryName(r.country, language)}</td>
      <td>
        <EditableText hideLabel label={cell('place')} value={r.place} onSave={(place) => save({ place })} />
      </td>
      <td>
        <EditableText hideLabel label={cell('date')} value={r.date.text} onSave={(date) => save({ date })} />
      </td>
      <td>
        <SchemeChoice schemes={schemes} value={r.schemeId} label={cell('schemeId')} onChange={(schemeId) => void save({ schemeId }).catch(failed)} />
        {r.schemeId === null && r.category !== '' && <div className="muted">{t('members.category', { category: r.category })}</div>}
      </td>
      <td>
        <span className="scheme-choice">
          <select
            aria-label={cell('relatedCaseId')}
            value={r.relatedCaseId ?? ''}
            onChange={(e) => void save({ relatedCaseId: e.target.value === '' ? null : e.target.value }).catch(failed)}
          >
            <option value="">{t('none')}</option>
            {r.relatedCaseId !== null && !linkedCase && <option value={r.relatedCaseId}>{t('members.otherCase')}</option>}
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          {r.relatedCaseId !== null && (
            <Link to={`/case/${r.relatedCaseId}`} aria-label={t('members.openCase', { title: linkedCase?.title ?? r.project })}>
              {t('schemeChoice.openShort')}
            </Link>
          )}
        </span>
      </td>
      <td>
        <ScopeBadge scope={r.scope} onChange={(scope) => void save({ scope }).catch(failed)} />
      </td>
      <td>
        <button type="button" onClick={() => void call('trackRecord.delete', { id: r.id }).then(() => show('info', t('deleted', { name: r.project })), failed)}>
          {t('delete')}
        </button>
      </td>
    </tr>
  );
}

/** A project abroad its reader may not change: its texts, and the scheme and case as links. */
function TrackRecordFacts({ record: r, schemes, deletable }: { record: TrackRecord; schemes: readonly SupportScheme[]; deletable: boolean }) {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const scheme = schemes.find((x) => x.id === r.schemeId);
  return (
    <tr>
      <td>{r.project}</td>
      <td className="nowrap">{countryName(r.country, language)}</td>
      <td>{r.place || t('none')}</td>
      <td>{r.date.text || t('none')}</td>
      <td>{scheme ? <Link to={`/council/schemes/${scheme.id}`}>{scheme.name}</Link> : r.category || t('none')}</td>
      <td>{r.relatedCaseId === null ? t('none') : <Link to={`/case/${r.relatedCaseId}`}>{t('members.openCase', { title: r.project })}</Link>}</td>
      <td>
        <ScopeBadge scope={r.scope} />
      </td>
      {deletable && <td />}
    </tr>
  );
}

function MemberMatchPanel({ organisationId, own }: { organisationId: string; own: boolean }) {
  const { t } = useTranslation('council');
  const state = useApi('match.member', { organisationId });
  return (
    <section className="panel" aria-labelledby="member-match">
      <h2 id="member-match">{t(own ? 'members.fittingOwn' : 'members.fitting')}</h2>
      <ApiView state={state}>
        {(match) => (
          <>
            <div className="match-lists">
              <MatchList kind="cases" entries={match.cases} empty={t('match.noneCases')} />
              <MatchList kind="schemes" entries={match.schemes} empty={t('match.noneSchemes')} />
            </div>
            <ExcludedList entries={match.excluded} />
          </>
        )}
      </ApiView>
    </section>
  );
}
