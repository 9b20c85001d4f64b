import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { meetingStream } from '@baytaq/domain';
import { PublicRead } from '../auth/roles.decorator';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { MeetingAnswerDto, OrganisationMeetingsDto } from './basis-reads.response.dto';
import { ApiPageQuery, ApiTemporalQuery, notFound, setEtag } from './read-access';
import { ReadGate } from './read-gate';
import { cursorParts, KEY_PART, pageAfter, type Query as QueryString, readPage } from './read-params';

/** Before any party: `from` when none is given. */
const BEGINNING = '0001-01-01';

/**
 * Meetings and the decisions that rest on them, readable both ways (DOMAIN.md "Decisions and
 * their meetings"). Public, like leadership: a meeting's record and the organisations' decisions
 * carry no personal data (admissions that cite a meeting are membership, and are not listed).
 */
@ApiTags('reads: meetings')
@PublicRead()
@Controller('v1')
export class MeetingReadsController {
  constructor(@Inject(ReadGate) private readonly gate: ReadGate) {}

  @Get('meetings/:id')
  @ApiOperation({
    summary: 'The meeting, and every decision recorded on its basis (retracted ones marked)',
    description:
      'Foundings, renamings, dissolutions, posts, tenures and their ends whose `basis.meetingId` names the ' +
      'meeting, each with its event id, effective date and retraction, as known at `knownAt`.',
  })
  @ApiTemporalQuery()
  @ApiOkResponse({ type: MeetingAnswerDto })
  @ApiProblemResponses([[404, 'No such meeting is known (or its record was retracted by knownAt)']])
  async one(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const q = await this.gate.open(query);
    const meeting = this.gate.reads.meetings.meeting(id, q.knownAt);
    if (!meeting) throw notFound('meeting', id);
    if (this.gate.isNow(q.knownAt)) setEtag(reply, await this.gate.streamRevision(meetingStream(id)));
    return { ...meeting, knownAt: q.knownAt, decisions: this.gate.reads.meetings.decisions(id, q.knownAt) };
  }

  @Get('organisations/:id/meetings')
  @ApiOperation({ summary: 'The meetings an organisation held from `from` to `to` (both included), by date' })
  @ApiTemporalQuery()
  @ApiPageQuery()
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (default: the beginning)' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (default: asOf)' })
  @ApiOkResponse({ type: OrganisationMeetingsDto })
  @ApiProblemResponses([
    [400, 'A parameter is malformed, or `from` is after `to`'],
    [404, 'No such organisation is known'],
  ])
  async ofOrganisation(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query, (r) => {
      const from = r.date('from');
      const to = r.date('to');
      if (from !== undefined && to !== undefined && from > to)
        r.fail('from', 'isBeforeTo', 'from must not be after to');
      const page = readPage(r);
      const after = cursorParts(r, page.cursor, [KEY_PART.date, KEY_PART.id]);
      return { from, to, limit: page.limit, after: after?.join('\u0000') };
    });
    if (!this.gate.reads.organisations.exists(id, q.knownAt)) throw notFound('organisation', id);
    const range = { from: q.own.from ?? BEGINNING, to: q.own.to ?? q.asOf };
    const held = this.gate.reads.meetings.heldByOrganisation(id, range, q.knownAt);
    const keyOf = (m: { date: string; meetingId: string }) => `${m.date}\u0000${m.meetingId}`;
    const { items, next } = pageAfter(held, q.own.limit, q.own.after, keyOf);
    return { organisationId: id, ...range, knownAt: q.knownAt, items, next };
  }
}
