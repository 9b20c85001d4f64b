import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/roles.decorator';
import type { WriteResult } from '../commands/handle';
import { WriteAnswers } from '../commands/write-answers';
import { Write, type WriteCall } from '../commands/write-request';
import { RetractionRequest } from '../meetings/meeting.request.dto';
import { ApiWrite } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { RetractionWrite } from './retraction.handler';

@ApiTags('meetings and retractions')
@RequireRoles('registrar')
@Controller('v1')
export class RetractionsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteAnswers,
  ) {}

  @Post('events/:eventId/retraction')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retract an event entered in error: it stays in the log, and every read known after now ignores it',
  })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: RetractionRequest, example: 'retract' })
  retract(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() body: RetractionRequest, @Write() call: WriteCall) {
    return this.writes.answer(call, (write): Promise<WriteResult> =>
      this.bus.execute(new RetractionWrite(eventId, body.reason, write)),
    );
  }
}
