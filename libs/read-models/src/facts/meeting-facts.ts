import { type MeetingState } from '@baytaq/domain';
import { fact, type Fact } from './fact-tables';

/** A meeting's minutes as a fact: the basis that foundings and tenures cite. */
export function meetingFacts(state: MeetingState): Fact[] {
  const m = state.meeting;
  if (!m) return [];
  return [
    fact('meeting', m.meetingId, [
      m.meetingId,
      m.organisationId,
      m.kind,
      m.date,
      m.place,
      m.attendance,
      m.quorum ?? null,
      m.protocolNumber ?? null,
      JSON.stringify(m.agenda),
    ]),
  ];
}
