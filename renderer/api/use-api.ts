import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArgs, ApiName, ApiResult } from '../../shared/api';
import { ApiFailure, call, on } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiFailure | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a read method and keeps the result current: it calls again when its arguments change and whenever the
 * back end says records changed (an edit elsewhere, an import, an undo).
 */
export function useApi<K extends ApiName>(name: K, args: ApiArgs<K>): ApiState<ApiResult<K>> {
  const [data, setData] = useState<ApiResult<K>>();
  const [error, setError] = useState<ApiFailure | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(args);
  const latest = useRef(0);

  const load = useCallback(() => {
    const request = ++latest.current;
    setLoading(true);
    call(name, JSON.parse(key) as ApiArgs<K>)
      .then((result) => {
        if (request !== latest.current) return;
        setData(result);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (request !== latest.current) return;
        setError(failure instanceof ApiFailure ? failure : new ApiFailure({ code: 'internal', message: String(failure), details: {} }));
      })
      .finally(() => {
        if (request === latest.current) setLoading(false);
      });
  }, [name, key]);

  useEffect(() => {
    load();
    return on('store.changed', load);
  }, [load]);

  return { data, error, loading, reload: load };
}
