import fc from 'fast-check';
import {
  type AncestryLink,
  addDays,
  type Basis,
  type ContextNeeds,
  contains,
  type Decision,
  type Envelope,
  foldStream,
  type LocalDate,
  makeIin,
  meetingDecider,
  type MeetingEvent,
  meetingHolderId,
  meetingSummary,
  type MeetingSummary,
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
/** Another branch of the party: its meetings decide nothing for BRANCH. */
const OTHER: OrganisationSummary = {
  organisationId: 'other-p',
  kind: 'regional_branch',
  kato: '100000000',
  lifetime: { from: '2020-01-01' },
};
const ANCESTRY: Record<string, AncestryLink[]> = {
  [PARTY.organisationId]: [{ organisationId: PARTY.organisationId, kind: 'party' }],
  [BRANCH]: [
    { organisationId: BRANCH, kind: 'regional_branch' },
    { organisationId: PARTY.organisationId, kind: 'party' },
  ],
  [OTHER.organisationId]: [
    { organisationId: OTHER.organisationId, kind: 'regional_branch' },
    { organisationId: PARTY.organisationId, kind: 'party' },
  ],
};
export const MEETING_HOLDERS = Object.keys(ANCESTRY);
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
/** Which recorded meeting a decision cites, if any (by pick), and the votes it gives. */
const cites = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.record({
      pick,
      votes: fc.option(
        fc.record({ for: fc.nat({ max: 60 }), against: fc.nat({ max: 40 }), abstained: fc.nat({ max: 20 }) }),
        { nil: undefined },
      ),
    }),
  },
);
type Cites = { pick: number; votes: Basis['votes'] | undefined } | undefined;

export type Step =
  | { kind: 'createPost'; post: string; seats: number | null; date: LocalDate; cites?: Cites }
  | { kind: 'abolishPost'; post: string; date: LocalDate }
  | {
      kind: 'startTenure';
      post: string;
      person: string;
      date: LocalDate;
      acting: boolean;
      length: number | null;
      cites?: Cites;
    }
  | { kind: 'endTenure'; pick: number; after: number; cites?: Cites }
  | { kind: 'admit'; person: string; date: LocalDate; toParty: boolean; length: number | null; cites?: Cites }
  | { kind: 'transfer'; person: string; date: LocalDate }
  | { kind: 'suspend' | 'reinstate'; person: string; date: LocalDate; cites?: Cites }
  | { kind: 'terminate'; pick: number; after: number; cites?: Cites }
  | { kind: 'retractOrg'; pick: number }
  | { kind: 'retractPerson'; person: string; pick: number }
  | { kind: 'dissolve'; date: LocalDate }
  | { kind: 'recordMeeting'; holder: string; date: LocalDate; attendance: number; quorum: number | null }
  | { kind: 'retractMeeting'; pick: number }
  | { kind: 'erase'; person: string; officer: boolean };

const createPost = fc.record({
  kind: fc.constant('createPost' as const),
  post,
  seats: fc.constantFrom<number | null>(1, 2, null),
  date: earlyDay,
  cites,
});
/** Meetings of the party, the branch or another branch, some inquorate, most with a known quorum. */
const recordMeeting = fc.record({
  kind: fc.constant('recordMeeting' as const),
  holder: fc.constantFrom(...MEETING_HOLDERS),
  // Mostly early and well attended, so that later decisions can rest on them.
  date: fc
    .oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 150 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 1200 }) },
    )
    .map((n) => addDays(EPOCH, n)),
  attendance: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 60, max: 150 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 60 }) },
  ),
  quorum: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
});
/** Mostly open-ended, sometimes already over when entered. */
const length = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 600 }) },
);
const admit = fc.record({
  kind: fc.constant('admit' as const),
  person,
  date: earlyDay,
  toParty: fc.boolean(),
  length,
  cites,
});
/** A history usually begins with posts, members and meetings, though in random order and dates. */
export const setup = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: createPost },
    { weight: 2, arbitrary: admit },
    { weight: 1, arbitrary: recordMeeting },
  ),
  { minLength: 3, maxLength: 12 },
);
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
      cites,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('endTenure' as const),
      pick,
      after: fc.integer({ min: 0, max: 500 }),
      cites,
    }),
  },
  { weight: 4, arbitrary: admit },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), person, date: day }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('suspend' as const, 'reinstate' as const),
      person,
      date: day,
      cites,
    }),
  },
  // A termination lands after a membership's start: on any day, for anyone, most would find no membership.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('terminate' as const),
      pick,
      after: fc.integer({ min: 0, max: 500 }),
      cites,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retractOrg' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retractPerson' as const), person, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dissolve' as const), date: lateDay }) },
  { weight: 1, arbitrary: recordMeeting },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retractMeeting' as const), pick }) },
);

