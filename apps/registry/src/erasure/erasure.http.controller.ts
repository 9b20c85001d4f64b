import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/roles.decorator';
import { WriteAnswers } from '../commands/write-answers';
import { Write, type WriteCall } from '../commands/write-request';
import { ApiWrite } from '../shared-dto/problem.dto';
import { type ErasureResult, PersonErasure } from './erasure.handlers';
import { ErasureRequest, ErasureResultDto } from './erasure.request.dto';

@ApiTags('personal data')
@RequireRoles('admin')
@Controller('v1/people')
export class ErasureController {
  constructor(
    private readonly bus: CommandBus,
    private readonly writes: WriteAnswers,
  ) {}

  @Post(':id/erasure')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase the person's personal data (admin)",
    description:
      "Records PersonalDataErased, purges the person's personal data from every read model and every past " +
      "version, then destroys the person's key, so that no file of the registry holds it in plain text. An " +
      "officer's name and tenures stay. Erasing again changes nothing and answers as the erasure did; any other " +
      'write about an erased person is 409 person.erased.',
  })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiWrite({ body: ErasureRequest, example: 'erase' })
  erase(@Param('id', ParseUUIDPipe) id: string, @Body() body: ErasureRequest, @Write() call: WriteCall) {
    return this.writes.answer(call, (write): Promise<ErasureResult> =>
      this.bus.execute(new PersonErasure(id, { type: 'ErasePersonalData', ...body }, write)),
    );
  }
}
