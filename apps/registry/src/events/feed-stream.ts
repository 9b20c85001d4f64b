import type { ServerResponse } from 'node:http';
import type { AllFilter, EventStore, RecordedEvent, Subscription } from '@baytaq/event-store';
import { toFeedItem, type FeedAudience } from './feed-redaction';

export interface FeedStreamOptions {
  after?: string;
  filter?: AllFilter;
  audience: FeedAudience;
  /** The caller's type filter, applied to the types it may see. */
  types?: readonly string[];
  heartbeatMs: number;
  /** Asked before each event and heartbeat: false (say, the key was revoked) ends the stream. */
  stillAllowed: () => boolean;
  /** Called once, when the stream has ended and its subscription is closed. */
  onClosed: () => void;
  onError: (error: Error) => void;
}

/** A stalled client must not hold a shutdown: after this the connection is cut. */
const SHUTDOWN_GRACE_MS = 1000;

/** Event types come from the store; a line break in one would forge SSE fields. */
const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');

/**
 * One Server-Sent Events connection: the store's catch-up-then-live subscription written to the
 * raw response, a comment line as heartbeat (proxies drop quiet connections), and one way out
 * that ends the response, stops the heartbeat and closes the subscription, whoever leaves first.
 */
export class FeedStream {
  private readonly heartbeat: NodeJS.Timeout;
  private readonly subscription: Subscription;
  private closing?: Promise<void>;
  private wakeWriter?: () => void;

  constructor(
    private readonly response: ServerResponse,
    store: EventStore,
    private readonly options: FeedStreamOptions,
  ) {
    // Subscribing first: when the store refuses, nothing else has been set up to undo.
    this.subscription = store.subscribeToAll(
      { after: options.after, filter: options.filter },
      {
        onEvent: (event) => this.send(event),
        onError: (error) => {
          options.onError(error);
          void this.close();
        },
      },
    );
    response.on('close', () => void this.close());
    response.on('error', () => void this.close());
    this.heartbeat = setInterval(() => {
      if (options.stillAllowed()) this.write(': keep-alive\n\n');
      else void this.close();
    }, options.heartbeatMs);
  }

  /** Ends the stream; on shutdown a client that does not take the end in time is cut off. */
  close(reason: 'client' | 'shutdown' = 'client'): Promise<void> {
    this.closing ??= this.finish(reason);
    return this.closing;
  }

  private async finish(reason: 'client' | 'shutdown'): Promise<void> {
    clearInterval(this.heartbeat);
    this.wakeWriter?.();
    if (!this.response.writableEnded) this.response.end();
    if (reason === 'shutdown' && !this.response.writableFinished) {
      setTimeout(() => this.response.destroy(), SHUTDOWN_GRACE_MS).unref();
    }
    try {
      await this.subscription.close();
    } catch (error) {
      this.options.onError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.options.onClosed();
    }
  }

  private async send(event: RecordedEvent): Promise<void> {
    // Not awaited: closing waits for this delivery to return.
    if (!this.options.stillAllowed()) return void this.close();
    const item = toFeedItem(event, this.options.audience, this.options.types);
    if (!item) return;
    const message = `id: ${item.position}\nevent: ${oneLine(item.type)}\ndata: ${JSON.stringify(item)}\n\n`;
    // The subscription waits for this promise: a slow client slows its own reading of the log.
    if (!this.write(message)) await this.drained();
  }

  private write(text: string): boolean {
    if (this.closing || this.response.writableEnded || this.response.destroyed) return true;
    return this.response.write(text);
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.response.off('drain', done);
        this.wakeWriter = undefined;
        resolve();
      };
      this.wakeWriter = done;
      this.response.on('drain', done);
    });
  }
}
