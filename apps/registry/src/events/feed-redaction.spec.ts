import type { RecordedEvent } from '@baytaq/event-store';
import { audienceOf, storeFilterFor, toFeedItem } from './feed-redaction';

const recorded = (stream: string, overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: '0b1c5f0e-7d1a-4a57-9c61-2d8e0b4f6a11',
  stream,
  revision: 2,
  position: '17',
  type: 'SomethingHappened',
  data: { personal: { iin: '900101300123', birthDate: '1990-01-01' }, name: { surname: 'Синтетикова' } },
  metadata: {
    schemaVersion: 1,
    actor: 'membership-portal',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    effectiveDate: '2023-01-10',
    idempotencyKey: 'admit-42',
  },
  recordedAt: '2024-05-01T10:00:00.000Z',
  ...overrides,
});

describe('feed redaction', () => {
  it('tells the audience from the roles: compliance and admin are privileged, registrar and no key are not', () => {
    expect(audienceOf(undefined)).toBe('public');
    expect(audienceOf({ name: 'portal', roles: ['registrar'] })).toBe('public');
    expect(audienceOf({ name: 'audit', roles: ['compliance'] })).toBe('privileged');
    expect(audienceOf({ name: 'root', roles: ['admin'] })).toBe('privileged');
    expect(audienceOf({ name: 'both', roles: ['registrar', 'compliance'] })).toBe('privileged');
  });

  it.each(['idempotency-3f2a', 'apikey-admin', 'iin-8c1d0e'])('leaves out the internal stream %s for everyone', (s) => {
    expect(toFeedItem(recorded(s), 'public')).toBeUndefined();
    expect(toFeedItem(recorded(s), 'privileged')).toBeUndefined();
  });

  it("leaves a person's events out of the public feed whole: their count and dates would tell a membership", () => {
    for (const type of ['PersonRegistered', 'MemberAdmitted', 'MembershipEnded']) {
      expect(toFeedItem(recorded('person-42', { type }), 'public')).toBeUndefined();
    }
  });

  it("shows a person's events whole to a privileged caller", () => {
    const event = recorded('person-42');
    expect(toFeedItem(event, 'privileged')).toMatchObject({
      data: event.data,
      metadata: event.metadata,
      eventId: event.id,
    });
  });

  it.each(['organisation-1', 'meeting-1'])('shows %s events as recorded to the public', (stream) => {
    const event = recorded(stream);
    expect(toFeedItem(event, 'public')).toMatchObject({ data: event.data, metadata: event.metadata });
  });

  it('leaves streams of kinds nobody declared public out of the public feed, not out of the privileged one', () => {
    expect(toFeedItem(recorded('filing-1'), 'public')).toBeUndefined();
    expect(toFeedItem(recorded('import-1'), 'public')).toBeUndefined();
    expect(toFeedItem(recorded('filing-1'), 'privileged')).toBeDefined();
  });

  it('narrows the public scan to the streams it may see, and passes the types through', () => {
    expect(storeFilterFor('public', undefined)).toEqual({ streamPrefixes: ['organisation-', 'meeting-'] });
    expect(storeFilterFor('privileged', undefined)).toBeUndefined();
    expect(storeFilterFor('privileged', ['PostCreated'])).toEqual({ eventTypes: ['PostCreated'] });
  });

  it('applies the type filter to what the audience may see', () => {
    const admitted = recorded('person-42', { type: 'MemberAdmitted' });
    expect(toFeedItem(admitted, 'public', ['MemberAdmitted'])).toBeUndefined();
    expect(toFeedItem(admitted, 'privileged', ['MemberAdmitted'])).toMatchObject({ type: 'MemberAdmitted' });
    expect(toFeedItem(admitted, 'privileged', ['TenureStarted'])).toBeUndefined();
    expect(storeFilterFor('public', ['MemberAdmitted'])).toEqual({
      eventTypes: ['MemberAdmitted'],
      streamPrefixes: ['organisation-', 'meeting-'],
    });
  });
});
