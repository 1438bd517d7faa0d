import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Fragment, memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dossierHeadline } from '../../shared/case-title';
import { formatDate, type DateStyle, type KarteDate } from '../../shared/dates';
import type { Agreement } from '../../shared/model/agreement';
import { DOSSIER_SCOPES } from '../../shared/model/dossier';
import type { StageEvent } from '../../shared/model/stage-event';
import { PHASES, type Phase } from '../../shared/phases';
import { regionsOfCountry } from '../../shared/reference/regions';
import { SECTORS } from '../../shared/reference/sectors';
import { DEFAULT_SCOPE, type Scope } from '../../shared/scopes';
import type { DossierCase, DossierView } from '../../shared/views';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { CountryFactsPanel } from '../components/CountryFactsPanel';
import { DateText } from '../components/DateText';
import { DirectionsPanel } from '../components/DirectionsPanel';
import { EditableText } from '../components/EditableText';
import { ExcelExportButton } from '../components/ExcelExportButton';
import { ScopeBadge } from '../components/ScopeBadge';
import { agreementKindLabel, agreementStatusLabel, countryName, countryNames, phaseLabel, sectorName, statusLabel } from '../labels';
import { dateStyleOf, usePreferences, type Language } from '../stores/preferences';
import './DossierScreen.css';

// カルテ of one country: the narrative a desk officer keeps, the 別表 case matrix, and the country's agreements.

const NARRATIVE_FIELDS = ['overview', 'relations', 'policy', 'supportHistory'] as const;
type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

const SECTOR_ORDER = new Map(SECTORS.map((s, i) => [s.code, i]));
const byTitle = new Intl.Collator('ja').compare;

/** 別表 order: by sector as the action plan lists them, then by title. */
function bySector(a: DossierCase, b: DossierCase): number {
  return (SECTOR_ORDER.get(a.case.sector) ?? SECTORS.length) - (SECTOR_ORDER.get(b.case.sector) ?? SECTORS.length) || byTitle(a.case.title, b.case.title);
}

const rowJson = new WeakMap<DossierCase, string>();

function sameRow(a: DossierCase, b: DossierCase): boolean {
  const json = (row: DossierCase) => rowJson.get(row) ?? rowJson.set(row, JSON.stringify(row)).get(row)!;
  return json(a) === json(b);
}

/**
 * The matrix rows in 別表 order, keeping the very objects of rows that did not change since the last load, so a
 * reload after a narrative edit re-renders no row of the matrix. The first load compares nothing.
 */
function useStableRows(cases: DossierCase[]): DossierCase[] {
  const previous = useRef<DossierCase[]>([]);
  return useMemo(() => {
    const before = new Map(previous.current.map((row) => [row.case.id, row]));
    const rows = [...cases].sort(bySector).map((row) => {
      const kept = before.get(row.case.id);
      return kept && sameRow(kept, row) ? kept : row;
    });
    const unchanged = rows.length === previous.current.length && rows.every((row, i) => row === previous.current[i]);
    if (!unchanged) previous.current = rows;
    return previous.current;
  }, [cases]);
}

export function DossierScreen() {
  const { country = '' } = useParams();
  const state = useApi('dossier.get', { country });
  return <ApiView state={state}>{(view) => <Dossier view={view} />}</ApiView>;
}

