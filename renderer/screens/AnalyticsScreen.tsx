import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fiscalYearOf, type PipelineView } from '../../shared/analytics/pipeline';
import type { DurationSummary } from '../../shared/analytics/survival';
import type { ApiArgs } from '../../shared/api';
import { dayOf, formatDate, parseDateText, type KarteDate } from '../../shared/dates';
import { CASE_STATUSES } from '../../shared/model/case';
import { PHASES } from '../../shared/phases';
import { PRIORITY_PROJECTS } from '../../shared/reference/priority-projects';
import { SECTORS } from '../../shared/reference/sectors';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { RegionOptions, SectorOptions } from '../components/ReferenceOptions';
import { Chart, type ChartOption } from '../components/Chart';
import { CountrySelect } from '../components/CountrySelect';
import { FigurePanel } from '../components/FigurePanel';
import { fiscalYearLabel, MonthText } from '../components/PeriodText';
import { StuckLists } from '../components/StuckLists';
import { countryNames, phaseLabel, regionName, sectorName, statusLabel } from '../labels';
import { dateStyleOf, usePreferences } from '../stores/preferences';
import './AnalyticsScreen.css';
import { DayInput } from '../components/DayInput';

// パイプライン分析: how long cases take to reach an order, how long they stay in each phase, which ones are stuck,
// how far each year's cases got, and where the cases are; each figure defined in words under its heading, each
// chart and table ready to save for a report. The filters live in the address, so a view can be returned to.

/** The filters, by their name in the address and in the API's request. */
const FILTERS = ['asOf', 'discoveredFrom', 'discoveredTo', 'region', 'sector', 'status', 'country', 'project', 'organisation'] as const;
type Filter = (typeof FILTERS)[number];

/** The phases timed until the next: an order ends a case's way, so its phase has no time of its own. */
const TIMED_PHASES = PHASES.filter((p): p is keyof PipelineView['timeInPhase'] => p !== 'order_management');

/** Cases the per-case table and the stuck lists show at most: a large store has thousands, which nobody reads in one table. */
const CASES_SHOWN = 100;

/** The phases' bars, from pale (the first phase) to the app's accent (an order). */
const PHASE_COLOURS = ['#c5d5ee', '#93b0dd', '#6189c8', '#3a68b1', '#1b4f9c'];
/** The quartiles' bars: the median darkest, the quartiles around it paler. */
const QUARTILE_COLOURS = ['#a9c0e6', '#1b4f9c', '#6189c8'];

/** The first 年度 the period filter offers: the action plan's cases go back to the 2000s. */
const FIRST_FISCAL_YEAR = 1990;

/** The filters of the address without anything else (a chosen matrix cell). */
function filtersOf(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams(FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f) as string]] : [])));
}

function requestOf(params: URLSearchParams): ApiArgs<'stats.get'> {
  const value = (name: Filter) => params.get(name) || undefined;
  // A number that is none (typed into the address) is refused by the API, and the screen says so in words.
  const number = (name: Filter) => (value(name) === undefined ? undefined : Number(value(name)));
  const project = value('project');
  return {
    asOf: value('asOf') ?? dayOf(new Date()),
    region: value('region'),
    sector: value('sector'),
    // A status or a project that is none is refused by the API, and the screen says so in words.
    status: value('status') as ApiArgs<'stats.get'>['status'],
    country: value('country'),
    project: project === undefined ? undefined : Number(project),
    discoveredFrom: number('discoveredFrom'),
    discoveredTo: number('discoveredTo'),
    organisation: value('organisation'),
    limit: CASES_SHOWN,
    cell: cellOf(params) ?? undefined,
  };
}

/** The matrix cell whose cases the per-case table lists, or none. */
function cellOf(params: URLSearchParams): { sector: string; region: string } | null {
  const sector = params.get('cellSector');
  const region = params.get('cellRegion');
  return sector === null || region === null ? null : { sector, region };
}

