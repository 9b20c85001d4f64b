/** How many folded streams stay in memory; the least recently used goes first. */
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
  private readonly entries = new Map<string, CachedStream>();

  constructor(private readonly capacity = STREAM_CACHE_SIZE) {}

  get(stream: string): CachedStream | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry;
  }

  set(stream: string, entry: CachedStream): void {
    const known = this.entries.get(stream);
    // Two loads of one stream can finish in either order: keep the later revision.
    if (known && known.revision > entry.revision) return;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
