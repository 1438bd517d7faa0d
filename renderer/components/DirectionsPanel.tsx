import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIRECTION_FIELDS, type Direction, type DirectionField } from '../../shared/model/direction';
import { REGIONS } from '../../shared/reference/regions';
import { SECTORS } from '../../shared/reference/sectors';
import { isVisibleTo, SCOPES, type Scope } from '../../shared/scopes';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { useHandover } from '../hand-over';
import { directionFieldLabel, scopeLabel, sectorName } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences, type Language } from '../stores/preferences';
import { ApiView } from './ApiView';
import { EditableText } from './EditableText';
import { SaveError, useSaveFailed } from './plan/common';
import { ScopeBadge } from './ScopeBadge';
import './plan/PlanSection.css';
import './CountryPanels.css';

// 分野別の方向性: one card per sector of a country (or a region), its six parts edited in place, each printable on
// its own A4 page for an audience. On a country's dossier its regions' directions show too, read only: they are
// kept, and changed, on the region.

/** A country's directions, with the sectors of its cases offered first; or a region's. */
export type DirectionsPlace = { country: string; caseSectors: readonly string[] } | { region: string };

function regionName(code: string, language: Language): string {
  return REGIONS.find((r) => r.code === code)?.[language] ?? code;
}

export function DirectionsPanel({ place }: { place: DirectionsPlace }) {
  const { t } = useTranslation('dossier');
  const language = usePreferences((s) => s.language);
  const state = useApi('directions.list', 'country' in place ? { country: place.country } : { region: place.region });
  const heading = 'country' in place ? t('directions.heading') : t('directions.regionHeading', { region: regionName(place.region, language) });
  return (
    <section className="panel directions" aria-labelledby="directions-heading">
      <h2 id="directions-heading">{heading}</h2>
      <ApiView state={state}>
        {(directions) => {
          const own = directions.filter((d) => ('country' in place ? d.country !== null : d.country === null));
          const regions = directions.filter((d) => !own.includes(d));
          return (
            <>
              {own.length === 0 && <p className="muted">{'country' in place ? t('directions.none') : t('directions.noneRegion')}</p>}
              {own.map((d) => (
                <DirectionCard key={d.id} direction={d} language={language} />
              ))}
              <CreateDirection place={place} taken={new Set(own.map((d) => d.sector))} language={language} />
              {regions.map((d) => (
                <RegionDirection key={d.id} direction={d} language={language} />
              ))}
            </>
          );
        }}
      </ApiView>
    </section>
  );
}

function DirectionCard({ direction, language }: { direction: Direction; language: Language }) {
  const { t } = useTranslation('dossier');
  const failed = useSaveFailed();
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const { id } = direction;
  const sector = sectorName(direction.sector, '', language);
  const save = (field: DirectionField | 'scope', value: string) => call('direction.update', { id, values: { [field]: value } });
  const remove = () =>
    call('direction.delete', { id }).then(
      () => show('info', t('directions.deleted', { sector })),
      (error: unknown) => show('error', errorText(error)),
    );
  return (
    <article className="direction-card" aria-label={sector}>
      <header className="direction-head">
        <h3>{sector}</h3>
        <span className="direction-control">
          <label htmlFor={`${id}-scope`}>{t('directions.scope')}</label>
          <ScopeBadge id={`${id}-scope`} scope={direction.scope} onChange={(scope) => void save('scope', scope).catch(failed)} />
        </span>
        <PrintDirection direction={direction} sector={sector} language={language} />
        <button type="button" onClick={() => void remove()} aria-label={t('directions.deleteOne', { sector })}>
          {t('directions.delete')}
        </button>
      </header>
      <div className="direction-parts">
        {DIRECTION_FIELDS.map((field) => (
          <EditableText key={field} label={directionFieldLabel(field, language)} value={direction[field]} onSave={(text) => save(field, text)} multiline rows={3} />
        ))}
      </div>
    </article>
  );
}

/**
 * 「印刷（PDF）」: the direction on one A4 page for an audience, handed over as a pack is. Only the audiences the
 * direction may reach are offered, the widest first chosen: its own scope.
 */
