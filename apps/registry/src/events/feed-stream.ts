import type { ServerResponse } from 'node:http';
import type { AllFilter, EventStore } from '@baytaq/event-store';
import { publicPageKey, type FeedPageCache } from './feed-page-cache';
import { peopleIn, toFeedItem, type FeedAudience, type FeedItem } from './feed-redaction';
import type { LogGrowth } from './log-growth';
import type { ReadTurns } from './read-turns';

/** Events read from the store at a time: one write to the socket, then the client's pace. */
export const FEED_PAGE_SIZE = 500;

/** What every stream of the process shares: the store, the turns at reading it, the news that it grew, the public pages. */
export interface FeedLog {
  store: Pick<EventStore, 'readAll' | 'headPosition' | 'comparePositions'>;
  turns: ReadTurns;
  growth: LogGrowth;
  pages: FeedPageCache;
}

export interface FeedStreamOptions {
  after?: string;
  filter?: AllFilter;
  audience: FeedAudience;
  /** The caller's type filter, applied to the types it may see. */
  types?: readonly string[];
  heartbeatMs: number;
  /** Called with the people whose events a page carries, before the page is sent (the access record). */
  disclosed?: (personIds: string[]) => void;
  /** Asked before each page and heartbeat: false (say, the key was revoked) ends the stream. */
  stillAllowed: () => boolean;
  /** Called once, when the stream has ended and stopped reading. */
  onClosed: () => void;
  onError: (error: Error) => void;
}

/**
 * Bytes written to a socket in one turn: about what a loopback socket takes at once, so that the
 * copying happens in the turn, whose time the rounds count, and not later in the poll phase of
 * the event loop (where 500 sockets with a page each waiting held requests up for 100 ms and more).
 */
const TURN_BYTES = 64 * 1024;

/** A stalled client must not hold a shutdown: after this the connection is cut. */
const SHUTDOWN_GRACE_MS = 1000;

/** Event types come from the store; a line break in one would forge SSE fields. */
const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');

