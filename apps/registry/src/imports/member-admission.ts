import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  initialPersonState,
  membershipOn,
  personDecider,
  type AdmitMember,
  type DomainError,
  type OrganisationFacts,
  type PersonState,
  type RegisterPerson,
} from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { CommandRunner } from '../commands/command-runner';
import { nameBasedUuid } from '../commands/deterministic-id';
import { DomainProblem } from '../commands/domain-problem';
import { personStream } from '../commands/relations.index';
import type { WriteContext } from '../commands/write-context';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { IinReservations } from '../people/iin-reservation.service';
import { PersonWrite } from '../people/person.handlers';
import type { RowRejection } from './import.events';
import { rejectionOf, type MemberRow } from './member-row';

export type RowOutcome =
  { kind: 'admitted' | 'present' | 'would_admit' } | { kind: 'rejected'; rejection: RowRejection };

const rejected = (error: Pick<DomainError, 'code' | 'message' | 'details'>): RowOutcome => ({
  kind: 'rejected',
  rejection: rejectionOf(error),
});

/** Already a member of that branch on the row's date, or admitted to it on that very day: nothing to do. */
function isPresent(state: PersonState, row: MemberRow): boolean {
  if (membershipOn(state, row.admissionDate)?.organisationId === row.organisationId) return true;
  return state.memberships.some((m) =>
    m.placements.some((p) => p.organisationId === row.organisationId && p.period.from === row.admissionDate),
  );
}

/** What one row asks of the registry, stated once for the dry decision and the real one. */
export interface RowCommands {
  personId: string;
  state: PersonState;
  register?: RegisterPerson;
  admit: AdmitMember;
}

/**
 * One row through the same rules and handlers as the API: the person an IIN names is the one
 * already registered with it (the IIN reservation says who), else a new one whose id derives
 * from the IIN's reservation stream, so a second run of the file finds the same person. The
 * deciders judge the row first without writing (that is the whole of a dry run, and it keeps a
 * row that would be refused admission from leaving a registered person behind); then
 * RegisterPerson and AdmitMember go through the command bus like any API request.
 */
@Injectable()
export class MemberAdmission {
  constructor(
    private readonly bus: CommandBus,
    private readonly runner: CommandRunner,
    private readonly iins: IinReservations,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async admit(row: MemberRow, basis: string, facts: OrganisationFacts | null, write: WriteContext, dryRun: boolean) {
    return this.attempt(row, basis, facts, write, dryRun, true);
  }

  private async attempt(
    row: MemberRow,
    basis: string,
    facts: OrganisationFacts | null,
    write: WriteContext,
    dryRun: boolean,
    mayRetry: boolean,
  ): Promise<RowOutcome> {
    const commands = await this.commandsFor(row, basis);
    if (commands.state.profile && isPresent(commands.state, row)) return { kind: 'present' };
    const refusal = this.decideWithoutWriting(commands, facts, write.today);
    if (refusal) return rejected(refusal);
    if (dryRun) return { kind: 'would_admit' };
    const { personId, register, admit } = commands;
    try {
      if (register) await this.bus.execute(new PersonWrite(personId, register, write));
    } catch (error) {
      // Someone registered the IIN since we looked: the row belongs to that person now.
      if (mayRetry && codeOf(error) === 'iin.taken') return this.attempt(row, basis, facts, write, dryRun, false);
      // The same file running twice at once registered this very person first: admit it all the same.
      if (codeOf(error) !== 'person.already_registered') return refused(error);
    }
    try {
      await this.bus.execute(new PersonWrite(personId, admit, write));
      return { kind: 'admitted' };
    } catch (error) {
      if (codeOf(error) === 'membership.already_member' && (await this.presentNow(personId, row))) {
        return { kind: 'present' };
      }
      return refused(error);
    }
  }

  private async commandsFor(row: MemberRow, basis: string): Promise<RowCommands> {
    const stream = this.iins.streamOf(row.iin);
    const [reservation] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const holder = reservation ? String(reservation.data['personId']) : undefined;
    const admit: AdmitMember = {
      type: 'AdmitMember',
      organisationId: row.organisationId,
      effectiveDate: row.admissionDate,
      basis: { document: basis },
      ...(row.cardNumber === undefined ? {} : { cardNumber: row.cardNumber }),
    };
    if (holder !== undefined) {
      const { state, revision } = await this.runner.load(personStream(holder), personDecider);
      if (revision >= 0) return { personId: holder, state, admit };
    }
    const personId = nameBasedUuid(`member-import\u0000${stream}`);
    const register: RegisterPerson = {
      type: 'RegisterPerson',
      personId,
      name: row.name,
      iin: row.iin,
      citizenship: row.citizenship,
      ...(row.birthDate === undefined ? {} : { birthDate: row.birthDate }),
    };
    return { personId, state: initialPersonState, register, admit };
  }

  /** The deciders' verdict on the row, with the contexts PersonWriteHandler gives them; null when both accept. */
  private decideWithoutWriting(c: RowCommands, facts: OrganisationFacts | null, today: string): DomainError | null {
    let state = c.state;
    if (c.register) {
      const registered = personDecider.decide(c.register, state, { today });
      if (!registered.ok) return registered.error;
      state = registered.events.reduce(personDecider.evolve, state);
    }
    const admitted = personDecider.decide(c.admit, state, { today, organisation: facts, minAge: this.config.minAge });
    return admitted.ok ? null : admitted.error;
  }

  private async presentNow(personId: string, row: MemberRow): Promise<boolean> {
    const { state } = await this.runner.load(personStream(personId), personDecider);
    return isPresent(state, row);
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof DomainProblem ? error.error.code : undefined;
}

/** A refusal of the domain rejects the row; anything else (the store gone) stops the import. */
function refused(error: unknown): RowOutcome {
  if (error instanceof DomainProblem) return rejected(error.error);
  throw error;
}
