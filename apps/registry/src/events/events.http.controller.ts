import { Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeysService } from '../auth/api-keys.service';
import { bearerToken } from '../auth/auth.guard';
import { Principal } from '../auth/principal.decorator';
import { PublicRead } from '../auth/roles.decorator';
import type { AuthPrincipal } from '../auth/roles';
import { AccessRecord } from '../disclosure/access-record';
import { ApiProblemResponses, ProblemDto } from '../shared-dto/problem.dto';
import { EventFeedService } from './event-feed.service';
import { EventFeedStreams } from './event-feed.streams';
import { DEFAULT_FEED_LIMIT, EventFeedQuery, EventStreamQuery, typesOf } from './event-feed.query.dto';
import { FeedPageDto } from './event-feed.response.dto';
import { audienceOf, type FeedAudience, peopleIn } from './feed-redaction';
import { streamClient } from './stream-admission';

const WHO_SEES_WHAT =
  'No key needed. Without the compliance or admin role, only organisation and meeting events are shown: ' +
  "people's events (membership is personal data) and other streams need that role. The registry's bookkeeping " +
  '(idempotency records, API keys, IIN reservations) is never shown. A registrar key sees what the public sees. ' +
  "A page or a stream's page with people's events is a read of personal data: it goes into the access record " +
  '(GET /v1/audit/access) before it is sent.';

const SSE_EXAMPLE =
  'id: 1042\nevent: TenureStarted\ndata: {"position":"1042","stream":"organisation-…","type":"TenureStarted",' +
  '"data":{…},"metadata":{…},"recordedAt":"2025-03-01T09:30:00.000Z","eventId":"…","revision":7}\n\n' +
  ': keep-alive\n\n';

@ApiTags('event feed')
@ApiExtraModels(ProblemDto)
@PublicRead()
// The key is optional: no security requirement, or the API key (which then shows more).
@ApiSecurity({})
@ApiBearerAuth('apiKey')
@ApiProblemResponses([
  [401, '`auth.unauthenticated`: a key was sent, but it is unknown or revoked'],
  [400, '`request.validation_failed`: a bad `limit` or `types`, or a position this log did not produce'],
])
@Controller('v1/events')
export class EventsController {
  constructor(
    @Inject(EventFeedService) private readonly feed: EventFeedService,
    @Inject(EventFeedStreams) private readonly streams: EventFeedStreams,
    @Inject(ApiKeysService) private readonly keys: ApiKeysService,
    @Inject(AccessRecord) private readonly access: AccessRecord,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The global log for integrators, page by page',
    description: `Pass each page's \`next\` as \`after\` to read every event exactly once, in log order. ${WHO_SEES_WHAT}`,
  })
  @ApiOkResponse({ type: FeedPageDto, description: 'Up to `limit` events after `after`, and where to continue' })
  async read(
    @Query() query: EventFeedQuery,
    @Principal() principal: AuthPrincipal | undefined,
    @Req() request: FastifyRequest,
  ): Promise<FeedPageDto> {
    const page = await this.feed.readPage({
      after: query.after,
      limit: query.limit ?? DEFAULT_FEED_LIMIT,
      types: typesOf(query),
      audience: audienceOf(principal),
    });
    const people = peopleIn(page.items.map((item) => item.stream));
    if (people.length > 0) this.access.disclosed(request, people);
    return page;
  }

  @Get('stream')
  @ApiOperation({
    summary: 'The global log as Server-Sent Events: catches up, then stays live',
    description:
      'Each event is `id: <position>`, `event: <type>`, `data: <the item of GET /v1/events>`; a `: keep-alive` ' +
      'comment every 15 s (REGISTRY_SSE_HEARTBEAT_SECONDS). Replays page by page at the pace the client reads. ' +
      'At most REGISTRY_SSE_MAX_STREAMS streams at once (200), and REGISTRY_SSE_MAX_STREAMS_PER_CLIENT (10) per key, ' +
      'or per address without a key. Resumes after `Last-Event-ID` (what EventSource sends when it reconnects) or else ' +
      `after \`after\`; the header wins when both are sent. ${WHO_SEES_WHAT}`,
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position; wins over `after`' })
  @ApiOkResponse({
    description: 'An endless text/event-stream',
    content: { 'text/event-stream': { schema: { type: 'string' }, example: SSE_EXAMPLE } },
  })
  @ApiProblemResponses([
    [
      429,
      '`feed.too_many_streams_for_client`: this key (or address) has as many streams open as it may; `Retry-After`',
    ],
    [
      503,
      '`feed.too_many_streams`: the registry serves as many streams as it will; `service.shutting_down`: reconnect ' +
        '(to another replica, or after the restart). Both with `Retry-After`',
    ],
  ])
  async stream(
    @Query() query: EventStreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Principal() principal: AuthPrincipal | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // An empty Last-Event-ID means none (as in the SSE specification).
    const resume = lastEventId
      ? { after: lastEventId, field: 'Last-Event-ID' }
      : { after: query.after, field: 'after' };
    if (resume.after !== undefined) await this.feed.assertPosition(resume.after, resume.field);
    const audience = audienceOf(principal);
    this.streams.open(request, reply, {
      after: resume.after,
      types: typesOf(query),
      audience,
      client: streamClient(principal?.name, request.ip),
      stillAllowed: this.whileKeyHolds(request, audience),
      disclosed: (people) => this.access.disclosed(request, people),
    });
  }

  /** A stream outlives the request's check: a privileged one must end when its key is revoked. */
  private whileKeyHolds(request: FastifyRequest, audience: FeedAudience): () => boolean {
    if (audience === 'public') return () => true;
    // The guard has already accepted this header: a principal is set.
    const token = bearerToken(request.headers.authorization);
    return () => token !== undefined && audienceOf(this.keys.authenticate(token)) === 'privileged';
  }
}
