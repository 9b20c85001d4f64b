import { useEffect, useState } from 'preact/hooks';
import { day, parseDay } from './format';
import { useLang } from './i18n';
import { href, type Route } from './route';

/** The day and the moment of knowledge every view reads with; both live in the URL. */
export function TimeControls({ route }: { route: Route }) {
  const { t } = useLang();
  const [asOf, setAsOf] = useState(day(route.params.get('asOf')));
  const [knownAt, setKnownAt] = useState(route.params.get('knownAt') ?? '');
  useEffect(() => {
    setAsOf(day(route.params.get('asOf')));
    setKnownAt(route.params.get('knownAt') ?? '');
  }, [route]);
  const go = (values: { asOf: string; knownAt: string }) => {
    const asOfDay = parseDay(values.asOf);
    if (asOfDay === null) return;
    location.hash = href(route, route.page, route.id, { asOf: asOfDay, knownAt: values.knownAt });
  };
  return (
    <form
      class="time-controls"
      onSubmit={(event) => {
        event.preventDefault();
        go({ asOf, knownAt: knownAt.trim() });
      }}
    >
      <label>
        {t('asOf')}{' '}
        <input
          type="text"
          name="asOf"
          inputMode="numeric"
          placeholder={t('dayFormat')}
          pattern="\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}"
          title={t('dayFormat')}
          size={10}
          value={asOf}
          onInput={(e) => setAsOf(e.currentTarget.value)}
          onChange={(e) => go({ asOf: e.currentTarget.value, knownAt: knownAt.trim() })}
        />
      </label>
      <label>
        {t('knownAt')}{' '}
        <input
          type="text"
          name="knownAt"
          placeholder={t('latest')}
          pattern="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})"
          title="YYYY-MM-DDTHH:MM:SSZ"
          value={knownAt}
          onInput={(e) => setKnownAt(e.currentTarget.value)}
        />
      </label>
      <button type="submit">{t('apply')}</button>
      <button type="button" onClick={() => go({ asOf: '', knownAt: '' })}>
        {t('latest')}
      </button>
    </form>
  );
}
