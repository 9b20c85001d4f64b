import type { ReadStreamOptions } from './event-store.port';

/** Applies direction, start revision and count to a stream held in revision order. */
export function readStreamSlice<T extends { revision: number }>(events: T[], options: ReadStreamOptions): T[] {
  const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  if (options.direction === 'backwards') {
    const from = options.fromRevision ?? Number.MAX_SAFE_INTEGER;
    return events
      .filter((e) => e.revision <= from)
      .reverse()
      .slice(0, max);
  }
  const from = options.fromRevision ?? 0;
  return events.filter((e) => e.revision >= from).slice(0, max);
}
