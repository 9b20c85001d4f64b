import { deciderSpec } from '../testing/given-when-then';
import { partyFacts, TODAY } from '../testing/fixtures';
import { type MeetingRecorded, meetingDecider, type RecordMeeting } from './meeting.decider';
import { meetingSummary } from './meeting-summary';

const spec = deciderSpec(meetingDecider);
const ctx = { today: TODAY, organisation: partyFacts };

const record = (overrides: Partial<RecordMeeting> = {}): RecordMeeting => ({
  type: 'RecordMeeting',
  meetingId: 'meeting-0001',
  organisationId: partyFacts.organisationId,
  kind: 'general_meeting',
  date: '2023-01-10',
  place: 'Темиртау',
  attendance: 128,
  quorum: 100,
  protocolNumber: '1',
  agenda: ['Создание филиала', 'Выборы председателя'],
  ...overrides,
});

const recorded: MeetingRecorded = {
  type: 'MeetingRecorded',
  data: {
    meetingId: 'meeting-0001',
    organisationId: partyFacts.organisationId,
    kind: 'general_meeting',
    date: '2023-01-10',
    effectiveDate: '2023-01-10',
    place: 'Темиртау',
    attendance: 128,
    quorum: 100,
    protocolNumber: '1',
    agenda: ['Создание филиала', 'Выборы председателя'],
  },
};

describe('RecordMeeting', () => {
  it('records the meeting with its date as effective date', () => {
    spec.given().when(record(), ctx).then(recorded);
  });

  it('records a meeting whose quorum and protocol number are not known, without them', () => {
    const { quorum: _q, protocolNumber: _p, ...known } = recorded.data;
    spec
      .given()
      .when(record({ quorum: undefined, protocolNumber: undefined }), ctx)
      .then({ type: 'MeetingRecorded', data: known });
  });

  it.each([
    ['meeting.already_recorded', [recorded], record(), ctx],
    ['meeting.organisation_not_found', [], record(), { today: TODAY, organisation: null }],
    ['organisation.not_active', [], record({ date: '2022-09-01' }), ctx],
    [
      'organisation.dissolved',
      [],
      record(),
      { today: TODAY, organisation: { ...partyFacts, lifetime: { from: '2022-09-24', to: '2023-01-10' } } },
    ],
    ['date.in_future', [], record({ date: '2030-01-01' }), ctx],
    ['field.invalid', [], record({ attendance: -1 }), ctx],
    ['field.invalid', [], record({ kind: 'party' as never }), ctx],
    ['field.invalid', [], record({ agenda: [''] }), ctx],
    ['field.invalid', [], record({ place: '' }), ctx],
    ['field.invalid', [], record({ quorum: 1.5 }), ctx],
    ['field.invalid', [], record({ protocolNumber: ' ' }), ctx],
  ])('refuses with %s', (code, given, command, context) => {
    spec
      .given(...given)
      .when(command, context)
      .thenError(code as never);
  });

  it('retracts a meeting entered in error', () => {
    spec
      .given({ eventId: 'm', event: recorded })
      .when({ type: 'RetractEvent', eventId: 'm', reason: 'duplicate' }, { today: TODAY, decisions: [] })
      .then({
        type: 'EventRetracted',
        data: { eventId: 'm', retractedType: 'MeetingRecorded', reason: 'duplicate', effectiveDate: TODAY },
      });
  });

  it('refuses to retract a meeting that standing decisions rest on, naming them', () => {
    const decisions = [{ stream: 'organisation-b', eventId: 'ev-7', type: 'TenureStarted' }];
    spec
      .given({ eventId: 'm', event: recorded })
      .when({ type: 'RetractEvent', eventId: 'm', reason: 'duplicate' }, { today: TODAY, decisions })
      .thenError('meeting.has_decisions', { meetingId: 'meeting-0001', eventIds: ['ev-7'] });
  });

  it('needs the live decisions citing it to retract its record, and nothing to record it', () => {
    const state = spec.given({ eventId: 'm', event: recorded }).state;
    expect(meetingDecider.needs({ type: 'RetractEvent', eventId: 'm', reason: 'x' }, state)).toEqual({
      decisions: { load: 'decisionsCiting', meetingId: 'meeting-0001' },
    });
  });

  it('summarises its minutes for the decisions citing it, and says when its record was retracted', () => {
    const heldBy = [{ organisationId: partyFacts.organisationId, kind: 'party' as const }];
    const retraction = {
      type: 'EventRetracted' as const,
      data: { eventId: 'm', retractedType: 'MeetingRecorded', reason: 'x', effectiveDate: TODAY },
    };
    expect(meetingSummary(spec.given({ eventId: 'm', event: recorded }).state, heldBy)).toEqual({
      meetingId: 'meeting-0001',
      heldBy,
      kind: 'general_meeting',
      date: '2023-01-10',
      place: 'Темиртау',
      attendance: 128,
      quorum: 100,
      protocolNumber: '1',
      retracted: false,
    });
    const gone = spec.given({ eventId: 'm', event: recorded }, { eventId: 'r', event: retraction }).state;
    expect(meetingSummary(gone, heldBy)?.retracted).toBe(true);
    expect(meetingSummary(spec.given().state, heldBy)).toBeNull();
  });
});
