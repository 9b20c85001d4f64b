import fc from 'fast-check';
import {
  addDays,
  contains,
  type Decision,
  type Envelope,
  foldStream,
  type LocalDate,
  membershipPeriods,
  membershipPeriodsIn,
  type OrganisationCommand,
  organisationDecider,
  type OrganisationEvent,
  type OrganisationSummary,
  organisationSummary,
  type PersonCommand,
  personDecider,
  type PersonEvent,
  placementOrganisationIds,
  retractionNeeds,
  tenurePeriodsOf,
  tenuresEndedByMembership,
} from '../../libs/domain/src';

/**
 * Random histories on one branch and a few people, entered in random order with backdating,
 * through a small app loop that assembles contexts the way the real app does. Whatever the
 * deciders accept, the resulting timelines must satisfy the registry's rules on every day.
 */
export const EPOCH = '2021-01-01';
export const TODAY = '2023-12-31';
export const HORIZON = '2024-06-01';
export const BRANCH = 'branch-p';
const PARTY: OrganisationSummary = { organisationId: 'party-p', kind: 'party', lifetime: { from: '2020-01-01' } };
export const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
// p2 turns 18 on 2022-06-01; p5 is not a citizen.
const BIRTH: Record<string, LocalDate> = {
  p0: '1970-01-01',
  p1: '1985-05-05',
  p2: '2004-06-01',
  p3: '1990-02-28',
  p4: '1999-12-31',
  p5: '1980-01-01',
};
export const POSTS = ['chair', 'council', 'deputy'];

const day = fc.integer({ min: 0, max: 1200 }).map((n) => addDays(EPOCH, n));
// Admissions and posts cluster early, so that later entries have something to build on.
const earlyDay = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 300 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 1200 }) },
  )
  .map((n) => addDays(EPOCH, n));
const lateDay = fc.integer({ min: 1000, max: 1200 }).map((n) => addDays(EPOCH, n));
const person = fc.constantFrom(...PEOPLE);
const post = fc.constantFrom(...POSTS);
const pick = fc.nat({ max: 1000 });

export type Step =
  | { kind: 'createPost'; post: string; seats: number | null; date: LocalDate }
  | { kind: 'abolishPost'; post: string; date: LocalDate }
  | { kind: 'startTenure'; post: string; person: string; date: LocalDate; acting: boolean; length: number | null }
  | { kind: 'endTenure'; pick: number; after: number }
  | { kind: 'admit'; person: string; date: LocalDate; toParty: boolean; length: number | null }
  | { kind: 'transfer'; person: string; date: LocalDate }
  | { kind: 'suspend' | 'reinstate' | 'terminate'; person: string; date: LocalDate }
  | { kind: 'retractOrg'; pick: number }
  | { kind: 'retractPerson'; person: string; pick: number }
  | { kind: 'dissolve'; date: LocalDate };

const createPost = fc.record({
  kind: fc.constant('createPost' as const),
  post,
  seats: fc.constantFrom<number | null>(1, 2, null),
  date: earlyDay,
});
/** Mostly open-ended, sometimes already over when entered. */
const length = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 600 }) },
);
const admit = fc.record({ kind: fc.constant('admit' as const), person, date: earlyDay, toParty: fc.boolean(), length });
/** A history usually begins with posts and members, though in random order and dates. */
export const setup = fc.array(fc.oneof(createPost, admit), { minLength: 3, maxLength: 10 });
export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: createPost },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('abolishPost' as const), post, date: day }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('startTenure' as const),
      post,
      person,
      date: day,
      acting: fc.boolean(),
      length,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('endTenure' as const), pick, after: fc.integer({ min: 0, max: 500 }) }),
  },
  { weight: 4, arbitrary: admit },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), person, date: day }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('suspend' as const, 'reinstate' as const, 'terminate' as const),
      person,
      date: day,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retractOrg' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retractPerson' as const), person, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dissolve' as const), date: lateDay }) },
);

