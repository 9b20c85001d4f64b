import {
  type AncestryLink,
  type MeetingSummary,
  type MembershipPeriods,
  type OrganisationDependants,
  type OrganisationSummary,
} from '../shared/cross-stream';
import { type LocalDate } from '../shared/local-date';
import { type OrganisationEvent, type TenureEndReason, type TenureMethod } from '../organisation/organisation.events';
import { type PersonEvent } from '../person/person.events';

/** Synthetic, obviously fake data for decider tests. */
export const TODAY: LocalDate = '2024-06-01';
export const PARTY_ID = 'party-0000';
export const BRANCH_ID = 'branch-0001';

export const partyFacts: OrganisationSummary = {
  organisationId: PARTY_ID,
  kind: 'party',
  lifetime: { from: '2022-09-24' },
};

export const noDependants: OrganisationDependants = { children: [], memberPeriods: [] };

export const memberSince = (from: LocalDate, to?: LocalDate): MembershipPeriods => {
  const period = to === undefined ? { from } : { from, to };
  return { member: [period], active: [period] };
};

export const branchEstablished = (effectiveDate: LocalDate = '2023-01-10'): OrganisationEvent => ({
  type: 'OrganisationEstablished',
  data: {
    organisationId: BRANCH_ID,
    kind: 'regional_branch',
    parentId: PARTY_ID,
    name: { ru: 'Карагандинский областной филиал' },
    kato: '350000000',
    effectiveDate,
  },
});

export const postCreated = (
  postId: string,
  seats: number | null = 1,
  effectiveDate: LocalDate = '2023-01-10',
): OrganisationEvent => ({
  type: 'PostCreated',
  data: { postId, title: { ru: `Должность ${postId}` }, role: 'chair', seats, effectiveDate },
});

export const postAbolished = (postId: string, effectiveDate: LocalDate): OrganisationEvent => ({
  type: 'PostAbolished',
  data: { postId, effectiveDate },
});

export const tenureStarted = (
  tenureId: string,
  postId: string,
  personId: string,
  effectiveDate: LocalDate,
  method: TenureMethod = 'elected',
): OrganisationEvent => ({
  type: 'TenureStarted',
  data: { tenureId, postId, personId, method, effectiveDate },
});

export const tenureEnded = (
  tenureId: string,
  postId: string,
  personId: string,
  effectiveDate: LocalDate,
  reason: TenureEndReason = 'resigned',
): OrganisationEvent => ({ type: 'TenureEnded', data: { tenureId, postId, personId, reason, effectiveDate } });

export const dissolved = (effectiveDate: LocalDate): OrganisationEvent => ({
  type: 'OrganisationDissolved',
  data: { reason: 'decision', effectiveDate },
});

export const personRegistered = (birthDate: LocalDate = '1980-05-05', citizenship = 'KZ'): PersonEvent => ({
  type: 'PersonRegistered',
  data: {
    personId: 'person-0001',
    name: { surname: 'Тестов', given: 'Синтетик' },
    citizenship,
    personal: { birthDate },
    effectiveDate: '2022-01-01',
  },
});

export const admitted = (effectiveDate: LocalDate, organisationId = BRANCH_ID): PersonEvent => ({
  type: 'MemberAdmitted',
  data: { organisationId, effectiveDate },
});
export const transferred = (effectiveDate: LocalDate, organisationId: string): PersonEvent => ({
  type: 'MemberTransferred',
  data: { organisationId, effectiveDate },
});
export const suspended = (effectiveDate: LocalDate): PersonEvent => ({
  type: 'MembershipSuspended',
  data: { effectiveDate },
});
export const reinstated = (effectiveDate: LocalDate): PersonEvent => ({
  type: 'MembershipReinstated',
  data: { effectiveDate },
});
export const ended = (effectiveDate: LocalDate): PersonEvent => ({
  type: 'MembershipEnded',
  data: { reason: 'resigned', effectiveDate },
});

export const MEETING_ID = 'meeting-0001';
export const partyLink: AncestryLink = { organisationId: PARTY_ID, kind: 'party' };
export const branchLink: AncestryLink = { organisationId: BRANCH_ID, kind: 'regional_branch' };

/** A quorate meeting of `heldBy[0]` (the party, unless told), recorded and standing. */
export const meetingHeld = (overrides: Partial<MeetingSummary> = {}): MeetingSummary => ({
  meetingId: MEETING_ID,
  heldBy: [partyLink],
  kind: 'general_meeting',
  date: '2023-01-10',
  place: 'Темиртау',
  attendance: 128,
  quorum: 100,
  retracted: false,
  ...overrides,
});

/** The context a decision citing `meeting` gets, concerning the organisation whose ancestry is given. */
export const citing = (ancestry: AncestryLink[], ...meetings: MeetingSummary[]) => ({
  meetings: Object.fromEntries(meetings.map((m) => [m.meetingId, m])),
  ancestry,
});
