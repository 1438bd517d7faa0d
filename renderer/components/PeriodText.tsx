import { formatDate, parseDateText, type DateStyle, type KarteDate } from '../../shared/dates';
import { DateText } from './DateText';

// The periods the analytics count in, written as the dossiers' dates are, in the user's date style.

/** A month ('YYYY-MM'): 2019年4月, Apr 2019, 平成31年4月. */
export function MonthText({ month }: { month: string }) {
  return <DateText date={parseDateText(month)} />;
}

/** A 年度 (April to March) by the year it starts in: 2019年度, FY2019, 令和元年度; as text, for a chart's axis too. */
export function fiscalYearLabel(year: number, style: DateStyle): string {
  return formatDate(parseDateText(`${year}年度`) as KarteDate, style);
}
