import type { ComponentChildren } from 'preact';
import { ApiError } from './api';
import { isRealMoment, moment } from './format';
import { useLang } from './i18n';
import type { Read } from './use-read';
import { href, type Route } from './route';

/** What a read gives: its content, or a line saying it is loading or why it failed. */
export function Shown<T>({ read, children }: { read: Read<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useLang();
  if (read.state === 'loading') return <p aria-live="polite">{t('loading')}</p>;
  if (read.state === 'failed') {
    const error = read.error;
    const text =
      error instanceof ApiError
        ? `${error.problem.status === 404 ? t('notFound') : t('error')}: ${error.problem.status} ${error.problem.code}${error.problem.detail ? ` — ${error.problem.detail}` : ''}`
        : `${t('error')}: ${error.message}`;
    return (
      <p role="alert" class="problem">
        {text}
      </p>
    );
  }
  return <>{children(read.data)}</>;
}

/** The moment the API answered for, and a link that cites exactly it. */
export function Answered({ route, knownAt, asOf }: { route: Route; knownAt?: string | null; asOf?: string | null }) {
  const { t } = useLang();
  if (!isRealMoment(knownAt)) return null;
  return (
    <p class="answered">
      {t('answered')}: {t('knownAt').toLowerCase()} {moment(knownAt)}{' '}
      <a href={href(route, route.page, route.id, { knownAt, asOf: asOf ?? route.params.get('asOf') })} class="cite">
        {t('citeLink')}
      </a>
    </p>
  );
}

/**
 * A table with a header row that scrolls by itself on a narrow screen; focusable, so that a keyboard
 * can scroll it too (axe's scrollable-region-focusable).
 */
export function ScrollTable({
  columns,
  caption,
  class: className,
  children,
}: {
  columns: ComponentChildren[];
  caption?: ComponentChildren;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="scroll" tabIndex={0}>
      <table class={className}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** When and why an entry was retracted, under the entry it retracts. */
export function RetractionNote({ retracted }: { retracted: { at: string; reason: string } | null }) {
  const { t } = useLang();
  if (!retracted) return null;
  return (
    <div class="retraction">
      {t('retracted')} {moment(retracted.at)}, {t('reason')}: {retracted.reason}
    </div>
  );
}
