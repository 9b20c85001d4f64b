import {
  decideOrganisation,
  organisationDecider,
  organisationSummary,
  retractionNeeds,
  tenurePeriodsOf,
  tenuresEndedByMembership,
  type EstablishOrganisation,
  type Interval,
  type LocalDate,
  type MembershipPeriods,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationSummary,
  type OrganisationState,
  type StartTenure,
  organisationStream,
} from '@baytaq/domain';
import { BasisFacts } from './basis-facts';
import { DecidedStream } from './decided-stream';
import type { Cause, EventWriter } from './event-writer';
import type { SyntheticIds } from './synthetic-ids';

type OrgStream = DecidedStream<OrganisationEvent, OrganisationState>;
type PlainCommand = Exclude<
  OrganisationCommand,
  EstablishOrganisation | StartTenure | { type: 'DissolveOrganisation' | 'RetractEvent' }
>;

/**
 * The organisation streams, written through `decideOrganisation` with the contexts
 * OrganisationWriteHandler builds, and the index of who holds posts where (RelationsIndex).
 */
export class OrganisationBook {
  private readonly streams = new Map<string, OrgStream>();
  private readonly tenureOrganisations = new Map<string, Set<string>>();
  /** The meetings and ancestries that decisions citing a meeting are checked against. */
  readonly basis = new BasisFacts((id) => this.streams.get(id)?.state);

  constructor(
    private readonly writer: EventWriter,
    private readonly ids: SyntheticIds,
    private readonly today: LocalDate,
  ) {}

  establish(command: EstablishOrganisation, cause: Cause): void {
    const parent = command.parentId === undefined ? null : this.facts(command.parentId);
    const stream = new DecidedStream(
      organisationStream(command.organisationId),
      organisationDecider,
      this.writer,
      this.ids,
    );
    this.streams.set(command.organisationId, stream);
    const context = { today: this.today, parent, ...this.basisOf(command, stream.state) };
    stream.record(decideOrganisation(command, stream.state, context), command.type, cause);
  }

  /** Registrations, renamings, posts and tenure ends: no context beyond today. */
  decide(organisationId: string, command: PlainCommand, cause: Cause): string[] {
    const stream = this.stream(organisationId);
    const context = { today: this.today, ...this.basisOf(command, stream.state) };
    return stream.record(decideOrganisation(command, stream.state, context), command.type, cause);
  }

  startTenure(organisationId: string, command: StartTenure, holder: MembershipPeriods | null, cause: Cause): void {
    const stream = this.stream(organisationId);
    const context = { today: this.today, holder, ...this.basisOf(command, stream.state) };
    stream.record(decideOrganisation(command, stream.state, context), command.type, cause);
    const orgs = this.tenureOrganisations.get(command.personId) ?? new Set<string>();
    this.tenureOrganisations.set(command.personId, orgs.add(organisationId));
  }

  /** Retracts an event of the stream; the end of a tenure needs its holder's membership. */
  retract(
    organisationId: string,
    eventId: string,
    reason: string,
    holderOf: (personId: string) => MembershipPeriods | null,
    cause: Cause,
  ): void {
    const stream = this.stream(organisationId);
    const needs = retractionNeeds(stream.state, eventId);
    if (needs.dependants) throw new Error('the generator retracts no establishment');
    const context = { today: cause.today, ...(needs.holderPersonId ? { holder: holderOf(needs.holderPersonId) } : {}) };
    stream.record(
      decideOrganisation({ type: 'RetractEvent', eventId, reason }, stream.state, context),
      'RetractEvent',
      cause,
    );
  }

  /**
   * As the process officers-stay-members does after a TerminateMembership: the person's running
   * tenures end with it, with no basis of their own (the meeting that expelled a member of a city
   * branch decides nothing for the posts they held elsewhere).
   */
  endTenuresOf(personId: string, date: LocalDate, cause: Cause): void {
    for (const organisationId of this.tenureOrganisations.get(personId) ?? []) {
      for (const end of tenuresEndedByMembership(this.stream(organisationId).state, personId, date)) {
        this.decide(organisationId, end, { ...cause, causationId: `${cause.causationId}/membership-ended` });
      }
    }
  }

  private basisOf(command: OrganisationCommand, state: OrganisationState) {
    return this.basis.contextFor(organisationDecider.needs(command, state));
  }

  officerPeriods(personId: string): Interval[] {
    return [...(this.tenureOrganisations.get(personId) ?? [])].flatMap((id) =>
      tenurePeriodsOf(this.stream(id).state, personId),
    );
  }

  facts(organisationId: string): OrganisationSummary {
    const facts = organisationSummary(this.stream(organisationId).state);
    if (!facts) throw new Error(`organisation ${organisationId} is not established`);
    return facts;
  }

  state(organisationId: string): OrganisationState {
    return this.stream(organisationId).state;
  }

  private stream(organisationId: string): OrgStream {
    const stream = this.streams.get(organisationId);
    if (!stream) throw new Error(`organisation ${organisationId} is not established`);
    return stream;
  }
}
