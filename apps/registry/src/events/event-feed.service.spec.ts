import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MemoryEventStore } from '@baytaq/event-store';
import { ProblemError } from '../http/problem';
import { EventFeedService, type FeedPageRequest } from './event-feed.service';
import type { FeedAudience, FeedItem } from './feed-redaction';

const STREAMS = ['organisation-a', 'person-p', 'meeting-m', 'idempotency-x', 'iin-y', 'apikey-z', 'filing-f'];
const TYPES = ['Established', 'Admitted', 'Recorded'];

async function storeWith(events: Array<{ stream: number; type: number }>): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  for (const e of events) {
    await store.append(STREAMS[e.stream]!, [{ id: randomUUID(), type: TYPES[e.type]!, data: {} }], 'any');
  }
  return store;
}

/** Follows `next` until a page comes back empty, as an integrator would. */
async function pageThrough(feed: EventFeedService, request: Omit<FeedPageRequest, 'after'>): Promise<FeedItem[]> {
  const seen: FeedItem[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await feed.readPage({ ...request, after });
    seen.push(...page.items);
    expect(page.items.length).toBeLessThanOrEqual(request.limit);
    if (page.items.length === 0) return seen;
    after = page.next ?? undefined;
  }
  throw new Error('paging did not end');
}

describe('EventFeedService.readPage', () => {
  it('sees every visible event exactly once, in log order, whatever the limit, filter and audience', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ stream: fc.nat(STREAMS.length - 1), type: fc.nat(TYPES.length - 1) }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
        fc.constantFrom<FeedAudience>('public', 'privileged'),
        async (events, limit, types, audience) => {
          const store = await storeWith(events);
          const feed = new EventFeedService(store);
          const seen = await pageThrough(feed, { limit, types, audience });
          const everything = (await feed.readPage({ limit: 500, types, audience })).items;
          expect(seen).toEqual(everything);
          const expected = (await store.readAll()).filter(
            (e) =>
              !/^(idempotency|iin|apikey)-/.test(e.stream) &&
              (audience === 'privileged' || /^(organisation|meeting)-/.test(e.stream)) &&
              (!types || types.includes(e.type)),
          );
          expect(seen.map((i) => i.eventId)).toEqual(expected.map((e) => e.id));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('advances next past events the caller may not see', async () => {
    const store = await storeWith([
      { stream: 0, type: 0 },
      { stream: 3, type: 0 },
      { stream: 6, type: 0 },
    ]);
    const page = await new EventFeedService(store).readPage({ limit: 10, audience: 'public' });
    expect(page.items.map((i) => i.position)).toEqual(['1']);
    expect(page.next).toBe('3');
  });

  it('keeps next where it was when nothing is new, and null on an empty log', async () => {
    const feed = new EventFeedService(await storeWith([{ stream: 0, type: 0 }]));
    expect(await feed.readPage({ after: '1', limit: 5, audience: 'public' })).toEqual({ items: [], next: '1' });
    const empty = new EventFeedService(new MemoryEventStore());
    expect(await empty.readPage({ limit: 5, audience: 'public' })).toEqual({ items: [], next: null });
  });

  it.each(['abc', '-1', '1.5', '99'])('refuses %j as after with a 400 naming the field', async (after) => {
    const feed = new EventFeedService(await storeWith([{ stream: 0, type: 0 }]));
    const error = await feed.readPage({ after, limit: 5, audience: 'public' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toMatchObject({
      status: 400,
      code: 'request.validation_failed',
      errors: [{ field: 'after', code: 'position' }],
    });
  });
});
