import type { Names } from '../format';
import { day, inLang, moment } from '../format';
import { useLang } from '../i18n';
import { href, timeOf, type Route } from '../route';
import { useRead } from '../use-read';
import { Answered, Shown } from '../view-parts';

interface Decision {
  eventId: string;
  type: string;
  effectiveDate: string | null;
  organisationId: string;
  retracted: { at: string; reason: string } | null;
  data: { name?: Names; title?: Names; postId?: string; personId?: string; method?: string };
}

interface Meeting {
  knownAt?: string;
  organisationId: string;
  kind: string;
  date: string;
  place: string;
  attendance: number;
  quorum: number | null;
  protocolNumber: string | null;
  agenda: string[];
  decisions: Decision[];
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
                <a href={href(route, 'organisation', m.organisationId)}>{m.organisationId}</a>
              </dd>
              <dt>{t('kind')}</dt>
              <dd>{m.kind}</dd>
              {m.place && (
                <>
                  <dt>{t('place')}</dt>
                  <dd>{m.place}</dd>
                </>
              )}
              <dt>{t('attendance')}</dt>
              <dd>
                {m.attendance}
                {m.quorum !== null && ` / ${m.quorum}`}
              </dd>
              {m.protocolNumber && (
                <>
                  <dt>№</dt>
                  <dd>{m.protocolNumber}</dd>
                </>
              )}
            </dl>
            {m.agenda.length > 0 && (
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
              {m.decisions.map((d) => (
                <li key={d.eventId} class={d.retracted ? 'retracted' : ''}>
                  {day(d.effectiveDate)} {d.retracted ? <s>{d.type}</s> : d.type}
                  {' · '}
                  <a href={href(route, 'organisation', d.organisationId)}>
                    {d.data.name ? inLang(d.data.name, lang) : t('organisation')}
                  </a>
                  {d.data.postId && (
                    <>
                      {' · '}
                      <a href={href(route, 'post', d.data.postId)}>
                        {d.data.title ? inLang(d.data.title, lang) : t('post')}
                      </a>
                    </>
                  )}
                  {d.data.personId && (
                    <>
                      {' · '}
                      <a href={href(route, 'person', d.data.personId)}>{t('person')}</a>
                      {d.data.method && ` (${d.data.method})`}
                    </>
                  )}
                  {d.retracted && (
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
