import { useState } from 'preact/hooks';
import { apiUrl, getJson, postJson, request } from '../api';
import { moment } from '../format';
import { LANGS, useLang, type Lang } from '../i18n';
import { timeOf, type Route } from '../route';

const KINDS = ['structure', 'leadership-changes', 'membership-compliance', 'member-list'] as const;
const FORMATS = ['pdf', 'csv', 'json'] as const;

/** Saves a response body under its name: the key goes in the request's header, never in a link. */
async function download(url: string, name: string): Promise<void> {
  const blob = await (await request(url)).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

interface IssuedFiling {
  filingId: string;
  kind: string;
  format: string;
  sha256: string;
  issuedAt: string;
}

/** Previews of every kind of filing, their download in each format and language, and issuing one. */
export function FilingsPanel({ route }: { route: Route }) {
  const { t } = useLang();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('structure');
  const [lang, setLang] = useState<Lang>('ru');
  const [from, setFrom] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [preview, setPreview] = useState('');
  const [message, setMessage] = useState('');
  const [issued, setIssued] = useState<IssuedFiling | null>(null);
  const { asOf, knownAt } = timeOf(route);
  const params = {
    asOf,
    knownAt,
    lang,
    from: kind === 'leadership-changes' ? from : null,
    organisationId: kind === 'member-list' ? organisationId : null,
  };
  const fail = (error: Error) => setMessage(`${t('error')}: ${error.message}`);
  return (
    <section aria-labelledby="filings-title">
      <h2 id="filings-title">{t('filings')}</h2>
      <div class="filing-form">
        <label>
          {t('kind')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('language')}{' '}
          <select name="filing-lang" value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>{' '}
        {kind === 'leadership-changes' && (
          <label>
            {t('from')} <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
        )}
        {kind === 'member-list' && (
          <label>
            {t('organisation')} (id){' '}
            <input value={organisationId} onInput={(e) => setOrganisationId(e.currentTarget.value.trim())} />
          </label>
        )}
      </div>
      <p>
        <button
          type="button"
          onClick={() => {
            setMessage('');
            getJson(`/v1/filings/${kind}`, { ...params, format: 'json' }).then(
              (json) => setPreview(JSON.stringify(json, null, 2)),
              fail,
            );
          }}
        >
          {t('preview')}
        </button>{' '}
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            onClick={() =>
              download(apiUrl(`/v1/filings/${kind}`, { ...params, format }), `${kind}-${lang}.${format}`).catch(fail)
            }
          >
            {t('download')} {format.toUpperCase()}
          </button>
        ))}{' '}
        <button
          type="button"
          onClick={() =>
            postJson<{ id: string }>('/v1/filings', {
              kind,
              lang,
              format: 'pdf',
              ...Object.fromEntries(Object.entries(params).filter(([, v]) => v)),
            })
              .then((answer) => getJson<IssuedFiling>(`/v1/filings/${answer.id}`))
              .then(setIssued, fail)
          }
        >
          {t('issue')}
        </button>
      </p>
      {message && (
        <p role="status" class="filing-message">
          {message}
        </p>
      )}
      {issued && (
        <p class="issued">
          {t('issued')}: {issued.kind} {issued.filingId}, {moment(issued.issuedAt)}, SHA-256{' '}
          <code>{issued.sha256}</code>{' '}
          <button
            type="button"
            onClick={() =>
              download(
                `/v1/filings/${issued.filingId}/document`,
                `${issued.kind}-${issued.filingId}.${issued.format}`,
              ).catch(fail)
            }
          >
            {t('download')} ({t('issued').toLowerCase()}, {issued.format.toUpperCase()})
          </button>
        </p>
      )}
      {preview && (
        <pre class="preview" tabIndex={0} aria-label={t('preview')}>
          {preview}
        </pre>
      )}
    </section>
  );
}
