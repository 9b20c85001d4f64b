import { addDays, type LocalDate } from '@baytaq/domain';
import { PARTY_CONGRESSES } from './history-calendar';
import type { CadrePlan, MeetingPlan, OrgPlan, PartyPlan, PostPlan, SegmentPlan } from './plan-types';

/** One thing that happens in the party's history, recorded on its date. */
export type StoryStep = { date: LocalDate } & (
  | { kind: 'establish' | 'register-organisation' | 'rename'; org: OrgPlan }
  | { kind: 'create-post'; post: PostPlan }
  | { kind: 'meeting' | 'duplicate-meeting' | 'retract-duplicate-meeting'; meeting: MeetingPlan }
  | { kind: 'join' | 'transfer' | 'suspend' | 'reinstate' | 'leave'; person: CadrePlan }
  | { kind: 'start-tenure' | 'end-tenure' | 'mistaken-end' | 'retract-end'; segment: SegmentPlan }
);

/**
 * Within a day: parents before children, then the things that exist before anyone acts on them
 * (registrations, posts, meetings), members before their tenures, and ends before starts, so a
 * successor elected the day the predecessor leaves finds the seat free.
 */
const RANK: Record<StoryStep['kind'], number> = {
  establish: 0,
  'register-organisation': 5,
  rename: 5,
  'create-post': 5,
  // Meetings rank by their holder's depth instead (`rank`).
  meeting: 6,
  'duplicate-meeting': 7,
  join: 10,
  transfer: 12,
  reinstate: 12,
  'mistaken-end': 19,
  'end-tenure': 20,
  leave: 21,
  'retract-end': 22,
  'retract-duplicate-meeting': 22,
  'start-tenure': 30,
  suspend: 40,
};

const DEPTH: Record<OrgPlan['kind'], number> = {
  party: 0,
  regional_branch: 1,
  city_branch: 2,
  district_branch: 2,
  primary_branch: 3,
  body: 4,
};

/**
 * Establishments by depth, then each meeting once its holder exists and before the organisations
 * it founds (a founding cites its parent's meeting, which must be recorded first).
 */
function rank(step: StoryStep): number {
  if (step.kind === 'establish') return DEPTH[step.org.kind];
  if (step.kind === 'meeting' || step.kind === 'duplicate-meeting') {
    return DEPTH[step.meeting.org.kind] + (step.kind === 'meeting' ? 0.5 : 0.6);
  }
  return RANK[step.kind];
}

/** The whole history of the structure and its officers, in the order a registrar would have entered it. */
export function storySteps(
  plan: PartyPlan,
  meetings: MeetingPlan[],
  segments: SegmentPlan[],
  cadre: CadrePlan[],
): StoryStep[] {
  const steps: StoryStep[] = [];
  for (const org of plan.all) {
    steps.push({ kind: 'establish', date: org.established, org });
    if (org.registration) steps.push({ kind: 'register-organisation', date: org.registration.date, org });
    if (org.renaming) steps.push({ kind: 'rename', date: org.renaming.date, org });
  }
  for (const post of plan.posts) steps.push({ kind: 'create-post', date: post.created, post });
  for (const meeting of meetings) steps.push({ kind: 'meeting', date: meeting.date, meeting });
  // The second congress is entered twice by mistake, with a wrong date, and the copy retracted.
  const congress = meetings.find((m) => m.org === plan.party && m.date === PARTY_CONGRESSES[1]);
  if (congress) {
    steps.push({ kind: 'duplicate-meeting', date: congress.date, meeting: congress });
    steps.push({ kind: 'retract-duplicate-meeting', date: addDays(congress.date, 4), meeting: congress });
  }
  for (const person of cadre) {
    steps.push({ kind: 'join', date: person.admitted, person });
    if (person.transfer) steps.push({ kind: 'transfer', date: person.transfer.date, person });
    if (person.suspension) {
      steps.push({ kind: 'suspend', date: person.suspension.from, person });
      steps.push({ kind: 'reinstate', date: person.suspension.to, person });
    }
    if (person.leaves) steps.push({ kind: 'leave', date: person.leaves.date, person });
  }
  for (const segment of segments) {
    if (!segment.holder) continue;
    steps.push({ kind: 'start-tenure', date: segment.from, segment });
    // An end with the membership comes from the holder's leaving, as the app does it.
    if (segment.to && segment.endReason !== 'membership_ended') {
      steps.push({ kind: 'end-tenure', date: segment.to, segment });
    }
    if (segment.mistakenEnd) {
      steps.push({ kind: 'mistaken-end', date: segment.mistakenEnd.date, segment });
      steps.push({ kind: 'retract-end', date: segment.mistakenEnd.retractedOn, segment });
    }
  }
  const order = new Map(steps.map((step, i) => [step, i]));
  return steps.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : rank(a) - rank(b) || order.get(a)! - order.get(b)!,
  );
}