/** The app, reduced to its loop: load streams, assemble contexts, decide, append. */
export class App {
  private seq = 0;
  org: Envelope<OrganisationEvent>[] = [];
  people: Record<string, Envelope<PersonEvent>[]> = {};
  accepted: Record<string, number> = {};
  refused: Record<string, number> = {};

  constructor() {
    this.append(this.org, [
      {
        type: 'OrganisationEstablished',
        data: {
          organisationId: BRANCH,
          kind: 'regional_branch',
          parentId: PARTY.organisationId,
          name: { ru: 'Филиал' },
          kato: '350000000',
          effectiveDate: EPOCH,
        },
      },
    ]);
    for (const id of PEOPLE) {
      this.people[id] = [];
      const citizenship = id === 'p5' ? 'RU' : 'KZ';
      const registered: PersonEvent = {
        type: 'PersonRegistered',
        data: {
          personId: id,
          name: { surname: 'Тестов', given: 'Тест' },
          citizenship,
          personal: { birthDate: BIRTH[id] },
          effectiveDate: EPOCH,
        },
      };
      this.append(this.people[id], [registered]);
    }
  }

  /** Every event in the order the app appended it, with its stream: what a store's log would hold. */
  log: Array<{ stream: string; batch: number; eventId: string; event: OrganisationEvent | PersonEvent }> = [];
  private batches = 0;

  private append<E extends OrganisationEvent | PersonEvent>(stream: Envelope<E>[], events: E[]) {
    const name = stream === (this.org as unknown) ? `organisation-${BRANCH}` : `person-${this.personOf(stream)}`;
    // The events of one decision are one append: they are recorded at the same moment.
    const batch = ++this.batches;
    for (const event of events) {
      const envelope = { eventId: `ev${++this.seq}`, event };
      stream.push(envelope);
      this.log.push({ stream: name, batch, ...envelope });
    }
  }

  private personOf(stream: unknown): string {
    return Object.keys(this.people).find((id) => this.people[id] === stream) ?? 'unknown';
  }

  orgState = () => foldStream(organisationDecider, this.org);
  personState = (id: string) => foldStream(personDecider, this.people[id] ?? []);
  private dependants = () => ({
    children: [],
    memberPeriods: PEOPLE.flatMap((id) => membershipPeriodsIn(this.personState(id), BRANCH)),
  });
  private facts = (id: string) => (id === BRANCH ? organisationSummary(this.orgState()) : PARTY);

  private record<E extends OrganisationEvent | PersonEvent>(
    name: string,
    decision: Decision<E>,
    stream: Envelope<E>[],
  ): boolean {
    if (!decision.ok) {
      const key = `${name}:${decision.error.code}`;
      this.refused[key] = (this.refused[key] ?? 0) + 1;
      return false;
    }
    this.accepted[name] = (this.accepted[name] ?? 0) + 1;
    this.append(stream, decision.events);
    return true;
  }

  decideOrg(command: OrganisationCommand): boolean {
    const state = this.orgState();
    let holder = null;
    if (command.type === 'StartTenure') holder = membershipPeriods(this.personState(command.personId));
    if (command.type === 'RetractEvent') {
      const personId = retractionNeeds(state, command.eventId).holderPersonId;
      holder = personId ? membershipPeriods(this.personState(personId)) : null;
    }
    const context = { today: TODAY, dependants: this.dependants(), holder };
    return this.record(command.type, organisationDecider.decide(command, state, context), this.org);
  }

