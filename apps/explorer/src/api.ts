/** The registry's public REST API, and nothing else: the same origin that served the explorer. */
const KEY_STORAGE = 'baytaq.apiKey';

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

/** Kept in this tab's session storage only: never in the URL, local storage or a cookie. */
export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
  }
}

export function apiUrl(path: string, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return `${path}${text ? `?${text}` : ''}`;
}

/** A request with the key when one is set; an answer that is not 2xx throws its problem details. */
export async function request(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const key = apiKey();
  if (key) headers.set('authorization', `Bearer ${key}`);
  const response = await fetch(url, { ...init, headers });
  if (response.ok) return response;
  const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
  throw new ApiError({
    status: response.status,
    code: body.code ?? `http.${response.status}`,
    title: body.title ?? response.statusText,
    detail: body.detail ?? '',
  });
}

export async function getJson<T>(path: string, params: Record<string, string | null | undefined> = {}): Promise<T> {
  return (await request(apiUrl(path, params), { headers: { accept: 'application/json' } })).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await request(path, init)).json() as Promise<T>;
}
