import { REGIONS, type MultilingualName, type Region } from '@baytaq/domain';

/** Population in hundreds of thousands (rounded, 2024), in the order of REGIONS: where branches and members go. */
const POPULATION = [6, 8, 9, 15, 7, 7, 12, 7, 11, 8, 8, 8, 7, 5, 21, 2, 7, 15, 22, 12];

/** The cities of republican significance have districts, not towns: their branches are district branches. */
const CITY_DISTRICTS: Record<string, number> = { '710000000': 5, '750000000': 8, '790000000': 5 };

export const regionWeight = (regionIndex: number): number => POPULATION[regionIndex] ?? 1;

export interface BranchSite {
  kind: 'city_branch' | 'district_branch';
  /** 1-based number among the region's branches of that kind. */
  number: number;
  kato: string;
  name: MultilingualName;
}

/** How many city and district branches each region gets: the cities their districts, the rest by population. */
export function branchCounts(total: number): number[] {
  const fixed = REGIONS.map((r) => CITY_DISTRICTS[r.kato] ?? 0);
  const rest = total - fixed.reduce((a, b) => a + b, 0);
  const weights = REGIONS.map((_, i) => (fixed[i] ? 0 : regionWeight(i)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (w * rest) / sum);
  const counts = shares.map((s, i) => fixed[i] || Math.max(3, Math.floor(s)));
  // Largest remainders take what rounding down left over.
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); left > 0; k++, left--) {
    counts[order[k % order.length]![1]]! += 1;
  }
  return counts;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The sites of a region's branches. KATO codes keep the region's two digits: towns as
 * `RR1NN0000`-style codes (Karaganda city is 351010000), districts as `RRDD00000` with DD from 22.
 */
export function branchSites(region: Region, count: number): BranchSite[] {
  const prefix = region.kato.slice(0, 2);
  const districtsOnly = CITY_DISTRICTS[region.kato] !== undefined;
  const towns = districtsOnly ? 0 : Math.min(count, 1 + Math.floor(count / 4));
  const sites: BranchSite[] = [];
  for (let k = 1; k <= towns; k++) {
    sites.push({
      kind: 'city_branch',
      number: k,
      kato: `${prefix}1${pad(k * 10, 3)}000`,
      name: {
        kk: `${region.name.kk}, №${k} қалалық филиал`,
        ru: `Городской филиал №${k} (${region.name.ru})`,
        en: `City branch No. ${k}, ${region.name.en}`,
      },
    });
  }
  for (let k = 1; k <= count - towns; k++) {
    sites.push({
      kind: 'district_branch',
      number: k,
      kato: `${prefix}${pad(20 + 2 * k, 2)}00000`,
      name: {
        kk: `${region.name.kk}, №${k} аудандық филиал`,
        ru: `Районный филиал №${k} (${region.name.ru})`,
        en: `District branch No. ${k}, ${region.name.en}`,
      },
    });
  }
  return sites;
}

export function regionalBranchName(region: Region): MultilingualName {
  return {
    kk: `${region.name.kk} филиалы`,
    ru: `Региональный филиал (${region.name.ru})`,
    en: `${region.name.en} regional branch`,
  };
}
