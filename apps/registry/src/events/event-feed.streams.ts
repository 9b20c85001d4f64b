import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { problem, ProblemError } from '../http/problem';
import { storeFilterFor, type FeedAudience } from './feed-redaction';
import { FeedStream } from './feed-stream';

/** How often an idle stream sends its `: keep-alive` comment. A provider so that tests can shorten it. */
@Injectable()
export class FeedStreamSettings {
  heartbeatMs = 15_000;
}

export interface FeedStreamRequest {
  after?: string;
  types?: readonly string[];
  audience: FeedAudience;
  /** See FeedStreamOptions.stillAllowed. */
  stillAllowed: () => boolean;
}

/**
 * The open Server-Sent Events connections of this process. The HTTP server waits for open
 * connections when it closes, and a feed never ends by itself: so the streams are ended before
 * the server closes (BeforeApplicationShutdown), and none is opened once shutdown has begun.
 */
@Injectable()
export class EventFeedStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger('event-feed');
  private readonly streams = new Set<FeedStream>();
  private shuttingDown = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FeedStreamSettings) private readonly settings: FeedStreamSettings,
  ) {}

  get openStreams(): number {
    return this.streams.size;
  }

  /** Takes the response over (Fastify's hijack: no hooks, no serializer) and streams the feed into it. */
  open(request: FastifyRequest, reply: FastifyReply, feed: FeedStreamRequest): void {
    if (this.shuttingDown) {
      throw new ProblemError(problem(503, 'service.shutting_down', 'the registry is shutting down; reconnect'), {
        'retry-after': '1',
      });
    }
    // Built before the hijack: if the store refuses the subscription, the error is still a problem answer.
    const stream: FeedStream = new FeedStream(reply.raw, this.store, {
      after: feed.after,
      filter: storeFilterFor(feed.audience, feed.types),
      audience: feed.audience,
      types: feed.types,
      heartbeatMs: this.settings.heartbeatMs,
      stillAllowed: feed.stillAllowed,
      onClosed: () => this.streams.delete(stream),
      onError: (error) =>
        this.logger.error({ msg: 'event feed stream failed', reqId: request.id, error: String(error) }),
    });
    this.streams.add(stream);
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // nginx and the like would otherwise buffer the stream.
      'x-accel-buffering': 'no',
      // The onSend hook that sets it does not run for a hijacked reply.
      'x-request-id': request.id,
    });
    reply.raw.flushHeaders();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all([...this.streams].map((stream) => stream.close('shutdown')));
  }
}
