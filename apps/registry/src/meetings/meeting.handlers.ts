import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, type MeetingCommand } from '@baytaq/domain';
import { CommandRunner, type WriteResult } from '../commands/command-runner';
import { meetingStream } from '../commands/relations.index';
import type { WriteContext } from '../commands/write-context';
import { CrossStreamFacts } from '../organisations/organisation-facts.service';

export class MeetingWrite {
  constructor(
    readonly meetingId: string,
    readonly command: MeetingCommand,
    readonly write: WriteContext,
  ) {}
}

@CommandHandler(MeetingWrite)
export class MeetingWriteHandler implements ICommandHandler<MeetingWrite, WriteResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: CrossStreamFacts,
  ) {}

  execute({ meetingId, command, write }: MeetingWrite): Promise<WriteResult> {
    return this.runner.run({
      id: meetingId,
      stream: meetingStream(meetingId),
      decider: meetingDecider,
      command,
      write,
      context: async () =>
        command.type === 'RecordMeeting'
          ? { today: write.today, organisation: await this.facts.organisation(command.organisationId) }
          : { today: write.today },
    });
  }
}