  decidePerson(id: string, command: PersonCommand): boolean {
    const organisationId = 'organisationId' in command ? command.organisationId : undefined;
    const context = {
      today: TODAY,
      organisation: organisationId === undefined ? undefined : this.facts(organisationId),
      officerPeriods: tenurePeriodsOf(this.orgState(), id),
      organisations: placementOrganisationIds(this.personState(id)).flatMap((o) => this.facts(o) ?? []),
    };
    const accepted = this.record(
      command.type,
      personDecider.decide(command, this.personState(id), context),
      this.people[id] ?? [],
    );
    if (accepted && command.type === 'TerminateMembership') {
      for (const end of tenuresEndedByMembership(this.orgState(), id, command.effectiveDate)) {
        if (!this.decideOrg(end))
          throw new Error(`The app could not end tenure ${end.tenureId} after a membership ended`);
      }
    }
    return accepted;
  }

  run(s: Step): void {
    switch (s.kind) {
      case 'createPost':
        this.decideOrg({
          type: 'CreatePost',
          postId: s.post,
          title: { ru: s.post },
          role: 'member',
          seats: s.seats,
          effectiveDate: s.date,
        });
        return;
      case 'abolishPost':
        this.decideOrg({ type: 'AbolishPost', postId: s.post, effectiveDate: s.date });
        return;
      case 'startTenure': {
        const end =
          s.length === null ? undefined : { effectiveDate: addDays(s.date, s.length), reason: 'term_expired' as const };
        this.decideOrg({
          type: 'StartTenure',
          postId: s.post,
          tenureId: `t${this.seq}`,
          personId: s.person,
          method: s.acting ? 'acting' : 'elected',
          effectiveDate: s.date,
          ...(end ? { end } : {}),
        });
        return;
      }
      case 'endTenure': {
        const tenures = Object.values(this.orgState().tenures);
        const tenure = tenures[s.pick % Math.max(tenures.length, 1)];
        if (tenure)
          this.decideOrg({
            type: 'EndTenure',
            tenureId: tenure.id,
            effectiveDate: addDays(tenure.period.from, s.after),
            reason: 'resigned',
          });
        return;
      }
      case 'admit': {
        const end =
          s.length === null ? undefined : { effectiveDate: addDays(s.date, s.length), reason: 'resigned' as const };
        this.decidePerson(s.person, {
          type: 'AdmitMember',
          organisationId: s.toParty ? PARTY.organisationId : BRANCH,
          effectiveDate: s.date,
          ...(end ? { end } : {}),
        });
        return;
      }
      case 'transfer': {
        const current = this.personState(s.person)
          .memberships.flatMap((m) => m.placements)
          .find((p) => contains(p.period, s.date));
        const target = current?.organisationId === BRANCH ? PARTY.organisationId : BRANCH;
        this.decidePerson(s.person, { type: 'TransferMember', organisationId: target, effectiveDate: s.date });
        return;
      }
      case 'suspend':
        this.decidePerson(s.person, { type: 'SuspendMembership', effectiveDate: s.date });
        return;
      case 'reinstate':
        this.decidePerson(s.person, { type: 'ReinstateMembership', effectiveDate: s.date });
        return;
      case 'terminate':
        this.decidePerson(s.person, { type: 'TerminateMembership', effectiveDate: s.date, reason: 'resigned' });
        return;
      case 'retractOrg': {
        // Never the establishment: retracting it is tested elsewhere, and here it would end the run's interest.
        const target = this.org[1 + (s.pick % Math.max(this.org.length - 1, 1))];
        if (target) this.decideOrg({ type: 'RetractEvent', eventId: target.eventId, reason: 'test' });
        return;
      }
      case 'retractPerson': {
        // Never the registration, for the same reason as the establishment.
        const stream = this.people[s.person] ?? [];
        const target = stream[1 + (s.pick % Math.max(stream.length - 1, 1))];
        if (target) this.decidePerson(s.person, { type: 'RetractEvent', eventId: target.eventId, reason: 'test' });
        return;
      }
      case 'dissolve':
        this.decideOrg({ type: 'DissolveOrganisation', reason: 'decision', effectiveDate: s.date });
        return;
      default: {
        const _exhaustive: never = s;
        return _exhaustive;
      }
    }
  }
}
