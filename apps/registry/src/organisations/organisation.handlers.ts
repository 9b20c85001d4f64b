import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, organisationStream, type OrganisationCommand } from '@baytaq/domain';
import { CommandHandling, type WriteResult } from '../commands/handle';
import { RelationsIndex } from '../commands/relations.index';
import type { WriteContext } from '../commands/write-context';
import { ProblemError } from '../http/problem';

/** Where an organisation command goes: the organisation itself, or the one whose stream holds a post or tenure. */
export type OrganisationTarget = { organisationId: string } | { holderOf: 'post' | 'tenure'; id: string };

/** A command on one organisation stream, as the HTTP layer hands it over. */
export class OrganisationWrite {
  constructor(
    readonly target: OrganisationTarget,
    readonly command: OrganisationCommand,
    readonly write: WriteContext,
    /** The id the answer names: the organisation, the post or the tenure. */
    readonly resourceId?: string,
  ) {}
}

/** The use case of every organisation command: find its stream, then handle it there. */
@CommandHandler(OrganisationWrite)
export class OrganisationWriteHandler implements ICommandHandler<OrganisationWrite, WriteResult> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly relations: RelationsIndex,
  ) {}

  async execute({ target, command, write, resourceId }: OrganisationWrite): Promise<WriteResult> {
    const organisationId = await this.organisationOf(target);
    return this.handling.handle(organisationStream(organisationId), organisationDecider, command, write, {
      id: resourceId ?? organisationId,
    });
  }

  private async organisationOf(target: OrganisationTarget): Promise<string> {
    if ('organisationId' in target) return target.organisationId;
    const owner = await this.relations.ownerOf(target.id);
    if (!owner) throw ProblemError.of(404, `${target.holderOf}.not_found`, `no ${target.holderOf} ${target.id}`);
    return owner;
  }
}
