import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRead } from '../auth/roles.decorator';
import { ApiTemporalQuery, notFound } from './read-access';
import { ReadGate } from './read-gate';
import { type Query as QueryString } from './read-params';

@ApiTags('reads: structure')
@PublicRead()
@Controller('v1/posts')
export class PostReadsController {
  constructor(@Inject(ReadGate) private readonly gate: ReadGate) {}

  @Get(':id/holders')
  @ApiOperation({
    summary: 'The succession of a post: every tenure in order, with predecessor and successor, and vacancies as gaps',
  })
  @ApiTemporalQuery()
  async holders(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query);
    const succession = this.gate.reads.history.succession(id, q.knownAt);
    if (!succession) throw notFound('post', id);
    return { knownAt: q.knownAt, ...succession };
  }
}
