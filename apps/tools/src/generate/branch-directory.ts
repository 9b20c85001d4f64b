import { REGIONS, type LocalDate } from '@baytaq/domain';
import { regionWeight } from './branch-geography';
import type { OrgPlan, PartyPlan } from './plan-types';
import type { SeededRandom } from './seeded-random';

/** Where members are placed: branches by region, each usable from the day it is established. */
export class BranchDirectory {
  private readonly local: OrgPlan[][];
  private readonly regionIndices = REGIONS.map((_, i) => i);

  constructor(private readonly plan: PartyPlan) {
    this.local = plan.regions.map((regional) => plan.branches.filter((b) => b.parent === regional));
  }

  /** The day the region's branch is established: members who joined the party before wait for it. */
  regionalFrom(region: number): LocalDate {
    return this.plan.regions[region]!.established;
  }

  pickRegion(rng: SeededRandom): number {
    return rng.weighted(this.regionIndices, regionWeight);
  }

  /**
   * Most members join a city or district branch, some the regional branch directly; before
   * their region has a branch they join the party itself, to be transferred once it has one.
   */
  placement(rng: SeededRandom, region: number, date: LocalDate): OrgPlan {
    const regional = this.plan.regions[region]!;
    if (regional.established > date) return this.plan.party;
    const open = this.local[region]!.filter((b) => b.established <= date);
    if (open.length === 0 || rng.chance(0.15)) return regional;
    return rng.weighted(open, (b) => (b.kind === 'city_branch' ? 3 : 1));
  }

  /** A branch to move to: mostly in the same region, else anywhere; undefined when none is open yet. */
  another(rng: SeededRandom, region: number, date: LocalDate, current: OrgPlan): OrgPlan | undefined {
    const target = rng.chance(0.7) ? region : this.pickRegion(rng);
    const choices = [this.plan.regions[target]!, ...this.local[target]!].filter(
      (b) => b.established <= date && b !== current,
    );
    return choices.length > 0 ? rng.pick(choices) : undefined;
  }
}
