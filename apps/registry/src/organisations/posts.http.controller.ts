import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RequireRoles } from '../auth/roles.decorator';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId } from '../commands/deterministic-id';
import type { WriteResult } from '../commands/handle';
import type { WriteContext } from '../commands/write-context';
import { WriteAnswers } from '../commands/write-answers';
import { Write, type WriteCall } from '../commands/write-request';
import { ApiWrite } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { OrganisationWrite } from './organisation.handlers';
import { AbolishPostRequest, EndTenureRequest, StartTenureRequest } from './tenure.request.dto';

/** Posts and tenures live in their organisation's stream: these routes find it, then write there. */
@ApiTags('posts and tenures')
@RequireRoles('registrar')
@Controller('v1')
export class PostsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteAnswers,
  ) {}

  @Post('posts/:id/abolition')
  @HttpCode(200)
  @ApiOperation({ summary: 'Abolish a post from a date' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: AbolishPostRequest, example: 'abolish' })
  abolish(@Param('id', ParseUUIDPipe) postId: string, @Body() body: AbolishPostRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => {
      const command = { type: 'AbolishPost' as const, postId, ...body };
      return new OrganisationWrite({ holderOf: 'post', id: postId }, command, write, postId);
    });
  }

  @Post('posts/:id/tenures')
  @ApiOperation({ summary: 'A person takes the post: elected, appointed, co-opted or acting' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: StartTenureRequest, example: 'startTenure' })
  startTenure(@Param('id', ParseUUIDPipe) postId: string, @Body() body: StartTenureRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => {
      const tenureId = newId(body.id, write, 'tenure');
      const { id: _id, ...fields } = body;
      const command = { type: 'StartTenure' as const, postId, tenureId, ...fields };
      return new OrganisationWrite({ holderOf: 'post', id: postId }, command, write, tenureId);
    });
  }

  @Post('tenures/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a tenure; the effective date is the first day it no longer holds' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: EndTenureRequest, example: 'endTenure' })
  endTenure(@Param('id', ParseUUIDPipe) tenureId: string, @Body() body: EndTenureRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => {
      const command = { type: 'EndTenure' as const, tenureId, ...body };
      return new OrganisationWrite({ holderOf: 'tenure', id: tenureId }, command, write, tenureId);
    });
  }

  private send(call: WriteCall, command: (write: WriteContext) => OrganisationWrite) {
    return this.writes.answer(call, (write): Promise<WriteResult> => this.bus.execute(command(write)));
  }
}
