import type { RegistryHttp } from './crash-http';

export interface LoggedEvent {
  position: string;
  stream: string;
  type: string;
  data: Record<string, unknown>;
}

interface FeedPage {
  items: Array<LoggedEvent & { eventId: string }>;
  next: string | null;
}

const PAGE = 500;

/**
 * The global log as `GET /v1/events` shows it to an admin, read page by page and kept by event
 * id. Read on from where it stopped after each restart; `fresh` reads it again from the start.
 */
export class LogIndex {
  private readonly events = new Map<string, LoggedEvent>();
  private cursor: string | undefined;

  static async fresh(http: RegistryHttp): Promise<LogIndex> {
    const log = new LogIndex();
    await log.readOn(http);
    return log;
  }

  get size(): number {
    return this.events.size;
  }

  get(eventId: string): LoggedEvent | undefined {
    return this.events.get(eventId);
  }

  has(eventId: string): boolean {
    return this.events.has(eventId);
  }

  /** Everything recorded after what was read before, up to the head. */
  async readOn(http: RegistryHttp): Promise<void> {
    for (;;) {
      const after = this.cursor === undefined ? '' : `&after=${encodeURIComponent(this.cursor)}`;
      const page = await http.read<FeedPage>(`/v1/events?limit=${PAGE}${after}`);
      for (const { eventId, ...event } of page.items) this.events.set(eventId, event);
      this.cursor = page.next ?? this.cursor;
      if (page.items.length < PAGE) return;
    }
  }
}

/**
 * Orders two positions of the embedded store, which are the sequence numbers of its log. The API
 * calls positions opaque; the suite runs on the embedded store only and says so where it fails.
 */
export function comparePositions(a: string, b: string): number {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) throw new Error(`not positions of the embedded store: ${a}, ${b}`);
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
