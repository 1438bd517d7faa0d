import { useTranslation } from 'react-i18next';
import { formatDate, type KarteDate } from '../../shared/dates';
import { dateStyleOf, usePreferences } from '../stores/preferences';

function NoDate() {
  const { t } = useTranslation();
  return <span className="date date-unknown">{t('noDate')}</span>;
}

/** A dossier date in the user's style; the original wording is kept as the tooltip. */
export function DateText({ date }: { date: KarteDate | null }) {
  // Only the rare unknown date needs a translation: a dossier matrix shows thousands of dates.
  const style = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  if (!date || (date.precision === 'unknown' && date.text === '')) return <NoDate />;
  return (
    <time className="date" title={date.text} dateTime={date.sort ?? undefined}>
      {formatDate(date, style)}
    </time>
  );
}
