import { addDays, daysBetween, type LocalDate, type TenureEndReason, type TenureMethod } from '@baytaq/domain';
import { HISTORY_TODAY } from './history-calendar';
import { electingKind, type MeetingBook } from './meeting-book';
import { unitOf, type BasisPlan, type MeetingPlan, type PostPlan, type SegmentPlan } from './plan-types';
import type { SeededRandom } from './seeded-random';

/** Chance that a holder leaves before the term is over. */
const EARLY_END_PER_TERM = 0.2;
const EARLY_REASONS: ReadonlyArray<[TenureEndReason, number]> = [
  ['resigned', 0.45],
  ['dismissed', 0.2],
  ['membership_ended', 0.35],
];

/** How the next holder of a seat comes in. */
export interface SeatStart {
  from: LocalDate;
  method: TenureMethod;
  startBasis: BasisPlan;
  sameHolderAs?: SegmentPlan;
}

/**
 * The holders of one seat over the years, as segments [from, to): elected at conferences,
 * re-elected or replaced when the term ends, leaving early (resigned, dismissed, or with their
 * membership), then a successor elected the same day, an acting holder until a by-election, or
 * a vacancy for a while. One seat's segments never overlap, so a post never exceeds its seats.
 */
export class SeatChains {
  constructor(
    private readonly rng: SeededRandom,
    private readonly meetings: MeetingBook,
  ) {}

  chain(post: PostPlan, seat: number, first: SeatStart | null = this.firstStart(post)): SegmentPlan[] {
    const segments: SegmentPlan[] = [];
    for (let start: SeatStart | null = first; start && start.from < HISTORY_TODAY;) {
      const segment = this.segment(post, seat, start);
      segments.push(segment);
      start = this.successor(segment);
    }
    return segments;
  }

  /** Elected when the post is created, or after a vacancy when nobody stood at once (null: vacant to the end). */
  firstStart(post: PostPlan): SeatStart | null {
    const unit = unitOf(post.org);
    if (unit.kind !== 'party' && this.rng.chance(0.2)) {
      const from = addDays(post.created, this.rng.int(20, 150));
      if (from >= HISTORY_TODAY) return null;
      return {
        from,
        method: this.electedMethod(post),
        startBasis: this.meetings.electedAt(this.byElection(post, from)),
      };
    }
    const meeting = this.meetings.election(unit, post.created, `Election: ${post.title.en}`);
    return { from: post.created, method: 'elected', startBasis: this.meetings.electedAt(meeting) };
  }

  private segment(post: PostPlan, seat: number, start: SeatStart): SegmentPlan {
    const unit = unitOf(post.org);
    const nextElection = unit.elections.find((d) => d > start.from);
    const limit = nextElection ?? HISTORY_TODAY;
    const span = daysBetween(start.from, limit);
    let to: LocalDate | undefined;
    let endReason: TenureEndReason | undefined;
    let endBasis: BasisPlan | undefined;
    if (start.method === 'acting') {
      const planned = addDays(start.from, this.rng.int(25, 120));
      to = planned < limit ? planned : nextElection;
      endReason = 'other';
    } else if (span > 60 && this.rng.chance(EARLY_END_PER_TERM)) {
      to = addDays(start.from, this.rng.int(30, span - 1));
      endReason = this.rng.weighted(EARLY_REASONS, ([, w]) => w)[0];
    } else if (nextElection) {
      to = nextElection;
      endReason = 'term_expired';
    }
    if (to === undefined || to >= HISTORY_TODAY) return { post, seat, ...start };
    if (endReason === 'term_expired')
      endBasis = { meeting: this.meetings.election(unit, to, `Election: ${post.title.en}`) };
    else if (endReason === 'other') endBasis = { meeting: this.byElection(post, to) };
    else if (endReason === 'resigned') endBasis = { document: `Statement of resignation of ${to}` };
    else if (endReason === 'dismissed') {
      const item = `Early termination of the powers: ${post.title.en}`;
      endBasis = { meeting: this.meetings.at(post.org, to, meetingKindOf(post), item) };
    }
    return { post, seat, ...start, to, endReason, ...(endBasis ? { endBasis } : {}) };
  }

  private successor(previous: SegmentPlan): SeatStart | null {
    const { post, to } = previous;
    if (to === undefined) return null;
    if (previous.endReason === 'term_expired' || previous.method === 'acting') {
      const meeting = previous.endBasis!.meeting!;
      const again = this.rng.chance(previous.method === 'acting' ? 0.4 : 0.45);
      return {
        from: to,
        method: 'elected',
        startBasis: this.meetings.electedAt(meeting),
        ...(again ? { sameHolderAs: previous } : {}),
      };
    }
    const choice = this.rng.next();
    if (choice < 0.3) {
      return {
        from: to,
        method: this.electedMethod(post),
        startBasis: this.meetings.electedAt(this.byElection(post, to)),
      };
    }
    if (choice < 0.65 && post.seats === 1) {
      return {
        from: to,
        method: 'acting',
        startBasis: { document: `Decision of the bureau of ${to}: acting until a by-election` },
      };
    }
    const from = addDays(to, this.rng.int(20, 180));
    if (from >= HISTORY_TODAY) return null; // vacant to the end
    return { from, method: this.electedMethod(post), startBasis: this.meetings.electedAt(this.byElection(post, from)) };
  }

  /** Councils fill a seat between conferences by co-optation; units elect at an extraordinary meeting. */
  private electedMethod(post: PostPlan): TenureMethod {
    return post.org.kind === 'body' ? 'co_opted' : 'elected';
  }

  private byElection(post: PostPlan, date: LocalDate): MeetingPlan {
    const item = post.org.kind === 'body' ? `Co-optation: ${post.title.en}` : `By-election: ${post.title.en}`;
    return this.meetings.at(post.org, date, meetingKindOf(post), item);
  }
}

/** A body meets in session; a unit at its own kind of meeting. */
function meetingKindOf(post: PostPlan) {
  return post.org.kind === 'body' ? ('council_session' as const) : electingKind(post.org);
}