const message = (item: FeedItem): string =>
  `id: ${item.position}\nevent: ${oneLine(item.type)}\ndata: ${JSON.stringify(item)}\n\n`;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * One Server-Sent Events connection. It reads the log a page at a time after its position (the
 * store's position index; the answer is never held whole), in its turn among the other streams,
 * writes the page in one piece, and reads the next only once the socket has taken it ('drain'):
 * a client that reads slowly is sent slowly, and holds one page in memory. Once a page comes
 * back short it is live: it waits until the log grows past its position, then reads again.
 * A comment line is the heartbeat (proxies drop quiet connections). One way out ends the
 * response and stops the reading and the heartbeat, whoever leaves first.
 */
export class FeedStream {
  private readonly heartbeat: NodeJS.Timeout;
  private readonly ended = new AbortController();
  private position: string | undefined;
  /** The part of the last page read that is still to be written, and whether that page was full. */
  private unsent: Buffer | undefined;
  private pageWasFull = false;
  private running: Promise<void> = Promise.resolve();
  private closing?: Promise<void>;

  constructor(
    private readonly response: ServerResponse,
    private readonly log: FeedLog,
    private readonly options: FeedStreamOptions,
  ) {
    this.position = options.after;
    response.on('close', () => void this.close());
    response.on('error', () => void this.close());
    this.heartbeat = setInterval(() => {
      if (options.stillAllowed()) this.write(': keep-alive\n\n');
      else void this.close();
    }, options.heartbeatMs);
  }

  /** Starts sending, once the response's head is written. */
  start(): void {
    this.running = this.run();
  }

  /** Ends the stream; on shutdown a client that does not take the end in time is cut off. */
  close(reason: 'client' | 'shutdown' = 'client'): Promise<void> {
    this.closing ??= this.finish(reason);
    return this.closing;
  }

  private async finish(reason: 'client' | 'shutdown'): Promise<void> {
    clearInterval(this.heartbeat);
    this.ended.abort();
    if (!this.response.writableEnded) this.response.end();
    if (reason === 'shutdown' && !this.response.writableFinished) {
      setTimeout(() => this.response.destroy(), SHUTDOWN_GRACE_MS).unref();
    }
    try {
      await this.running;
    } finally {
      this.options.onClosed();
    }
  }

  private async run(): Promise<void> {
    const { signal } = this.ended;
    try {
      while (!signal.aborted) {
        const { more, taken } = await this.log.turns.take(() => this.sendSome());
        if (!taken) await this.drained();
        if (!more) await this.log.growth.after(this.position, signal);
      }
    } catch (error) {
      this.options.onError(asError(error));
      void this.close();
    }
  }

  /**
   * One turn: the next TURN_BYTES of the page being sent, or of the page after the position.
   * `more`: more may be sent without waiting for the log (the page is not all written, or it was
   * full). `taken`: the socket took the bytes without buffering beyond its mark.
   */
  private async sendSome(): Promise<{ more: boolean; taken: boolean }> {
    if (this.ended.signal.aborted) return { more: false, taken: true };
    if (!this.options.stillAllowed()) {
      void this.close();
      return { more: false, taken: true };
    }
    if (!this.unsent) await this.readPage();
    const bytes = this.unsent!;
    this.unsent = bytes.length > TURN_BYTES ? bytes.subarray(TURN_BYTES) : undefined;
    const taken = this.write(bytes.subarray(0, TURN_BYTES));
    return { more: this.unsent !== undefined || this.pageWasFull, taken };
  }

  /**
   * Reads the page after the position, or takes it from the pages kept, into `unsent`. After a
   * short page the position is at least the head the read began at, so that a stream that
   * filters passes once over what it does not send, not again at every commit.
   */
  private async readPage(): Promise<void> {
    const key = this.options.audience === 'public' ? publicPageKey(this.options.types, this.position) : undefined;
    const kept = key === undefined ? undefined : this.log.pages.get(key);
    if (kept) {
      this.position = kept.last;
      this.pageWasFull = true;
      this.unsent = kept.bytes;
      return;
    }
    const { store } = this.log;
    const head = await store.headPosition();
    const events = await store.readAll({ after: this.position, maxCount: FEED_PAGE_SIZE, filter: this.options.filter });
    let text = '';
    const streams: string[] = [];
    for (const event of events) {
      const item = toFeedItem(event, this.options.audience, this.options.types);
      if (item) text += message(item);
      if (item) streams.push(item.stream);
    }
    const people = this.options.disclosed ? peopleIn(streams) : [];
    if (people.length > 0) this.options.disclosed!(people);
    if (events.length > 0) this.position = events[events.length - 1]!.position;
    const full = events.length === FEED_PAGE_SIZE;
    if (
      !full &&
      head !== undefined &&
      (this.position === undefined || store.comparePositions(head, this.position) > 0)
    ) {
      this.position = head;
    }
    const bytes = Buffer.from(text);
    if (full && key !== undefined) this.log.pages.set(key, { bytes, last: this.position! });
    this.pageWasFull = full;
    this.unsent = bytes;
  }

  private write(chunk: string | Buffer): boolean {
    if (chunk.length === 0) return true;
    if (this.ended.signal.aborted || this.response.writableEnded || this.response.destroyed) return true;
    // Corked and uncorked here, the bytes go to the socket now, in this turn, whose time counts:
    // left to the response, they would all go in ticks after the round, beyond its budget.
    this.response.cork();
    const taken = this.response.write(chunk);
    this.response.uncork();
    return taken;
  }

  private drained(): Promise<void> {
    const { signal } = this.ended;
    return new Promise((resolve) => {
      const done = (): void => {
        this.response.off('drain', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      // The socket may have taken the page since: a write in a callback's synchronous part is
      // completed, and 'drain' emitted, in the ticks that run before this promise's continuation.
      if (signal.aborted || !this.response.writableNeedDrain) return resolve();
      this.response.on('drain', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
