import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PublicRead } from '../auth/roles.decorator';
import { ApiTemporalQuery } from '../reads/read-access';
import { ReadGate } from '../reads/read-gate';
import { type Query as QueryString } from '../reads/read-params';
import { PopoloExportDto } from './popolo-export.response.dto';
import { type PopoloExport, toPopolo } from './popolo.mapping';

const FLAGS = ['true', 'false'] as const;

/**
 * The leadership and structure in the Popolo open data format. Public: persons are officers only
 * and only by name, because ordinary membership is personal data and leadership is not.
 */
@ApiTags('reads: export')
@PublicRead()
@Controller('v1/export')
export class PopoloExportController {
  constructor(@Inject(ReadGate) private readonly gate: ReadGate) {}

  @Get('popolo')
  @ApiOperation({
    summary: 'Officers, organisations, posts, tenures and meetings on asOf, in the Popolo format',
    description:
      'Popolo "memberships" are tenures (a person holding a post in an organisation), not party membership. ' +
      'Without `history`: the organisations and posts existing on asOf and the tenures held that day, with their ' +
      'whole terms. With `history=true`: everything begun by asOf, ended or not. Persons are the holders of ' +
      'those tenures, by name only (never IIN, birth date or contacts). `events` are the meetings held by ' +
      'asOf by the organisations exported (attendance and quorum in `description`, the protocol number as an ' +
      'identifier). Every list is ordered by id.',
  })
  @ApiTemporalQuery()
  @ApiQuery({ name: 'history', required: false, enum: FLAGS, description: 'Include what ended by asOf' })
  @ApiOkResponse({ type: PopoloExportDto })
  async popolo(@Query() query: QueryString): Promise<PopoloExport> {
    const q = await this.gate.open(query, (r) => r.oneOf('history', FLAGS) === 'true');
    const facts = this.gate.reads.popolo.facts(q, q.own ? 'begun_by' : 'on_day');
    const meetings = this.gate.reads.meetings.heldUpTo(q.asOf, q.knownAt);
    return toPopolo(facts, { asOf: q.asOf, knownAt: q.knownAt }, q.own, meetings);
  }
}
