import { addDays, daysBetween, maxDate, type MembershipEndReason } from '@baytaq/domain';
import { FOUNDING_DAY, HISTORY_TODAY } from './history-calendar';
import type { MeetingBook } from './meeting-book';
import { unitOf, type BasisPlan, type CadrePlan, type OrgPlan, type PartyPlan, type SegmentPlan } from './plan-types';
import type { SeededRandom } from './seeded-random';

const LEAVE_REASONS: ReadonlyArray<[MembershipEndReason, number]> = [
  ['resigned', 0.4],
  ['expelled', 0.35],
  ['died', 0.25],
];

/**
 * Gives each segment a holder: the same person when the plan says so (re-election), else a
 * free member of the unit or of one of its branches, or a new member admitted some months
 * before. One person holds one post at a time, so their membership, planned from their
 * segments, covers every day of every tenure. With at most `cap` such people, what they cannot
 * hold stays vacant.
 */
export class OfficerAssignment {
  readonly cadre: CadrePlan[] = [];
  private readonly branchesOf = new Map<OrgPlan, OrgPlan[]>();

  constructor(
    private readonly plan: PartyPlan,
    private readonly rng: SeededRandom,
    private readonly meetings: MeetingBook,
    private readonly cap: number,
  ) {
    for (const branch of plan.branches) {
      const list = this.branchesOf.get(branch.parent!) ?? [];
      this.branchesOf.set(branch.parent!, [...list, branch]);
    }
  }

  assign(segments: SegmentPlan[]): CadrePlan[] {
    const ordered = [...segments].sort((a, b) =>
      a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.post.org.index - b.post.org.index || a.seat - b.seat,
    );
    for (const segment of ordered) {
      const previous = segment.sameHolderAs?.holder;
      const holder =
        previous && !previous.leaves && previous.busyUntil === segment.from ? previous : this.choose(segment);
      if (!holder) continue;
      segment.holder = holder;
      holder.segments.push(segment);
      holder.busyUntil = segment.to ?? null;
      if (segment.endReason === 'membership_ended') holder.leaves = this.leaving(holder, segment.to!);
    }
    for (const person of this.cadre) this.completeLife(person);
    return this.cadre;
  }

  private choose(segment: SegmentPlan): CadrePlan | undefined {
    const unit = unitOf(segment.post.org);
    const free = this.cadre.filter(
      (c) =>
        !c.leaves &&
        c.busyUntil !== null &&
        c.busyUntil <= segment.from &&
        (unit.kind === 'party' || c.home === unit || c.home.parent === unit),
    );
    if (free.length > 0 && (this.cadre.length >= this.cap || this.rng.chance(0.35))) return this.rng.pick(free);
    return this.cadre.length < this.cap ? this.newMember(segment, unit) : undefined;
  }

  private newMember(segment: SegmentPlan, unit: OrgPlan): CadrePlan {
    const home = this.homeFor(segment, unit);
    const earliest = maxDate(home.established, FOUNDING_DAY);
    const admitted = maxDate(earliest, addDays(segment.from, -this.rng.int(0, 540)));
    const person: CadrePlan = {
      index: this.cadre.length,
      home,
      admitted,
      birthYearsBeforeAdmission: this.rng.int(25, 62),
      segments: [],
      busyUntil: segment.from,
    };
    this.cadre.push(person);
    return person;
  }

  /** Founders belong to the party itself; others to the unit they serve or one of its branches. */
  private homeFor(segment: SegmentPlan, unit: OrgPlan): OrgPlan {
    if (unit.kind === 'party') {
      const regions = this.plan.regions.filter((r) => r.established <= addDays(segment.from, -30));
      return segment.from === FOUNDING_DAY || regions.length === 0 ? unit : this.rng.pick(regions);
    }
    const branches = (this.branchesOf.get(unit) ?? []).filter((b) => b.established <= segment.from);
    return unit.kind === 'regional_branch' && branches.length > 0 && this.rng.chance(0.4)
      ? this.rng.pick(branches)
      : unit;
  }

  private leaving(person: CadrePlan, date: string): CadrePlan['leaves'] {
    const reason = this.rng.weighted(LEAVE_REASONS, ([, w]) => w)[0];
    const basis: BasisPlan =
      reason === 'expelled'
        ? { meeting: this.meetings.at(person.home, date, 'council_session', 'Expulsion of a member from the party') }
        : reason === 'died'
          ? { document: 'Death certificate (synthetic record)' }
          : { document: `Statement of withdrawal from the party of ${date}` };
    return { date, reason, basis };
  }

  /** What happens to an officer's membership besides the posts: a founder's transfer, a suspension, a later exit. */
  private completeLife(person: CadrePlan): void {
    const limit = person.leaves?.date ?? HISTORY_TODAY;
    if (person.home.kind === 'party' && this.rng.chance(0.8)) {
      const region = this.rng.pick(this.plan.regions);
      const date = addDays(maxDate(addDays(person.admitted, 1), region.established), this.rng.int(0, 90));
      if (date < limit) person.transfer = { date, to: region };
    }
    const long = person.segments.filter((s) => daysBetween(s.from, s.to ?? HISTORY_TODAY) >= 120);
    if (long.length > 0 && this.rng.chance(0.06)) {
      const segment = this.rng.pick(long);
      const from = addDays(segment.from, this.rng.int(15, daysBetween(segment.from, segment.to ?? HISTORY_TODAY) - 60));
      person.suspension = { from, to: addDays(from, this.rng.int(10, 45)) };
    }
    if (!person.leaves && person.busyUntil !== null && this.rng.chance(0.08)) {
      const date = addDays(person.busyUntil, this.rng.int(30, 500));
      const basis = { document: `Statement of withdrawal from the party of ${date}` };
      if (date < HISTORY_TODAY) person.leaves = { date, reason: 'resigned', basis };
    }
  }
}
