import {
  decidePerson,
  type Basis,
  type BasisContext,
  type ContextNeeds,
  type Interval,
  type LocalDate,
  type MembershipEndReason,
  type OrganisationSummary,
  type PersonCommand,
  type PersonContextFor,
  type PersonEvent,
  type PersonState,
  personDecider,
  placementOrganisationIds,
  type RegisterPerson,
  personStream,
} from '@baytaq/domain';
import { DecidedStream } from './decided-stream';
import type { EventWriter } from './event-writer';
import type { SyntheticIds } from './synthetic-ids';

/** What a person's decisions need from outside their stream, as the app's handlers load it. */
export interface PersonWorld {
  writer: EventWriter;
  ids: SyntheticIds;
  today: LocalDate;
  minAge: number;
  /** `organisationSummary` of an organisation the generator established. */
  facts(organisationId: string): OrganisationSummary;
  /** `tenurePeriodsOf` over every organisation where the person holds posts. */
  officerPeriods(personId: string): Interval[];
  /** The IIN reservation stream `iin-<hmac>`, named as the app names it. */
  iinStream(iin: string): string;
  /** The cited meetings and the ancestry a decision's needs ask for (`BasisFacts`). */
  basis(needs: ContextNeeds): BasisContextFields;
}

type BasisContextFields = Pick<BasisContext, 'meetings' | 'ancestry'>;

/**
 * One person's stream, written through `decidePerson` with the contexts PersonWriteHandler
 * builds: the target's facts for an admission or a transfer, officer periods for an end or a
 * retraction, the IIN reserved once the registration is accepted.
 */
export class PersonRecorder {
  readonly stream: DecidedStream<PersonEvent, PersonState>;

  constructor(
    readonly personId: string,
    private readonly world: PersonWorld,
    private readonly causePrefix: string,
    /** Keep the events until `flush`: a life decided whole is appended at once. */
    batched = false,
  ) {
    this.stream = new DecidedStream(personStream(personId), personDecider, world.writer, world.ids, batched);
  }

  flush(): void {
    this.stream.flush();
  }

  register(details: Omit<RegisterPerson, 'type' | 'personId'>): void {
    const decision = decidePerson({ type: 'RegisterPerson', personId: this.personId, ...details }, this.state, {
      today: this.world.today,
    });
    if (decision.ok && details.iin !== undefined) {
      const event = { id: this.world.ids.next('event'), type: 'IinReserved', data: { personId: this.personId } };
      this.world.writer.appendRaw(this.world.iinStream(details.iin), -1, event);
    }
    this.record(decision, 'registration');
  }

  admit(organisationId: string, effectiveDate: LocalDate, extra: { cardNumber?: string; basis?: Basis } = {}): void {
    const context = {
      today: this.world.today,
      organisation: this.world.facts(organisationId),
      minAge: this.world.minAge,
    };
    this.record(this.decide({ type: 'AdmitMember', organisationId, effectiveDate, ...extra }, context), 'admission');
  }

  transfer(organisationId: string, effectiveDate: LocalDate): string {
    const context = { today: this.world.today, organisation: this.world.facts(organisationId) };
    return this.record(this.decide({ type: 'TransferMember', organisationId, effectiveDate }, context), 'transfer');
  }

  suspend(effectiveDate: LocalDate): string {
    return this.record(
      this.decide({ type: 'SuspendMembership', effectiveDate }, { today: this.world.today }),
      'suspension',
    );
  }

  reinstate(effectiveDate: LocalDate): void {
    this.record(
      this.decide({ type: 'ReinstateMembership', effectiveDate }, { today: this.world.today }),
      'reinstatement',
    );
  }

  terminate(effectiveDate: LocalDate, reason: MembershipEndReason, basis?: Basis): string {
    const command = { type: 'TerminateMembership' as const, effectiveDate, reason, ...(basis ? { basis } : {}) };
    const context = { today: this.world.today, officerPeriods: this.world.officerPeriods(this.personId) };
    return this.record(this.decide(command, context), 'termination');
  }

  /** A membership decision, with what the meetings its basis cites say (as PersonWriteHandler loads them). */
  private decide<C extends PersonCommand>(command: C, context: PersonContextFor<C['type']>) {
    const basis = this.world.basis(personDecider.needs(command, this.state));
    return decidePerson(command, this.state, { ...context, ...basis });
  }

  changeName(effectiveDate: LocalDate, name: RegisterPerson['name'], latinName: RegisterPerson['latinName']): void {
    const command = {
      type: 'ChangePersonDetails' as const,
      reason: 'changed' as const,
      effectiveDate,
      name,
      latinName,
    };
    this.record(decidePerson(command, this.state, { today: this.world.today }), 'change of name');
  }

  changeCitizenship(effectiveDate: LocalDate, citizenship: string): void {
    const command = { type: 'ChangePersonDetails' as const, reason: 'changed' as const, effectiveDate, citizenship };
    this.record(decidePerson(command, this.state, { today: this.world.today }), 'change of citizenship');
  }

  /** "Entered in error": `today` is the day the mistake was noticed, the retraction's own date. */
  retract(eventId: string, reason: string, today: LocalDate): void {
    const context = {
      today,
      officerPeriods: this.world.officerPeriods(this.personId),
      organisations: placementOrganisationIds(this.state).map((id) => this.world.facts(id)),
    };
    this.record(decidePerson({ type: 'RetractEvent', eventId, reason }, this.state, context), 'retraction', today);
  }

  get state(): PersonState {
    return this.stream.state;
  }

  /** Records the decision; returns the id of its first event. */
  private record(
    decision: Parameters<DecidedStream<PersonEvent, PersonState>['record']>[0],
    what: string,
    today = this.world.today,
  ): string {
    const cause = { causationId: `${this.causePrefix}:${what.replace(/ /g, '-')}`, today };
    return this.stream.record(decision, what, cause)[0]!;
  }
}
