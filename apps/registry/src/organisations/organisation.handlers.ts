import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  organisationDecider,
  retractionNeeds,
  type OrganisationCommand,
  type OrganisationContext,
} from '@baytaq/domain';
import { CommandRunner, type WriteResult } from '../commands/command-runner';
import { nameBasedUuid, timeOrderedUuid } from '../commands/deterministic-id';
import { organisationStream, RelationsIndex } from '../commands/relations.index';
import { DomainProblem } from '../commands/domain-problem';
import type { WriteContext } from '../commands/write-context';
import { CrossStreamFacts } from './organisation-facts.service';

/** A command on one organisation stream, as the HTTP layer hands it over. */
export class OrganisationWrite {
  constructor(
    readonly organisationId: string,
    readonly command: OrganisationCommand,
    readonly write: WriteContext,
    /** The id the answer names: the organisation, the post or the tenure. */
    readonly resourceId: string = organisationId,
  ) {}
}

/** A new resource's id: the client's, else derived from the idempotency key (so a retry names the same one), else fresh. */
export function newId(given: string | undefined, write: WriteContext, what: string): string {
  if (given) return given;
  return write.idempotencyScope ? nameBasedUuid(`${write.idempotencyScope}\u0000${what}`) : timeOrderedUuid();
}

@CommandHandler(OrganisationWrite)
export class OrganisationWriteHandler implements ICommandHandler<OrganisationWrite, WriteResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: CrossStreamFacts,
    private readonly relations: RelationsIndex,
  ) {}

  /** `part` numbers the writes of one request, so that each derives its own idempotent event ids. */
  async execute({ organisationId, command, write, resourceId }: OrganisationWrite, part = 0): Promise<WriteResult> {
    await this.refuseIdOfAnotherOrganisation(organisationId, command);
    return this.runner.run({
      part,
      id: resourceId,
      stream: organisationStream(organisationId),
      decider: organisationDecider,
      command,
      write,
      context: (state) => this.context(organisationId, command, state, write.today),
    });
  }

  /** Post and tenure ids are found by id alone (`/v1/posts/{id}`): one may not name things in two organisations. */
  private async refuseIdOfAnotherOrganisation(organisationId: string, command: OrganisationCommand): Promise<void> {
    const id =
      command.type === 'CreatePost' ? command.postId : command.type === 'StartTenure' ? command.tenureId : undefined;
    if (id === undefined) return;
    const owner = await this.relations.ownerOf(id);
    if (owner !== undefined && owner !== organisationId) {
      const what = command.type === 'CreatePost' ? 'post' : 'tenure';
      throw new DomainProblem({
        code: `${what}.already_exists`,
        kind: 'conflict',
        message: `${what} ${id} exists in another organisation`,
        details: { field: 'id' },
      });
    }
  }

  private async context(
    organisationId: string,
    command: OrganisationCommand,
    state: Parameters<typeof retractionNeeds>[0],
    today: string,
  ): Promise<OrganisationContext> {
    switch (command.type) {
      case 'EstablishOrganisation':
        return { today, parent: await this.facts.organisation(command.parentId) };
      case 'DissolveOrganisation':
        return { today, dependants: await this.facts.dependants(organisationId) };
      case 'StartTenure':
        return { today, holder: await this.facts.membership(command.personId) };
      case 'RetractEvent': {
        const needs = retractionNeeds(state, command.eventId);
        return {
          today,
          ...(needs.dependants ? { dependants: await this.facts.dependants(organisationId) } : {}),
          ...(needs.holderPersonId ? { holder: await this.facts.membership(needs.holderPersonId) } : {}),
        };
      }
      default:
        return { today };
    }
  }
}
