import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import type { EventStore, EventToAppend, RecordedEvent } from '../event-store.port';

export interface ConformanceSubject {
  store: EventStore;
  /** Closes the store and opens it again on the same data: for durable adapters. */
  reopen?: () => Promise<EventStore>;
  cleanup: () => Promise<void>;
}

export function event(type = 'SomethingHappened', data: Record<string, unknown> = {}): EventToAppend {
  return { id: randomUUID(), type, data: { ...data }, metadata: { actor: 'conformance' } };
}

/** A stream name no other test of the run uses, so that suites can share one server. */
export function uniqueStream(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The behaviour every event store adapter must show. Runs jest `describe` itself. */
export function describeEventStoreConformance(name: string, factory: () => Promise<ConformanceSubject>): void {
  describe(`event store conformance: ${name}`, () => {
    let subject: ConformanceSubject;
    let store: EventStore;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    describe('expected revision', () => {
      it('creates a stream with no_stream and numbers its events from 0', async () => {
        const stream = uniqueStream();
        const [a, b] = [event(), event()];
        const result = await store.append(stream, [a, b], 'no_stream');
        expect(result).toMatchObject({ stream, revision: 1, eventIds: [a.id, b.id] });
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.id, e.revision])).toEqual([
          [a.id, 0],
          [b.id, 1],
        ]);
        expect(read[1]!.position).toBe(result.position);
      });

      it('accepts the exact revision and refuses a stale one with the actual revision', async () => {
        const stream = uniqueStream();
        await store.append(stream, [event(), event()], 'no_stream');
        await expect(store.append(stream, [event()], 1)).resolves.toMatchObject({ revision: 2 });
        const error = await rejection(store.append(stream, [event()], 1));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected: 1, actual: 2 });
      });

      it('checks no_stream, stream_exists and any', async () => {
        const stream = uniqueStream();
        expect(await rejection(store.append(stream, [event()], 'stream_exists'))).toMatchObject({
          actual: 'no_stream',
        });
        expect(await rejection(store.append(stream, [event()], 3))).toMatchObject({ actual: 'no_stream' });
        await store.append(stream, [event()], 'any');
        expect(await rejection(store.append(stream, [event()], 'no_stream'))).toMatchObject({ actual: 0 });
        await expect(store.append(stream, [event()], 'stream_exists')).resolves.toMatchObject({ revision: 1 });
        await expect(store.append(stream, [event()], 'any')).resolves.toMatchObject({ revision: 2 });
      });

      it('lets exactly one of 50 concurrent appends with the same expected revision win', async () => {
        const stream = uniqueStream();
        await store.append(stream, [event()], 'no_stream');
        const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => store.append(stream, [event()], 0)));
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses malformed appends and stores nothing', async () => {
        const stream = uniqueStream();
        const e = event();
        await expect(store.append(stream, [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(stream, [e, { ...e }], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append('bad stream name', [event()], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('idempotent retry', () => {
      it('returns the original result for a retried append and stores nothing twice', async () => {
        const stream = uniqueStream();
        const events = [event(), event()];
        const first = await store.append(stream, events, 'no_stream');
        await store.append(stream, [event()], 1);
        const retry = await store.append(stream, events, 'no_stream');
        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('stores concurrent retries of one append once', async () => {
        const stream = uniqueStream();
        const events = [event()];
        const results = await Promise.all([1, 2, 3].map(() => store.append(stream, events, 'any')));
        expect(new Set(results.map((r) => r.position)).size).toBe(1);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('refuses ids reused in a different append', async () => {
        const stream = uniqueStream();
        const [a, b] = [event(), event()];
        await store.append(stream, [a], 'no_stream');
        const error = await rejection(store.append(stream, [b, a], 'any'));
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards from a revision, with a count', async () => {
        const stream = uniqueStream();
        const events = Array.from({ length: 6 }, (_, i) => event('Counted', { i }));
        await store.append(stream, events, 'no_stream');
        const revisions = (list: RecordedEvent[]) => list.map((e) => e.revision);
        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5]);
        expect(revisions(await store.readStream(stream, { fromRevision: 2, maxCount: 3 }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1, 0]);
        expect(
          revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 })),
        ).toEqual([3, 2]);
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });

      it('keeps data, metadata and recorded-at', async () => {
        const stream = uniqueStream();
        const data = { name: { kk: 'Қазақстанның «Байтақ» жасылдар партиясы', ru: 'Байтақ' }, seats: null, n: 3 };
        const e = {
          id: randomUUID(),
          type: 'PartyFounded',
          data,
          metadata: { actor: 'registrar-1', effectiveDate: '2022-09-24' },
        };
        const before = Date.now();
        await store.append(stream, [e], 'no_stream');
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({ id: e.id, stream, type: 'PartyFounded', data, metadata: e.metadata });
        expect(read!.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        expect(Date.parse(read!.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
      });

      it('reads the global log in commit order, after a position, filtered by type and stream prefix', async () => {
        const prefix = `glob${randomUUID().slice(0, 8)}`;
        const committed: string[] = [];
        const start = await store.headPosition();
        await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            store
              .append(`${prefix}${i % 3}-${i}`, [event(i % 2 ? 'Odd' : 'Even', { i })], 'any')
              .then((r) => committed.push(...r.eventIds)),
          ),
        );
        const ours = (list: RecordedEvent[]) => list.filter((e) => e.stream.startsWith(prefix));
        const log = ours(await store.readAll({ after: start }));
        expect(log.map((e) => e.id)).toEqual(committed);
        for (let i = 1; i < log.length; i++) {
          expect(store.comparePositions(log[i - 1]!.position, log[i]!.position)).toBeLessThan(0);
          expect(log[i - 1]!.recordedAt <= log[i]!.recordedAt).toBe(true);
        }
        const afterTen = ours(await store.readAll({ after: log[9]!.position }));
        expect(afterTen.map((e) => e.id)).toEqual(committed.slice(10));
        const odd = await store.readAll({
          after: start,
          filter: { eventTypes: ['Odd'], streamPrefixes: [`${prefix}1`] },
        });
        expect(odd.map((e) => e.data['i'])).toEqual(
          log.filter((e) => e.type === 'Odd' && e.stream.startsWith(`${prefix}1`)).map((e) => e.data['i']),
        );
        expect(odd.length).toBeGreaterThan(0);
        expect(await store.readAll({ after: start, maxCount: 4 })).toHaveLength(4);
        expect(await store.headPosition()).toBe(log[log.length - 1]!.position);
      });
    });

    describe('subscription', () => {
      it('delivers every event exactly once across catch-up and live, then signals caught up once', async () => {
        const prefix = `sub${randomUUID().slice(0, 8)}`;
        const appended: string[] = [];
        for (let i = 0; i < 40; i++)
          appended.push(...(await store.append(`${prefix}-${i % 4}`, [event()], 'any')).eventIds);
        const from = (await store.readStream(`${prefix}-1`))[2]!;
        const startAt = appended.indexOf(from.id);
        const seen: string[] = [];
        let caughtUp = 0;
        const subscription = store.subscribeToAll(
          { after: from.position, filter: { streamPrefixes: [prefix] } },
          { onEvent: (e) => void seen.push(e.id), onCaughtUp: () => void (caughtUp += 1) },
        );
        const live = Array.from({ length: 40 }, (_, i) =>
          store.append(`${prefix}-${i % 4}`, [event()], 'any').then((r) => appended.push(...r.eventIds)),
        );
        await Promise.all(live);
        await waitFor(() => seen.length >= appended.length - startAt - 1);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();
        expect(seen).toEqual(appended.slice(startAt + 1));
        expect(caughtUp).toBe(1);
      });
    });

    it('keeps every acknowledged event across a close and reopen', async () => {
      if (!subject.reopen) return expect(subject.reopen).toBeUndefined();
      const stream = uniqueStream();
      const ids: string[] = [];
      const results = await Promise.all(Array.from({ length: 20 }, () => store.append(stream, [event()], 'any')));
      results.forEach((r) => ids.push(...r.eventIds));
      store = await subject.reopen();
      const read = await store.readStream(stream);
      expect(read.map((e) => e.id).sort()).toEqual([...ids].sort());
      await expect(store.append(stream, [event()], 19)).resolves.toMatchObject({ revision: 20 });
    });
  });
}
