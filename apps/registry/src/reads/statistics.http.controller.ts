import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PublicRead } from '../auth/roles.decorator';
import { ApiTemporalQuery } from './read-access';
import { ReadGate } from './read-gate';
import { type Query as QueryString } from './read-params';

const GROUPINGS = ['region', 'branch'] as const;

@ApiTags('reads: statistics')
@PublicRead()
@Controller('v1/statistics')
export class StatisticsController {
  constructor(@Inject(ReadGate) private readonly gate: ReadGate) {}

  @Get('membership')
  @ApiOperation({
    summary:
      'Members on asOf by top-level region (as the regions were that day) or by branch; aggregate counts are public',
  })
  @ApiTemporalQuery()
  @ApiQuery({ name: 'groupBy', required: false, enum: GROUPINGS })
  async membership(@Query() query: QueryString) {
    const q = await this.gate.open(query, (r) => r.oneOf('groupBy', GROUPINGS) ?? 'region');
    const structure = this.gate.reads.structure;
    const rows = q.own === 'region' ? structure.byRegion(q) : structure.byBranch(q);
    return { asOf: q.asOf, knownAt: q.knownAt, groupBy: q.own, total: rows.reduce((s, r) => s + r.count, 0), rows };
  }
}
