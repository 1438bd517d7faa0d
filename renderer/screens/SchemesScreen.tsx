import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiArgs } from '../../shared/api';
import { SCHEME_TYPES, type SchemeType, type SupportScheme } from '../../shared/model/support-scheme';
import { isPhase, PHASES } from '../../shared/phases';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import {
  CountryChips,
  CouncilTabs,
  CreateByName,
  PhaseChecks,
  RegionChips,
  regionLabel,
  SectorChecks,
  SectorCountryFilters,
  sectorNames,
  useListFilters,
} from '../components/CouncilParts';
import { EditableText } from '../components/EditableText';
import { useSaveFailed } from '../components/plan/common';
import { ScopeBadge } from '../components/ScopeBadge';
import { countryNames, phaseLabel } from '../labels';
import { useNotices } from '../stores/notices';
import { SCHEME_TYPE_LABELS } from '../../shared/labels';
import { usePreferences, type Language } from '../stores/preferences';
import './CouncilScreens.css';

// 支援ツール: the government bodies' support schemes, filtered by what a case needs (sector, phase, country), each
// with its terms as its owner writes them; a scheme's page edits it.

/** Where a scheme may be used: its countries and regions by name, then what its source writes. */
function eligibleText(s: SupportScheme, language: Language, none: string): string {
  const named = [countryNames(s.countries, language), ...s.regions.map((r) => regionLabel(r, language))].filter((x) => x !== '');
  const parts = [...named, s.countriesText].filter((x) => x.trim() !== '');
  return parts.length === 0 ? none : parts.join(' / ');
}

export function SchemesScreen() {
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const navigate = useNavigate();
  const { values, set } = useListFilters(['sector', 'phase', 'country'] as const);
  const phaseId = useId();
  const filter: ApiArgs<'schemes.list'> = {};
  if (values.sector !== '') filter.sector = values.sector;
  if (isPhase(values.phase)) filter.phase = values.phase;
  if (values.country !== '') filter.country = values.country;
  const state = useApi('schemes.list', filter);
  return (
    <article className="council-screen">
      <h1>{t('title')}</h1>
      <CouncilTabs />
      <p className="muted">{t('schemes.intro')}</p>
      <SectorCountryFilters
        labels={{ group: t('schemes.filters'), sector: t('schemeFields.sectors'), country: t('schemeFields.countries') }}
        sector={values.sector}
        country={values.country}
        onChange={set}
      >
        <label htmlFor={phaseId}>{t('schemeFields.phases')}</label>
        <select id={phaseId} value={values.phase} onChange={(e) => set('phase', e.target.value)}>
          <option value="">{t('all')}</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {phaseLabel(p, language)}
            </option>
          ))}
        </select>
      </SectorCountryFilters>
      <ApiView state={state}>
        {(schemes) =>
          schemes.length === 0 ? (
            <p className="muted">{t('schemes.none')}</p>
          ) : (
            <>
              <p className="muted">{t('count', { count: schemes.length })}</p>
              <div className="scheme-cards">
                {schemes.map((s) => (
                  <SchemeCard key={s.id} scheme={s} language={language} />
                ))}
              </div>
            </>
          )
        }
      </ApiView>
      <CreateByName
        legend={t('schemes.new')}
        label={t('schemes.newName')}
        submit={t('schemes.create')}
        required={t('schemes.nameRequired')}
        create={(name) => call('scheme.create', { values: { name } }).then(({ id }) => navigate(`/council/schemes/${id}`))}
      />
    </article>
  );
}

function SchemeCard({ scheme: s, language }: { scheme: SupportScheme; language: Language }) {
  const { t } = useTranslation('council');
  return (
    <section className="panel scheme-card" aria-labelledby={`scheme-${s.id}`}>
      <h2 id={`scheme-${s.id}`}>
        <Link to={`/council/schemes/${s.id}`}>{s.name}</Link>
      </h2>
      <div className="scheme-owner">
        {s.owner} ・ {SCHEME_TYPE_LABELS[s.type][language]} <ScopeBadge scope={s.scope} />
      </div>
      <dl className="council-facts">
        <dt>{t('schemeFields.phases')}</dt>
        <dd>{s.phases.length === 0 ? t('anyPhase') : s.phases.map((p) => phaseLabel(p, language)).join('・')}</dd>
        <dt>{t('schemeFields.sectors')}</dt>
        <dd>{s.sectorLabels.length > 0 ? s.sectorLabels.join('・') : sectorNames(s.sectors, language, t('anySector'))}</dd>
        <dt>{t('schemeFields.countries')}</dt>
        <dd>{eligibleText(s, language, t('anyCountry'))}</dd>
        <dt>{t('schemeFields.budget')}</dt>
        <dd>{s.budget || t('none')}</dd>
        <dt>{t('schemeFields.terms')}</dt>
        <dd>{s.terms || t('none')}</dd>
      </dl>
    </section>
  );
}