function Dossier({ view }: { view: DossierView }) {
  const { t } = useTranslation('dossier');
  const language = usePreferences((s) => s.language);
  const other: Language = language === 'ja' ? 'en' : 'ja';
  const { country } = view;
  const regions = regionsOfCountry(country).map((r) => r[language]);
  const rows = useStableRows(view.cases);
  const caseSectors = useMemo(() => [...new Set(view.cases.map((c) => c.case.sector))], [view.cases]);

  const saveField = useCallback((field: NarrativeField | 'scope', value: string) => call('dossier.set', { country, values: { [field]: value } }), [country]);
  const savers = useMemo(
    () => Object.fromEntries(NARRATIVE_FIELDS.map((field) => [field, (text: string) => saveField(field, text)])) as Record<NarrativeField, (text: string) => Promise<unknown>>,
    [saveField],
  );

  return (
    <div className="dossier">
      <header className="dossier-header">
        <h1>
          {countryName(country, language)} <span className="muted other-name">{countryName(country, other)}</span>
        </h1>
        <p className="muted">
          {regions.length > 0 && <span>{t('regions', { regions: regions.join(language === 'ja' ? '・' : ', ') })}</span>}
          {view.dossier && view.dossier.title !== countryName(country, 'ja') && <span className="dossier-source">{view.dossier.title}</span>}
        </p>
        <MyCountryToggle country={country} />
        <Link to={`/pack?country=${country}`} className="dossier-pack">
          {t('pack:fromDossier')}
        </Link>
        <Link to={`/dossier/${country}/profiles`}>{t('profiles:fromDossier')}</Link>
        <ExcelExportButton countries={[country]} label={t('exportExcel')} />
        <div className="dossier-scope">
          {t('dossierScope')} <ScopeBadge scope={view.dossier?.scope ?? DEFAULT_SCOPE} choices={DOSSIER_SCOPES} onChange={(scope: Scope) => void saveField('scope', scope)} />
        </div>
      </header>

      <Narrative dossier={view.dossier} savers={savers} />

      <section aria-labelledby="dossier-matrix">
        <h2 id="dossier-matrix" className="dossier-matrix-heading">
          {t('matrix')} <span className="muted">{t('caseCount', { count: rows.length })}</span>
        </h2>
        {rows.length === 0 ? <p className="muted">{t('noCases')}</p> : <CaseMatrix rows={rows} country={country} language={language} />}
      </section>

      <section aria-labelledby="dossier-agreements">
        <h2 id="dossier-agreements">{t('agreements')}</h2>
        <Agreements agreements={view.agreements} language={language} />
      </section>

      <CountryFactsPanel country={country} />
      <DirectionsPanel place={{ country, caseSectors }} />
    </div>
  );
}

/**
 * The narrative fields that hold text, and behind one 「概況を記入」 button those still empty: four empty boxes
 * pushed the matrix, which is what a desk officer opens a dossier for, below the first screen. Opened, every field
 * shows and the first empty one takes the focus.
 */
function Narrative({ dossier, savers }: { dossier: DossierView['dossier']; savers: Record<NarrativeField, (text: string) => Promise<unknown>> }) {
  const { t } = useTranslation('dossier');
  const [open, setOpen] = useState(false);
  const fields = useRef<HTMLDivElement>(null);
  const empty = NARRATIVE_FIELDS.filter((field) => (dossier?.[field] ?? '').trim() === '');
  const shown = open ? NARRATIVE_FIELDS : NARRATIVE_FIELDS.filter((field) => !empty.includes(field));
  const openEmpty = () => {
    // Rendered at once, so the first empty field can take the focus: the person came to write in it.
    flushSync(() => setOpen(true));
    fields.current?.querySelectorAll('textarea')[NARRATIVE_FIELDS.indexOf(empty[0])]?.focus();
  };
  const button = !open && empty.length > 0 && (
    <button type="button" className="narrative-open" onClick={openEmpty}>
      {t('writeNarrative')}
    </button>
  );
  if (shown.length === 0) {
    return (
      <section className="narrative narrative-empty" aria-labelledby="dossier-narrative">
        <h2 id="dossier-narrative">{t('narrative')}</h2>
        <span className="muted">{t('narrativeEmpty')}</span>
        {button}
      </section>
    );
  }
  return (
    <section className="panel narrative" aria-labelledby="dossier-narrative">
      <h2 id="dossier-narrative">{t('narrative')}</h2>
      <div className="narrative-fields" ref={fields}>
        {shown.map((field) => (
          <EditableText key={field} label={t(`fields.${field}`)} value={dossier?.[field] ?? ''} onSave={savers[field]} multiline rows={4} />
        ))}
      </div>
      {button}
    </section>
  );
}

/** Follow a country: it is listed first on the home screen. */
function MyCountryToggle({ country }: { country: string }) {
  const { t } = useTranslation('dossier');
  const mine = usePreferences((s) => s.myCountries.includes(country));
  const toggle = usePreferences((s) => s.toggleMyCountry);
  return (
    <button className={mine ? 'my-country on' : 'my-country'} aria-pressed={mine} onClick={() => toggle(country)}>
      {mine ? `★ ${t('myCountry.on')}` : `☆ ${t('myCountry.add')}`}
    </button>
  );
}

