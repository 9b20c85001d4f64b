import { GenerationalCache } from '@baytaq/event-store';

/** How many folded streams stay in memory, roughly: between half of it and all of it. */
export const STREAM_CACHE_SIZE = 10_000;

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
