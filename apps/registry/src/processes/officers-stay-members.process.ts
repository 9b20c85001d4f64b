import { Injectable, Logger } from '@nestjs/common';
import {
  idOfStream,
  membershipHoldsFrom,
  membershipPeriods,
  OFFICERS_STAY_MEMBERS,
  OFFICERS_STAY_MEMBERS_TRIGGERS,
  officerRepairs,
  organisationDecider,
  organisationStream,
  personDecider,
  personStream,
  STREAM_PREFIX,
} from '@baytaq/domain';
import type { RecordedEvent } from '@baytaq/event-store';
import { DomainProblem } from '../commands/domain-problem';
import { CommandHandling } from '../commands/handle';
import { RegistryClock } from '../clock/registry-clock';
import { RelationsIndex } from '../commands/relations.index';
import { StreamStates } from '../commands/stream-states';
import type { ProcessReaction } from './log-process';
import { causedBy } from './caused-write';

/**
 * "An officer is a party member on every day of the tenure", across the person's and the
 * organisations' streams: after a membership ends (or a retraction shortens it), and after a
 * tenure starts (a concurrent termination may have ended the membership meanwhile), the person's
 * tenures outside their membership are mended, as the domain's `officerRepairs` says.
 */
@Injectable()
export class OfficersStayMembers implements ProcessReaction {
  readonly name = OFFICERS_STAY_MEMBERS;
  readonly follows = OFFICERS_STAY_MEMBERS_TRIGGERS;
  /** A tenure's start waits for nothing: it is mended only when it lost a race, and then by the other write. */
  readonly awaited = ['MembershipEnded', 'EventRetracted'];
  private readonly logger = new Logger(`process ${OFFICERS_STAY_MEMBERS}`);

  constructor(
    private readonly streams: StreamStates,
    private readonly relations: RelationsIndex,
    private readonly handling: CommandHandling,
    private readonly clock: RegistryClock,
  ) {}

  async react(event: RecordedEvent): Promise<string[]> {
    const personId = this.personOf(event);
    if (!personId) return [];
    const person = await this.streams.load(personStream(personId), personDecider);
    if (person.revision < 0) return [];
    const membership = membershipPeriods(person.state);
    if (event.type === 'TenureStarted' && membershipHoldsFrom(membership, String(event.data['effectiveDate'])))
      return [];
    const positions: string[] = [];
    for (const organisationId of await this.relations.organisationsWithTenuresOf(personId)) {
      const stream = organisationStream(organisationId);
      const { state } = await this.streams.load(stream, organisationDecider);
      for (const repair of officerRepairs(state, personId, membership)) {
        const write = causedBy(event, `${this.name}:${repair.tenureId}`, this.clock.today());
        try {
          const result = await this.handling.handle(stream, organisationDecider, repair.command, write, {
            id: repair.tenureId,
            awaitProcesses: false,
          });
          positions.push(result.position);
        } catch (error) {
          // Decided on a state a concurrent write changed: the next event of this person mends it.
          if (!(error instanceof DomainProblem)) throw error;
          this.logger.warn({ msg: 'repair refused', tenureId: repair.tenureId, code: error.error.code });
        }
      }
    }
    return positions;
  }

  private personOf(event: RecordedEvent): string | undefined {
    if (event.type === 'TenureStarted') return String(event.data['personId']);
    return event.stream.startsWith(STREAM_PREFIX.person) ? idOfStream(event.stream) : undefined;
  }
}
