import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  organisationDecider,
  type OrganisationFacts,
  personDecider,
  placementOrganisationIds,
  type PersonState,
  tenuresEndedByMembership,
  type PersonCommand,
  type PersonContext,
} from '@baytaq/domain';
import { Inject } from '@nestjs/common';
import { CommandRunner, type WriteResult } from '../commands/command-runner';
import { organisationStream, personStream, RelationsIndex } from '../commands/relations.index';
import type { WriteContext } from '../commands/write-context';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { CrossStreamFacts } from '../organisations/organisation-facts.service';
import { OrganisationWriteHandler, OrganisationWrite } from '../organisations/organisation.handlers';
import { IinReservations } from './iin-reservation.service';

export class PersonWrite {
  constructor(
    readonly personId: string,
    readonly command: PersonCommand,
    readonly write: WriteContext,
  ) {}
}

@CommandHandler(PersonWrite)
export class PersonWriteHandler implements ICommandHandler<PersonWrite, WriteResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: CrossStreamFacts,
    private readonly relations: RelationsIndex,
    private readonly iins: IinReservations,
    private readonly organisations: OrganisationWriteHandler,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async execute({ personId, command, write }: PersonWrite): Promise<WriteResult> {
    const iin = 'iin' in command ? command.iin : undefined;
    const result = await this.runner.run({
      id: personId,
      stream: personStream(personId),
      decider: personDecider,
      command,
      write,
      context: (state) => this.context(personId, command, write.today, state),
      // An accepted IIN is reserved before the person is written, so that two people cannot share one.
      beforeAppend: iin === undefined ? undefined : () => this.iins.reserve(iin, personId, write),
    });
    if (command.type === 'TerminateMembership') await this.endDependentTenures(personId, command, write);
    return result;
  }

  private async context(
    personId: string,
    command: PersonCommand,
    today: string,
    state: PersonState,
  ): Promise<PersonContext> {
    switch (command.type) {
      case 'AdmitMember':
        return {
          today,
          organisation: await this.facts.organisation(command.organisationId),
          minAge: this.config.minAge,
        };
      case 'TransferMember':
        return { today, organisation: await this.facts.organisation(command.organisationId) };
      case 'TerminateMembership':
        return { today, officerPeriods: await this.facts.officerPeriods(personId) };
      case 'RetractEvent': {
        // Without the retracted entry a placement may last longer: it must stay inside its organisation's life.
        const ids = placementOrganisationIds(state);
        const found = await Promise.all(ids.map((id) => this.facts.organisation(id)));
        const organisations = found.filter((o): o is OrganisationFacts => o !== null && o !== undefined);
        return { today, officerPeriods: await this.facts.officerPeriods(personId), organisations };
      }
      default:
        return { today };
    }
  }

  /** Ending a membership ends, as events, the posts that depended on it. */
  private async endDependentTenures(
    personId: string,
    command: Extract<PersonCommand, { type: 'TerminateMembership' }>,
    write: WriteContext,
  ): Promise<void> {
    let part = 1;
    for (const organisationId of await this.relations.organisationsWithTenuresOf(personId)) {
      const { state } = await this.runner.load(organisationStream(organisationId), organisationDecider);
      for (const end of tenuresEndedByMembership(state, personId, command.effectiveDate, command.basis)) {
        const causedBy = { ...write, causationId: `${write.causationId}/membership-ended`, ifMatch: undefined };
        await this.organisations.execute(new OrganisationWrite(organisationId, end, causedBy, end.tenureId), part++);
      }
    }
  }
}