function PrintDirection({ direction, sector, language }: { direction: Direction; sector: string; language: Language }) {
  const { t } = useTranslation('dossier');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const handOver = useHandover();
  const audiences = SCOPES.filter((s) => isVisibleTo(direction.scope, s));
  const [chosen, setChosen] = useState<Scope>(direction.scope);
  const [busy, setBusy] = useState(false);
  // The scope was narrowed since: the widest audience still allowed.
  const audience = audiences.includes(chosen) ? chosen : direction.scope;
  const print = () => {
    setBusy(true);
    call('direction.export', { id: direction.id, audience, lang: language })
      .then(handOver)
      .catch((error: unknown) => show('error', t('directions.printFailed', { message: errorText(error) })))
      .finally(() => setBusy(false));
  };
  return (
    <span className="direction-control direction-print">
      <label htmlFor={`${direction.id}-audience`}>{t('directions.audience')}</label>
      <select id={`${direction.id}-audience`} value={audience} onChange={(e) => setChosen(e.target.value as Scope)} aria-label={t('directions.printAudience', { sector })}>
        {audiences.map((s) => (
          <option key={s} value={s}>
            {scopeLabel(s, language)}
          </option>
        ))}
      </select>
      <button type="button" onClick={print} disabled={busy}>
        {busy ? t('directions.printing') : t('directions.print')}
      </button>
    </span>
  );
}

/** A new direction for a sector that has none here yet: the sectors of the country's cases first, then all. */
function CreateDirection({ place, taken, language }: { place: DirectionsPlace; taken: ReadonlySet<string>; language: Language }) {
  const { t } = useTranslation('dossier');
  const errorText = useErrorText();
  const id = useId();
  const [sector, setSector] = useState('');
  const [error, setError] = useState<string | null>(null);
  const free = SECTORS.filter((s) => !taken.has(s.code));
  const ofCases = 'country' in place ? free.filter((s) => place.caseSectors.includes(s.code)) : [];
  const others = free.filter((s) => !ofCases.includes(s));
  const option = (code: string) => (
    <option key={code} value={code}>
      {sectorName(code, '', language)}
    </option>
  );
  const create = (e: FormEvent) => {
    e.preventDefault();
    const where = 'country' in place ? { country: place.country } : { region: place.region };
    call('direction.create', { ...where, sector }).then(
      () => {
        setSector('');
        setError(null);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  return (
    <form className="plan-form direction-create" onSubmit={create} aria-label={t('directions.create')}>
      <div className="form-fields">
        <label htmlFor={id}>
          <span>{t('directions.sector')}</span>
          <select id={id} value={sector} onChange={(e) => setSector(e.target.value)} required>
            <option value="">{t('directions.chooseSector')}</option>
            {ofCases.length > 0 && <optgroup label={t('directions.caseSectors')}>{ofCases.map((s) => option(s.code))}</optgroup>}
            <optgroup label={t('directions.allSectors')}>{others.map((s) => option(s.code))}</optgroup>
          </select>
        </label>
        <button type="submit" className="primary">
          {t('directions.create')}
        </button>
      </div>
      <SaveError error={error} />
    </form>
  );
}

/** A region's direction on a country's dossier: read only, with where it is changed. */
function RegionDirection({ direction, language }: { direction: Direction; language: Language }) {
  const { t } = useTranslation('dossier');
  const region = regionName(direction.region, language);
  const sector = sectorName(direction.sector, '', language);
  return (
    <article className="direction-card region-direction" aria-label={language === 'ja' ? `${sector}（${region}）` : `${sector} (${region})`}>
      <header className="direction-head">
        <h3>
          {sector} <span className="muted">{language === 'ja' ? `（${region}）` : `(${region})`}</span>
        </h3>
        <ScopeBadge scope={direction.scope} />
      </header>
      <p className="region-note">
        {t('directions.regionNote', { region })} <Link to={`/countries?region=${direction.region}`}>{t('directions.openRegion', { region })}</Link>
      </p>
      <dl className="direction-parts">
        {DIRECTION_FIELDS.map((field) => (
          <div key={field}>
            <dt>{directionFieldLabel(field, language)}</dt>
            <dd className={direction[field].trim() === '' ? 'muted' : undefined}>{direction[field].trim() === '' ? t('directions.notWritten') : direction[field]}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
