import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, InvalidPositionError, type EventStore } from '@baytaq/event-store';
import { ProblemError } from '../http/problem';
import { storeFilterFor, toFeedItem, type FeedAudience, type FeedItem } from './feed-redaction';

export interface FeedPage {
  items: FeedItem[];
  /** Pass as `after` to continue; null only when the log is empty and no `after` was given. */
  next: string | null;
}

export interface FeedPageRequest {
  after?: string;
  limit: number;
  types?: readonly string[];
  audience: FeedAudience;
}

const SCAN_BATCH = 200;

function invalidPosition(field: string, message: string): ProblemError {
  return ProblemError.of(400, 'request.validation_failed', `${field} is not a position of this registry's log`, {
    errors: [{ field, code: 'position', message }],
  });
}

/** Reads the global log for integrators, page by page, as the caller's audience may see it. */
@Injectable()
export class EventFeedService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Refuses a position the store did not produce, or one beyond the end of the log (say, from
   * a store since restored from an older backup): reading after it would silently skip events.
   * `field` names where the client sent it (`after`, `Last-Event-ID`).
   */
  async assertPosition(position: string, field: string, head?: string): Promise<void> {
    try {
      head ??= await this.store.headPosition();
      const beyond = head === undefined || this.store.comparePositions(position, head) > 0;
      if (beyond) throw invalidPosition(field, 'the position is beyond the end of the log');
    } catch (error) {
      if (error instanceof InvalidPositionError) throw invalidPosition(field, error.message);
      throw error;
    }
  }

  /**
   * Up to `limit` visible events after `after`. `next` is the position of the last event
   * scanned, visible or not, so excluded events are never scanned twice; once the scan reaches
   * the end of the log it is at least the head when the read began, so a filter that matches
   * rarely does not rescan everything it passed. Every event after `next` is still to come.
   */
  async readPage(request: FeedPageRequest): Promise<FeedPage> {
    const head = await this.store.headPosition();
    if (request.after !== undefined) await this.assertPosition(request.after, 'after', head);
    const filter = storeFilterFor(request.audience, request.types);
    // Privileged scans pass over bookkeeping events in process: small limits still read in bulk.
    const batchSize = Math.max(request.limit, SCAN_BATCH);
    const items: FeedItem[] = [];
    let cursor = request.after;
    for (;;) {
      const batch = await this.store.readAll({ after: cursor, maxCount: batchSize, filter });
      for (const event of batch) {
        cursor = event.position;
        const item = toFeedItem(event, request.audience, request.types);
        if (item) items.push(item);
        if (items.length === request.limit) return { items, next: cursor };
      }
      if (batch.length < batchSize) return { items, next: this.later(cursor, head) ?? null };
    }
  }

  private later(a: string | undefined, b: string | undefined): string | undefined {
    if (a === undefined || b === undefined) return a ?? b;
    return this.store.comparePositions(a, b) >= 0 ? a : b;
  }
}
