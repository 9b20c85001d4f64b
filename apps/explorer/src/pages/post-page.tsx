import type { Succession, SuccessionEntry } from '../api-types';
import { day, inLang, personName } from '../format';
import { useLang } from '../i18n';
import { href, timeOf, type Route } from '../route';
import { useRead } from '../use-read';
import { Answered, Shown } from '../view-parts';
import { SuccessionTimeline } from './succession-timeline';

type Tenure = Extract<SuccessionEntry, { kind: 'tenure' }>;

function TenureLink({ id, entries, route }: { id: string | null; entries: SuccessionEntry[]; route: Route }) {
  const tenure = entries.find((e): e is Tenure => e.kind === 'tenure' && e.tenureId === id);
  if (!tenure) return <>—</>;
  return <a href={href(route, 'person', tenure.personId)}>{personName(tenure.name)}</a>;
}

/** A post's succession: every tenure by method, acting holders, vacancies, and who came before and after. */
export function PostPage({ route, id }: { route: Route; id: string }) {
  const { lang, t } = useLang();
  const read = useRead<Succession>(`/v1/posts/${id}/holders`, { knownAt: timeOf(route).knownAt, limit: '500' });
  const today = new Date().toISOString().slice(0, 10);
  const asOf = timeOf(route).asOf;
  return (
    <Shown read={read}>
      {(post) => (
        <section aria-labelledby="page-title">
          <h1 id="page-title">{inLang(post.title, lang)}</h1>
          <p>
            <a href={href(route, 'organisation', post.organisationId)}>{t('organisation')}</a> · {t('from')}{' '}
            {day(post.from)}
            {post.to && ` · ${t('to')} ${day(post.to)}`}
          </p>
          <Answered route={route} knownAt={post.knownAt} />
          <h2>{t('succession')}</h2>
          <SuccessionTimeline entries={post.entries} from={post.from} to={post.to} today={today} asOf={asOf} />
          <ol class="succession">
            {post.entries.map((e, i) =>
              e.kind === 'vacancy' ? (
                <li key={i} class="vacancy-item">
                  {t('vacancy')}: {day(e.from)} – {e.to ? day(e.to) : t('now')}
                </li>
              ) : (
                <li key={e.tenureId} class={`tenure-item ${e.method === 'acting' ? 'acting' : ''}`}>
                  <a href={href(route, 'person', e.personId)}>{personName(e.name)}</a> — {e.method}, {day(e.from)} –{' '}
                  {e.to ? day(e.to) : t('now')}
                  {e.endReason && ` (${t('endReason')}: ${e.endReason})`}
                  {e.basis?.meetingId && (
                    <>
                      {' · '}
                      <a href={href(route, 'meeting', e.basis.meetingId)}>{t('meeting')}</a>
                    </>
                  )}
                  <div class="neighbours">
                    {t('predecessor')}: <TenureLink id={e.predecessorId} entries={post.entries} route={route} /> ·{' '}
                    {t('successor')}: <TenureLink id={e.successorId} entries={post.entries} route={route} />
                  </div>
                </li>
              ),
            )}
          </ol>
        </section>
      )}
    </Shown>
  );
}
