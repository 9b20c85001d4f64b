import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/roles.decorator';
import { newId } from '../commands/deterministic-id';
import type { WriteResult } from '../commands/handle';
import { WriteAnswers } from '../commands/write-answers';
import { Write, type WriteCall } from '../commands/write-request';
import { ApiWrite } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { MeetingWrite } from './meeting.handlers';
import { RecordMeetingRequest } from './meeting.request.dto';

@ApiTags('meetings and retractions')
@RequireRoles('registrar')
@Controller('v1')
export class MeetingsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteAnswers,
  ) {}

  @Post('meetings')
  @ApiOperation({ summary: 'Record a meeting whose minutes foundings and tenures cite as their basis' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: RecordMeetingRequest, example: 'meeting', ifMatch: false })
  record(@Body() body: RecordMeetingRequest, @Write() call: WriteCall) {
    return this.writes.answer(call, (write): Promise<WriteResult> => {
      const meetingId = newId(body.id, write, 'meeting');
      const { id: _id, ...fields } = body;
      return this.bus.execute(new MeetingWrite(meetingId, { type: 'RecordMeeting', meetingId, ...fields }, write));
    });
  }
}
