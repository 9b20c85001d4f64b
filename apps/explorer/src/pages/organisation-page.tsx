import { apiKey } from '../api';
import type { HistoryEntry, Moment, Organisation } from '../api-types';
import { day, inLang, moment, personName } from '../format';
import { useLang } from '../i18n';
import { href, timeOf, type Route } from '../route';
import { LogBadge } from '../log/log-badge';
import { useRead } from '../use-read';
import { Answered, RetractionNote, ScrollTable, Shown } from '../view-parts';
import { OrganisationMembers } from './organisation-members';

interface MeetingItem {
  meetingId: string;
  date: string;
  kind: string;
  place: string;
}

function Posts({ org, route }: { org: Organisation; route: Route }) {
  const { lang, t } = useLang();
  if (org.posts.length === 0) return null;
  return (
    <>
      <h2>{t('posts')}</h2>
      <ul class="posts">
        {org.posts.map((post) => (
          <li key={post.id}>
            <a href={href(route, 'post', post.id)}>{inLang(post.title, lang)}</a>:{' '}
            {post.holders.length === 0
              ? t('vacant')
              : post.holders.map((holder, i) => (
                  <span key={holder.tenureId}>
                    {i > 0 && ', '}
                    <a href={href(route, 'person', holder.personId)}>{personName(holder.name)}</a> ({t('from')}{' '}
                    {day(holder.from)}, {holder.method})
                  </span>
                ))}
          </li>
        ))}
      </ul>
    </>
  );
}

function Meetings({ id, route }: { id: string; route: Route }) {
  const { t } = useLang();
  const read = useRead<{ items: MeetingItem[] }>(`/v1/organisations/${id}/meetings`, {
    knownAt: timeOf(route).knownAt,
  });
  return (
    <>
      <h2>{t('meetings')}</h2>
      <Shown read={read}>
        {(answer) => (
          <ul>
            {answer.items.map((m) => (
              <li key={m.meetingId}>
                <a href={href(route, 'meeting', m.meetingId)}>
                  {day(m.date)} {m.kind} {m.place}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Shown>
    </>
  );
}

function History({ id, route }: { id: string; route: Route }) {
  const { t } = useLang();
  const read = useRead<{ entries: HistoryEntry[] }>(`/v1/organisations/${id}/history`, {
    knownAt: timeOf(route).knownAt,
  });
  return (
    <>
      <h2>{t('history')}</h2>
      <Shown read={read}>
        {(history) => (
          <>
            <LogBadge route={route} eventIds={history.entries.map((e) => e.eventId)} />
            <ScrollTable columns={[t('entry'), t('effective'), t('recordedAt'), t('actor'), t('basis')]}>
              {history.entries.map((e) => (
                <tr key={e.eventId} class={e.retracted ? 'retracted' : ''}>
                  <td>
                    {e.retracted ? <s>{e.type}</s> : e.type}
                    <RetractionNote retracted={e.retracted} />
                  </td>
                  <td>{day(e.effectiveDate)}</td>
                  <td>{moment(e.recordedAt)}</td>
                  <td>{e.actor}</td>
                  <td>
                    {e.basis?.meetingId && <a href={href(route, 'meeting', e.basis.meetingId)}>{t('meeting')}</a>}
                    {e.basis?.document && ` ${e.basis.document}`}
                    {e.basis?.protocolNumber && ` № ${e.basis.protocolNumber}`}
                  </td>
                </tr>
              ))}
            </ScrollTable>
          </>
        )}
      </Shown>
    </>
  );
}

/** One organisation on the chosen day: its posts and holders, units, meetings and its whole history. */
export function OrganisationPage({ route, id }: { route: Route; id: string }) {
  const { lang, t } = useLang();
  const read = useRead<Organisation & Moment>(`/v1/organisations/${id}`, timeOf(route));
  return (
    <Shown read={read}>
      {(org) => (
        <section aria-labelledby="page-title">
          <h1 id="page-title">{inLang(org.name, lang)}</h1>
          <p>
            {org.kind} · {org.status} · {t('from')} {day(org.established)}
            {org.dissolved && ` · ${t('to')} ${day(org.dissolved)}`}
            {org.parentId && (
              <>
                {' · '}
                <a href={href(route, 'organisation', org.parentId)}>↑ {t('organisation')}</a>
              </>
            )}
          </p>
          <Answered route={route} knownAt={org.knownAt} asOf={org.asOf} />
          <Posts org={org} route={route} />
          {org.children.length > 0 && (
            <>
              <h2>{t('children')}</h2>
              <ul>
                {org.children.map((c) => (
                  <li key={c.id}>
                    <a href={href(route, 'organisation', c.id)}>{inLang(c.name, lang)}</a> ({c.kind})
                  </li>
                ))}
              </ul>
            </>
          )}
          {apiKey() !== null && <OrganisationMembers id={id} route={route} />}
          <Meetings id={id} route={route} />
          <History id={id} route={route} />
        </section>
      )}
    </Shown>
  );
}
