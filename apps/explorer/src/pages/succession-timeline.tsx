import type { SuccessionEntry } from '../api-types';
import { day, personName } from '../format';
import { useLang } from '../i18n';

const METHOD_CLASS: Record<string, string> = {
  elected: 'm-elected',
  appointed: 'm-appointed',
  co_opted: 'm-co-opted',
  acting: 'm-acting',
};
const DAY_MS = 86_400_000;
const ROW = 26;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A post's succession drawn on one time axis: a bar per tenure, coloured by method, vacancies as hatched gaps. */
export function SuccessionTimeline({
  entries,
  from,
  to,
  today,
  asOf,
}: {
  entries: SuccessionEntry[];
  from: string;
  to: string | null;
  today: string;
  /** The day the other views show, marked on the axis. */
  asOf: string | null;
}) {
  const { t } = useLang();
  const start = toTime(from);
  const ends = entries.map((e) => (e.to ? toTime(e.to) : toTime(today)));
  const end = Math.max(to ? toTime(to) : toTime(today), ...ends, start + DAY_MS);
  const width = 1000;
  const x = (date: string) => ((toTime(date) - start) / (end - start)) * width;
  const height = entries.length * ROW + 4;
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('succession')} preserveAspectRatio="none">
        <defs>
          <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#eee" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#888" stroke-width="3" />
          </pattern>
        </defs>
        {entries.map((e, i) => {
          const x1 = x(e.from);
          const x2 = e.to ? x(e.to) : width;
          const label = e.kind === 'tenure' ? `${personName(e.name)}: ${e.method}` : t('vacancy');
          return (
            <g key={i} class={e.kind === 'tenure' ? (METHOD_CLASS[e.method] ?? 'm-other') : 'vacancy'}>
              <title>{`${label}, ${day(e.from)} – ${e.to ? day(e.to) : t('now')}`}</title>
              <rect x={x1} y={i * ROW + 4} width={Math.max(x2 - x1, 3)} height={ROW - 8} rx="3" />
            </g>
          );
        })}
        {asOf && toTime(asOf) >= start && toTime(asOf) <= end && (
          <line class="as-of" x1={x(asOf)} x2={x(asOf)} y1="0" y2={height} stroke="#c00" stroke-width="3" />
        )}
      </svg>
      {/* Text outside the SVG: the drawing stretches to the width, which would stretch letters too. */}
      <div class="axis">
        <span>{day(from)}</span>
        {asOf && <span class="as-of-label">{`${t('asOf')}: ${day(asOf)}`}</span>}
        <span>{to ? day(to) : day(today)}</span>
      </div>
      <figcaption class="legend">
        <span class="key m-elected">elected</span> <span class="key m-appointed">appointed</span>{' '}
        <span class="key m-co-opted">co_opted</span> <span class="key m-acting">acting</span>{' '}
        <span class="key vacancy">{t('vacancy')}</span>
      </figcaption>
    </figure>
  );
}
