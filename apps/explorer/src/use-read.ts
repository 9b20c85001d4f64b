import { useEffect, useState } from 'preact/hooks';
import { type ApiError, getJson } from './api';

export type Read<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; error: ApiError | Error };

/** One GET of the API, again whenever its URL changes; an answer for an older URL is dropped. */
export function useRead<T>(path: string | null, params: Record<string, string | null | undefined> = {}): Read<T> {
  const key = path === null ? null : `${path}?${new URLSearchParams(params as Record<string, string>).toString()}`;
  const [read, setRead] = useState<Read<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setRead({ state: 'loading' });
    getJson<T>(path, params).then(
      (data) => current && setRead({ state: 'done', data }),
      (error: Error) => current && setRead({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [key]); // the key stands for path and params together

  return read;
}
