import { useTranslation } from 'react-i18next';
import type { Handover } from '../shared/api';
import { downloadFile } from './api/client';
import { useNotices } from './stores/notices';

// What the back end hands over (a printed pack, an Excel or CSV export) reaches the user one of two ways: the
// desktop app has saved it where the user chose, or browser mode offers it once for download.

/** Takes a handed-over file: fetches a download into the browser's downloads; a notice says where the file went. */
export function useHandover(): (result: Handover) => Promise<void> {
  const { t } = useTranslation();
  const show = useNotices((s) => s.show);
  return async (result) => {
    if (result.outcome === 'saved') show('info', t('print.saved', { file: result.file }));
    if (result.outcome === 'download') {
      await downloadFile(result.url, result.fileName);
      show('info', t('print.downloaded', { file: result.fileName }));
    }
  };
}
