import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ErasePersonalData, personDecider, personStream } from '@baytaq/domain';
import { CommandHandling, type WriteResult } from '../commands/handle';
import { StreamStates } from '../commands/stream-states';
import type { WriteContext } from '../commands/write-context';
import { PERSON_KEYS, type PersonKeys } from '../personal-data/person-keys';

export class PersonErasure {
  constructor(
    readonly personId: string,
    readonly command: ErasePersonalData,
    readonly write: WriteContext,
  ) {}
}

export type ErasureResult = WriteResult & { erased: { on: string } };

/**
 * The erasure of a person's personal data: `PersonalDataErased` is appended (the read models
 * purge the person in that transaction), then the person's key is destroyed, which erases the
 * sealed fields of every event of theirs, in the log and in every copy. A crash between the two
 * leaves an erasure whose key is still there: `ErasureCompletion` destroys it at the next start,
 * and a retry of the request does it at once.
 */
@CommandHandler(PersonErasure)
export class PersonErasureHandler implements ICommandHandler<PersonErasure, ErasureResult> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly streams: StreamStates,
    @Inject(PERSON_KEYS) private readonly keys: PersonKeys,
  ) {}

  async execute({ personId, command, write }: PersonErasure): Promise<ErasureResult> {
    const stream = personStream(personId);
    const result = await this.handling.handle(stream, personDecider, command, write, { id: personId });
    await this.keys.destroy(personId);
    const { state } = await this.streams.load(stream, personDecider);
    return { ...result, erased: { on: state.erasure!.erasedOn } };
  }
}
