import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type RegexFilter,
} from '@kurrent/kurrentdb-client';
import {
  DuplicateEventIdError,
  InvalidPositionError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../errors';
import { EventSealer } from '../sealing/event-sealer';
import * as map from './kurrentdb-mapping';
import { pos, recorded } from './testing/fake-kurrent-client';

describe('kurrentdb mapping', () => {
  describe('revisions', () => {
    it('maps expected revisions to client stream states, numbers as bigint', () => {
      expect(map.toStreamState('any')).toBe(ANY);
      expect(map.toStreamState('no_stream')).toBe(NO_STREAM);
      expect(map.toStreamState('stream_exists')).toBe(STREAM_EXISTS);
      expect(map.toStreamState(7)).toBe(7n);
    });

    it('maps client revisions to numbers and refuses what a number cannot hold', () => {
      expect(map.toRevision(41n)).toBe(41);
      expect(() => map.toRevision(2n ** 60n)).toThrow(RangeError);
      expect(() => map.toRevision(-1n)).toThrow(RangeError);
    });

    it('computes the last revision of an append from its expectation, trusting the server only for any/stream_exists', () => {
      expect(map.lastAppendedRevision(4, 3, 99n)).toBe(7);
      expect(map.lastAppendedRevision('no_stream', 2, 99n)).toBe(1);
      expect(map.lastAppendedRevision('any', 2, 12n)).toBe(12);
      expect(map.lastAppendedRevision('stream_exists', 1, 5n)).toBe(5);
      expect(map.conflictWindowStart(4)).toBe(5);
      expect(map.conflictWindowStart('no_stream')).toBe(0);
      expect(map.conflictWindowStart('any')).toBeUndefined();
    });
  });

  describe('positions', () => {
    it('formats commit/prepare zero-padded and parses it back', () => {
      const p = { commit: 1234n, prepare: 1200n };
      expect(map.formatPosition(p)).toBe('00000000000000001234/00000000000000001200');
      expect(map.parsePosition(map.formatPosition(p))).toEqual(p);
      const max = { commit: 2n ** 63n - 1n, prepare: 0n };
      expect(map.parsePosition(map.formatPosition(max))).toEqual(max);
    });

    it('orders strings as the log does', () => {
      const a = map.formatPosition(pos(9));
      const b = map.formatPosition(pos(10));
      expect(a < b).toBe(true);
      expect(map.comparePositions(a, b)).toBeLessThan(0);
    });

    it('compares commit first, then prepare, without losing bigint precision', () => {
      const big = 2n ** 60n;
      const f = (commit: bigint, prepare: bigint) => map.formatPosition({ commit, prepare });
      expect(map.comparePositions(f(big + 1n, 0n), f(big, 5n))).toBeGreaterThan(0);
      expect(map.comparePositions(f(big, 1n), f(big, 2n))).toBeLessThan(0);
      expect(map.comparePositions(f(big, 2n), f(big, 2n))).toBe(0);
    });

    it.each([
      '42',
      '1/2',
      '',
      'abc/def',
      '00000000000000000001/0000000000000000000x',
      '99999999999999999999/00000000000000000000',
    ])('refuses %j as a position of this store', (text) => {
      expect(() => map.parsePosition(text)).toThrow(InvalidPositionError);
    });

    it('treats a missing position or the server -1 sentinel as unusable', () => {
      expect(map.isUsablePosition(undefined)).toBe(false);
      expect(map.isUsablePosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBe(false);
      expect(map.isUsablePosition({ commit: -1n, prepare: -1n })).toBe(false);
      expect(map.isUsablePosition(pos(0))).toBe(true);
      expect(() => map.formatPosition({ commit: -1n, prepare: -1n })).toThrow(RangeError);
    });
  });

  describe('events', () => {
    it('sends events as JSON with their id, type, data and metadata', () => {
      const e = { id: '0b1c6b1e-2d5a-4f60-9a57-3f6f52c1a9d4', type: 'T', data: { a: 1 }, metadata: { actor: 'x' } };
      expect(map.toEventData(e)).toEqual({ ...e, contentType: 'application/json' });
    });

    it('maps a recorded event, with the creation date as RFC 3339 UTC', () => {
      const event = { ...recorded('org-1', 3, 'OfficerAppointed', 7), metadata: { actor: 'a' } };
      expect(map.toRecordedEvent(event)).toEqual({
        id: 'id-7',
        stream: 'org-1',
        revision: 3,
        position: map.formatPosition(pos(700)),
        type: 'OfficerAppointed',
        data: { at: 7 },
        metadata: { actor: 'a' },
        recordedAt: '2025-01-01T00:00:07.000Z',
      });
    });

    it('seals a person event on the way in and opens it on the way out, with a sealer', () => {
      const key = { enc: Buffer.alloc(32, 7), iv: Buffer.alloc(32, 9) };
      const sealer = new EventSealer(
        { streamPrefix: 'person-', fields: { PersonRegistered: ['personal'] }, erased: { personal: {} } },
        { key: (id) => (id === 'p1' ? key : undefined) },
      );
      const data = { personId: 'p1', personal: { iin: '900101300017' }, citizenship: 'KZ' };
      const sent = map.toEventData({ id: 'id-3', type: 'PersonRegistered', data }, 'person-p1', sealer);
      expect(Object.keys(sent.data as object)).toEqual(['personId', 'sealed', 'citizenship']);
      expect(JSON.stringify(sent.data)).not.toContain('900101300017');
      const back = { ...recorded('person-p1', 0, 'PersonRegistered', 3), data: sent.data };
      expect(map.toRecordedEvent(back, sealer).data).toEqual(data);
      // Without the sealer (or for another stream) the data passes as it is.
      expect(map.toRecordedEvent(back).data).toEqual(sent.data);
      expect(map.toEventData({ id: 'id-4', type: 'PersonRegistered', data }, 'organisation-p1', sealer).data).toBe(
        data,
      );
    });

    it('refuses an event without a log position (servers before 22.6)', () => {
      expect(() => map.toRecordedEvent({ ...recorded('s', 0, 'T', 1), position: undefined })).toThrow(/22\.6/);
    });

    it('keeps foreign payloads readable as objects', () => {
      expect(map.toJsonObject(undefined)).toEqual({});
      expect(map.toJsonObject(new TextEncoder().encode('{"k":1}'))).toEqual({ k: 1 });
      expect(map.toJsonObject(Uint8Array.from([0xff, 0x00]))).toEqual({ value: '/wA=' });
      expect(map.toJsonObject([1, 2])).toEqual({ value: [1, 2] });
      expect(map.toJsonObject('text')).toEqual({ value: 'text' });
    });
  });

  describe('errors', () => {
    const append = { stream: 'org-1', expected: 1 as const };

    it('maps the real WrongExpectedVersionError to ours, with the actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'org-1', expected: 1n, current: 4n });
      const mapped = map.toStoreError(error, append);
      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ stream: 'org-1', expected: 1, actual: 4 });
    });

    it("reports a missing stream as 'no_stream'", () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'org-1',
        expected: 1n,
        current: 'no_stream',
      });
      expect(map.toStoreError(error, append)).toMatchObject({ actual: 'no_stream' });
    });

    it('maps connection failures to StoreUnavailableError', () => {
      const grpcUnavailable = Object.assign(new Error('UNAVAILABLE: No connection established'), { code: 14 });
      for (const error of [
        new UnavailableError(),
        grpcUnavailable,
        new Error('Failed to discover after 10 attempts.'),
      ]) {
        const mapped = map.toStoreError(error);
        expect(mapped).toBeInstanceOf(StoreUnavailableError);
        expect(mapped.cause).toBe(error);
      }
    });

    it('recognises the real StreamNotFoundError', () => {
      expect(map.isStreamNotFound(new StreamNotFoundError(undefined, 'x'))).toBe(true);
      expect(map.isStreamNotFound(new UnavailableError())).toBe(false);
    });

    it('passes our own and unknown errors through', () => {
      const ours = new DuplicateEventIdError('s', 'id');
      const other = new TypeError('boom');
      expect(map.toStoreError(ours)).toBe(ours);
      expect(map.toStoreError(other)).toBe(other);
      expect(map.toStoreError('text')).toEqual(new Error('text'));
    });
  });

  describe('filters', () => {
    const keepAll = (plan: map.FilterPlan, events: Array<[string, string]>) =>
      events.filter(([type, streamId]) => plan.keep({ type, streamId }));

    it('excludes system events server-side when there is no filter', () => {
      const plan = map.planFilter(undefined);
      expect(plan.server).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
      expect(
        keepAll(plan, [
          ['A', 's-1'],
          ['$>', '$ce-s'],
          ['$metadata', 's-1'],
          ['B', '$stats-1'],
        ]),
      ).toEqual([['A', 's-1']]);
    });

    it('filters event types server-side with an exact, escaped regex', () => {
      const plan = map.planFilter({ eventTypes: ['A.B', 'C'] });
      expect(plan.server.filterOn).toBe('eventType');
      const regex = new RegExp((plan.server as RegexFilter).regex);
      expect(['A.B', 'C'].every((t) => regex.test(t))).toBe(true);
      expect(['AxB', 'CC', 'xC', '$C'].some((t) => regex.test(t))).toBe(false);
    });

    it('filters stream prefixes server-side when they are the only criterion', () => {
      const plan = map.planFilter({ streamPrefixes: ['org-', 'person-'] });
      expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: ['org-', 'person-'] });
      expect(
        keepAll(plan, [
          ['A', 'org-1'],
          ['A', 'meeting-1'],
          ['$x', 'org-2'],
        ]),
      ).toEqual([['A', 'org-1']]);
    });

    it('with both criteria, sends event types to the server and applies prefixes client-side', () => {
      const plan = map.planFilter({ eventTypes: ['A'], streamPrefixes: ['org-'] });
      expect(plan.server.filterOn).toBe('eventType');
      expect(
        keepAll(plan, [
          ['A', 'org-1'],
          ['A', 'person-1'],
          ['B', 'org-1'],
        ]),
      ).toEqual([['A', 'org-1']]);
    });

    it('reads empty lists as "matches nothing", like the other adapters', () => {
      expect(keepAll(map.planFilter({ eventTypes: [] }), [['A', 'org-1']])).toEqual([]);
    });
  });
});
