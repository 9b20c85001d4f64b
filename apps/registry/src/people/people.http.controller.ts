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
import { PersonWrite } from './person.handlers';
import {
  AdmitMemberRequest,
  ChangePersonDetailsRequest,
  MembershipChangeRequest,
  RegisterPersonRequest,
  TerminateMembershipRequest,
  TransferMemberRequest,
} from './person.request.dto';

@ApiTags('people and membership')
@RequireRoles('registrar')
@Controller('v1/people')
export class PeopleController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteAnswers,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a person (personal data is restricted)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiWrite({ body: RegisterPersonRequest, example: 'registerPerson', ifMatch: false })
  register(@Body() body: RegisterPersonRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => {
      const personId = newId(body.id, write, 'person');
      const { id: _id, ...fields } = body;
      return new PersonWrite(personId, { type: 'RegisterPerson', personId, ...fields }, write);
    });
  }

  @Post(':id/details')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change (from a date) or correct (never held) personal details' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: ChangePersonDetailsRequest, example: 'details' })
  details(@Param('id', ParseUUIDPipe) id: string, @Body() body: ChangePersonDetailsRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => new PersonWrite(id, { type: 'ChangePersonDetails', ...body }, write));
  }

  @Post(':id/membership/admission')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admit to the party, in a branch or the party itself' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: AdmitMemberRequest, example: 'admit' })
  admit(@Param('id', ParseUUIDPipe) id: string, @Body() body: AdmitMemberRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => new PersonWrite(id, { type: 'AdmitMember', ...body }, write));
  }

  @Post(':id/membership/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the membership to another branch' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: TransferMemberRequest, example: 'transfer' })
  transfer(@Param('id', ParseUUIDPipe) id: string, @Body() body: TransferMemberRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => new PersonWrite(id, { type: 'TransferMember', ...body }, write));
  }

  @Post(':id/membership/suspension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend the membership' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: MembershipChangeRequest, example: 'suspend' })
  suspend(@Param('id', ParseUUIDPipe) id: string, @Body() body: MembershipChangeRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => new PersonWrite(id, { type: 'SuspendMembership', ...body }, write));
  }

  @Post(':id/membership/reinstatement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a suspended membership' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: MembershipChangeRequest, example: 'reinstate' })
  reinstate(@Param('id', ParseUUIDPipe) id: string, @Body() body: MembershipChangeRequest, @Write() call: WriteCall) {
    return this.send(call, (write) => new PersonWrite(id, { type: 'ReinstateMembership', ...body }, write));
  }

  @Post(':id/membership/termination')
  @HttpCode(200)
  @ApiOperation({ summary: "End the membership; the person's posts end on the same date, as events" })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiWrite({ body: TerminateMembershipRequest, example: 'terminate' })
  terminate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TerminateMembershipRequest,
    @Write() call: WriteCall,
  ) {
    return this.send(call, (write) => new PersonWrite(id, { type: 'TerminateMembership', ...body }, write));
  }

  private send(call: WriteCall, command: (write: WriteContext) => PersonWrite) {
    return this.writes.answer(call, (write): Promise<WriteResult> => this.bus.execute(command(write)));
  }
}
