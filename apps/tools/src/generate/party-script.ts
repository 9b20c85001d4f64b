import { EXTRAORDINARY_CONGRESS, FOUNDING_DAY, PARTY_CONGRESSES } from './history-calendar';
import type { MeetingBook } from './meeting-book';
import type { PartyPlan, PostPlan, SegmentPlan } from './plan-types';

const SECOND_CONGRESS = PARTY_CONGRESSES[1]!;

/**
 * The party's chair and secretary follow a written script rather than chance, so that every
 * generated party, however small, shows the cases its users must see: a re-election, a tenure
 * end entered by mistake and retracted, a resignation followed by an acting chair and an
 * extraordinary congress, an officer who left the party, and a vacancy filled months later.
 */
export function scriptedPartySeats(plan: PartyPlan, meetings: MeetingBook): Map<PostPlan, SegmentPlan[]> {
  const postOf = (role: string) => plan.posts.find((p) => p.org === plan.party && p.role === role)!;
  const council = plan.bodies.find((b) => b.parent === plan.party && b.bodyType === 'political_council')!;
  const chair = postOf('chair');
  const secretary = postOf('secretary');
  const founding = meetings.election(plan.party, FOUNDING_DAY, 'Election of the chair and the secretary of the party');
  const second = meetings.election(plan.party, SECOND_CONGRESS, 'Election of the chair and the secretary of the party');
  const extraordinary = meetings.at(
    plan.party,
    EXTRAORDINARY_CONGRESS,
    'congress',
    'Election of the chair of the party',
  );
  const councilSession = meetings.at(council, '2024-04-20', 'council_session', 'Appointment of the party secretary');

  const firstChair: SegmentPlan = {
    post: chair,
    seat: 0,
    from: FOUNDING_DAY,
    to: SECOND_CONGRESS,
    method: 'elected',
    endReason: 'term_expired',
    startBasis: meetings.electedAt(founding),
    endBasis: { meeting: second },
    mistakenEnd: { date: '2023-03-01', retractedOn: '2023-03-06', reason: 'dismissed' },
  };
  const reElectedChair: SegmentPlan = {
    post: chair,
    seat: 0,
    from: SECOND_CONGRESS,
    to: '2025-05-12',
    method: 'elected',
    endReason: 'resigned',
    startBasis: meetings.electedAt(second),
    endBasis: { document: 'Statement of resignation of the party chair of 2025-05-12' },
    sameHolderAs: firstChair,
  };
  const actingChair: SegmentPlan = {
    post: chair,
    seat: 0,
    from: '2025-05-12',
    to: EXTRAORDINARY_CONGRESS,
    method: 'acting',
    endReason: 'other',
    startBasis: { document: 'Decision of the political council bureau of 2025-05-12: acting chair until the congress' },
    endBasis: { meeting: extraordinary },
  };
  const newChair: SegmentPlan = {
    post: chair,
    seat: 0,
    from: EXTRAORDINARY_CONGRESS,
    method: 'elected',
    startBasis: meetings.electedAt(extraordinary),
  };
  const firstSecretary: SegmentPlan = {
    post: secretary,
    seat: 0,
    from: FOUNDING_DAY,
    to: '2024-02-10',
    method: 'elected',
    endReason: 'membership_ended',
    startBasis: meetings.electedAt(founding),
  };
  // Vacant from 2024-02-10 until the council appoints a secretary, who is then elected by the congress.
  const appointedSecretary: SegmentPlan = {
    post: secretary,
    seat: 0,
    from: '2024-04-20',
    to: SECOND_CONGRESS,
    method: 'appointed',
    endReason: 'term_expired',
    startBasis: { meeting: councilSession },
    endBasis: { meeting: second },
  };
  const electedSecretary: SegmentPlan = {
    post: secretary,
    seat: 0,
    from: SECOND_CONGRESS,
    method: 'elected',
    startBasis: meetings.electedAt(second),
    sameHolderAs: appointedSecretary,
  };
  return new Map([
    [chair, [firstChair, reElectedChair, actingChair, newChair]],
    [secretary, [firstSecretary, appointedSecretary, electedSecretary]],
  ]);
}
