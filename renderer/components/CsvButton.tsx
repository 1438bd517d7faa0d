import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile, tableCsv } from '../download';

/** Saves a table as CSV under `fileName` (no extension), as it shows: the same words and numbers, for Excel. */
export function CsvButton({ table, title, fileName }: { table: RefObject<HTMLTableElement | null>; title: string; fileName: string }) {
  const { t } = useTranslation();
  const save = () => {
    if (table.current) saveFile(tableCsv(table.current), `${fileName}.csv`);
  };
  return (
    <button type="button" onClick={save} aria-label={t('export.csv', { title })}>
      CSV
    </button>
  );
}
