import type { AllFilter, EventStore, RecordedEvent } from './event-store.port';

export type LogReader = Pick<EventStore, 'readAll' | 'headPosition' | 'comparePositions'>;

function later(reader: LogReader, a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return reader.comparePositions(a, b) >= 0 ? a : b;
}

/**
 * Delivers, page by page, every event after `after` that matches the filter, and returns the
 * position to continue from. That is at least the head of the log when the read began: a
 * follower of rare events must not scan again, at every commit, all that it already passed.
 */
export async function readSince(
  reader: LogReader,
  after: string | undefined,
  filter: AllFilter | undefined,
  onEvent: (event: RecordedEvent) => void | Promise<void>,
  pageSize = 1000,
): Promise<string | undefined> {
  const head = await reader.headPosition();
  let position = after;
  for (;;) {
    const page = await reader.readAll({ after: position, maxCount: pageSize, filter });
    for (const event of page) {
      await onEvent(event);
      position = event.position;
    }
    if (page.length < pageSize) return later(reader, position, head);
  }
}
