import { Controller, Get, Inject, Query } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/roles.decorator';
import { ApiPageQuery } from '../reads/read-access';
import { encodeCursor, KEY_PART, type Query as QueryString, QueryReader, readKeyedPage } from '../reads/read-params';
import { AccessRecordPageDto } from './access-record.dto';
import { AccessRecord } from './access-record';

/** `GET /v1/audit/access`: who read whose personal data, when and through which endpoint (admin). */
@ApiTags('audit')
@RequireRoles('admin')
@Controller('v1/audit')
export class AuditController {
  constructor(@Inject(AccessRecord) private readonly record: AccessRecord) {}

  @Get('access')
  @ApiOperation({
    summary: 'Every read of personal data, in the order made: actor, endpoint, person ids, time, request',
    description:
      'A read of a person with personal fields, a member list, a member-list filing, an export, or feed events ' +
      "of people's streams. Each is recorded on disk before its answer is sent. Filters combine; `from` is " +
      'included, `to` excluded.',
  })
  @ApiQuery({ name: 'personId', required: false, description: 'Reads that disclosed this person' })
  @ApiQuery({ name: 'actor', required: false, description: 'Reads made with the key of this name' })
  @ApiQuery({ name: 'from', required: false, description: 'RFC 3339: reads made at or after' })
  @ApiQuery({ name: 'to', required: false, description: 'RFC 3339: reads made before' })
  @ApiPageQuery()
  @ApiOkResponse({ type: AccessRecordPageDto })
  access(@Query() query: QueryString): AccessRecordPageDto {
    const reader = new QueryReader(query);
    const personId = reader.text('personId');
    if (personId !== undefined && !isUUID(personId)) reader.fail('personId', 'isUuid', 'personId must be a UUID');
    const actor = reader.text('actor');
    if (actor !== undefined && actor.length > 200) reader.fail('actor', 'isLength', 'actor is a key name');
    const from = reader.timestamp('from');
    const to = reader.timestamp('to');
    const { limit, after } = readKeyedPage(reader, [KEY_PART.revision]);
    reader.done();
    const items = this.record.list({
      personId: personId?.toLowerCase(),
      actor,
      from,
      to,
      afterId: Number(after?.[0] ?? 0),
      limit: limit + 1,
    });
    const shown = items.slice(0, limit);
    return { items: shown, next: items.length > limit ? encodeCursor(String(shown.at(-1)!.id)) : null };
  }
}
