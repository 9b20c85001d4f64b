import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, meetingStream, type MeetingCommand } from '@baytaq/domain';
import { CommandHandling, type WriteResult } from '../commands/handle';
import type { WriteContext } from '../commands/write-context';

export class MeetingWrite {
  constructor(
    readonly meetingId: string,
    readonly command: MeetingCommand,
    readonly write: WriteContext,
  ) {}
}

@CommandHandler(MeetingWrite)
export class MeetingWriteHandler implements ICommandHandler<MeetingWrite, WriteResult> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ meetingId, command, write }: MeetingWrite): Promise<WriteResult> {
    return this.handling.handle(meetingStream(meetingId), meetingDecider, command, write, { id: meetingId });
  }
}
