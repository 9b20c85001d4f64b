import { addDays, addYears, REGIONS, type LocalDate, type MultilingualName } from '@baytaq/domain';
import { branchCounts, branchSites, regionalBranchName } from './branch-geography';
import {
  BRANCH_REGISTRATION_DEADLINE,
  FOUNDING_DAY,
  HISTORY_TODAY,
  PARTY_CONGRESSES,
  PARTY_REGISTERED,
  TERM_YEARS,
} from './history-calendar';
import type { OrgPlan, PartyPlan } from './plan-types';
import { planPosts } from './post-plan';
import { SeededRandom } from './seeded-random';
import { syntheticBin } from './synthetic-iins';
import { SyntheticIds } from './synthetic-ids';

export const CITY_AND_DISTRICT_BRANCHES = 200;
/** Regions with their own political council and counting commission. */
const REGIONS_WITH_BODIES = 8;
const LAST_BRANCH_FOUNDING: LocalDate = '2025-12-31';

export const PARTY_NAME: MultilingualName = {
  kk: 'Синтетикалық «Байтақ» партиясы',
  ru: 'Синтетическая партия «Байтақ»',
  en: 'Baytaq party (synthetic data)',
};

/** The party's id for a seed: the first organisation the plan names (how --force-append recognises a seed already generated). */
export function generatedPartyId(seed: number): string {
  return new SyntheticIds(seed).of('organisation', 0);
}

/** Re-election conferences every term, a few weeks either way, while the history lasts. */
function electionDates(rng: SeededRandom, established: LocalDate): LocalDate[] {
  const dates = [established];
  for (let term = 1; ; term++) {
    const date = addDays(addYears(established, term * TERM_YEARS), rng.int(-25, 25));
    if (date >= HISTORY_TODAY) return dates;
    dates.push(date);
  }
}

/** The party, 20 regional branches, about 200 city and district branches, their bodies and posts. */
export function planParty(seed: number, ids: SyntheticIds): PartyPlan {
  const rng = SeededRandom.for(seed, 'structure');
  const all: OrgPlan[] = [];
  const add = (org: Omit<OrgPlan, 'index' | 'id'>): OrgPlan => {
    const planned: OrgPlan = { ...org, index: all.length, id: ids.next('organisation') };
    all.push(planned);
    return planned;
  };
  const party = add({
    kind: 'party',
    name: PARTY_NAME,
    established: FOUNDING_DAY,
    registration: {
      date: PARTY_REGISTERED,
      authority: 'Министерство юстиции Республики Казахстан',
      number: `SYN-${rng.int(1000, 9999)}`,
      bin: syntheticBin(PARTY_REGISTERED, false, rng.int(0, 99_999)),
    },
    elections: [...PARTY_CONGRESSES],
    region: null,
  });
  const regions = REGIONS.map((region, i) => {
    const established = addDays(FOUNDING_DAY, rng.int(21, 250));
    const planned = addDays(established, rng.int(14, 120));
    const registered = planned < BRANCH_REGISTRATION_DEADLINE ? planned : BRANCH_REGISTRATION_DEADLINE;
    return add({
      kind: 'regional_branch',
      parent: party,
      kato: region.kato,
      name: regionalBranchName(region),
      established,
      registration: {
        date: registered,
        authority: `Департамент юстиции (${region.name.ru})`,
        number: `SYN-${region.kato.slice(0, 2)}-${rng.int(100, 999)}`,
        bin: syntheticBin(registered, true, rng.int(0, 99_999)),
      },
      elections: electionDates(rng, established),
      region: i,
    });
  });
  const counts = branchCounts(CITY_AND_DISTRICT_BRANCHES);
  const branches = regions.flatMap((regional, i) =>
    branchSites(REGIONS[i]!, counts[i]!).map((site) => {
      // Most branches come within months of their region's; the rest over the next years.
      const delay = rng.chance(0.6) ? rng.int(20, 200) : rng.int(200, 1000);
      const planned = addDays(regional.established, delay);
      const established = planned < LAST_BRANCH_FOUNDING ? planned : LAST_BRANCH_FOUNDING;
      const registered = addDays(established, rng.int(20, 150));
      return add({
        kind: site.kind,
        parent: regional,
        kato: site.kato,
        name: site.name,
        established,
        ...(rng.chance(0.5)
          ? {
              registration: {
                date: registered,
                authority: `Департамент юстиции (${REGIONS[i]!.name.ru})`,
                // A registration whose number is not at hand is recorded without one: unknown stays unknown.
                ...(rng.chance(0.8) ? { number: `SYN-${site.kato}` } : {}),
              },
            }
          : {}),
        ...renaming(rng, established, site.name),
        elections: electionDates(rng, established),
        region: i,
      });
    }),
  );
  const bodyHolders = [party, ...rng.sample(regions, REGIONS_WITH_BODIES)];
  const bodies = bodyHolders.flatMap((holder) =>
    (['political_council', 'counting_commission'] as const).map((bodyType) =>
      add({
        kind: 'body',
        parent: holder,
        bodyType,
        name: bodyName(holder, bodyType),
        established: holder.established,
        elections: holder.elections,
        region: holder.region,
      }),
    ),
  );
  return { party, regions, branches, bodies, all, posts: planPosts(all, ids) };
}

/** A few branches are renamed when their district is: a synthetic place name, Syntauyl. */
function renaming(
  rng: SeededRandom,
  established: LocalDate,
  name: MultilingualName,
): Pick<OrgPlan, 'renaming'> | Record<string, never> {
  if (!rng.chance(0.03)) return {};
  const date = addDays(established, rng.int(100, 600));
  if (date >= HISTORY_TODAY) return {};
  return { renaming: { date, name: { ...name, ru: `${name.ru}, Синтауыл`, en: `${name.en} (Syntauyl)` } } };
}

function bodyName(holder: OrgPlan, bodyType: 'political_council' | 'counting_commission'): MultilingualName {
  const of = holder.name;
  return bodyType === 'political_council'
    ? { kk: `${of.kk}: саяси кеңес`, ru: `Политический совет: ${of.ru}`, en: `Political council of the ${of.en}` }
    : { kk: `${of.kk}: санақ комиссиясы`, ru: `Счётная комиссия: ${of.ru}`, en: `Counting commission of the ${of.en}` };
}
