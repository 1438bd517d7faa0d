import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ApiArgs } from '../../shared/api';
import type { Visit } from '../../shared/model/visit';
import {
  DEFAULT_PACK_SECTIONS,
  PACK_DATE_STYLES,
  PACK_FORMATS,
  PACK_SECTIONS,
  type OmittedSection,
  type PackDateStyle,
  type PackFormat,
  type PackLanguage,
  type PackSection,
} from '../../shared/pack/pack-input';
import { isVisibleTo, type Scope } from '../../shared/scopes';
import type { CaseSummary } from '../../shared/views';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { DateText } from '../components/DateText';
import { AudienceField, LanguageField, PrintActions, PrintField, PrintPreview, usePrinting } from '../components/PrintDocument';
import { ScopeBadge } from '../components/ScopeBadge';
import { countryName, packSectionLabel } from '../labels';
import { usePreferences } from '../stores/preferences';
import { dayOf } from '../../shared/dates';
import './PackBuilderScreen.css';
import { DayInput } from '../components/DayInput';

// 説明資料: a briefing pack for a country or a visit, narrowed to its audience, previewed as it will print and
// exported as an A4 PDF or a Word document to edit before printing. #/pack?country=VN or #/pack?visit=ID opens it with that choice made.

type PackRequest = ApiArgs<'pack.preview'>;

export function PackBuilderScreen() {
  const { t } = useTranslation('pack');
  const [params, setParams] = useSearchParams();
  const visitId = params.get('visit') ?? '';
  const visits = useApi('visits.list', {});
  const visit = visits.data?.find((v) => v.id === visitId) ?? null;
  const country = visit?.country ?? params.get('country') ?? '';
  const byVisit = params.has('visit');
  return (
    <article className="pack-builder">
      <h1>{t('title')}</h1>
      <fieldset className="panel pack-subject">
        <legend>{t('subject')}</legend>
        <label>
          <input type="radio" name="pack-subject" checked={!byVisit} onChange={() => setParams(country ? { country } : {})} /> {t('byCountry')}
        </label>
        <label>
          <input type="radio" name="pack-subject" checked={byVisit} onChange={() => setParams({ visit: '' })} /> {t('byVisit')}
        </label>
        {byVisit ? (
          <VisitSelect visits={visits.data} value={visitId} onChange={(id) => setParams({ visit: id })} />
        ) : (
          <CountrySelect value={country} onChange={(iso2) => setParams(iso2 ? { country: iso2 } : {})} />
        )}
      </fieldset>
      {country && (!byVisit || visit) && <PackOptions key={`${country}/${visit?.id ?? ''}`} country={country} visit={visit} />}
    </article>
  );
}

function CountrySelect({ value, onChange }: { value: string; onChange: (iso2: string) => void }) {
  const { t } = useTranslation('pack');
  const language = usePreferences((s) => s.language);
  const countries = useApi('countries.list', {});
  const withCases = useMemo(() => (countries.data ?? []).filter((c) => c.cases > 0).sort((a, b) => a[language].localeCompare(b[language], language)), [countries.data, language]);
  return (
    <PrintField id="pack-country" label={t('country')}>
      <select id="pack-country" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('chooseCountry')}</option>
        {withCases.map((c) => (
          <option key={c.iso2} value={c.iso2}>
            {c[language]} ({c.iso2})
          </option>
        ))}
      </select>
    </PrintField>
  );
}

function VisitSelect({ visits, value, onChange }: { visits: Visit[] | undefined; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('pack');
  const language = usePreferences((s) => s.language);
  if (visits?.length === 0) return <p className="muted">{t('noVisits')}</p>;
  return (
    <PrintField id="pack-visit" label={t('visit')}>
      <select id="pack-visit" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('chooseVisit')}</option>
        {(visits ?? []).map((v) => (
          <option key={v.id} value={v.id}>
            {v.dates.text} {countryName(v.country, language)}: {v.title}
          </option>
        ))}
      </select>
    </PrintField>
  );
}

