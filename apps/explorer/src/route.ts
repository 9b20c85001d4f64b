/**
 * The explorer's place lives in the URL's hash: `#/<page>/<id>?asOf=…&knownAt=…`, so that a link
 * names the view, the day it shows and the moment of knowledge it was read at. No key ever goes here.
 */
export interface Route {
  /** The hash it was read from: the page marks which route it shows with it. */
  hash: string;
  page: string;
  id: string | null;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const [page = 'tree', id = null] = path.split('/').filter(Boolean);
  return { hash, page, id: id === null ? null : decodeURIComponent(id), params: new URLSearchParams(query) };
}

/** The time parameters every view reads with. */
export function timeOf(route: Route): { asOf: string | null; knownAt: string | null } {
  return { asOf: route.params.get('asOf'), knownAt: route.params.get('knownAt') };
}

/** A link to a page that keeps the current day and moment of knowledge, plus `extra` parameters. */
export function href(
  route: Route,
  page: string,
  id?: string | null,
  extra: Record<string, string | null> = {},
): string {
  const params = new URLSearchParams();
  for (const name of ['asOf', 'knownAt']) {
    const value = route.params.get(name);
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${query ? `?${query}` : ''}`;
}
