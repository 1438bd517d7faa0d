import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { envelopeOf, useErrorText } from '../api/error-text';
import { useHandover } from '../hand-over';

/** Saves the dossiers of `countries` (every country's when none is given) as an .xlsx in the 別表 layout. */
export function ExcelExportButton({ countries, label }: { countries?: string[]; label: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const handOver = useHandover();
  const save = () => {
    setBusy(true);
    setError(null);
    call('export.xlsx', { countries })
      .then(handOver)
      .catch((failure: unknown) => setError(errorText(envelopeOf(failure))))
      .finally(() => setBusy(false));
  };
  return (
    <span className="excel-export">
      <button type="button" onClick={save} disabled={busy}>
        {busy ? t('excel.exporting') : label}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