/** The 年度 the period filter offers, newest first: up to the as-of day's, and any already chosen. */
function fiscalYearsOffered(request: ApiArgs<'stats.get'>): number[] {
  const asOf = request.asOf === undefined ? NaN : fiscalYearOf(request.asOf);
  const last = Number.isFinite(asOf) ? asOf : fiscalYearOf(dayOf(new Date()));
  const years = new Set(Array.from({ length: Math.max(0, last - FIRST_FISCAL_YEAR + 1) }, (_, i) => last - i));
  for (const chosen of [request.discoveredFrom, request.discoveredTo]) if (chosen !== undefined && Number.isInteger(chosen)) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

export function AnalyticsScreen() {
  const { t } = useTranslation('analytics');
  const [params, setParams] = useSearchParams();
  const request = useMemo(() => requestOf(params), [params]);
  const state = useApi('stats.get', request);
  // A new filter clears the matrix cell chosen under the old one.
  const setFilter = (name: Filter, value: string) => {
    const next = filtersOf(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next);
  };
  return (
    <article className="analytics-screen">
      <h1>{t('title')}</h1>
      <p className="definition">{t('intro')}</p>
      <Filters request={request} setFilter={setFilter} clear={() => setParams({})} />
      <ApiView state={state}>{(stats) => <Figures stats={stats} params={params} />}</ApiView>
    </article>
  );
}

/** One end of the period filter: a 年度 among `years`, or any. */
function YearSelect({ label, value, years, onChange }: { label: string; value: number | undefined; years: number[]; onChange: (value: string) => void }) {
  const { t } = useTranslation('analytics');
  const { style } = useLanguageAndStyle();
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filter.anyYear')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {fiscalYearLabel(y, style)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters({ request, setFilter, clear }: { request: ApiArgs<'stats.get'>; setFilter: (name: Filter, value: string) => void; clear: () => void }) {
  const { t } = useTranslation('analytics');
  const { language } = useLanguageAndStyle();
  // Offered only where the store holds organisations (a synced one): the demo data has none.
  const organisations = useApi('organisations.list', {}).data ?? [];
  const years = fiscalYearsOffered(request);
  const { discoveredFrom: from, discoveredTo: to } = request;
  return (
    <form className="panel filters" aria-label={t('filter.label')} onSubmit={(e) => e.preventDefault()}>
      <DayInput label={t('filter.asOf')} value={request.asOf ?? ''} onChange={(day) => setFilter('asOf', day)} />
      {/* No first year after the last: the API would refuse the pair. */}
      <YearSelect label={t('filter.discoveredFrom')} value={from} years={years.filter((y) => to === undefined || !(y > to))} onChange={(v) => setFilter('discoveredFrom', v)} />
      <YearSelect label={t('filter.discoveredTo')} value={to} years={years.filter((y) => from === undefined || !(y < from))} onChange={(v) => setFilter('discoveredTo', v)} />
      <label>
        {t('filter.region')}
        <select value={request.region ?? ''} onChange={(e) => setFilter('region', e.target.value)}>
          <option value="">{t('filter.all')}</option>
          <RegionOptions language={language} />
        </select>
      </label>
      <label>
        {t('filter.sector')}
        <select value={request.sector ?? ''} onChange={(e) => setFilter('sector', e.target.value)}>
          <option value="">{t('filter.all')}</option>
          <SectorOptions language={language} />
        </select>
      </label>
      <label>
        {t('filter.status')}
        <select value={request.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
          <option value="">{t('filter.all')}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status, language)}
            </option>
          ))}
        </select>
      </label>
      <span className="labelled">
        <label htmlFor="analytics-country">{t('filter.country')}</label>
        <CountrySelect id="analytics-country" value={request.country ?? ''} onChange={(iso2) => setFilter('country', iso2)} allLabel={t('filter.all')} language={language} />
      </span>
      <label>
        {t('filter.project')}
        <select value={request.project ?? ''} onChange={(e) => setFilter('project', e.target.value)}>
          <option value="">{t('filter.all')}</option>
          {PRIORITY_PROJECTS.map((p) => (
            <option key={p.no} value={p.no}>
              {p.mark} {p.sector}
            </option>
          ))}
        </select>
      </label>
      {(organisations.length > 0 || request.organisation !== undefined) && (
        <label>
          {t('filter.organisation')}
          <select value={request.organisation ?? ''} onChange={(e) => setFilter('organisation', e.target.value)}>
            <option value="">{t('filter.all')}</option>
            {/* One named in the address but not held here stays shown, so the filter in force can be seen and cleared. */}
            {request.organisation !== undefined && !organisations.some((o) => o.id === request.organisation) && (
              <option value={request.organisation}>{request.organisation}</option>
            )}
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {language === 'en' ? o.nameEn || o.nameJa : o.nameJa}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" onClick={clear}>
        {t('filter.clear')}
      </button>
    </form>
  );
}