/** An erasure of someone's personal data: histories with erasures mix these among the steps. */
export const eraseStep: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('erase' as const),
  person,
  // Mostly an officer: few people of a history hold a post, and their erasure is the one that keeps a name.
  officer: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

/** Distinct surnames, one per person (`App` with `personal`), that no other text of a history contains. */
export const SURNAMES: Record<string, string> = {
  p0: 'Стертов',
  p1: 'Забытов',
  p2: 'Удалов',
  p3: 'Скрытов',
  p4: 'Тайнов',
  p5: 'Безымянов',
};

/** The personal data of each person when the app records it all (`personal`): IIN, contacts, card numbers. */
export const personalOf = (id: string) => ({
  iin: makeIin(BIRTH[id]!, 'male', 100 + PEOPLE.indexOf(id)),
  birthDate: BIRTH[id]!,
  contacts: { phone: `+7 701 555 0${PEOPLE.indexOf(id)}0${PEOPLE.indexOf(id)}` },
});

/** The app, reduced to its loop: load streams, assemble contexts, decide, append. */
export class App {
  private seq = 0;
  org: Envelope<OrganisationEvent>[] = [];
  people: Record<string, Envelope<PersonEvent>[]> = {};
  /** Meeting streams by meeting id, in the order recorded. */
  meetings: Record<string, Envelope<MeetingEvent>[]> = {};
  accepted: Record<string, number> = {};
  refused: Record<string, number> = {};

