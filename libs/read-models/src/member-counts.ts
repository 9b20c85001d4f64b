/** One change of an organisation's member count: +1 on the day a placement starts, -1 on the day it ends. */
export interface MemberDelta {
  orgId: string;
  day: string;
  delta: number;
}

interface OrgCounts {
  deltas: Map<string, number>;
  /** Days in order with the running count after each: rebuilt on the first read after a change. */
  days?: string[];
  sums?: Int32Array;
}

/**
 * Member counts per organisation on any date, as the registry knows them now. Counting a
 * million placements per question is too slow, so the deltas per day are kept in memory and
 * summed once after each change; a question is then a binary search per organisation.
 */
export class MemberCounts {
  private readonly orgs = new Map<string, OrgCounts>();

  add({ orgId, day, delta }: MemberDelta): void {
    let org = this.orgs.get(orgId);
    if (!org) this.orgs.set(orgId, (org = { deltas: new Map() }));
    org.deltas.set(day, (org.deltas.get(day) ?? 0) + delta);
    org.days = undefined;
    org.sums = undefined;
  }

  countOn(orgId: string, date: string): number {
    const org = this.orgs.get(orgId);
    if (!org) return 0;
    if (!org.days || !org.sums) {
      org.days = [...org.deltas.keys()].sort();
      org.sums = new Int32Array(org.days.length);
      let running = 0;
      org.days.forEach((d, i) => (org.sums![i] = running += org.deltas.get(d)!));
    }
    // The last day on or before `date`.
    let lo = 0;
    let hi = org.days.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (org.days[mid]! <= date) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : org.sums[found]!;
  }

  /** The deltas summed per organisation and day: as many as there are such days, whatever was added. */
  tally(): MemberDelta[] {
    const out: MemberDelta[] = [];
    for (const [orgId, org] of this.orgs) for (const [day, delta] of org.deltas) out.push({ orgId, day, delta });
    return out;
  }

  /** Every organisation that ever had a member, with its count on `date` (zeros included). */
  countsOn(date: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const orgId of this.orgs.keys()) counts.set(orgId, this.countOn(orgId, date));
    return counts;
  }
}
