import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnavailableError, type RegexFilter } from '@kurrent/kurrentdb-client';
import {
  DuplicateEventIdError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../errors';
import type { EventToAppend } from '../event-store.port';
import { StoreSealing } from '../sealing/store-sealing';
import { testSealing } from '../testing/test-sealing';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { formatPosition } from './kurrentdb-mapping';
import { FakeKurrentClient, pos } from './testing/fake-kurrent-client';

const event = (type = 'T'): EventToAppend => ({ id: randomUUID(), type, data: { n: 1 }, metadata: { actor: 'a' } });
const at = (n: number) => formatPosition(pos(n * 100));

describe('KurrentDbEventStore against a fake client', () => {
  let fake: FakeKurrentClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    fake = new FakeKurrentClient();
    store = new KurrentDbEventStore(fake.asClient());
  });

  describe('append', () => {
    it('sends JSON events with the expected revision as a bigint stream state', async () => {
      fake.add('org-1', 'T');
      const e = event('Appointed');
      const result = await store.append('org-1', [e], 0);
      expect(fake.appends).toHaveLength(1);
      expect(fake.appends[0]).toEqual({
        stream: 'org-1',
        events: [{ id: e.id, contentType: 'application/json', type: 'Appointed', data: e.data, metadata: e.metadata }],
        options: { streamState: 0n },
      });
      expect(result).toEqual({ stream: 'org-1', revision: 1, position: at(2), eventIds: [e.id] });
      expect(fake.streamReads).toHaveLength(0);
    });

    it("returns the position of an append's last event, not the write's", async () => {
      const events = [event(), event(), event()];
      const result = await store.append('org-1', events, 'no_stream');
      expect(result).toMatchObject({ revision: 2, position: at(3) });
      expect(fake.streamReads.at(-1)).toEqual({
        stream: 'org-1',
        options: { fromRevision: 2n, maxCount: 1, requiresLeader: true },
      });
    });

    it('returns the original result for a retry the server acknowledges again', async () => {
      const events = [event(), event()];
      const first = await store.append('org-1', events, 'no_stream');
      await store.append('org-1', [event()], 1);
      expect(await store.append('org-1', events, 'no_stream')).toEqual(first);
      expect(fake.log).toHaveLength(3);
    });

    it('maps a refusal to WrongExpectedRevisionError with the actual revision', async () => {
      fake.add('org-1', 'T');
      fake.add('org-1', 'T');
      const refusal = store.append('org-1', [event()], 0);
      await expect(refusal).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refusal).rejects.toMatchObject({ stream: 'org-1', expected: 0, actual: 1 });
      await expect(store.append('org-2', [event()], 'stream_exists')).rejects.toMatchObject({ actual: 'no_stream' });
    });

    it('reports ids reused in the slots after the expectation as DuplicateEventIdError', async () => {
      const [a, b] = [event(), event()];
      await store.append('org-1', [a, b], 'no_stream');
      await expect(store.append('org-1', [a, event()], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
    });

    it("looks for its ids among the stream's recent events before appending with any", async () => {
      const a = event();
      const original = await store.append('org-1', [a], 'no_stream');
      await store.append('org-1', [event()], 'any');
      expect(await store.append('org-1', [a], 'any')).toEqual(original);
      await expect(store.append('org-1', [event(), a], 'stream_exists')).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(fake.appends).toHaveLength(2);
      expect(fake.streamReads.at(-1)?.options).toEqual({ direction: 'backwards', fromRevision: 'end', maxCount: 100 });
    });

    it('refuses malformed appends without calling the server', async () => {
      await expect(store.append('$system', [event()], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append('org-1', [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
      expect(fake.appends).toHaveLength(0);
    });

    it('maps an unreachable server to StoreUnavailableError', async () => {
      fake.failWith = Object.assign(new Error('UNAVAILABLE: No connection established'), { code: 14 });
      await expect(store.append('org-1', [event()], 'no_stream')).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });

  describe('readStream', () => {
    it('reads forwards and backwards from a revision with a count', async () => {
      for (let i = 0; i < 5; i++) fake.add('org-1', 'T');
      const revisions = async (options: Parameters<KurrentDbEventStore['readStream']>[1]) =>
        (await store.readStream('org-1', options)).map((e) => e.revision);
      expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
      expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([4, 3]);
      expect(fake.streamReads[1]?.options).toEqual({ direction: 'backwards', fromRevision: 'end', maxCount: 2 });
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await store.readStream('nobody-here')).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('reads after a position, exclusively, although the server starts inclusively', async () => {
      for (let i = 0; i < 4; i++) fake.add(`org-${i}`, 'T');
      const read = await store.readAll({ after: at(2) });
      expect(read.map((e) => e.position)).toEqual([at(3), at(4)]);
      expect(fake.allReads[0]?.fromPosition).toEqual(pos(200));
    });

    it('never returns system events', async () => {
      fake.add('org-1', 'T');
      fake.add('$stats-1', 'Stat');
      fake.add('org-1', '$metadata');
      expect((await store.readAll()).map((e) => e.stream)).toEqual(['org-1']);
    });

    it('filters types on the server, prefixes on the client, and pages until maxCount is met', async () => {
      for (let i = 0; i < 40; i++) fake.add(i % 10 === 9 ? `org-${i}` : `person-${i}`, 'A');
      fake.add('org-x', 'B');
      const read = await store.readAll({ filter: { eventTypes: ['A'], streamPrefixes: ['org-'] }, maxCount: 3 });
      expect(read.map((e) => e.stream)).toEqual(['org-9', 'org-19', 'org-29']);
      const filter = fake.allReads[0]?.filter as RegexFilter;
      expect(filter).toMatchObject({ filterOn: 'eventType', regex: '^(?:A)$' });
      expect(fake.allReads.length).toBeGreaterThan(1);
      expect(fake.allReads[1]?.fromPosition).not.toBe('start');
    });

    it('stops at the end of the log', async () => {
      for (let i = 0; i < 3; i++) fake.add('org-1', 'T');
      expect(await store.readAll({ maxCount: 10 })).toHaveLength(3);
      expect(await store.readAll({ maxCount: 0 })).toEqual([]);
    });
  });

  it('reports the last non-system event as the head, or undefined for an empty log', async () => {
    expect(await store.headPosition()).toBeUndefined();
    fake.add('org-1', 'T');
    fake.add('org-1', 'T');
    fake.add('$scavenges', '$scavengeStarted');
    fake.add('$stats-1', 'StatsCollected');
    expect(await store.headPosition()).toBe(at(2));
    expect(fake.allReads.at(-1)).toMatchObject({ direction: 'backwards', fromPosition: 'end' });
  });

  it('compares positions numerically', () => {
    expect(store.comparePositions(at(2), at(10))).toBeLessThan(0);
    expect(store.comparePositions(at(10), at(10))).toBe(0);
  });

  it('pings with a cheap read and rejects with StoreUnavailableError when it fails', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    expect(fake.allReads.at(-1)).toMatchObject({ direction: 'backwards', maxCount: 1 });
    fake.failWith = new UnavailableError();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    fake.failWith = new TypeError('anything else');
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('disposes the client on close and refuses work afterwards', async () => {
    const subscription = store.subscribeToAll({}, { onEvent: () => undefined });
    await store.close();
    expect(fake.disposed).toBe(true);
    expect(fake.subscriptions[0]?.unsubscribed).toBe(1);
    await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.append('org-1', [event()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await subscription.close();
  });
});

describe('KurrentDbEventStore.readAllAsStored, what a follower keeps the log tree of', () => {
  it('reads people’s events sealed as the server holds them, where readAll opens them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baytaq-kdb-stored-'));
    const sealing = StoreSealing.open(testSealing(dir, 'person-'));
    const fake = new FakeKurrentClient();
    const store = new KurrentDbEventStore(fake.asClient(), sealing);
    const personal = { birthDate: '1980-01-01', iin: '800101300000' };
    const registered = {
      id: randomUUID(),
      type: 'PersonRegistered',
      data: { personId: 'p1', name: { surname: 'Синтетов', given: 'Тест' }, personal },
    };
    await store.append('person-p1', [registered], 'no_stream');
    await store.append('org-1', [event('Founded')], 'no_stream');
    const [opened] = await store.readAll();
    const [asStored, other] = await store.readAllAsStored();
    expect(opened!.data).toEqual(registered.data);
    expect(asStored!.id).toBe(registered.id);
    expect(asStored!.data).toEqual(fake.log[0]!.data);
    expect(JSON.stringify(asStored!.data)).not.toContain('Синтетов');
    expect(JSON.stringify(asStored!.data)).not.toContain(personal.iin);
    expect(other!.stream).toBe('org-1');
    await store.close();
    sealing.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