function Figures({ stats, params }: { stats: PipelineView; params: URLSearchParams }) {
  const { t } = useTranslation('analytics');
  const { style } = useLanguageAndStyle();
  // Files saved on the same day for different days of the figures keep apart.
  const fileName = `karte-analytics-${stats.asOf}`;
  return (
    <>
      <p className="summary">{t('summary', { asOf: formatDate(parseDateText(stats.asOf) as KarteDate, style), count: stats.totals.cases, won: stats.totals.won })}</p>
      {stats.totals.cases === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          {/* Side by side, the long table of times to order beside the shorter panels, read top to bottom. */}
          <div className="columns">
            <TimeToOrder stats={stats} fileName={fileName} />
            <div>
              <PhaseTimes stats={stats} fileName={fileName} />
              <StuckLists stuck={stats.stuck} longWithoutOrder={stats.longWithoutOrder} totals={stats.totals} rules={stats.rules} fileName={fileName} />
            </div>
          </div>
          <Funnel stats={stats} fileName={fileName} />
          <SectorRegion stats={stats} params={params} fileName={fileName} />
          <CaseTimesTable stats={stats} params={params} fileName={fileName} />
        </>
      )}
    </>
  );
}

function months(value: number | null): string | number {
  return value ?? '—';
}

/** A row of medians and quartiles: a group's name, then n, open, 25%, median and 75%. */
function SummaryRow({ label, summary }: { label: string; summary: DurationSummary }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{summary.n}</td>
      <td className="num">{summary.open}</td>
      <td className="num">{months(summary.lowerQuartile)}</td>
      <td className="num">{months(summary.median)}</td>
      <td className="num">{months(summary.upperQuartile)}</td>
    </tr>
  );
}

function SummaryHead({ first, open }: { first: string; open: string }) {
  const { t } = useTranslation('analytics');
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          {t('column.n')}
        </th>
        <th scope="col" className="num">
          {open}
        </th>
        <th scope="col" className="num">
          {t('column.q1')}
        </th>
        <th scope="col" className="num">
          {t('column.median')}
        </th>
        <th scope="col" className="num">
          {t('column.q3')}
        </th>
      </tr>
    </thead>
  );
}

/** The groupings of the time to order, as the chart offers them (the table shows all three). */
const TIME_TO_ORDER_GROUPS = ['bySector', 'byRegion', 'byFiscalYear'] as const;
type TimeToOrderGroup = (typeof TIME_TO_ORDER_GROUPS)[number];

/** Height of a horizontal bar's row, and of what is around the rows (the legend, the axis), in pixels. */
const BAR_ROW = 28;
const BAR_CHART_FRAME = 96;

/**
 * Quartiles as a horizontal box: a pale bar from zero to the 25%, the box on to the 75% (or the median while the 75% is
 * not reached), the median a dark mark across it, seen where quartiles coincide too. A quartile not reached yet is not
 * drawn; the tooltip reads the months of each.
 */