type SchemeValues = ApiArgs<'scheme.update'>['values'];

export function SchemeScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation('council');
  const language = usePreferences((s) => s.language);
  const errorText = useErrorText();
  const failed = useSaveFailed();
  const show = useNotices((s) => s.show);
  const navigate = useNavigate();
  const typeId = useId();
  const scopeId = useId();
  const state = useApi('scheme.get', { id });
  const save = (values: SchemeValues) => call('scheme.update', { id, values });
  const saveNow = (values: SchemeValues) => void save(values).catch(failed);
  const lines = (text: string) =>
    text
      .split(/[、,\n]/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
  return (
    <article className="council-screen">
      <CouncilTabs />
      <ApiView state={state}>
        {(s) => (
          <>
            <div className="council-head">
              <h1>{s.name}</h1>
              <Link to="/council">{t('back', { list: t('tabs.schemes') })}</Link>
            </div>
            <div className="council-row">
              <label htmlFor={typeId}>{t('schemeFields.type')}</label>
              <select id={typeId} value={s.type} onChange={(e) => saveNow({ type: e.target.value as SchemeType })}>
                {SCHEME_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {SCHEME_TYPE_LABELS[type][language]}
                  </option>
                ))}
              </select>
              <label htmlFor={scopeId}>{t('schemeFields.scope')}</label>
              <ScopeBadge id={scopeId} scope={s.scope} onChange={(scope) => saveNow({ scope })} />
              <button
                type="button"
                onClick={() =>
                  void call('scheme.delete', { id }).then(
                    () => {
                      show('info', t('deleted', { name: s.name }));
                      void navigate('/council');
                    },
                    (error: unknown) => show('error', errorText(error)),
                  )
                }
              >
                {t('delete')}
              </button>
            </div>
            <section className="panel council-fields" aria-label={s.name}>
              <EditableText label={t('schemeFields.name')} value={s.name} onSave={(name) => save({ name })} />
              <EditableText label={t('schemeFields.owner')} value={s.owner} onSave={(owner) => save({ owner })} />
              <EditableText label={t('schemeFields.stages')} value={s.stages.join('、')} onSave={(text) => save({ stages: lines(text) })} />
              <EditableText label={t('schemeFields.sectorLabels')} value={s.sectorLabels.join('、')} onSave={(text) => save({ sectorLabels: lines(text) })} />
              <EditableText label={t('schemeFields.countriesText')} value={s.countriesText} onSave={(countriesText) => save({ countriesText })} />
              <EditableText label={t('schemeFields.budget')} value={s.budget} onSave={(budget) => save({ budget })} multiline rows={2} />
              <EditableText label={t('schemeFields.terms')} value={s.terms} onSave={(terms) => save({ terms })} multiline rows={3} />
              <EditableText label={t('schemeFields.applicationWindow')} value={s.applicationWindow} onSave={(applicationWindow) => save({ applicationWindow })} />
              <EditableText label={t('schemeFields.contact')} value={s.contact} onSave={(contact) => save({ contact })} multiline rows={2} />
              <EditableText label={t('schemeFields.source')} value={s.source} onSave={(source) => save({ source })} />
            </section>
            <section className="panel">
              <PhaseChecks legend={t('schemeFields.phases')} value={s.phases} onChange={(phases) => saveNow({ phases })} />
              <SectorChecks legend={t('schemeFields.sectors')} value={s.sectors} onChange={(sectors) => saveNow({ sectors })} />
              <CountryChips legend={t('schemeFields.countries')} value={s.countries} onChange={(countries) => saveNow({ countries })} />
              <RegionChips legend={t('schemeFields.regions')} value={s.regions} onChange={(regions) => saveNow({ regions })} />
            </section>
          </>
        )}
      </ApiView>
    </article>
  );
}
