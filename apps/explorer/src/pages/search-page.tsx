import { useEffect, useState } from 'preact/hooks';
import type { PersonFound } from '../api-types';
import { getJson } from '../api';
import { personName } from '../format';
import { useLang } from '../i18n';
import { href, type Route } from '../route';
import type { Read } from '../use-read';
import { Shown } from '../view-parts';

interface Page {
  items: PersonFound[];
  next: string | null;
}

/** Name search, Cyrillic or Latin; the query lives in the URL, further pages come with `next`. */
export function SearchPage({ route }: { route: Route }) {
  const { t } = useLang();
  const q = route.params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [found, setFound] = useState<Read<Page>>({ state: 'done', data: { items: [], next: null } });
  const load = (cursor: string | null, before: PersonFound[]) => {
    setFound({ state: 'loading' });
    getJson<Page>('/v1/people', { q, cursor, knownAt: route.params.get('knownAt') }).then(
      (page) => setFound({ state: 'done', data: { items: [...before, ...page.items], next: page.next } }),
      (error: Error) => setFound({ state: 'failed', error }),
    );
  };
  useEffect(() => {
    setText(q);
    if (q) load(null, []);
  }, [q]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('search')}</h1>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          location.hash = href(route, 'search', null, { q: text.trim() });
        }}
      >
        <label for="search-q">
          {t('searchLabel')} ({t('searchHint')})
        </label>{' '}
        <input id="search-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />{' '}
        <button type="submit">{t('find')}</button>
      </form>
      <Shown read={found}>
        {(page) => (
          <>
            {q && page.items.length === 0 && <p>{t('noMatches')}</p>}
            <ul class="found">
              {page.items.map((p) => (
                <li key={p.id}>
                  <a href={href(route, 'person', p.id)}>{personName(p.name)}</a>
                  {p.latinName && <span lang="en"> ({personName(p.latinName)})</span>}
                </li>
              ))}
            </ul>
            {page.next && (
              <button type="button" onClick={() => load(page.next, page.items)}>
                {t('more')}
              </button>
            )}
          </>
        )}
      </Shown>
    </section>
  );
}
