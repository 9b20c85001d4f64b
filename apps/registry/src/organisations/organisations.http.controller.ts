import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RequireRoles } from '../auth/roles.decorator';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WriteResult } from '../commands/command-runner';
import { WriteService } from '../commands/write.service';
import { ApiWrite } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { newId, OrganisationWrite } from './organisation.handlers';
import {
  CreatePostRequest,
  DissolveOrganisationRequest,
  EstablishOrganisationRequest,
  RegisterOrganisationRequest,
  RenameOrganisationRequest,
} from './organisation.request.dto';

@ApiTags('organisations')
@RequireRoles('registrar')
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Establish an organisation: the party, a branch or a collegial body' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: EstablishOrganisationRequest, example: 'establish', ifMatch: false })
  establish(
    @Body() body: EstablishOrganisationRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 201, (write) => {
      const id = newId(body.id, write, 'organisation');
      const { id: _id, ...fields } = body;
      return this.send(
        new OrganisationWrite(id, { type: 'EstablishOrganisation', organisationId: id, ...fields }, write),
      );
    });
  }

  @Post(':id/registrations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the registration by a justice body' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: RegisterOrganisationRequest, example: 'register' })
  register(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RegisterOrganisationRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 200, (write) =>
      this.send(new OrganisationWrite(id, { type: 'RegisterOrganisation', ...body }, write)),
    );
  }

  @Post(':id/renamings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename an organisation from a date' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: RenameOrganisationRequest, example: 'rename' })
  rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RenameOrganisationRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 200, (write) =>
      this.send(new OrganisationWrite(id, { type: 'RenameOrganisation', ...body }, write)),
    );
  }

  @Post(':id/dissolution')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dissolve an organisation (refused while it has active sub-branches, members or officers)' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: DissolveOrganisationRequest, example: 'dissolve' })
  dissolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DissolveOrganisationRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 200, (write) =>
      this.send(new OrganisationWrite(id, { type: 'DissolveOrganisation', ...body }, write)),
    );
  }

  @Post(':id/posts')
  @ApiOperation({ summary: 'Create a post in an organisation' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: CreatePostRequest, example: 'createPost' })
  createPost(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreatePostRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.writes.execute(request, reply, 201, (write) => {
      const postId = newId(body.id, write, 'post');
      const { id: _id, ...fields } = body;
      return this.send(new OrganisationWrite(id, { type: 'CreatePost', postId, ...fields }, write, postId));
    });
  }

  private send(command: OrganisationWrite): Promise<WriteResult> {
    return this.bus.execute(command);
  }
}
