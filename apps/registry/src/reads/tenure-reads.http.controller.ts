import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRead } from '../auth/roles.decorator';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { PostAnswerDto, TenureAnswerDto } from './basis-reads.response.dto';
import { ApiTemporalQuery, notFound, setEtag } from './read-access';
import { ReadGate } from './read-gate';
import { type Query as QueryString } from './read-params';

/** One post, one tenure: public, as leadership is. The ETag is the revision of the organisation's stream. */
@ApiTags('reads: structure')
@PublicRead()
@Controller('v1')
export class TenureReadsController {
  constructor(@Inject(ReadGate) private readonly gate: ReadGate) {}

  @Get('posts/:id')
  @ApiOperation({ summary: 'The post: organisation, title, role, seats, lifetime, and its holders on asOf' })
  @ApiTemporalQuery()
  @ApiOkResponse({ type: PostAnswerDto })
  @ApiProblemResponses([[404, 'No such post is known']])
  async post(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const q = await this.gate.open(query);
    const post = this.gate.reads.postsAndTenures.postById(id, q);
    if (!post) throw notFound('post', id);
    setEtag(reply, this.gate.reads.history.organisationRevision(post.organisationId, q.knownAt));
    const { holders, ...rest } = post;
    return { ...rest, asOf: q.asOf, knownAt: q.knownAt, holders };
  }

  @Get('tenures/:id')
  @ApiOperation({
    summary: 'One tenure: post, person, from, to, method, end reason, and each basis with its meeting',
  })
  @ApiTemporalQuery()
  @ApiOkResponse({ type: TenureAnswerDto })
  @ApiProblemResponses([[404, 'No such tenure is known']])
  async tenure(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const q = await this.gate.open(query);
    const tenure = this.gate.reads.postsAndTenures.tenureById(id, q.knownAt);
    if (!tenure) throw notFound('tenure', id);
    setEtag(reply, this.gate.reads.history.organisationRevision(tenure.organisationId, q.knownAt));
    return { ...tenure, knownAt: q.knownAt };
  }
}
