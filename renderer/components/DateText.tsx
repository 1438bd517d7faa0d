import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDateText, type DateStyle, type KarteDate } from '../../shared/dates';
import { dateStyleOf, usePreferences } from '../stores/preferences';

/**
 * A dossier date in `style`, the original wording kept as the tooltip; `noDate` stands for a date nobody wrote.
 * Without hooks: a dossier matrix shows thousands of dates and looks up the style and words once for all of them.
 */
export function DateLabel({ date, style, noDate, unread }: { date: KarteDate | null; style: DateStyle; noDate: ReactNode; unread: ReactNode }) {
  if (!date || (date.precision === 'unknown' && date.text === '')) return <span className="date date-unknown">{noDate}</span>;
  // Kept as a person wrote it (来年の春ごろ): shown as written, with a word that it has no place in time.
  if (date.precision === 'unknown' && parseDateText(date.text) === null)
    return (
      <span className="date date-unread">
        {date.text} <span className="date-unread-note">{unread}</span>
      </span>
    );
  return (
    <time className="date" title={date.text} dateTime={date.sort ?? undefined}>
      {formatDate(date, style)}
    </time>
  );
}

function NoDate() {
  const { t } = useTranslation();
  return t('noDate');
}

function UnreadDate() {
  const { t } = useTranslation();
  return t('unreadDate');
}

/** A dossier date in the user's style. */
export function DateText({ date }: { date: KarteDate | null }) {
  // Only the rare unknown date needs a translation, and only it mounts NoDate or UnreadDate.
  const style = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  return <DateLabel date={date} style={style} noDate={<NoDate />} unread={<UnreadDate />} />;
}