  /**
   * `personal`: every person gets a surname of their own (`SURNAMES`), an IIN and contacts, and
   * every admission a card number, so that what an erasure must remove can be looked for.
   */
  constructor(private readonly options: { personal?: boolean } = {}) {
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
          name: { surname: options.personal ? SURNAMES[id]! : 'Тестов', given: 'Тест' },
          citizenship,
          personal: options.personal ? personalOf(id) : { birthDate: BIRTH[id] },
          effectiveDate: EPOCH,
        },
      };
      this.append(this.people[id], [registered]);
    }
  }

  /** Every event in the order the app appended it, with its stream: what a store's log would hold. */
  log: Array<{
    stream: string;
    batch: number;
    eventId: string;
    event: OrganisationEvent | PersonEvent | MeetingEvent;
  }> = [];
  private batches = 0;

  private append<E extends OrganisationEvent | PersonEvent | MeetingEvent>(stream: Envelope<E>[], events: E[]) {
    const meetingId = Object.keys(this.meetings).find((id) => this.meetings[id] === (stream as unknown));
    const name =
      stream === (this.org as unknown)
        ? `organisation-${BRANCH}`
        : meetingId !== undefined
          ? `meeting-${meetingId}`
          : `person-${this.personOf(stream)}`;
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
  meetingState = (id: string) => foldStream(meetingDecider, this.meetings[id] ?? []);
  personState = (id: string) => foldStream(personDecider, this.people[id] ?? []);
  private dependants = () => ({
    children: [],
    memberPeriods: PEOPLE.flatMap((id) => membershipPeriodsIn(this.personState(id), BRANCH)),
  });
  private facts = (id: string) =>
    id === BRANCH ? organisationSummary(this.orgState()) : id === OTHER.organisationId ? OTHER : PARTY;

  /** The `meetings` and `ancestry` the needs ask for, as the ContextLoader fills them. */
  private basisContext(needs: ContextNeeds) {
    const out: { meetings?: Record<string, MeetingSummary>; ancestry?: AncestryLink[] } = {};
    if (needs['meetings']?.load === 'meetings') {
      out.meetings = {};
      for (const id of needs['meetings'].meetingIds) {
        const state = this.meetingState(id);
        const holder = meetingHolderId(state);
        const summary = holder === null ? null : meetingSummary(state, ANCESTRY[holder] ?? []);
        if (summary) out.meetings[id] = summary;
      }
    }
    if (needs['ancestry']?.load === 'ancestry') out.ancestry = ANCESTRY[needs['ancestry'].organisationId ?? ''] ?? [];
    return out;
  }

  /** Every live event of the registry's streams that cites the meeting, found by brute force. */
  liveDecisionsCiting(meetingId: string) {
    const streams = [
      { name: `organisation-${BRANCH}`, envelopes: this.org as Envelope<OrganisationEvent | PersonEvent>[] },
      ...PEOPLE.map((id) => ({ name: `person-${id}`, envelopes: this.people[id] ?? [] })),
    ];
    return streams.flatMap(({ name, envelopes }) => {
      const retracted = new Set(
        envelopes.flatMap((e) => (e.event.type === 'EventRetracted' ? [e.event.data.eventId] : [])),
      );
      return envelopes
        .filter((e) => !retracted.has(e.eventId))
        .filter((e) => (e.event.data as { basis?: Basis }).basis?.meetingId === meetingId)
        .map((e) => ({ stream: name, eventId: e.eventId, type: e.event.type }));
    });
  }

  /** A recorded meeting's basis for a decision, when the step cites one. */
  private basis(cites: Cites): { basis?: Basis } {
    const ids = Object.keys(this.meetings);
    if (!cites || ids.length === 0) return {};
    const meetingId = ids[cites.pick % ids.length]!;
    return { basis: cites.votes ? { meetingId, votes: cites.votes } : { meetingId } };
  }

  private record<E extends OrganisationEvent | PersonEvent | MeetingEvent>(
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
    if (decision.events.some((e) => (e.data as { basis?: Basis }).basis?.meetingId !== undefined))
      this.accepted['citingAMeeting'] = (this.accepted['citingAMeeting'] ?? 0) + 1;
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
    const context = {
      today: TODAY,
      dependants: this.dependants(),
      holder,
      ...this.basisContext(organisationDecider.needs(command, state)),
    };
    return this.record(command.type, organisationDecider.decide(command, state, context), this.org);
  }

  decidePerson(id: string, command: PersonCommand): boolean {
    const organisationId = 'organisationId' in command ? command.organisationId : undefined;
    const context = {
      today: TODAY,
      organisation: organisationId === undefined ? undefined : this.facts(organisationId),
      officerPeriods: tenurePeriodsOf(this.orgState(), id),
      organisations: placementOrganisationIds(this.personState(id)).flatMap((o) => this.facts(o) ?? []),
      ...this.basisContext(personDecider.needs(command, this.personState(id))),
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
          ...this.basis(s.cites),
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
          ...this.basis(s.cites),
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
            ...this.basis(s.cites),
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
          ...(this.options.personal ? { cardNumber: `КБ-${s.person}-${this.seq}` } : {}),
          ...(end ? { end } : {}),
          ...this.basis(s.cites),
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
        this.decidePerson(s.person, { type: 'SuspendMembership', effectiveDate: s.date, ...this.basis(s.cites) });
        return;
      case 'reinstate':
        this.decidePerson(s.person, { type: 'ReinstateMembership', effectiveDate: s.date, ...this.basis(s.cites) });
        return;
      case 'terminate': {
        const memberships = PEOPLE.flatMap((id) => this.personState(id).memberships.map((m) => ({ id, m })));
        const picked = memberships[s.pick % Math.max(memberships.length, 1)];
        if (!picked) return;
        const effectiveDate = addDays(picked.m.period.from, s.after);
        const command = { type: 'TerminateMembership' as const, effectiveDate, reason: 'resigned' as const };
        this.decidePerson(picked.id, { ...command, ...this.basis(s.cites) });
        return;
      }
      case 'recordMeeting': {
        const meetingId = `m${Object.keys(this.meetings).length}`;
        const stream: Envelope<MeetingEvent>[] = [];
        const command = {
          type: 'RecordMeeting' as const,
          meetingId,
          organisationId: s.holder,
          kind: 'general_meeting' as const,
          date: s.date,
          place: 'Синтетик',
          attendance: s.attendance,
          agenda: [],
          ...(s.quorum === null ? {} : { quorum: s.quorum }),
        };
        const decision = meetingDecider.decide(command, foldStream(meetingDecider, []), {
          today: TODAY,
          organisation: this.facts(s.holder),
        });
        if (decision.ok) this.meetings[meetingId] = stream;
        this.record('RecordMeeting', decision, stream);
        return;
      }
      case 'retractMeeting': {
        const ids = Object.keys(this.meetings);
        const meetingId = ids[s.pick % Math.max(ids.length, 1)];
        const target = meetingId === undefined ? undefined : this.meetings[meetingId]?.[0];
        if (!meetingId || !target) return;
        const command = { type: 'RetractEvent' as const, eventId: target.eventId, reason: 'test' };
        const context = { today: TODAY, decisions: this.liveDecisionsCiting(meetingId) };
        const decision = meetingDecider.decide(command, this.meetingState(meetingId), context);
        this.record('RetractMeeting', decision, this.meetings[meetingId] ?? []);
        return;
      }
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
      case 'erase': {
        // `officer`: the first from `person` on who has held a post, if anyone has.
        const from = PEOPLE.indexOf(s.person);
        const order = [...PEOPLE.slice(from), ...PEOPLE.slice(0, from)];
        const held = (id: string) => tenurePeriodsOf(this.orgState(), id).length > 0;
        const id = (s.officer && order.find(held)) || s.person;
        this.decidePerson(id, { type: 'ErasePersonalData', reason: 'withdrawn consent', legalBasis: 'test' });
        return;
      }
      default: {
        const _exhaustive: never = s;
        return _exhaustive;
      }
    }
  }
}
