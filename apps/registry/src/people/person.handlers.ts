import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStream, type PersonCommand } from '@baytaq/domain';
import { CommandHandling, type WriteResult } from '../commands/handle';
import type { WriteContext } from '../commands/write-context';
import { IinReservations } from './iin-reservation.service';

export class PersonWrite {
  constructor(
    readonly personId: string,
    readonly command: PersonCommand,
    readonly write: WriteContext,
  ) {}
}

/**
 * The use case of every person command. Ending a membership ends the person's posts too: not
 * here, but as the process `officers-stay-members`, whose appends the answer's position covers.
 */
@CommandHandler(PersonWrite)
export class PersonWriteHandler implements ICommandHandler<PersonWrite, WriteResult> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly iins: IinReservations,
  ) {}

  execute({ personId, command, write }: PersonWrite): Promise<WriteResult> {
    const iin = 'iin' in command ? command.iin : undefined;
    return this.handling.handle(personStream(personId), personDecider, command, write, {
      id: personId,
      // An accepted IIN is reserved before the person is written, so that two people cannot share one.
      ...(iin === undefined ? {} : { beforeAppend: () => this.iins.reserve(iin, personId, write) }),
    });
  }
}
