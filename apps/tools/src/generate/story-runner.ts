import { membershipPeriods } from '@baytaq/domain';
import type { Cause } from './event-writer';
import { MeetingRecorder } from './meeting-recorder';
import type { OrganisationBook } from './organisation-book';
import { PersonRecorder, type PersonWorld } from './person-recorder';
import { basisOf, type CadrePlan, type MeetingPlan, type SegmentPlan } from './plan-types';
import { SeededRandom } from './seeded-random';
import type { StoryStep } from './story-steps';
import type { IinAllocator } from './synthetic-iins';
import { syntheticPerson } from './synthetic-person';

/**
 * Records the story's steps in order, each through its decider, with contexts built from what
 * was recorded before it: the officers' person streams and the organisation streams stay in
 * memory (a few thousand), so every rule that spans streams is checked as the app checks it.
 */
/**
 * A founding rests on the meeting that decided it; the party's on its founding congress, which
 * cannot be a meeting of a party that does not exist yet: a document, as DOMAIN.md says.
 */
function foundingBasis(meeting: MeetingPlan, isParty: boolean) {
  return isParty ? { document: `Founding congress of the party, ${meeting.date}` } : basisOf({ meeting });
}

export class StoryRunner {
  private readonly people = new Map<CadrePlan, PersonRecorder>();
  private readonly peopleById = new Map<string, PersonRecorder>();
  private readonly tenureIds = new Map<SegmentPlan, string>();
  private readonly mistakenEnds = new Map<SegmentPlan, string>();
  private readonly meetings: MeetingRecorder;

  constructor(
    private readonly world: PersonWorld,
    private readonly orgs: OrganisationBook,
    private readonly iins: IinAllocator,
    private readonly seed: number,
  ) {
    this.meetings = new MeetingRecorder(world.writer, world.ids, orgs, world.today);
  }

  /** The officers' person streams, once the story is recorded. */
  get officers(): PersonRecorder[] {
    return [...this.people.values()];
  }

  /** `index` numbers the step in the story: the causation id of what it writes. */
  run(step: StoryStep, index: number): void {
    const cause: Cause = { causationId: `story-${index}:${step.kind}`, today: this.world.today };
    switch (step.kind) {
      case 'establish': {
        const { org } = step;
        const { id: organisationId, kind, parent, name, bodyType, kato, established } = org;
        const command = {
          type: 'EstablishOrganisation' as const,
          organisationId,
          kind,
          name,
          effectiveDate: established,
          ...(parent ? { parentId: parent.id } : {}),
          ...(bodyType ? { bodyType } : {}),
          ...(kato ? { kato } : {}),
          ...(org.foundingMeeting ? { basis: foundingBasis(org.foundingMeeting, !parent) } : {}),
        };
        return this.orgs.establish(command, cause);
      }
      case 'register-organisation': {
        const registration = step.org.registration!;
        const { date: effectiveDate, ...rest } = registration;
        this.orgs.decide(step.org.id, { type: 'RegisterOrganisation', effectiveDate, ...rest }, cause);
        return;
      }
      case 'rename': {
        const { date: effectiveDate, name } = step.org.renaming!;
        this.orgs.decide(step.org.id, { type: 'RenameOrganisation', name, effectiveDate }, cause);
        return;
      }
      case 'create-post': {
        const { post } = step;
        const basis = basisOf(post.org.foundingMeeting && { meeting: post.org.foundingMeeting });
        const command = { type: 'CreatePost' as const, postId: post.id, title: post.title, role: post.role };
        this.orgs.decide(
          post.org.id,
          { ...command, seats: post.seats, effectiveDate: post.created, ...(basis ? { basis } : {}) },
          cause,
        );
        return;
      }
      case 'meeting':
        return this.meetings.record(step.meeting, cause);
      case 'duplicate-meeting':
        return this.meetings.recordCopy(step.meeting, cause);
      case 'retract-duplicate-meeting':
        return this.meetings.retractCopy(step.meeting, step.date, cause);
      case 'join':
        return this.join(step.person);
      case 'transfer':
        this.person(step.person).transfer(step.person.transfer!.to.id, step.date);
        return;
      case 'suspend':
        this.person(step.person).suspend(step.date);
        return;
      case 'reinstate':
        return this.person(step.person).reinstate(step.date);
      case 'leave': {
        const { reason, basis } = step.person.leaves!;
        const recorder = this.person(step.person);
        recorder.terminate(step.date, reason, basisOf(basis));
        return this.orgs.endTenuresOf(recorder.personId, step.date, cause);
      }
      case 'start-tenure':
        return this.startTenure(step.segment, cause);
      case 'end-tenure': {
        const { segment } = step;
        const basis = basisOf(segment.endBasis);
        const command = {
          type: 'EndTenure' as const,
          tenureId: this.tenureIds.get(segment)!,
          effectiveDate: step.date,
        };
        this.orgs.decide(
          segment.post.org.id,
          { ...command, reason: segment.endReason!, ...(basis ? { basis } : {}) },
          cause,
        );
        return;
      }
      case 'mistaken-end': {
        const { segment } = step;
        const mistake = segment.mistakenEnd!;
        const command = {
          type: 'EndTenure' as const,
          tenureId: this.tenureIds.get(segment)!,
          effectiveDate: step.date,
        };
        const basis = { document: 'Minutes of another body, filed under this post by mistake' };
        const [eventId] = this.orgs.decide(segment.post.org.id, { ...command, reason: mistake.reason, basis }, cause);
        this.mistakenEnds.set(segment, eventId!);
        return;
      }
      case 'retract-end': {
        const { segment } = step;
        const reason = 'Entered in error: the minutes concerned another body; the tenure did not end';
        const holderOf = (personId: string) => membershipPeriods(this.peopleById.get(personId)!.state);
        this.orgs.retract(segment.post.org.id, this.mistakenEnds.get(segment)!, reason, holderOf, {
          ...cause,
          today: step.date,
        });
        return;
      }
    }
  }

  private join(person: CadrePlan): void {
    const rng = SeededRandom.for(this.seed, 'officer', person.index);
    const age = Math.max(this.world.minAge, person.birthYearsBeforeAdmission);
    const { sex, name, latinName, birthDate } = syntheticPerson(rng, person.admitted, age);
    const recorder = new PersonRecorder(
      this.world.ids.of('person', person.index),
      this.world,
      `generated-person-${person.index}`,
    );
    this.people.set(person, recorder);
    this.peopleById.set(recorder.personId, recorder);
    recorder.register({
      name,
      latinName,
      iin: this.iins.allocate(birthDate, sex),
      citizenship: 'KZ',
      effectiveDate: person.admitted,
    });
    recorder.admit(person.home.id, person.admitted, { cardNumber: `SYN-${String(person.index + 1).padStart(7, '0')}` });
  }

  private startTenure(segment: SegmentPlan, cause: Cause): void {
    const holder = this.person(segment.holder!);
    const tenureId = this.world.ids.next('tenure');
    this.tenureIds.set(segment, tenureId);
    const basis = basisOf(segment.startBasis);
    const command = {
      type: 'StartTenure' as const,
      postId: segment.post.id,
      tenureId,
      personId: holder.personId,
      method: segment.method,
      effectiveDate: segment.from,
      ...(basis ? { basis } : {}),
    };
    this.orgs.startTenure(segment.post.org.id, command, membershipPeriods(holder.state), cause);
  }

  private person(plan: CadrePlan): PersonRecorder {
    const recorder = this.people.get(plan);
    if (!recorder) throw new Error(`officer ${plan.index} has not joined yet`);
    return recorder;
  }
}
