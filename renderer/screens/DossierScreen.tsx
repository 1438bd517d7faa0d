import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DateStyle } from '../../shared/dates';
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
import { DateLabel, DateText } from '../components/DateText';
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
        <ExcelExportButton countries={[country]} label={t('exportExcel')} />
        <div className="dossier-scope">
          {t('dossierScope')} <ScopeBadge scope={view.dossier?.scope ?? DEFAULT_SCOPE} choices={DOSSIER_SCOPES} onChange={(scope: Scope) => void saveField('scope', scope)} />
        </div>
      </header>

      <section className="panel narrative" aria-labelledby="dossier-narrative">
        <h2 id="dossier-narrative">{t('narrative')}</h2>
        <div className="narrative-fields">
          {NARRATIVE_FIELDS.map((field) => (
            <EditableText key={field} label={t(`fields.${field}`)} value={view.dossier?.[field] ?? ''} onSave={savers[field]} multiline rows={4} />
          ))}
        </div>
      </section>

      <section aria-labelledby="dossier-matrix">
        <h2 id="dossier-matrix">
          {t('matrix')} <span className="muted">{t('caseCount', { count: rows.length })}</span>
        </h2>
        {rows.length === 0 ? <p className="muted">{t('noCases')}</p> : <CaseMatrix rows={rows} language={language} />}
      </section>

      <section aria-labelledby="dossier-agreements">
        <h2 id="dossier-agreements">{t('agreements')}</h2>
        <Agreements agreements={view.agreements} language={language} />
      </section>
    </div>
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
 * the rows in and near the matrix's box are: each row costs about a millisecond to build, and a dossier of 300 cases
 * and 3,000 events took a third of a second to open with all of them.
 */
const ALL_ROWS_MAX = 100;
/** A typical row's height, until the rows in view are measured. */
const ROW_HEIGHT = 110;

/**
 * The 別表: one row per case, one column per phase, plus 今後の方針. An ARIA table on CSS grid rather than a
 * <table>, scrolling in a box of its own (the header row and the first two columns stay in view). Rows off screen
 * skip layout and paint (content-visibility); a large dossier renders only the rows near its box (ALL_ROWS_MAX),
 * between spacers as tall as the rows left out, so the scroll bar is the whole matrix's.
 */
const CaseMatrix = memo(function CaseMatrix({ rows, language }: { rows: DossierCase[]; language: Language }) {
  const { t } = useTranslation('dossier');
  const dateStyle = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  const labels = useMemo(() => ({ current: t('currentPhase'), priority: t('priority'), noDate: t('common:noDate'), dateStyle }), [t, dateStyle]);
  const box = useRef<HTMLDivElement>(null);
  const windowed = rows.length > ALL_ROWS_MAX;
  // The header row above the first case is within the overscan.
  const virtualizer = useVirtualizer({ count: windowed ? rows.length : 0, getScrollElement: () => box.current, estimateSize: () => ROW_HEIGHT, overscan: 3 });
  const shown = virtualizer.getVirtualItems();
  const row = (dossierCase: DossierCase, index: number, measure?: (element: HTMLElement | null) => void) => (
    <CaseRow key={dossierCase.case.id} row={dossierCase} index={index} measure={measure} language={language} labels={labels} />
  );
  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-label={t('matrix')} ref={box}>
      <div className={windowed ? 'matrix windowed' : 'matrix'} role="table" aria-label={t('matrix')} aria-rowcount={rows.length + 1}>
        <div className="matrix-head" role="rowgroup">
          <div className="matrix-row" role="row">
            <div role="columnheader" className="fixed fixed-sector">
              {t('sector')}
            </div>
            <div role="columnheader" className="fixed fixed-case">
              {t('summary')}
            </div>
            {PHASES.map((phase) => (
              <div key={phase} role="columnheader">
                {phaseLabel(phase, language)}
              </div>
            ))}
            <div role="columnheader">{t('futurePolicy')}</div>
          </div>
        </div>
        <div className="matrix-body" role="rowgroup">
          {windowed ? (
            <>
              <div aria-hidden="true" style={{ height: shown[0]?.start ?? 0 }} />
              {shown.map((item) => row(rows[item.index], item.index, virtualizer.measureElement))}
              <div aria-hidden="true" style={{ height: virtualizer.getTotalSize() - (shown.at(-1)?.end ?? 0) }} />
            </>
          ) : (
            rows.map((dossierCase, index) => row(dossierCase, index))
          )}
        </div>
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

/** One case of the matrix; `index` is its place among the rows, `measure` takes its height when the matrix is windowed. */
const CaseRow = memo(function CaseRow({
  row,
  index,
  measure,
  language,
  labels,
}: {
  row: DossierCase;
  index: number;
  measure?: (element: HTMLElement | null) => void;
  language: Language;
  labels: RowLabels;
}) {
  const c = row.case;
  const byPhase = new Map<Phase, StageEvent[]>(PHASES.map((phase) => [phase, []]));
  for (const event of row.events) byPhase.get(event.phase)!.push(event);
  return (
    // aria-rowindex: the header is row 1, and a windowed matrix leaves rows out.
    <div role="row" aria-rowindex={index + 2} ref={measure} data-index={index} className={c.status === 'active' ? 'matrix-row' : `matrix-row status-${c.status}`}>
      <div role="rowheader" className="fixed fixed-sector">
        {sectorName(c.sector, c.sectorLabel, language)}
      </div>
      <div role="cell" className="fixed fixed-case">
        <Link to={`/case/${c.id}`}>{c.title}</Link>
        {c.summary && !c.title.includes(c.summary) && <p className="case-summary">{c.summary}</p>}
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
                  <DateLabel date={event.date} style={labels.dateStyle} noDate={labels.noDate} /> {event.text}
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
