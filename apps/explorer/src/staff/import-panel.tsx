import { useEffect, useState } from 'preact/hooks';
import { getJson, request } from '../api';
import { useLang } from '../i18n';
import { ScrollTable } from '../view-parts';

interface ImportStatus {
  id: string;
  status: string;
  dryRun: boolean;
  rows: { total: number; done: number; admitted: number; alreadyPresent: number; rejected: number; wouldAdmit: number };
  rejected: Array<{ row: number; line: number; field: string; code: string; message: string }>;
  error: { code: string; message: string } | null;
}

const POLL_MS = 500;

/** The member import: a CSV file, a dry run or not, its progress while it runs, then the rejected rows. */
export function ImportPanel() {
  const { t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [id, setId] = useState<string | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    if (!id) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () =>
      getJson<ImportStatus>(`/v1/imports/${id}`, { limit: '500' }).then(
        (answer) => {
          setStatus(answer);
          if (answer.status === 'running') timer = setTimeout(poll, POLL_MS);
        },
        (error: Error) => setFailure(error.message),
      );
    void poll();
    return () => clearTimeout(timer);
  }, [id]);
  const start = () => {
    if (!file) return;
    setFailure('');
    setStatus(null);
    const form = new FormData();
    form.append('file', file, file.name);
    request(`/v1/imports/members?dryRun=${dryRun}`, { method: 'POST', body: form })
      .then((r) => r.json() as Promise<{ id: string }>)
      .then(
        (accepted) => setId(accepted.id),
        (error: Error) => setFailure(error.message),
      );
  };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('import')}</h2>
      <label for="import-file">{t('file')}</label>{' '}
      <input
        id="import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
      />{' '}
      <label>
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} /> {t('dryRun')}
      </label>{' '}
      <button type="button" disabled={!file} onClick={start}>
        {t('start')}
      </button>
      {failure && (
        <p role="alert" class="problem">
          {t('error')}: {failure}
        </p>
      )}
      {status && (
        <div class="import-status" role="status">
          <label for="import-progress">
            {t('progress')}: {status.rows.done} / {status.rows.total} ({status.status})
          </label>
          <progress
            id="import-progress"
            class="progress"
            max={Math.max(status.rows.total, 1)}
            value={status.rows.done}
          />
          <p class="import-counts">
            admitted {status.rows.admitted} · wouldAdmit {status.rows.wouldAdmit} · alreadyPresent{' '}
            {status.rows.alreadyPresent} · rejected {status.rows.rejected}
          </p>
          {status.error && (
            <p class="problem">
              {status.error.code}: {status.error.message}
            </p>
          )}
        </div>
      )}
      {status && status.rejected.length > 0 && (
        <ScrollTable class="rejected" caption={t('rejectedRows')} columns={[t('row'), t('field'), t('error')]}>
          {status.rejected.map((r) => (
            <tr key={`${r.row}-${r.field}-${r.code}`}>
              <td class="num">{r.row}</td>
              <td>{r.field}</td>
              <td>
                {r.code}: {r.message}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
