import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type Decider,
  idOfStream,
  kindOfStream,
  meetingDecider,
  organisationDecider,
  personDecider,
  type RetractEvent,
  type WithHistory,
} from '@baytaq/domain';
import { EventLocator } from '../commands/event-locator';
import { CommandHandling, type WriteResult } from '../commands/handle';
import type { WriteContext } from '../commands/write-context';
import { ProblemError } from '../http/problem';

export class RetractionWrite {
  constructor(
    readonly eventId: string,
    readonly reason: string,
    readonly write: WriteContext,
  ) {}
}

type RetractingDecider = Decider<
  RetractEvent,
  { type: string; data: object },
  WithHistory<{ type: string; data: object }>,
  never
>;

/** The streams whose entries may be retracted, each decided by its own decider. */
const DECIDERS = {
  organisation: organisationDecider,
  person: personDecider,
  meeting: meetingDecider,
} as unknown as Record<string, RetractingDecider | undefined>;

/** "The entry was made in error": the retraction goes to the stream that holds the event. */
@CommandHandler(RetractionWrite)
export class RetractionWriteHandler implements ICommandHandler<RetractionWrite, WriteResult> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly locator: EventLocator,
  ) {}

  async execute({ eventId, reason, write }: RetractionWrite): Promise<WriteResult> {
    const stream = await this.locator.streamOf(eventId);
    const decider = stream && DECIDERS[kindOfStream(stream) ?? ''];
    if (!stream || !decider) throw ProblemError.of(404, 'event.not_found', `no retractable event ${eventId}`);
    const command: RetractEvent = { type: 'RetractEvent', eventId, reason };
    return this.handling.handle(stream, decider, command, write, { id: idOfStream(stream) });
  }
}