/**
 * Up to this many cases every row of the matrix is in the document, so find in page reaches them all. Beyond, only
 * the rows in and near the window are: each row costs about a millisecond to build, and a dossier of 300 cases and
 * 3,000 events took a third of a second to open with all of them.
 */
const ALL_ROWS_MAX = 100;
/** A typical row's height, until the rows in view are measured. */
const ROW_HEIGHT = 110;

/**
 * The height of the app's top bar, which stays at the top of the window: the matrix's header row sticks just below
 * it. Measured, since the bar wraps to two lines in a narrow window.
 */
function useTopBarHeight(): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const bar = document.querySelector<HTMLElement>('.topbar');
    if (!bar) return;
    const measure = () => setHeight(bar.getBoundingClientRect().height);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return height;
}

/**
 * How far below the top of the page `element` begins: a windowed matrix counts its rows from there. It moves when
 * anything above grows (the narrative opened), and the page's height changes with it.
 */
function usePageOffset(element: RefObject<HTMLElement | null>, enabled: boolean): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    if (!enabled) return;
    const measure = () => {
      if (element.current) setOffset(element.current.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [element, enabled]);
  return offset;
}

/**
 * The 別表: one row per case, one column per phase, plus 今後の方針. An ARIA table on CSS grid rather than a
 * <table>, as wide as the page and never wider: every column takes a share of the width with wrapping text, so
 * the whole matrix reads in one view and scrolls with the page, its header row sticking below the top bar. Rows off
 * screen skip layout and paint (content-visibility); a large dossier renders only the rows near the window
 * (ALL_ROWS_MAX), between spacers as tall as the rows left out, so the page is as tall as the whole matrix.
 */
const CaseMatrix = memo(function CaseMatrix({ rows, country, language }: { rows: DossierCase[]; country: string; language: Language }) {
  const { t } = useTranslation('dossier');
  const dateStyle = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  const labels = useMemo(() => ({ current: t('currentPhase'), priority: t('priority'), noDate: t('common:noDate'), dateStyle }), [t, dateStyle]);
  const body = useRef<HTMLDivElement>(null);
  const windowed = rows.length > ALL_ROWS_MAX;
  const headTop = useTopBarHeight();
  const scrollMargin = usePageOffset(body, windowed);
  // The header row above the first case is within the overscan.
  const virtualizer = useWindowVirtualizer({ count: windowed ? rows.length : 0, estimateSize: () => ROW_HEIGHT, overscan: 3, scrollMargin });
  const shown = virtualizer.getVirtualItems();
  const row = (dossierCase: DossierCase, index: number, measure?: (element: HTMLElement | null) => void) => (
    <CaseRow key={dossierCase.case.id} row={dossierCase} index={index} measure={measure} country={country} language={language} labels={labels} />
  );
  return (
    <div className={windowed ? 'matrix windowed' : 'matrix'} role="table" aria-label={t('matrix')} aria-rowcount={rows.length + 1}>
      <div className="matrix-head" role="rowgroup" style={{ top: headTop }}>
        <div className="matrix-row" role="row">
          <div role="columnheader">{t('sector')}</div>
          <div role="columnheader">{t('summary')}</div>
          {PHASES.map((phase) => (
            <div key={phase} role="columnheader">
              {phaseLabel(phase, language)}
            </div>
          ))}
          <div role="columnheader">{t('futurePolicy')}</div>
        </div>
      </div>
      <div className="matrix-body" role="rowgroup" ref={body}>
        {windowed ? (
          <>
            <div aria-hidden="true" style={{ height: (shown[0]?.start ?? scrollMargin) - scrollMargin }} />
            {shown.map((item) => row(rows[item.index], item.index, virtualizer.measureElement))}
            <div aria-hidden="true" style={{ height: virtualizer.getTotalSize() - ((shown.at(-1)?.end ?? scrollMargin) - scrollMargin) }} />
          </>
        ) : (
          rows.map((dossierCase, index) => row(dossierCase, index))
        )}
      </div>
    </div>
  );
});

/** Words every row shows and how its dates are written, looked up once for the whole matrix. */
interface RowLabels {
  current: string;
  priority: string;
  noDate: string;
  dateStyle: DateStyle;
}

