import type { EventStore } from '@baytaq/event-store';
import { BranchDirectory } from './branch-directory';
import { EventWriter } from './event-writer';
import { HISTORY_LAST_DAY, HISTORY_TODAY } from './history-calendar';
import { MemberLives } from './member-lives';
import { isMemberOnLastDay, recordMember } from './member-recorder';
import { OrganisationBook } from './organisation-book';
import type { PersonWorld } from './person-recorder';
import { planStory } from './story-plan';
import { StoryRunner } from './story-runner';
import { IinAllocator } from './synthetic-iins';
import { SyntheticIds } from './synthetic-ids';

export interface GenerateOptions {
  store: EventStore;
  seed: number;
  members: number;
  /** The app's minimum age for admission (REGISTRY_MIN_AGE). */
  minAge: number;
  /** Names the IIN reservation stream as the app does (IinReservations.streamOf). */
  iinStream(iin: string): string;
  /** An IIN the store holds already (with --force-append): never given to a generated person. */
  iinTaken?(iin: string): boolean;
  /** Appends kept in flight: the store commits what is queued in one turn of the event loop in one transaction. */
  maxInFlight?: number;
  onProgress?(progress: { people: number; events: number }): void;
}

export interface GenerateSummary {
  organisations: number;
  regionalBranches: number;
  cityAndDistrictBranches: number;
  bodies: number;
  posts: number;
  tenures: number;
  people: number;
  officers: number;
  membersOnLastDay: number;
  lastDay: string;
  events: number;
}

/** Share of the people who may hold posts: with few members, posts stay vacant rather than every member leading. */
const OFFICER_SHARE = 0.3;

/**
 * A whole party history into the store: the structure and its officers first (a few thousand
 * streams, decided in date order with their states in memory), then the ordinary members one
 * by one, each life decided whole and then dropped.
 */
export async function generateParty(options: GenerateOptions): Promise<GenerateSummary> {
  const { store, seed, members } = options;
  const ids = new SyntheticIds(seed);
  const cap = Math.max(1, Math.floor(members * OFFICER_SHARE));
  const { plan, officers: cadre, steps } = planStory(seed, ids, cap);

  const writer = new EventWriter(store, `generate-seed-${seed}`, options.maxInFlight);
  const orgs = new OrganisationBook(writer, ids, HISTORY_TODAY);
  const world: PersonWorld = {
    writer,
    ids,
    today: HISTORY_TODAY,
    minAge: options.minAge,
    facts: (id) => orgs.facts(id),
    officerPeriods: (personId) => orgs.officerPeriods(personId),
    iinStream: options.iinStream,
    basis: (needs) => orgs.basis.contextFor(needs),
  };
  const iins = new IinAllocator(seed, options.iinTaken);
  const story = new StoryRunner(world, orgs, iins, seed);
  const progress = (people: number) => options.onProgress?.({ people, events: writer.events });
  for (const [index, step] of steps.entries()) {
    story.run(step, index);
    if (writer.full) await writer.drain();
  }
  let membersOnLastDay = story.officers.filter((o) => isMemberOnLastDay(o.state)).length;
  progress(cadre.length);

  const lives = new MemberLives(seed, cadre.length, new BranchDirectory(plan), options.minAge);
  for (let index = cadre.length; index < members; index++) {
    const state = recordMember(world, iins, index, ids.of('person', index), lives.life(index));
    if (isMemberOnLastDay(state)) membersOnLastDay += 1;
    if (writer.full) {
      await writer.drain();
      progress(index + 1);
    }
  }
  await writer.drain();
  progress(members);
  return {
    organisations: plan.all.length,
    regionalBranches: plan.regions.length,
    cityAndDistrictBranches: plan.branches.length,
    bodies: plan.bodies.length,
    posts: plan.posts.length,
    tenures: steps.filter((s) => s.kind === 'start-tenure').length,
    people: members,
    officers: cadre.length,
    membersOnLastDay,
    lastDay: HISTORY_LAST_DAY,
    events: writer.events,
  };
}