function quartileBarOption(rows: { label: string; summary: DurationSummary }[], [q1, median, q3]: [string, string, string]): ChartOption {
  const bar = (name: string, values: (number | null)[], color: string, z: number) => ({
    type: 'bar' as const,
    name,
    data: values,
    itemStyle: { color },
    barGap: '-100%',
    barWidth: 16,
    z,
  });
  return {
    // The median as its mark: its bar, of the box's colour, is not listed.
    legend: { top: 0, left: 0, data: [q1, median, q3] },
    grid: { left: 8, right: 24, top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    // The first row on top, as in the table.
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true, axisLabel: { interval: 0 }, axisTick: { show: false } },
    // In months, as the chart's title says; on top, where a long chart's rows start.
    xAxis: { type: 'value', minInterval: 1, position: 'top' },
    series: [
      // Drawn over the box.
      bar(
        q1,
        rows.map((r) => r.summary.lowerQuartile),
        QUARTILE_COLOURS[0],
        3,
      ),
      // The median's mark; the tooltip reads the median's bar instead.
      {
        type: 'scatter',
        name: median,
        data: rows.flatMap((r, i) => (r.summary.median === null ? [] : [[r.summary.median, i]])),
        symbol: 'rect',
        symbolSize: [4, 24],
        // Opaque: a scatter's marks are see-through unless told.
        itemStyle: { color: QUARTILE_COLOURS[1], opacity: 1 },
        tooltip: { show: false },
        z: 4,
      },
      // Named as the median for the tooltip, apart from the mark's name (a zero-width space) for the legend.
      bar(
        `${median}\u200b`,
        rows.map((r) => r.summary.median),
        QUARTILE_COLOURS[2],
        2,
      ),
      bar(
        q3,
        rows.map((r) => r.summary.upperQuartile),
        QUARTILE_COLOURS[2],
        2,
      ),
    ],
  };
}

