import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRoles } from '../auth/roles.decorator';
import { EventLocator } from '../commands/event-locator';
import { WriteService } from '../commands/write.service';
import type { WriteContext } from '../commands/write-context';
import { ProblemError } from '../http/problem';
import { newId, OrganisationWrite } from '../organisations/organisation.handlers';
import { PersonWrite } from '../people/person.handlers';
import { ApiWrite } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { MeetingWrite } from './meeting.handlers';
import { RecordMeetingRequest, RetractionRequest } from './meeting.request.dto';

@ApiTags('meetings and retractions')
@RequireRoles('registrar')
@Controller('v1')
export class MeetingsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteService,
    private readonly locator: EventLocator,
  ) {}

  @Post('meetings')
  @ApiOperation({ summary: 'Record a meeting whose minutes foundings and tenures cite as their basis' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: RecordMeetingRequest, example: 'meeting', ifMatch: false })
  record(
    @Body() body: RecordMeetingRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 201, (write) => {
      const meetingId = newId(body.id, write, 'meeting');
      const { id: _id, ...fields } = body;
      return this.bus.execute(new MeetingWrite(meetingId, { type: 'RecordMeeting', meetingId, ...fields }, write));
    });
  }

  @Post('events/:eventId/retraction')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retract an event entered in error: it stays in the log, and every read known after now ignores it',
  })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: RetractionRequest, example: 'retract' })
  retract(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() body: RetractionRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 200, (write) => this.retractIn(eventId, body.reason, write));
  }

  private async retractIn(eventId: string, reason: string, write: WriteContext) {
    const stream = await this.locator.streamOf(eventId);
    if (!stream) throw ProblemError.of(404, 'event.not_found', `no retractable event ${eventId}`);
    const command = { type: 'RetractEvent' as const, eventId, reason };
    const id = stream.slice(stream.indexOf('-') + 1);
    if (stream.startsWith('organisation-')) return this.bus.execute(new OrganisationWrite(id, command, write));
    if (stream.startsWith('person-')) return this.bus.execute(new PersonWrite(id, command, write));
    return this.bus.execute(new MeetingWrite(id, command, write));
  }
}
