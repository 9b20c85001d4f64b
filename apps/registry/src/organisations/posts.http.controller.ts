import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RequireRoles } from '../auth/roles.decorator';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OrganisationCommand } from '@baytaq/domain';
import type { WriteResult } from '../commands/command-runner';
import { RelationsIndex } from '../commands/relations.index';
import type { WriteContext } from '../commands/write-context';
import { WriteService } from '../commands/write.service';
import { ProblemError } from '../http/problem';
import { ApiWrite } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { newId, OrganisationWrite } from './organisation.handlers';
import { AbolishPostRequest, EndTenureRequest, StartTenureRequest } from './tenure.request.dto';

/** Posts and tenures live in their organisation's stream: these routes find it, then write there. */
@ApiTags('posts and tenures')
@RequireRoles('registrar')
@Controller('v1')
export class PostsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteService,
    private readonly relations: RelationsIndex,
  ) {}

  @Post('posts/:id/abolition')
  @HttpCode(200)
  @ApiOperation({ summary: 'Abolish a post from a date' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: AbolishPostRequest, example: 'abolish' })
  abolish(
    @Param('id', ParseUUIDPipe) postId: string,
    @Body() body: AbolishPostRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 200, (write) =>
      this.inOwner(postId, 'post', write, { type: 'AbolishPost', postId, ...body }, postId),
    );
  }

  @Post('posts/:id/tenures')
  @ApiOperation({ summary: 'A person takes the post: elected, appointed, co-opted or acting' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: StartTenureRequest, example: 'startTenure' })
  startTenure(
    @Param('id', ParseUUIDPipe) postId: string,
    @Body() body: StartTenureRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 201, (write) => {
      const tenureId = newId(body.id, write, 'tenure');
      const { id: _id, ...fields } = body;
      return this.inOwner(postId, 'post', write, { type: 'StartTenure', postId, tenureId, ...fields }, tenureId);
    });
  }

  @Post('tenures/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a tenure; the effective date is the first day it no longer holds' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: EndTenureRequest, example: 'endTenure' })
  endTenure(
    @Param('id', ParseUUIDPipe) tenureId: string,
    @Body() body: EndTenureRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 200, (write) =>
      this.inOwner(tenureId, 'tenure', write, { type: 'EndTenure', tenureId, ...body }, tenureId),
    );
  }

  private async inOwner(
    id: string,
    what: 'post' | 'tenure',
    write: WriteContext,
    command: OrganisationCommand,
    resourceId: string,
  ): Promise<WriteResult> {
    const organisationId = await this.relations.ownerOf(id);
    if (!organisationId) throw ProblemError.of(404, `${what}.not_found`, `no ${what} ${id}`);
    return this.bus.execute(new OrganisationWrite(organisationId, command, write, resourceId));
  }
}
