import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StuckCase, StuckRules } from '../../shared/analytics/pipeline';
import { phaseLabel } from '../labels';
import { usePreferences } from '../stores/preferences';
import { FigurePanel } from './FigurePanel';
import { MonthText } from './PeriodText';

/** A month key ('YYYY-MM'); none when the case has no dated event. */
function Month({ month }: { month: string | null }) {
  const { t } = useTranslation('analytics');
  return month === null ? <span className="muted">{t('noDatedEvent')}</span> : <MonthText month={month} />;
}

function StuckList({
  heading,
  definition,
  cases,
  dateColumn,
  date,
  monthsColumn,
  fileName,
  total = cases.length,
}: {
  heading: string;
  definition: string;
  cases: StuckCase[];
  dateColumn: string;
  date: (c: StuckCase) => ReactNode;
  monthsColumn: string;
  fileName: string;
  /** How many the list holds in all, when `cases` are only its first ones. */
  total?: number;
}) {
  const { t } = useTranslation('analytics');
  const language = usePreferences((s) => s.language);
  const id = useId();
  const table = useRef<HTMLTableElement>(null);
  return (
    <FigurePanel
      id={id}
      heading={heading}
      count={t('caseCount', { ns: 'common', count: total })}
      definition={definition}
      table={cases.length === 0 ? undefined : table}
      fileName={fileName}
    >
      {cases.length === 0 ? (
        <p className="muted">{t('stuckNone')}</p>
      ) : (
        <table className="grid" ref={table} aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('column.case')}</th>
              <th scope="col">{t('column.phase')}</th>
              <th scope="col">{dateColumn}</th>
              <th scope="col" className="num">
                {monthsColumn}
              </th>
              <th scope="col">{t('column.oldestOpenHurdle')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/case/${c.id}`}>{c.title}</Link>
                </td>
                <td>{phaseLabel(c.currentPhase, language)}</td>
                <td className="nowrap">{date(c)}</td>
                <td className="num">{c.months ?? '—'}</td>
                <td>
                  {c.oldestOpenHurdle === null
                    ? '—'
                    : c.oldestOpenHurdle.since === null
                      ? c.oldestOpenHurdle.description
                      : t('hurdleSince', { description: c.oldestOpenHurdle.description, since: c.oldestOpenHurdle.since })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases.length < total && <p className="muted">{t('cases.limited', { shown: cases.length, count: total })}</p>}
    </FigurePanel>
  );
}

/**
 * 停滞 and 長期未受注: active cases someone should ask about, each list with its definition in words. Two lists, since
 * a case can be busy and still far from an order. `fileName` prefixes the CSV files. With `totals`, the lists are the
 * first (longest) of longer ones, and each says how many there are (a whole portfolio has thousands, which no table
 * shows fast or anyone reads).
 */
export function StuckLists({
  stuck,
  longWithoutOrder,
  rules,
  fileName,
  totals,
}: {
  stuck: StuckCase[];
  longWithoutOrder: StuckCase[];
  rules: StuckRules;
  fileName: string;
  totals?: { stuck: number; longWithoutOrder: number };
}) {
  const { t } = useTranslation('analytics');
  return (
    <>
      <StuckList
        heading={t('stuck.heading')}
        // The API sets one number of months for every phase.
        definition={t('stuck.definition', { count: rules.monthsWithoutEvent.none })}
        cases={stuck}
        dateColumn={t('column.lastEvent')}
        date={(c) => <Month month={c.lastEvent} />}
        monthsColumn={t('stuck.months')}
        fileName={`${fileName}-stuck`}
        total={totals?.stuck}
      />
      <StuckList
        heading={t('longWithoutOrder.heading')}
        definition={t('longWithoutOrder.definition', { count: rules.yearsWithoutOrder })}
        cases={longWithoutOrder}
        dateColumn={t('column.discovered')}
        date={(c) => <Month month={c.discovered} />}
        monthsColumn={t('longWithoutOrder.months')}
        fileName={`${fileName}-long-without-order`}
        total={totals?.longWithoutOrder}
      />
    </>
  );
}
