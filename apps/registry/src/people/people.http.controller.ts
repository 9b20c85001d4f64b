import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RequireRoles } from '../auth/roles.decorator';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonCommand } from '@baytaq/domain';
import type { WriteResult } from '../commands/command-runner';
import { WriteService } from '../commands/write.service';
import { newId } from '../organisations/organisation.handlers';
import { ApiWrite } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { PersonWrite } from './person.handlers';
import {
  AdmitMemberRequest,
  ChangePersonDetailsRequest,
  MembershipChangeRequest,
  RegisterPersonRequest,
  TerminateMembershipRequest,
  TransferMemberRequest,
} from './person.request.dto';

type Reply = FastifyReply;

@ApiTags('people and membership')
@RequireRoles('registrar')
@Controller('v1/people')
export class PeopleController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a person (personal data is restricted)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: RegisterPersonRequest, example: 'registerPerson', ifMatch: false })
  register(
    @Body() body: RegisterPersonRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.writes.execute(request, reply, 201, (write) => {
      const personId = newId(body.id, write, 'person');
      const { id: _id, ...fields } = body;
      return this.send(new PersonWrite(personId, { type: 'RegisterPerson', personId, ...fields }, write));
    });
  }

  @Post(':id/details')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change (from a date) or correct (never held) personal details' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: ChangePersonDetailsRequest, example: 'details' })
  details(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangePersonDetailsRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.person(id, request, reply, { type: 'ChangePersonDetails', ...body });
  }

  @Post(':id/membership/admission')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admit to the party, in a branch or the party itself' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: AdmitMemberRequest, example: 'admit' })
  admit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AdmitMemberRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.person(id, request, reply, { type: 'AdmitMember', ...body });
  }

  @Post(':id/membership/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the membership to another branch' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: TransferMemberRequest, example: 'transfer' })
  transfer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransferMemberRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.person(id, request, reply, { type: 'TransferMember', ...body });
  }

  @Post(':id/membership/suspension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend the membership' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: MembershipChangeRequest, example: 'suspend' })
  suspend(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MembershipChangeRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.person(id, request, reply, { type: 'SuspendMembership', ...body });
  }

  @Post(':id/membership/reinstatement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a suspended membership' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: MembershipChangeRequest, example: 'reinstate' })
  reinstate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MembershipChangeRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.person(id, request, reply, { type: 'ReinstateMembership', ...body });
  }

  @Post(':id/membership/termination')
  @HttpCode(200)
  @ApiOperation({ summary: "End the membership; the person's posts end on the same date, as events" })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: TerminateMembershipRequest, example: 'terminate' })
  terminate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TerminateMembershipRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.person(id, request, reply, { type: 'TerminateMembership', ...body });
  }

  private person(id: string, request: FastifyRequest, reply: Reply, command: PersonCommand) {
    return this.writes.execute(request, reply, 200, (write) => this.send(new PersonWrite(id, command, write)));
  }

  private send(command: PersonWrite): Promise<WriteResult> {
    return this.bus.execute(command);
  }
}
