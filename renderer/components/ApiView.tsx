import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import type { ApiState } from '../api/use-api';

/** Loading and error states of a screen's data, the same everywhere; renders `children` once data is there. */
export function ApiView<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (state.error && state.data === undefined) {
    return (
      <div role="alert" className="error">
        {t('error', { message: errorText(state.error) })} <button onClick={state.reload}>{t('retry')}</button>
      </div>
    );
  }
  if (state.data === undefined) return <p className="loading">{t('loading')}</p>;
  return <>{children(state.data)}</>;
}
