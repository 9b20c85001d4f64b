import { event, uniqueStream } from './testing/conformance';
import type { ReadAllOptions } from './event-store.port';
import { MemoryEventStore } from './memory/memory-event-store';
import { readSince } from './read-since';

describe('readSince', () => {
  it('delivers the matching events in pages and continues from the head, not from the last match', async () => {
    const store = new MemoryEventStore();
    const stream = uniqueStream();
    await store.append(stream, [event('Rare'), event('Common'), event('Rare')], 'no_stream');
    await store.append(
      stream,
      Array.from({ length: 7 }, () => event('Common')),
      1 + 1,
    );
    const seen: string[] = [];
    const next = await readSince(store, undefined, { eventTypes: ['Rare'] }, (e) => void seen.push(e.position), 1);
    expect(seen).toEqual(['1', '3']);
    expect(next).toBe('10');
  });

  it('keeps its position when the log is empty, and reads only what follows it afterwards', async () => {
    const store = new MemoryEventStore();
    expect(await readSince(store, undefined, undefined, () => undefined)).toBeUndefined();
    await store.append(uniqueStream(), [event(), event()], 'no_stream');
    const reads: Array<string | undefined> = [];
    const reader = {
      readAll: (o: ReadAllOptions) => (reads.push(o.after), store.readAll(o)),
      headPosition: () => store.headPosition(),
      comparePositions: (a: string, b: string) => store.comparePositions(a, b),
    };
    const next = await readSince(reader, '2', { eventTypes: ['Nothing'] }, () => undefined);
    expect(reads).toEqual(['2']);
    expect(next).toBe('2');
  });
});
