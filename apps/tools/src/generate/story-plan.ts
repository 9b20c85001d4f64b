import { MeetingBook } from './meeting-book';
import { OfficerAssignment } from './officer-assignment';
import { SeatChains } from './officer-churn';
import { planParty } from './party-plan';
import { scriptedPartySeats } from './party-script';
import { unitOf, type CadrePlan, type MeetingPlan, type PartyPlan, type SegmentPlan } from './plan-types';
import { SeededRandom } from './seeded-random';
import { storySteps, type StoryStep } from './story-steps';
import type { SyntheticIds } from './synthetic-ids';

export interface StoryPlan {
  plan: PartyPlan;
  meetings: MeetingPlan[];
  segments: SegmentPlan[];
  /** The people who hold posts, the first people of the party by index. */
  officers: CadrePlan[];
  steps: StoryStep[];
}

/**
 * The structure and its officers over the four years, before anything is decided: units and
 * posts, the meetings they cite, each seat's holders (the party's chair and secretary by
 * script, the rest by chance), who holds them (at most `officerCap` people), in date order.
 */
export function planStory(seed: number, ids: SyntheticIds, officerCap: number): StoryPlan {
  const plan = planParty(seed, ids);
  const book = new MeetingBook(SeededRandom.for(seed, 'meetings'), ids);
  for (const org of plan.all) {
    org.foundingMeeting = book.election(unitOf(org), org.established, `Establishment: ${org.name.en}`);
  }
  const scripted = scriptedPartySeats(plan, book);
  const chains = new SeatChains(SeededRandom.for(seed, 'seats'), book);
  const segments = plan.posts.flatMap(
    (post) => scripted.get(post) ?? Array.from({ length: post.seats }, (_, seat) => chains.chain(post, seat)).flat(),
  );
  const officers = new OfficerAssignment(plan, SeededRandom.for(seed, 'officers'), book, officerCap).assign(segments);
  const meetings = book.finish();
  return { plan, meetings, segments, officers, steps: storySteps(plan, meetings, segments, officers) };
}