function PackOptions({ country, visit }: { country: string; visit: Visit | null }) {
  const cases = useApi('cases.list', { country });
  return <ApiView state={cases}>{(list) => <PackForm country={country} visit={visit} cases={list} />}</ApiView>;
}

function PackForm({ country, visit, cases }: { country: string; visit: Visit | null; cases: CaseSummary[] }) {
  const { t } = useTranslation('pack');
  const language = usePreferences((s) => s.language);
  // A visit's pack starts from its linked cases, a country's from all of them.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(visit ? visit.caseIds : cases.map((c) => c.id)));
  const [sections, setSections] = useState<ReadonlySet<PackSection>>(() => new Set(DEFAULT_PACK_SECTIONS.filter((s) => s !== 'visit' || visit)));
  const [lang, setLang] = useState<PackLanguage>(language);
  const [counterpartLang, setCounterpartLang] = useState('');
  const [audience, setAudience] = useState<Scope>('council');
  const [asOf, setAsOf] = useState(() => dayOf(new Date()));
  // Dates as the app shows them to start with; the cover as this user last set it.
  const [dates, setDates] = useState<PackDateStyle>(() => (usePreferences.getState().warekiDates ? 'wareki' : 'seireki'));
  const [casePerPage, setCasePerPage] = useState(false);
  // Not part of the request a preview is kept for: the preview is the same whichever format is exported.
  const [format, setFormat] = useState<PackFormat>('pdf');
  const cover = usePreferences((s) => s.packCover);
  const setCover = usePreferences((s) => s.setPackCover);

  const request: PackRequest = {
    ...(visit ? { visitId: visit.id } : { country }),
    audience,
    lang,
    ...(counterpartLang ? { counterpartLang } : {}),
    caseIds: cases.filter((c) => chosen.has(c.id) && isVisibleTo(c.scope, audience)).map((c) => c.id),
    sections: PACK_SECTIONS.filter((s) => sections.has(s)),
    asOf,
    dates,
    casePerPage,
    cover,
  };
  const printing = usePrinting({
    request,
    preview: (r: PackRequest) => call('pack.preview', r),
    exportDocument: (r: PackRequest) => call('pack.export', { ...r, format }),
    failed: (message) => t('failed', { message }),
  });
  const toggle = <T,>(set: ReadonlySet<T>, item: T, on: boolean): ReadonlySet<T> => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };
  return (
    <>
      <div className="pack-columns">
        <fieldset className="panel pack-cases">
          <legend>
            {t('cases')} — {countryName(country, language)}
          </legend>
          {cases.length === 0 ? (
            <p className="muted">{t('noCases')}</p>
          ) : (
            <>
              <div className="pack-case-tools">
                <button type="button" onClick={() => setChosen(new Set(cases.map((c) => c.id)))}>
                  {t('allCases')}
                </button>
                <button type="button" onClick={() => setChosen(new Set())}>
                  {t('noneCases')}
                </button>
              </div>
              <ul>
                {cases.map((c) => {
                  const fits = isVisibleTo(c.scope, audience);
                  return (
                    <li key={c.id} className={fits ? undefined : 'pack-case-narrower'}>
                      <label>
                        <input type="checkbox" checked={fits && chosen.has(c.id)} disabled={!fits} onChange={(e) => setChosen(toggle(chosen, c.id, e.target.checked))} /> {c.title}
                      </label>{' '}
                      <ScopeBadge scope={c.scope} />
                      {!fits && <span className="pack-note"> {t('narrower')}</span>}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </fieldset>
        <div className="pack-settings">
          <fieldset className="panel">
            <legend>{t('sections')}</legend>
            {PACK_SECTIONS.map((s) => (
              <label key={s} className="pack-check">
                <input type="checkbox" checked={sections.has(s)} disabled={s === 'visit' && !visit} onChange={(e) => setSections(toggle(sections, s, e.target.checked))} />{' '}
                {packSectionLabel(s, language)}
              </label>
            ))}
            <p className="muted">{t('alwaysPrinted')}</p>
            <label className="pack-check">
              <input type="checkbox" checked={casePerPage} onChange={(e) => setCasePerPage(e.target.checked)} /> {t('casePerPage')}
            </label>
          </fieldset>
          <fieldset className="panel pack-cover">
            <legend>{t('cover')}</legend>
            <PrintField id="pack-issuer" label={t('issuer')}>
              <input id="pack-issuer" value={cover.issuer} maxLength={200} placeholder={t('issuerExample')} onChange={(e) => setCover({ issuer: e.target.value })} />
            </PrintField>
            <PrintField id="pack-number" label={t('number')}>
              <input id="pack-number" value={cover.number} maxLength={100} placeholder={t('numberExample')} onChange={(e) => setCover({ number: e.target.value })} />
            </PrintField>
            <PrintField id="pack-distribution" label={t('distribution')}>
              <input id="pack-distribution" value={cover.distribution} maxLength={1000} onChange={(e) => setCover({ distribution: e.target.value })} />
            </PrintField>
            <label className="pack-check">
              <input type="checkbox" checked={cover.handleWithCare} onChange={(e) => setCover({ handleWithCare: e.target.checked })} /> {t('handleWithCare')}
            </label>
            <p className="muted">{t('coverRemembered')}</p>
          </fieldset>
          <fieldset className="panel">
            <LanguageField id="pack-lang" value={lang} onChange={setLang} />
            <PrintField id="pack-counterpart-lang" label={t('counterpartLang')}>
              <input
                id="pack-counterpart-lang"
                value={counterpartLang}
                pattern="[a-z]{2}"
                maxLength={2}
                size={4}
                placeholder="vi"
                onChange={(e) => setCounterpartLang(e.target.value.trim().toLowerCase())}
              />
            </PrintField>
            <AudienceField id="pack-audience" value={audience} lang={lang} onChange={setAudience} />
            <PrintField id="pack-as-of" label={t('common:print.asOf')}>
              <DayInput id="pack-as-of" value={asOf} required onChange={setAsOf} />
            </PrintField>
            <PrintField id="pack-dates" label={t('dates')}>
              <select id="pack-dates" value={dates} disabled={lang === 'en'} onChange={(e) => setDates(e.target.value as PackDateStyle)}>
                {PACK_DATE_STYLES.map((style) => (
                  <option key={style} value={style}>
                    {t(`dateStyles.${style}`)}
                  </option>
                ))}
              </select>
            </PrintField>
            {lang === 'en' && <p className="muted">{t('datesInEnglish')}</p>}
            {visit && (
              <p className="muted">
                {t('visit')}: <DateText date={visit.dates} /> {visit.title}
              </p>
            )}
          </fieldset>
          <PrintActions printing={printing} disabled={asOf === ''} exportLabel={format === 'docx' ? t('exportDocx') : undefined}>
            <select id="pack-format" aria-label={t('format')} value={format} onChange={(e) => setFormat(e.target.value as PackFormat)}>
              {PACK_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`formats.${f}`)}
                </option>
              ))}
            </select>
          </PrintActions>
        </div>
      </div>
      <PrintPreview
        printing={printing}
        title={t('previewTitle')}
        caption={(preview) => (
          <>
            <span>{t('previewCases', { count: preview.cases })}</span>
            <OmittedList omitted={preview.omitted} />
          </>
        )}
      />
    </>
  );
}

/** The sections asked for that the pack leaves out, each with why: nothing in them would be worth a page. */
function OmittedList({ omitted }: { omitted: OmittedSection[] }) {
  const { t } = useTranslation('pack');
  const language = usePreferences((s) => s.language);
  if (omitted.length === 0) return null;
  return (
    <span className="pack-omitted" role="note">
      <span className="pack-omitted-title">{t('omittedTitle')}</span>
      <span className="pack-omitted-list">
        {omitted.map((o) => (
          <span key={o.section} className="pack-omitted-item">
            {t('omittedItem', { section: packSectionLabel(o.section, language), reason: t(`omittedReasons.${o.reason}`) })}
          </span>
        ))}
      </span>
    </span>
  );
}