/**
 * An event's date in the matrix. A range breaks only after its ～ (2021年5月10日～ / 12日), never inside either
 * end (the stylesheet keeps each end whole); the wording the source wrote is the tooltip, as DateLabel's.
 */
function MatrixDate({ date, labels }: { date: KarteDate | null; labels: RowLabels }) {
  if (!date || (date.precision === 'unknown' && date.text === '')) return <span className="date date-unknown">{labels.noDate}</span>;
  const ends = formatDate(date, labels.dateStyle).split(/(?<=～)/);
  return (
    <time className="date" title={date.text} dateTime={date.sort ?? undefined}>
      {ends.map((end, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {end}
        </Fragment>
      ))}
    </time>
  );
}

/** One case of the matrix; `index` is its place among the rows, `measure` takes its height when the matrix is windowed. */
const CaseRow = memo(function CaseRow({
  row,
  index,
  measure,
  country,
  language,
  labels,
}: {
  row: DossierCase;
  index: number;
  measure?: (element: HTMLElement | null) => void;
  country: string;
  language: Language;
  labels: RowLabels;
}) {
  const c = row.case;
  const byPhase = new Map<Phase, StageEvent[]>(PHASES.map((phase) => [phase, []]));
  for (const event of row.events) byPhase.get(event.phase)!.push(event);
  // The row already shows the country and the sector: the title says what else the case is.
  const headline = dossierHeadline(c, country);
  return (
    // aria-rowindex: the header is row 1, and a windowed matrix leaves rows out.
    <div role="row" aria-rowindex={index + 2} ref={measure} data-index={index} className={c.status === 'active' ? 'matrix-row' : `matrix-row status-${c.status}`}>
      <div role="rowheader">{sectorName(c.sector, c.sectorLabel, language)}</div>
      <div role="cell" className="matrix-case">
        <Link to={`/case/${c.id}`} title={c.title}>
          {/* Read out, so the link's name is the case's whole title. */}
          {headline.omitted && (
            <>
              <span className="visually-hidden">{headline.omitted.trimEnd()}</span>{' '}
            </>
          )}
          {headline.title}
        </Link>
        {headline.summary && <p className="case-summary">{headline.summary}</p>}
        <p className="case-marks">
          {c.priority && <span className="priority-mark">{labels.priority}</span>}
          {c.status !== 'active' && <span className={`status-mark status-${c.status}`}>{statusLabel(c.status, language)}</span>}
          {c.countries.length > 1 && <span className="muted">{countryNames(c.countries, language)}</span>}
          {c.scope !== DEFAULT_SCOPE && <ScopeBadge scope={c.scope} />}
        </p>
      </div>
      {PHASES.map((phase) => (
        <div role="cell" key={phase} className={phase === row.currentPhase ? 'current' : undefined}>
          {phase === row.currentPhase && <span className="visually-hidden">{labels.current}</span>}
          {byPhase.get(phase)!.length > 0 && (
            <ul>
              {byPhase.get(phase)!.map((event) => (
                <li key={event.id}>
                  <MatrixDate date={event.date} labels={labels} /> {event.text}
                  {event.scope !== DEFAULT_SCOPE && <ScopeBadge scope={event.scope} />}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <div role="cell" className="future">
        {c.futurePolicy}
      </div>
    </div>
  );
});

function Agreements({ agreements, language }: { agreements: Agreement[]; language: Language }) {
  const { t } = useTranslation('dossier');
  if (agreements.length === 0) return <p className="muted">{t('noAgreements')}</p>;
  return (
    <table className="grid agreements">
      <thead>
        <tr>
          <th scope="col">{t('agreement.title')}</th>
          <th scope="col">{t('agreement.kind')}</th>
          <th scope="col">{t('agreement.date')}</th>
          <th scope="col">{t('agreement.status')}</th>
          <th scope="col">{t('agreement.parties')}</th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id}>
            <td>
              {a.title} {a.scope !== DEFAULT_SCOPE && <ScopeBadge scope={a.scope} />}
            </td>
            <td>{agreementKindLabel(a.kind, language)}</td>
            <td>
              <DateText date={a.date} />
            </td>
            <td>{agreementStatusLabel(a.status, language)}</td>
            <td>
              {a.parties.join(language === 'ja' ? '、' : ', ')}
              {a.signatoryLevel && <span className="muted"> {t('agreement.level', { level: a.signatoryLevel })}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
