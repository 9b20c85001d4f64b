import { day, inLang, moment, type Names } from '../format';
import { useLang } from '../i18n';
import { useRead } from '../use-read';
import { RetractionNote, ScrollTable, Shown } from '../view-parts';

interface Pending {
  items: Array<{
    eventId: string;
    type: string;
    category: string;
    effectiveDate: string | null;
    recordedAt: string;
    organisationName: Names | null;
    retracted: { at: string; reason: string } | null;
  }>;
}

/** Changes of structure and leadership that no issued filing covers yet. */
export function PendingPanel() {
  const { lang, t } = useLang();
  const read = useRead<Pending>('/v1/filings/pending');
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('pending')}</h2>
      <Shown read={read}>
        {(pending) => (
          <ScrollTable columns={[t('entry'), t('organisation'), t('effective'), t('recordedAt')]}>
            {pending.items.map((c) => (
              <tr key={c.eventId} class={c.retracted ? 'retracted' : ''}>
                <td>
                  {c.type} ({c.category})
                  <RetractionNote retracted={c.retracted} />
                </td>
                <td>{inLang(c.organisationName, lang)}</td>
                <td>{day(c.effectiveDate)}</td>
                <td>{moment(c.recordedAt)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </Shown>
    </section>
  );
}
