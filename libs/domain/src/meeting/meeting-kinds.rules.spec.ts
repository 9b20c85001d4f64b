import { deciderSpec } from '../testing/given-when-then';
import { partyFacts, TODAY } from '../testing/fixtures';
import { meetingDecider } from './meeting.decider';

/** DOMAIN.md, Concepts: a meeting is a congress, conference, general meeting or council session of an organisation. */
const spec = deciderSpec(meetingDecider);

describe('Concepts: kinds of meeting', () => {
  it.each(['congress', 'conference', 'general_meeting', 'council_session'] as const)(
    'given an organisation, when a %s is recorded, then it keeps its kind, date, place, attendance, quorum and minutes',
    (kind) => {
      spec
        .given()
        .when(
          {
            type: 'RecordMeeting',
            meetingId: 'meeting-0007',
            organisationId: partyFacts.organisationId,
            kind,
            date: '2023-05-20',
            place: 'Синтетград',
            attendance: 300,
            quorum: 201,
            protocolNumber: '7',
            agenda: ['Синтетический вопрос'],
          },
          { today: TODAY, organisation: partyFacts },
        )
        .then({
          type: 'MeetingRecorded',
          data: {
            meetingId: 'meeting-0007',
            organisationId: partyFacts.organisationId,
            kind,
            date: '2023-05-20',
            effectiveDate: '2023-05-20',
            place: 'Синтетград',
            attendance: 300,
            quorum: 201,
            protocolNumber: '7',
            agenda: ['Синтетический вопрос'],
          },
        });
    },
  );
});
