import type { PersonFound, Position } from '../api-types';
import { day, inLang, personName } from '../format';
import { useLang } from '../i18n';
import { href, timeOf, type Route } from '../route';
import { useRead } from '../use-read';
import { Answered, ScrollTable, Shown } from '../view-parts';

/** Every position a person held, in any organisation. */
export function PersonPage({ route, id }: { route: Route; id: string }) {
  const { lang, t } = useLang();
  const { knownAt, asOf } = timeOf(route);
  const person = useRead<PersonFound>(`/v1/people/${id}`, { knownAt, asOf });
  const positions = useRead<{ knownAt?: string; positions: Position[] }>(`/v1/people/${id}/positions`, {
    knownAt,
    limit: '500',
  });
  return (
    <section aria-labelledby="page-title">
      <Shown read={person}>
        {(p) => (
          <>
            <h1 id="page-title">{personName(p.name)}</h1>
            {p.latinName && <p lang="en">{personName(p.latinName)}</p>}
            {p.erased && (
              <p class="erased" role="note">
                <strong>{t('erasedOn')}</strong> {day(p.erased.on)}. {t('erasedKept')}
              </p>
            )}
          </>
        )}
      </Shown>
      <h2>{t('positions')}</h2>
      <Shown read={positions}>
        {(answer) => (
          <>
            <Answered route={route} knownAt={answer.knownAt} />
            <ScrollTable columns={[t('post'), t('organisation'), t('from'), t('to'), t('method'), t('endReason')]}>
              {answer.positions.map((p) => (
                <tr key={p.tenureId}>
                  <td>
                    <a href={href(route, 'post', p.postId)}>{inLang(p.postTitle, lang)}</a>
                  </td>
                  <td>
                    <a href={href(route, 'organisation', p.organisationId)}>{inLang(p.organisationName, lang)}</a>
                  </td>
                  <td>{day(p.from)}</td>
                  <td>{p.to ? day(p.to) : t('now')}</td>
                  <td>{p.method}</td>
                  <td>{p.endReason ?? ''}</td>
                </tr>
              ))}
            </ScrollTable>
          </>
        )}
      </Shown>
    </section>
  );
}
