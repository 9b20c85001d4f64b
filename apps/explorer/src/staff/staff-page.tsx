import { useState } from 'preact/hooks';
import { apiKey, setApiKey } from '../api';
import { useLang } from '../i18n';
import type { Route } from '../route';
import { FilingsPanel } from './filings-panel';
import { ImportPanel } from './import-panel';
import { PendingPanel } from './pending-panel';

/** Compliance staff's desk: a key typed in (session storage only), then filings, pending changes, the import. */
export function StaffPage({ route }: { route: Route }) {
  const { t } = useLang();
  const [hasKey, setHasKey] = useState(apiKey() !== null);
  const [typed, setTyped] = useState('');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('staff')}</h1>
      <form
        class="key-form"
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          setApiKey(typed.trim() || null);
          setTyped('');
          setHasKey(apiKey() !== null);
        }}
      >
        <label for="api-key">{t('apiKey')}</label>{' '}
        <input id="api-key" type="password" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />{' '}
        <button type="submit">{t('useKey')}</button>{' '}
        {hasKey && (
          <button
            type="button"
            onClick={() => {
              setApiKey(null);
              setHasKey(false);
            }}
          >
            {t('forgetKey')}
          </button>
        )}
        <p class="hint">
          {hasKey ? `${t('keySet')}. ` : ''}
          {t('keyKept')}
        </p>
      </form>
      {hasKey ? (
        <>
          <FilingsPanel route={route} />
          <PendingPanel />
          <ImportPanel />
        </>
      ) : (
        <p>{t('needsKey')}</p>
      )}
    </section>
  );
}
