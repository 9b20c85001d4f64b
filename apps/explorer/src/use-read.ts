import { useEffect, useState } from 'preact/hooks';
import { type ApiError, apiUrl, getJson } from './api';

export type Read<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; error: ApiError | Error };

const LOADING = { state: 'loading' } as const;

/**
 * One GET of the API, again whenever its URL changes. An answer is kept with the URL it answers, so a
 * view never shows the previous URL's answer as the new one's, not even for the render before the fetch.
 */
export function useRead<T>(path: string | null, params: Record<string, string | null | undefined> = {}): Read<T> {
  const key = path === null ? null : apiUrl(path, params);
  const [answer, setAnswer] = useState<{ key: string | null; read: Read<T> }>({ key: null, read: LOADING });
  useEffect(() => {
    if (path === null) return;
    let current = true;
    getJson<T>(path, params).then(
      (data) => current && setAnswer({ key, read: { state: 'done', data } }),
      (error: Error) => current && setAnswer({ key, read: { state: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [key]); // the key stands for path and params together
  return answer.key === key ? answer.read : LOADING;
}
