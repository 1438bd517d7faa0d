import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { envelopeOf, useErrorText } from '../api/error-text';
import { saveFile, tableCsv, tableTexts } from '../download';
import { useHandover } from '../hand-over';

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

/** Saves a table as an .xlsx under `fileName`, as it shows: the back end writes the workbook. */
export function ExcelTableButton({ table, title, fileName }: { table: RefObject<HTMLTableElement | null>; title: string; fileName: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const handOver = useHandover();
  const save = () => {
    if (!table.current) return;
    setError(null);
    call('export.table', { name: fileName, rows: tableTexts(table.current) })
      .then(handOver)
      .catch((failure: unknown) => setError(errorText(envelopeOf(failure))));
  };
  return (
    <>
      <button type="button" onClick={save} aria-label={t('export.xlsx', { title })}>
        Excel
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
