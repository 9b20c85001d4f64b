import { PassThrough } from 'node:stream';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { Subscription as ClientSubscription } from '@kurrent/kurrentdb-client/dist/streams/utils/Subscription';
import { StoreUnavailableError } from '../errors';
import type { RecordedEvent, SubscriptionHandler } from '../event-store.port';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { formatPosition } from './kurrentdb-mapping';
import { FakeKurrentClient, type FakeSubscription, pos, recorded } from './testing/fake-kurrent-client';

const tick = () => new Promise((resolve) => setImmediate(resolve));
async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Records what the handler saw, in order, with "caught-up" where it was signalled. */
function recorder(onEvent?: (e: RecordedEvent) => Promise<void>) {
  const seen: string[] = [];
  const errors: Error[] = [];
  const handler: SubscriptionHandler = {
    onEvent: async (e) => {
      seen.push(e.id);
      await onEvent?.(e);
    },
    onCaughtUp: () => void seen.push('caught-up'),
    onError: (error) => void errors.push(error),
  };
  return { seen, errors, handler };
}

describe('KurrentDB subscription to $all', () => {
  let fake: FakeKurrentClient;
  let store: KurrentDbEventStore;
  const subscribe = (handler: SubscriptionHandler, after?: number) => {
    const subscription = store.subscribeToAll(
      { after: after === undefined ? undefined : formatPosition(pos(after)) },
      handler,
    );
    return { subscription, source: fake.subscriptions.at(-1) as FakeSubscription };
  };

  beforeEach(() => {
    fake = new FakeKurrentClient();
    store = new KurrentDbEventStore(fake.asClient());
  });

  it('asks the server for events after the position, without system events', () => {
    const { source } = subscribe(recorder().handler, 300);
    expect(source.options).toMatchObject({
      fromPosition: pos(300),
      filter: { filterOn: 'eventType', regex: '^[^$].*' },
    });
  });

  it('signals caught-up after the events buffered before the CaughtUp message, and only once', async () => {
    const { seen, handler } = recorder();
    const { source, subscription } = subscribe(handler);
    source.pause();
    source.deliver(recorded('org-1', 0, 'T', 1));
    source.deliver(recorded('org-1', 1, 'T', 2));
    await tick();
    source.emit('caughtUp', {});
    source.resume();
    source.deliver(recorded('org-1', 2, 'T', 3));
    await until(() => seen.length === 4);
    source.emit('caughtUp', {});
    source.deliver(recorded('org-1', 3, 'T', 4));
    await until(() => seen.length === 5);
    expect(seen).toEqual(['id-1', 'id-2', 'caught-up', 'id-3', 'id-4']);
    await subscription.close();
  });

  it('signals caught-up at once when nothing precedes it', async () => {
    const { seen, handler } = recorder();
    const { source, subscription } = subscribe(handler);
    source.emit('caughtUp', {});
    await until(() => seen.length === 1);
    expect(seen).toEqual(['caught-up']);
    await subscription.close();
  });

  it('awaits each handler call before the next, in log order', async () => {
    let running = 0;
    let overlapped = false;
    const { seen, handler } = recorder(async () => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
    });
    const { source, subscription } = subscribe(handler);
    for (let i = 1; i <= 5; i++) source.deliver(recorded('org-1', i - 1, 'T', i));
    await until(() => seen.length === 5);
    expect(seen).toEqual(['id-1', 'id-2', 'id-3', 'id-4', 'id-5']);
    expect(overlapped).toBe(false);
    await subscription.close();
  });

  it('skips the event at the start position and system events', async () => {
    const { seen, handler } = recorder();
    const { source, subscription } = subscribe(handler, 200);
    source.deliver(recorded('org-1', 1, 'T', 2));
    source.deliver(recorded('$ce-org', 0, '$>', 3));
    source.deliver(recorded('org-1', 2, 'T', 4));
    await until(() => seen.length === 1);
    await tick();
    expect(seen).toEqual(['id-4']);
    await subscription.close();
  });

  it('stops delivering and unsubscribes on close', async () => {
    const { seen, handler } = recorder();
    const { source, subscription } = subscribe(handler);
    source.deliver(recorded('org-1', 0, 'T', 1));
    await until(() => seen.length === 1);
    await subscription.close();
    source.deliver(recorded('org-1', 1, 'T', 2));
    await tick();
    expect(seen).toEqual(['id-1']);
    expect(source.unsubscribed).toBe(1);
  });

  it('reports a dropped connection once, as StoreUnavailableError', async () => {
    const { errors, handler } = recorder();
    const { source } = subscribe(handler);
    source.emit('error', new UnavailableError());
    source.emit('error', new UnavailableError());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StoreUnavailableError);
  });

  it('stops and reports when the handler fails', async () => {
    const failure = new Error('projection broke');
    const { seen, errors, handler } = recorder(async () => {
      throw failure;
    });
    const { source } = subscribe(handler);
    source.deliver(recorded('org-1', 0, 'T', 1));
    source.deliver(recorded('org-1', 1, 'T', 2));
    await until(() => errors.length === 1);
    await tick();
    expect(errors).toEqual([failure]);
    expect(seen).toEqual(['id-1']);
  });
});

/**
 * The ordering of caught-up against buffered events depends on how the client's Subscription
 * transform emits `caughtUp`; this drives the real transform with fake gRPC responses.
 */
describe("KurrentDB subscription on the client's real Subscription transform", () => {
  type Response = { event?: number; caughtUp?: boolean };
  const toGrpc = (r: Response) => ({
    hasConfirmation: () => false,
    hasCaughtUp: () => r.caughtUp === true,
    getCaughtUp: () => ({ hasTimestamp: () => false }),
    hasFellBehind: () => false,
    hasCheckpoint: () => false,
    hasEvent: () => r.event !== undefined,
    getEvent: () => r.event,
  });

  it('signals caught-up after every event the server sent before CaughtUp, past the pause threshold', async () => {
    const grpc = Object.assign(new PassThrough({ objectMode: true }), { cancel: () => undefined });
    const convert = (n: number) => ({ event: recorded('org-1', n - 1, 'T', n) });
    const source = new ClientSubscription(async () => grpc as never, convert as never, {}) as never;
    const fake = new FakeKurrentClient();
    fake.subscribeToAll = () => source;
    const store = new KurrentDbEventStore(fake.asClient());
    const { seen, handler } = recorder(() => new Promise((resolve) => setImmediate(resolve)));
    const subscription = store.subscribeToAll({}, handler);
    // Just past what the adapter queues before pausing the client stream (256): the CaughtUp
    // message is then processed while events still wait in the client's readable buffer, the
    // case a count of delivered events alone gets wrong (checked: 260-280 fail without it).
    const before = 270;
    for (let n = 1; n <= before; n++) grpc.write(toGrpc({ event: n }));
    grpc.write(toGrpc({ caughtUp: true }));
    for (let n = before + 1; n <= before + 3; n++) grpc.write(toGrpc({ event: n }));
    await until(() => seen.length === before + 4, 5000);
    const ids = Array.from({ length: before + 3 }, (_, i) => `id-${i + 1}`);
    expect(seen).toEqual([...ids.slice(0, before), 'caught-up', ...ids.slice(before)]);
    await subscription.close();
  });
});
