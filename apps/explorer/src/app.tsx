import { useEffect, useMemo, useState } from 'preact/hooks';
import { browserLang, LangContext, LANGS, translator, type Lang } from './i18n';
import { MeetingPage } from './pages/meeting-page';
import { OrganisationPage } from './pages/organisation-page';
import { PersonPage } from './pages/person-page';
import { PostPage } from './pages/post-page';
import { SearchPage } from './pages/search-page';
import { StatisticsPage } from './pages/statistics-page';
import { StaffPage } from './staff/staff-page';
import { TreePage } from './pages/tree-page';
import { href, parseRoute, type Route } from './route';
import { TimeControls } from './time-controls';

const LANG_STORAGE = 'baytaq.lang';

function Page({ route }: { route: Route }) {
  const id = route.id ?? '';
  switch (route.page) {
    case 'organisation':
      return <OrganisationPage key={id} route={route} id={id} />;
    case 'post':
      return <PostPage key={id} route={route} id={id} />;
    case 'person':
      return <PersonPage key={id} route={route} id={id} />;
    case 'meeting':
      return <MeetingPage key={id} route={route} id={id} />;
    case 'search':
      return <SearchPage route={route} />;
    case 'statistics':
      return <StatisticsPage route={route} />;
    case 'staff':
      return <StaffPage route={route} />;
    default:
      return <TreePage route={route} />;
  }
}

export function App() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const [lang, setLang] = useState<Lang>(
    () => (localStorage.getItem(LANG_STORAGE) as Lang | null) ?? browserLang(navigator.languages),
  );
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(LANG_STORAGE, lang);
  }, [lang]);
  const context = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const t = context.t;
  useEffect(() => {
    document.title = t('title');
  }, [t]);
  return (
    <LangContext.Provider value={context}>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        ↓
      </a>
      <header>
        <nav aria-label={t('title')}>
          <a href={href(route, 'tree')} class="brand">
            {t('title')}
          </a>
          <a href={href(route, 'tree')}>{t('structure')}</a>
          <a href={href(route, 'search')}>{t('search')}</a>
          <a href={href(route, 'statistics')}>{t('statistics')}</a>
          <a href={href(route, 'staff')}>{t('staff')}</a>
        </nav>
        <label class="lang">
          {t('language')}{' '}
          <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <TimeControls route={route} />
      </header>
      <main id="main" tabIndex={-1} data-route={route.hash}>
        <Page route={route} />
      </main>
    </LangContext.Provider>
  );
}
