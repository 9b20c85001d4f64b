import { domainError, type Result } from './domain-error';
import { type LocalDate } from './local-date';

/** A top-level unit of Kazakhstan: a region, or a city of republican significance. */
export interface Region {
  kato: string;
  name: { kk: string; ru: string; en: string };
}

/** The day Abai, Jetisu and Ulytau regions came into being (Presidential decree of 8 June 2022). */
export const REGION_SPLIT_DATE: LocalDate = '2022-06-08';

export const REGIONS: ReadonlyArray<Region> = [
  { kato: '100000000', name: { kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' } },
  { kato: '110000000', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' } },
  { kato: '150000000', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' } },
  { kato: '190000000', name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' } },
  { kato: '230000000', name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' } },
  {
    kato: '270000000',
    name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  },
  { kato: '310000000', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region' } },
  { kato: '330000000', name: { kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Jetisu Region' } },
  { kato: '350000000', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' } },
  { kato: '390000000', name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' } },
  { kato: '430000000', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' } },
  { kato: '470000000', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' } },
  { kato: '550000000', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' } },
  {
    kato: '590000000',
    name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' },
  },
  { kato: '610000000', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' } },
  { kato: '620000000', name: { kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' } },
  {
    kato: '630000000',
    name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  },
  { kato: '710000000', name: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana' } },
  { kato: '750000000', name: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty' } },
  { kato: '790000000', name: { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent' } },
];

/** Before the split the new regions' territory belonged to these. */
export const REGION_PREDECESSORS: Readonly<Record<string, string>> = {
  '100000000': '630000000', // Abai <- East Kazakhstan
  '330000000': '190000000', // Jetisu <- Almaty region
  '620000000': '350000000', // Ulytau <- Karaganda
};

const BY_CODE = new Map(REGIONS.map((r) => [r.kato, r]));

/** The top-level units in force on `date`: 17 before the 2022 split, 20 from it. */
export function regionsOn(date: LocalDate): Region[] {
  return date < REGION_SPLIT_DATE ? REGIONS.filter((r) => !(r.kato in REGION_PREDECESSORS)) : [...REGIONS];
}

/**
 * The top-level unit a KATO code lies in, by its first two digits. With `onDate` before the
 * split, territory of the new regions answers its predecessor.
 */
export function topLevelRegion(kato: string, onDate?: LocalDate): Region | null {
  if (!/^\d{9}$/.test(kato)) return null;
  const code = `${kato.slice(0, 2)}0000000`;
  const predecessor = onDate !== undefined && onDate < REGION_SPLIT_DATE ? REGION_PREDECESSORS[code] : undefined;
  return BY_CODE.get(predecessor ?? code) ?? null;
}

export function isRegionCode(kato: string): boolean {
  return BY_CODE.has(kato);
}

export function parseKato(value: string, field = 'kato'): Result<string> {
  if (typeof value !== 'string' || topLevelRegion(value) === null) {
    return {
      ok: false,
      error: domainError('kato.invalid', `${field} must be a 9-digit KATO code of a known region`, { field }),
    };
  }
  return { ok: true, value };
}
