import { GenerationalCache } from '@baytaq/event-store';

/**
 * How many folded streams stay in memory, roughly: between half of it and all of it. A person's
 * folded stream takes about 3 KB (so at most about 150 MB); a miss costs a read of the stream,
 * and reads after a commit of the writer thread start from a cleared page cache (about 80 µs).
 */
export const STREAM_CACHE_SIZE = 50_000;

export interface CachedStream {
  revision: number;
  state: unknown;
}

/**
 * Folded stream states by stream name, so that a command reads only the events recorded since
 * its stream was last folded (by this process or, through the store, by any other).
 */
export class StreamStateCache {
  private readonly entries: GenerationalCache<string, CachedStream>;

  constructor(capacity = STREAM_CACHE_SIZE) {
    this.entries = new GenerationalCache(capacity);
  }

  get(stream: string): CachedStream | undefined {
    return this.entries.get(stream);
  }

  set(stream: string, entry: CachedStream): void {
    const known = this.entries.peek(stream);
    // Two loads of one stream can finish in either order: keep the later revision.
    if (known && known.revision > entry.revision) return;
    this.entries.set(stream, entry);
  }
}
