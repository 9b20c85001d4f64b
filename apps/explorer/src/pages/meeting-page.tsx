import type { Names } from '../format';
import { day, inLang, moment } from '../format';
import { useLang } from '../i18n';
import { href, timeOf, type Route } from '../route';
import { useRead } from '../use-read';
import { Answered, Shown } from '../view-parts';

interface Decision {
  eventId: string;
  type: string;
  effectiveDate?: string | null;
  organisationId?: string | null;
  postId?: string | null;
  retracted?: { at: string; reason: string } | boolean | null;
  data?: { name?: Names; title?: Names; postId?: string; personId?: string; method?: string };
}

interface Meeting {
  knownAt?: string;
  organisationId: string;
  organisationName?: Names;
  kind: string;
  date: string;
  place?: string | null;
  attendance?: number | null;
  quorum?: number | null;
  protocolNumber?: string | null;
  agenda?: string[] | string | null;
  decisions?: Decision[];
}

/** A meeting and what was decided on its basis, as GET /v1/meetings/{id} answers. */
export function MeetingPage({ route, id }: { route: Route; id: string }) {
  const { lang, t } = useLang();
  const read = useRead<Meeting>(`/v1/meetings/${id}`, { knownAt: timeOf(route).knownAt });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('meeting')}</h1>
      <Shown read={read}>
        {(m) => (
          <>
            <Answered route={route} knownAt={m.knownAt} />
            <dl>
              <dt>{t('date')}</dt>
              <dd>{day(m.date)}</dd>
              <dt>{t('organisation')}</dt>
              <dd>
                <a href={href(route, 'organisation', m.organisationId)}>
                  {m.organisationName ? inLang(m.organisationName, lang) : m.organisationId}
                </a>
              </dd>
              <dt>{t('kind')}</dt>
              <dd>{m.kind}</dd>
              {m.place && (
                <>
                  <dt>{t('place')}</dt>
                  <dd>{m.place}</dd>
                </>
              )}
              {m.attendance != null && (
                <>
                  <dt>{t('attendance')}</dt>
                  <dd>
                    {m.attendance}
                    {m.quorum != null && ` / ${m.quorum}`}
                  </dd>
                </>
              )}
              {m.protocolNumber && (
                <>
                  <dt>№</dt>
                  <dd>{m.protocolNumber}</dd>
                </>
              )}
            </dl>
            {Array.isArray(m.agenda) && m.agenda.length > 0 && (
              <>
                <h2>{t('agenda')}</h2>
                <ol>
                  {m.agenda.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ol>
              </>
            )}
            <h2>{t('decisions')}</h2>
            <ul class="decisions">
              {(m.decisions ?? []).map((d) => (
                <li key={d.eventId} class={d.retracted ? 'retracted' : ''}>
                  {day(d.effectiveDate)} {d.retracted ? <s>{d.type}</s> : d.type}
                  {d.organisationId && (
                    <>
                      {' · '}
                      <a href={href(route, 'organisation', d.organisationId)}>
                        {d.data?.name ? inLang(d.data.name, lang) : t('organisation')}
                      </a>
                    </>
                  )}
                  {(d.postId ?? d.data?.postId) && (
                    <>
                      {' · '}
                      <a href={href(route, 'post', d.postId ?? d.data?.postId)}>
                        {d.data?.title ? inLang(d.data.title, lang) : t('post')}
                      </a>
                    </>
                  )}
                  {d.data?.personId && (
                    <>
                      {' · '}
                      <a href={href(route, 'person', d.data.personId)}>{t('person')}</a>
                      {d.data.method && ` (${d.data.method})`}
                    </>
                  )}
                  {d.retracted && typeof d.retracted === 'object' && (
                    <span class="retraction">
                      {' '}
                      {t('retracted')} {moment(d.retracted.at)}, {t('reason')}: {d.retracted.reason}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Shown>
    </section>
  );
}
