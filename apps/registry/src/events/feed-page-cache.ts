/**
 * A full page of the feed as sent: its SSE text, encoded (the bytes are handed to every socket
 * as they are, not encoded again for each), and the position it ends at.
 */
export interface SentPage {
  bytes: Buffer;
  last: string;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The public feed's full pages, as text, by where they start, the most recently used kept up to
 * a size. A full page never changes (the log only grows at its end, and a page of the public
 * feed shows the organisation and meeting events as recorded), and replays from the start all
 * read the same pages: so 500 clients that replay the log cost about one replay of reading and
 * serialising, plus their sockets. Pages of privileged streams are not kept: they hold personal
 * data, which stays in the store, not in this process's memory.
 */
export class FeedPageCache {
  private readonly pages = new Map<string, SentPage>();
  private bytes = 0;

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  get size(): number {
    return this.pages.size;
  }

  get(key: string): SentPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Most recently used last: Map keeps insertion order.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: SentPage): void {
    if (page.bytes.length > this.maxBytes || this.pages.has(key)) return;
    this.pages.set(key, page);
    this.bytes += page.bytes.length;
    for (const [oldest, evicted] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= evicted.bytes.length;
    }
  }
}

/** Where a page of the public feed starts, for the caller's type filter. */
export function publicPageKey(types: readonly string[] | undefined, after: string | undefined): string {
  return `${types ? types.join(',') : '*'} ${after ?? ''}`;
}
