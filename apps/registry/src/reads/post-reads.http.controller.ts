import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRead } from '../auth/roles.decorator';
import type { SuccessionEntry } from '@baytaq/read-models';
import { ApiPageQuery, ApiTemporalQuery, notFound } from './read-access';
import { ReadGate } from './read-gate';
import { cursorParts, KEY_PART, pageAfter, type Query as QueryString, readPage } from './read-params';

/**
 * The order of a succession: by start, a tenure by its id, and a vacancy after the tenures that
 * start the day it does (those end that day: a vacancy follows what ended).
 */
const successionKey = (e: SuccessionEntry): string => `${e.from}\u0000${e.kind === 'tenure' ? e.tenureId : '~'}`;
const TENURE_OR_VACANCY = /^([0-9a-fA-F-]{36}|~)$/;

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
  @ApiPageQuery(500)
  async holders(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query, (r) => {
      const page = readPage(r, 500);
      return {
        limit: page.limit,
        after: cursorParts(r, page.cursor, [KEY_PART.date, TENURE_OR_VACANCY])?.join('\u0000'),
      };
    });
    const succession = this.gate.reads.history.succession(id, q.knownAt);
    if (!succession) throw notFound('post', id);
    const { items, next } = pageAfter(succession.entries, q.own.limit, q.own.after, successionKey);
    return { knownAt: q.knownAt, ...succession, entries: items, next };
  }
}
