import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api';
import type { PersonName } from '../format';
import { day, personName } from '../format';
import { useLang } from '../i18n';
import { href, timeOf, type Route } from '../route';
import type { Read } from '../use-read';
import { Shown } from '../view-parts';

interface Member {
  personId: string;
  name: PersonName | null;
  since: string;
  cardNumber?: string | null;
}

interface MembersPage {
  items: Member[];
  next: string | null;
}

/** The organisation's members on the day, a page at a time: personal data, so only with a key (compliance, admin). */
export function OrganisationMembers({ id, route }: { id: string; route: Route }) {
  const { t } = useLang();
  const { asOf, knownAt } = timeOf(route);
  const [members, setMembers] = useState<Read<MembersPage>>({ state: 'loading' });
  const load = (cursor: string | null, before: Member[]) =>
    getJson<MembersPage>(`/v1/organisations/${id}/members`, { asOf, knownAt, cursor, limit: '100' }).then(
      (page) => setMembers({ state: 'done', data: { items: [...before, ...page.items], next: page.next } }),
      (error: Error) => setMembers({ state: 'failed', error }),
    );
  useEffect(() => {
    setMembers({ state: 'loading' });
    void load(null, []);
  }, [id, asOf, knownAt]);
  return (
    <>
      <h2>{t('members')}</h2>
      <Shown read={members}>
        {(page) => (
          <>
            <ul class="members">
              {page.items.map((m) => (
                <li key={m.personId}>
                  <a href={href(route, 'person', m.personId)}>{personName(m.name)}</a> ({t('from')} {day(m.since)}
                  {m.cardNumber ? `, № ${m.cardNumber}` : ''})
                </li>
              ))}
            </ul>
            {page.next && (
              <button type="button" onClick={() => void load(page.next, page.items)}>
                {t('more')}
              </button>
            )}
          </>
        )}
      </Shown>
    </>
  );
}
