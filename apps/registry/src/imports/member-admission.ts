import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  initialPersonState,
  membershipOn,
  personDecider,
  personStream,
  registerAndAdmitDecider,
  type AdmitMember,
  type DomainError,
  type PersonContext,
  type PersonState,
  type RegisterPerson,
} from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { ContextLoader } from '../commands/context-loader';
import { DomainProblem } from '../commands/domain-problem';
import { CommandHandling } from '../commands/handle';
import { StreamStates } from '../commands/stream-states';
import type { WriteContext } from '../commands/write-context';
import { IinReservations } from '../people/iin-reservation.service';
import { PersonWrite } from '../people/person.handlers';
import type { RowRejection } from './import.events';
import { importedPersonId } from './import-ids';
import { rejectionOf, type MemberRow } from './member-row';

export type RowOutcome =
  { kind: 'admitted' | 'present' | 'would_admit' } | { kind: 'rejected'; rejection: RowRejection };

/** Where a row comes from: its import and its data row number. */
export interface RowSource {
  importId: string;
  row: number;
}

type Holder = { personId: string; state: PersonState };

export interface AdmissionMode {
  dryRun: boolean;
  /** Most rows so far were present already: asking the reservation first is the cheaper order. */
  askReservationFirst: boolean;
}

/**
 * One row through the same rules as the API. A row is first a new member: the person decider
 * decides RegisterPerson then AdmitMember with the contexts PersonWriteHandler gives them, and
 * `CommandHandling` writes both in one append once the IIN is reserved, as the handler reserves
 * it. When the reservation says the IIN is someone's already (registered through the API, or by
 * an earlier run of the file), the row is that person's: present when already a member there,
 * else AdmitMember goes through the command bus to PersonWriteHandler like an API request.
 * The reservation is asked before writing in a dry run (which writes nothing) and when the rows
 * so far were mostly present already (a file imported again); otherwise only once it refuses,
 * which spares every new row a read. Either order gives the same verdicts.
 */
@Injectable()
export class MemberAdmission {
  constructor(
    private readonly bus: CommandBus,
    private readonly handling: CommandHandling,
    private readonly streams: StreamStates,
    private readonly contexts: ContextLoader,
    private readonly iins: IinReservations,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  admit(row: MemberRow, source: RowSource, write: WriteContext, mode: AdmissionMode): Promise<RowOutcome> {
    return this.attempt(row, source, write, mode, true);
  }

  private async attempt(
    row: MemberRow,
    source: RowSource,
    write: WriteContext,
    mode: AdmissionMode,
    mayRetry: boolean,
  ): Promise<RowOutcome> {
    const admit = admitCommand(row, source);
    const personId = importedPersonId(source.importId, source.row);
    const command = { register: registerCommand(row, personId), admit };
    if (mode.dryRun || mode.askReservationFirst) {
      const context = await this.contexts.load<PersonContext>(
        registerAndAdmitDecider.needs(command, initialPersonState),
        write.today,
      );
      const asNewMember = registerAndAdmitDecider.decide(command, initialPersonState, context);
      if (!asNewMember.ok) return rejected(asNewMember.error);
      const holder = await this.registeredHolder(row.iin);
      if (holder) return this.admitRegistered(holder, row, admit, write, mode.dryRun ? context : undefined);
      if (mode.dryRun) return { kind: 'would_admit' };
    }
    try {
      await this.handling.handle(personStream(personId), registerAndAdmitDecider, command, write, {
        id: personId,
        beforeAppend: () => this.iins.reserve(row.iin, personId, write),
      });
      return { kind: 'admitted' };
    } catch (error) {
      const code = codeOf(error);
      if (code === 'iin.taken') {
        const holder = await this.registeredHolder(row.iin);
        if (holder) return this.admitRegistered(holder, row, admit, write);
      }
      // The reservation's holder vanished, or this very row ran twice: once more, from the top.
      if (mayRetry && (code === 'iin.taken' || code === 'person.already_registered')) {
        return this.attempt(row, source, write, mode, false);
      }
      return refused(error);
    }
  }

  private async admitRegistered(
    holder: Holder,
    row: MemberRow,
    admit: AdmitMember,
    write: WriteContext,
    /** Given for a dry run: the decision is only taken, in this context, and nothing is written. */
    dryRunContext?: PersonContext,
  ): Promise<RowOutcome> {
    if (isPresent(holder.state, row)) return { kind: 'present' };
    if (dryRunContext) return verdict(personDecider.decide(admit, holder.state, dryRunContext));
    try {
      await this.bus.execute(new PersonWrite(holder.personId, admit, write));
      return { kind: 'admitted' };
    } catch (error) {
      if (codeOf(error) === 'membership.already_member' && (await this.presentNow(holder.personId, row))) {
        return { kind: 'present' };
      }
      return refused(error);
    }
  }

  /** The registered person holding the IIN's reservation, if any. */
  private async registeredHolder(iin: string): Promise<Holder | undefined> {
    const stream = this.iins.streamOf(iin);
    const [reservation] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (!reservation) return undefined;
    const personId = String(reservation.data['personId']);
    const { state, revision } = await this.streams.load(personStream(personId), personDecider);
    return revision >= 0 ? { personId, state } : undefined;
  }

  private async presentNow(personId: string, row: MemberRow): Promise<boolean> {
    const { state } = await this.streams.load(personStream(personId), personDecider);
    return isPresent(state, row);
  }
}

/** Already a member of that branch on the row's date, or admitted to it on that very day: nothing to do. */
function isPresent(state: PersonState, row: MemberRow): boolean {
  if (membershipOn(state, row.admissionDate)?.organisationId === row.organisationId) return true;
  return state.memberships.some((m) =>
    m.placements.some((p) => p.organisationId === row.organisationId && p.period.from === row.admissionDate),
  );
}

function admitCommand(row: MemberRow, source: RowSource): AdmitMember {
  return {
    type: 'AdmitMember',
    organisationId: row.organisationId,
    effectiveDate: row.admissionDate,
    basis: { document: `member import ${source.importId}, row ${source.row}` },
    ...(row.cardNumber === undefined ? {} : { cardNumber: row.cardNumber }),
  };
}

function registerCommand(row: MemberRow, personId: string): RegisterPerson {
  return {
    type: 'RegisterPerson',
    personId,
    name: row.name,
    iin: row.iin,
    citizenship: row.citizenship,
    ...(row.birthDate === undefined ? {} : { birthDate: row.birthDate }),
  };
}

const rejected = (error: Pick<DomainError, 'code' | 'message' | 'details'>): RowOutcome => ({
  kind: 'rejected',
  rejection: rejectionOf(error),
});

function verdict(decision: { ok: true } | { ok: false; error: DomainError }): RowOutcome {
  return decision.ok ? { kind: 'would_admit' } : rejected(decision.error);
}

function codeOf(error: unknown): string | undefined {
  return error instanceof DomainProblem ? error.error.code : undefined;
}

/** A refusal of the domain rejects the row; anything else (the store gone) stops the import. */
function refused(error: unknown): RowOutcome {
  if (error instanceof DomainProblem) return rejected(error.error);
  throw error;
}
