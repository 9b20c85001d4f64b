import { REGIONS, type LocalDate, type MeetingKind } from '@baytaq/domain';
import type { BasisPlan, MeetingPlan, OrgPlan } from './plan-types';
import type { SeededRandom } from './seeded-random';
import type { SyntheticIds } from './synthetic-ids';

const ATTENDANCE: Record<MeetingKind, [number, number]> = {
  congress: [150, 400],
  conference: [40, 160],
  general_meeting: [15, 90],
  council_session: [8, 25],
  other: [5, 30],
};

/** The meeting kind at which a unit elects its officers. */
export function electingKind(unit: OrgPlan): MeetingKind {
  return unit.kind === 'party' ? 'congress' : unit.kind === 'regional_branch' ? 'conference' : 'general_meeting';
}

/**
 * The meetings that decisions cite as their basis, one per organisation and day: every item
 * decided that day joins its agenda. Protocol numbers are given once all are known, in date order.
 */
export class MeetingBook {
  private readonly byKey = new Map<string, MeetingPlan>();

  constructor(
    private readonly rng: SeededRandom,
    private readonly ids: SyntheticIds,
  ) {}

  at(org: OrgPlan, date: LocalDate, kind: MeetingKind, item: string): MeetingPlan {
    const key = `${org.index}|${date}`;
    let meeting = this.byKey.get(key);
    if (!meeting) {
      const [least, most] = ATTENDANCE[kind];
      const attendance = this.rng.int(least, most);
      meeting = {
        id: this.ids.next('meeting'),
        org,
        date,
        kind,
        place: org.region === null ? 'Астана' : REGIONS[org.region]!.name.ru,
        attendance,
        quorum: Math.ceil(attendance * (0.5 + this.rng.next() * 0.3)),
        agenda: [],
      };
      this.byKey.set(key, meeting);
    }
    if (!meeting.agenda.includes(item)) meeting.agenda.push(item);
    return meeting;
  }

  /** Where a unit's officers are elected on a date: on its founding day, the parent's meeting that establishes it. */
  election(unit: OrgPlan, date: LocalDate, item: string): MeetingPlan {
    const founding = date === unit.established && unit.parent !== undefined;
    return this.at(founding ? unit.parent! : unit, date, electingKind(unit), item);
  }

  /** An election's basis: the meeting and a plausible vote of those present. */
  electedAt(meeting: MeetingPlan): BasisPlan {
    const present = meeting.attendance;
    const inFavour = Math.ceil(present * (0.55 + this.rng.next() * 0.4));
    const against = this.rng.int(0, present - inFavour);
    return { meeting, votes: { for: inFavour, against, abstained: this.rng.int(0, present - inFavour - against) } };
  }

  /** All meetings in date order, numbered per organisation; the minutes of a few are not at hand. */
  finish(): MeetingPlan[] {
    const meetings = [...this.byKey.values()].sort((a, b) =>
      a.date === b.date ? a.org.index - b.org.index : a.date < b.date ? -1 : 1,
    );
    const numbers = new Map<OrgPlan, number>();
    for (const meeting of meetings) {
      const n = (numbers.get(meeting.org) ?? 0) + 1;
      numbers.set(meeting.org, n);
      if (this.rng.chance(0.95)) meeting.protocolNumber = `№${n}`;
    }
    return meetings;
  }
}
