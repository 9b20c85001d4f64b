import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { AccessRefusals } from '../auth/access-refusals';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { problem, ProblemError } from '../http/problem';
import { FeedPageCache } from './feed-page-cache';
import { storeFilterFor, type FeedAudience } from './feed-redaction';
import { FeedStream, type FeedLog } from './feed-stream';
import { LogGrowth } from './log-growth';
import { ReadTurns } from './read-turns';
import { StreamAdmission } from './stream-admission';

/** The stream limits and heartbeat from the configuration; a provider so that tests can change them. */
@Injectable()
export class FeedStreamSettings {
  heartbeatMs: number;
  maxStreams: number;
  maxStreamsPerClient: number;

  constructor(
    @Inject(REGISTRY_CONFIG)
    config: Pick<RegistryConfig, 'sseHeartbeatSeconds' | 'sseMaxStreams' | 'sseMaxStreamsPerClient'>,
  ) {
    this.heartbeatMs = config.sseHeartbeatSeconds * 1000;
    this.maxStreams = config.sseMaxStreams;
    this.maxStreamsPerClient = config.sseMaxStreamsPerClient;
  }
}

export interface FeedStreamRequest {
  after?: string;
  types?: readonly string[];
  audience: FeedAudience;
  /** Whose streams count together against the per-client limit (see streamClient). */
  client: string;
  /** See FeedStreamOptions.stillAllowed. */
  stillAllowed: () => boolean;
  /** See FeedStreamOptions.disclosed. */
  disclosed?: (personIds: string[]) => void;
}

/**
 * The open Server-Sent Events connections of this process, within their limits. The HTTP server
 * waits for open connections when it closes, and a feed never ends by itself: so the streams
 * are ended before the server closes (BeforeApplicationShutdown), and none is opened once
 * shutdown has begun.
 */
@Injectable()
export class EventFeedStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger('event-feed');
  private readonly streams = new Set<FeedStream>();
  private readonly log: FeedLog;
  private readonly admission: StreamAdmission;
  private shuttingDown = false;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(FeedStreamSettings) private readonly settings: FeedStreamSettings,
    @Inject(AccessRefusals) refusals: AccessRefusals,
  ) {
    this.log = { store, turns: new ReadTurns(), growth: new LogGrowth(store), pages: new FeedPageCache() };
    this.admission = new StreamAdmission(
      () => settings,
      (limit) => refusals.count(limit === 'total' ? 'stream_limit_total' : 'stream_limit_client'),
    );
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /**
   * Takes the response over (Fastify's hijack: no hooks, no serializer) and streams the feed
   * into it; beyond the limits, throws the problem to answer instead.
   */
  open(request: FastifyRequest, reply: FastifyReply, feed: FeedStreamRequest): void {
    if (this.shuttingDown) {
      throw new ProblemError(problem(503, 'service.shutting_down', 'the registry is shutting down; reconnect'), {
        'retry-after': '1',
      });
    }
    this.admission.admit(feed.client);
    const stream: FeedStream = new FeedStream(reply.raw, this.log, {
      after: feed.after,
      filter: storeFilterFor(feed.audience, feed.types),
      audience: feed.audience,
      types: feed.types,
      heartbeatMs: this.settings.heartbeatMs,
      stillAllowed: feed.stillAllowed,
      disclosed: feed.disclosed,
      onClosed: () => {
        this.streams.delete(stream);
        this.admission.release(feed.client);
      },
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
    stream.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all([...this.streams].map((stream) => stream.close('shutdown')));
    await this.log.growth.close();
  }
}