function TimeToOrder({ stats, fileName }: { stats: PipelineView; fileName: string }) {
  const { t } = useTranslation('analytics');
  const { language, style } = useLanguageAndStyle();
  const table = useRef<HTMLTableElement>(null);
  const [grouping, setGrouping] = useState<TimeToOrderGroup>('bySector');
  const { all, bySector, byRegion, byFiscalYear } = stats.timeToOrder;
  const groups = useMemo(
    (): Record<TimeToOrderGroup, [string, DurationSummary][]> => ({
      bySector: Object.entries(bySector).map(([sector, s]) => [sectorName(sector, '', language), s]),
      byRegion: Object.entries(byRegion).map(([region, s]) => [regionName(region, language), s]),
      byFiscalYear: Object.entries(byFiscalYear).map(([year, s]) => [fiscalYearLabel(Number(year), style), s]),
    }),
    [bySector, byRegion, byFiscalYear, language, style],
  );
  const rows = useMemo(
    () =>
      [[t('timeToOrder.all'), all] as const, ...groups[grouping]].map(([label, summary]) => ({
        label: t('timeToOrder.row', { label, n: summary.n, open: summary.open }),
        summary,
      })),
    [all, groups, grouping, t],
  );
  const option = useMemo(() => quartileBarOption(rows, [t('column.q1'), t('column.median'), t('column.q3')]), [rows, t]);
  const chartName = `${fileName}-time-to-order-${grouping}`;
  return (
    <FigurePanel id="time-to-order" heading={t('timeToOrder.heading')} definition={t('timeToOrder.definition')} table={table} fileName={`${fileName}-time-to-order`}>
      <label className="chart-grouping">
        {t('timeToOrder.chartBy')}{' '}
        <select value={grouping} onChange={(e) => setGrouping(e.target.value as TimeToOrderGroup)}>
          {TIME_TO_ORDER_GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`timeToOrder.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <Chart title={t('timeToOrder.chart', { group: t(`timeToOrder.${grouping}`) })} option={option} fileName={chartName} height={BAR_CHART_FRAME + BAR_ROW * rows.length} />
      <table className="grid" ref={table} aria-labelledby="time-to-order">
        <SummaryHead first={t('column.group')} open={t('column.openToOrder')} />
        <tbody>
          <SummaryRow label={t('timeToOrder.all')} summary={all} />
        </tbody>
        {TIME_TO_ORDER_GROUPS.map((group) => (
          <tbody key={group}>
            <tr className="group">
              <th scope="colgroup" colSpan={6}>
                {t(`timeToOrder.${group}`)}
              </th>
            </tr>
            {groups[group].map(([label, summary]) => (
              <SummaryRow key={label} label={label} summary={summary} />
            ))}
          </tbody>
        ))}
      </table>
    </FigurePanel>
  );
}

function useLanguageAndStyle() {
  const language = usePreferences((s) => s.language);
  const style = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  return { language, style };
}

/** Bars on categories, one series a group of bars: what both charts draw. */
function barOption(categories: string[], series: { name: string; data: (number | null)[]; color: string }[], axisName: string): ChartOption {
  return {
    legend: { top: 0, left: 0 },
    // The axes' labels inside the margins (what containLabel did before ECharts 6).
    grid: { left: 8, right: 16, top: 64, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: categories,
      // Every category named: a few (the phases) broken over lines, many (the years, 平成30年度 in 和暦) slanted.
      axisLabel: categories.length <= 6 ? { interval: 0, width: 96, overflow: 'break' } : { interval: 0, rotate: 30 },
    },
    yAxis: { type: 'value', name: axisName, minInterval: 1 },
    series: series.map(({ name, data, color }) => ({ type: 'bar', name, data, itemStyle: { color } })),
  };
}

function PhaseTimes({ stats, fileName }: { stats: PipelineView; fileName: string }) {
  const { t } = useTranslation('analytics');
  const { language } = useLanguageAndStyle();
  const table = useRef<HTMLTableElement>(null);
  const option = useMemo(() => {
    const summaries = TIMED_PHASES.map((p) => stats.timeInPhase[p]);
    return barOption(
      TIMED_PHASES.map((p) => phaseLabel(p, language)),
      [
        { name: t('column.q1'), data: summaries.map((s) => s.lowerQuartile), color: QUARTILE_COLOURS[0] },
        { name: t('column.median'), data: summaries.map((s) => s.median), color: QUARTILE_COLOURS[1] },
        { name: t('column.q3'), data: summaries.map((s) => s.upperQuartile), color: QUARTILE_COLOURS[2] },
      ],
      t('monthsAxis'),
    );
  }, [stats, language, t]);
  return (
    <FigurePanel id="phase-times" heading={t('phaseTime.heading')} definition={t('phaseTime.definition')} table={table} fileName={`${fileName}-months-in-phase`}>
      <Chart title={t('phaseTime.chart')} option={option} fileName={`${fileName}-months-in-phase`} />
      <table className="grid" ref={table} aria-labelledby="phase-times">
        <SummaryHead first={t('column.stage')} open={t('column.openInPhase')} />
        <tbody>
          {TIMED_PHASES.map((p) => (
            <SummaryRow key={p} label={phaseLabel(p, language)} summary={stats.timeInPhase[p]} />
          ))}
        </tbody>
      </table>
    </FigurePanel>
  );
}

function Funnel({ stats, fileName }: { stats: PipelineView; fileName: string }) {
  const { t } = useTranslation('analytics');
  const { language, style } = useLanguageAndStyle();
  const table = useRef<HTMLTableElement>(null);
  const option = useMemo(
    () =>
      barOption(
        stats.funnel.map((f) => fiscalYearLabel(f.fiscalYear, style)),
        PHASES.map((phase, i) => ({ name: phaseLabel(phase, language), data: stats.funnel.map((f) => f.reached[phase]), color: PHASE_COLOURS[i] })),
        t('funnel.axis'),
      ),
    [stats, language, style, t],
  );
  return (
    <FigurePanel id="funnel" heading={t('funnel.heading')} definition={t('funnel.definition')} table={table} fileName={`${fileName}-funnel`}>
      <div className="chart-with-table">
        <Chart title={t('funnel.chart')} option={option} fileName={`${fileName}-funnel`} />
        <table className="grid" ref={table} aria-labelledby="funnel">
          <thead>
            <tr>
              <th scope="col">{t('column.fiscalYear')}</th>
              <th scope="col" className="num">
                {t('column.n')}
              </th>
              {PHASES.map((phase) => (
                <th key={phase} scope="col" className="num">
                  {phaseLabel(phase, language)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('column.open')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.funnel.map((f) => (
              <tr key={f.fiscalYear}>
                <th scope="row">{fiscalYearLabel(f.fiscalYear, style)}</th>
                <td className="num">{f.size}</td>
                {PHASES.map((phase) => (
                  <td key={phase} className="num">
                    {f.reached[phase]}
                  </td>
                ))}
                <td className="num">{f.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </FigurePanel>
  );
}

/** The address of this screen with a matrix cell chosen (or none): the filters stay. */
function withCell(params: URLSearchParams, cell: { sector: string; region: string } | null): string {
  const next = filtersOf(params);
  if (cell) {
    next.set('cellSector', cell.sector);
    next.set('cellRegion', cell.region);
  }
  return `?${next.toString()}`;
}

function SectorRegion({ stats, params, fileName }: { stats: PipelineView; params: URLSearchParams; fileName: string }) {
  const { t } = useTranslation('analytics');
  const { language } = useLanguageAndStyle();
  const table = useRef<HTMLTableElement>(null);
  const cells = stats.bySectorRegion;
  const regions = [...new Set(cells.map((c) => c.region))].sort((a, b) => a.localeCompare(b));
  // Sectors in the vocabulary's order, as the filter lists them.
  const sectors = [...new Set(cells.map((c) => c.sector))].sort((a, b) => SECTORS.findIndex((s) => s.code === a) - SECTORS.findIndex((s) => s.code === b));
  return (
    <FigurePanel id="sector-region" heading={t('matrix.heading')} definition={t('matrix.definition')} table={table} fileName={`${fileName}-sector-region`}>
      <table className="grid sector-region" ref={table} aria-labelledby="sector-region">
        <thead>
          <tr>
            <th scope="col">{t('column.sector')}</th>
            {regions.map((region) => (
              <th key={region} scope="col" className="num">
                {regionName(region, language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sectors.map((sector) => (
            <tr key={sector}>
              <th scope="row">{sectorName(sector, '', language)}</th>
              {regions.map((region) => {
                const cell = cells.find((c) => c.sector === sector && c.region === region);
                return (
                  <td key={region} className="num">
                    {cell && (
                      <Link
                        to={withCell(params, cell)}
                        aria-label={t('matrix.cell', { sector: sectorName(sector, '', language), region: regionName(region, language), count: cell.total })}
                      >
                        {cell.total}
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </FigurePanel>
  );
}

function CaseTimesTable({ stats, params, fileName }: { stats: PipelineView; params: URLSearchParams; fileName: string }) {
  const { t } = useTranslation('analytics');
  const { language } = useLanguageAndStyle();
  const table = useRef<HTMLTableElement>(null);
  const section = useRef<HTMLDivElement>(null);
  const cell = cellOf(params);
  // A cell of the matrix was chosen: bring its cases into view.
  useEffect(() => {
    if (cell) section.current?.scrollIntoView?.({ block: 'start' });
  }, [cell?.sector, cell?.region]);
  return (
    <div ref={section}>
      <FigurePanel id="case-times" heading={t('cases.heading')} definition={t('cases.definition')} table={table} fileName={`${fileName}-cases`}>
        {cell && (
          <p className="chosen">
            {t('cases.chosen', { sector: sectorName(cell.sector, '', language), region: regionName(cell.region, language), count: stats.totals.listed })}{' '}
            <Link to={withCell(params, null)}>{t('cases.showAll')}</Link>
          </p>
        )}
        <table className="grid" ref={table} aria-labelledby="case-times">
          <thead>
            <tr>
              <th scope="col">{t('column.case')}</th>
              <th scope="col">{t('column.place')}</th>
              <th scope="col">{t('column.sector')}</th>
              <th scope="col">{t('column.phase')}</th>
              <th scope="col">{t('column.status')}</th>
              <th scope="col">{t('column.discovered')}</th>
              <th scope="col">{t('column.firstOrder')}</th>
              <th scope="col" className="num">
                {t('column.monthsToOrder')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/case/${c.id}`}>{c.title}</Link>
                </td>
                <td className="nowrap">{countryNames(c.countries, language) || regionName(c.region, language)}</td>
                <td>{sectorName(c.sector, '', language)}</td>
                <td className="nowrap">{phaseLabel(c.currentPhase, language)}</td>
                <td className="nowrap">{statusLabel(c.status, language)}</td>
                <td className="nowrap">{c.discovered && <MonthText month={c.discovered} />}</td>
                <td className="nowrap">{c.firstOrder && <MonthText month={c.firstOrder} />}</td>
                <td className="num nowrap">{c.monthsToOrder === null ? '—' : c.approximate ? t('cases.approximate', { count: c.monthsToOrder }) : c.monthsToOrder}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {stats.cases.length < stats.totals.listed && <p className="muted">{t('cases.limited', { shown: stats.cases.length, count: stats.totals.listed })}</p>}
      </FigurePanel>
    </div>
  );
}
