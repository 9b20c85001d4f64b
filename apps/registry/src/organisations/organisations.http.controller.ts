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
    private readonly writes: WriteAnswers,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Establish an organisation: the party, a branch or a collegial body' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: EstablishOrganisationRequest, example: 'establish', ifMatch: false })
  establish(@Body() body: EstablishOrganisationRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => {
      const id = newId(body.id, write, 'organisation');
      const { id: _id, ...fields } = body;
      const command = { type: 'EstablishOrganisation' as const, organisationId: id, ...fields };
      return new OrganisationWrite({ organisationId: id }, command, write);
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
    @Write() call: WriteCall,
  ) {
    return this.send(
      call,
      (write) => new OrganisationWrite({ organisationId: id }, { type: 'RegisterOrganisation', ...body }, write),
    );
  }

  @Post(':id/renamings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename an organisation from a date' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: RenameOrganisationRequest, example: 'rename' })
  rename(@Param('id', ParseUUIDPipe) id: string, @Body() body: RenameOrganisationRequest, @Write() call: WriteCall) {
    return this.send(
      call,
      (write) => new OrganisationWrite({ organisationId: id }, { type: 'RenameOrganisation', ...body }, write),
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
    @Write() call: WriteCall,
  ) {
    return this.send(
      call,
      (write) => new OrganisationWrite({ organisationId: id }, { type: 'DissolveOrganisation', ...body }, write),
    );
  }

  @Post(':id/posts')
  @ApiOperation({ summary: 'Create a post in an organisation' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: CreatePostRequest, example: 'createPost' })
  createPost(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreatePostRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => {
      const postId = newId(body.id, write, 'post');
      const { id: _id, ...fields } = body;
      return new OrganisationWrite({ organisationId: id }, { type: 'CreatePost', postId, ...fields }, write, postId);
    });
  }

  private send(call: WriteCall, command: (write: WriteContext) => OrganisationWrite) {
    return this.writes.answer(call, (write): Promise<WriteResult> => this.bus.execute(command(write)));
  }
}
