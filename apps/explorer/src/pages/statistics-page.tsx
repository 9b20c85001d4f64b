import type { Names } from '../format';
import { day, inLang } from '../format';
import { useLang } from '../i18n';
import { timeOf, type Route } from '../route';
import { useRead } from '../use-read';
import { Answered, ScrollTable, Shown } from '../view-parts';

interface Statistics {
  asOf: string;
  knownAt: string;
  total: number;
  rows: Array<{ kato: string; name: Names; count: number }>;
}

const BAR = 22;

/** Members by region on the chosen day: a bar chart and the same figures as a table. */
export function StatisticsPage({ route }: { route: Route }) {
  const { lang, t } = useLang();
  const read = useRead<Statistics>('/v1/statistics/membership', { ...timeOf(route), groupBy: 'region' });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('byRegion')}</h1>
      <Shown read={read}>
        {(stats) => {
          const most = Math.max(1, ...stats.rows.map((r) => r.count));
          return (
            <>
              <Answered route={route} knownAt={stats.knownAt} asOf={stats.asOf} />
              <p>
                {day(stats.asOf)} · {t('total')}: {stats.total}
              </p>
              <svg
                class="bars"
                viewBox={`0 0 600 ${stats.rows.length * BAR}`}
                role="img"
                aria-label={`${t('byRegion')}, ${day(stats.asOf)}`}
              >
                {stats.rows.map((r, i) => (
                  <g key={r.kato}>
                    <text x="0" y={i * BAR + 15} class="bar-label">
                      {inLang(r.name, lang)}
                    </text>
                    <rect x="230" y={i * BAR + 3} width={(r.count / most) * 320} height={BAR - 6} class="bar" />
                    <text x={236 + (r.count / most) * 320} y={i * BAR + 15} class="bar-value">
                      {r.count}
                    </text>
                  </g>
                ))}
              </svg>
              <ScrollTable columns={[t('region'), 'KATO', t('count')]}>
                {stats.rows.map((r) => (
                  <tr key={r.kato}>
                    <td>{inLang(r.name, lang)}</td>
                    <td>{r.kato}</td>
                    <td class="num">{r.count}</td>
                  </tr>
                ))}
              </ScrollTable>
            </>
          );
        }}
      </Shown>
    </section>
  );
}
