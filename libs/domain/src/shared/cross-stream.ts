import { type Interval } from './interval';
import { type LocalDate } from './local-date';

/**
 * Facts one stream's decision needs from another stream. The app layer loads the other stream
 * (or a read model) and fills these with the helpers exported beside each decider.
 */

/** What a decision about a child, a member or a meeting needs to know of an organisation. */
export interface OrganisationSummary {
  organisationId: string;
  kind: 'party' | 'regional_branch' | 'city_branch' | 'district_branch' | 'primary_branch' | 'body';
  kato?: string;
  /** [established, dissolved). */
  lifetime: Interval;
}

/** A person's party membership in valid time, merged across branches. */
export interface MembershipPeriods {
  /** Days on which the person is a member, suspended or not: officers must be members on these. */
  member: Interval[];
  /** Days on which the person is a member and not suspended: a tenure may only start on these. */
  active: Interval[];
  /** Set when the person's personal data was erased: they take up no post any more (their name is gone). */
  erased?: true;
}

/** What may not outlive an organisation: filled from its children's streams and the membership read model. */
export interface OrganisationDependants {
  children: Array<{ organisationId: string; lifetime: Interval }>;
  /** Every period in which someone held their membership in this organisation. */
  memberPeriods: Interval[];
}

/** A link of an organisation's chain of parents: the ancestry that decides which meetings are competent. */
export interface AncestryLink {
  organisationId: string;
  kind: OrganisationSummary['kind'];
  /** A body's type (council, congress, commission, …): whether its meetings decide anything. */
  bodyType?: string;
}

/**
 * What a decision citing a meeting (`basis.meetingId`) needs to know of it: its minutes, the
 * organisation that held it with that organisation's ancestry, and whether it was retracted.
 */
export interface MeetingSummary {
  meetingId: string;
  /** The organisation that held the meeting, then its parent, and so on up to the party. */
  heldBy: AncestryLink[];
  kind: string;
  date: LocalDate;
  place: string;
  attendance: number;
  quorum?: number;
  protocolNumber?: string;
  /** The meeting's record was retracted: nothing may rest on it any more. */
  retracted: boolean;
}

/** A live (not retracted) event that cites a meeting as its basis. */
export interface CitingDecision {
  stream: string;
  eventId: string;
  type: string;
}

/**
 * What a decision asks the app to load from other streams (or configuration), field by field of
 * its context. Each decider declares its commands' needs beside its `decide` (`needs`); one loader
 * in the app fills them, so no handler knows which command needs what.
 */
export type ContextRequest =
  /** → `OrganisationSummary | null` (null for an absent id or an unknown organisation). */
  | { load: 'organisation'; organisationId: string | undefined }
  /** → `OrganisationSummary[]`, unknown ones left out. */
  | { load: 'organisations'; organisationIds: readonly string[] }
  /** → `MembershipPeriods | null` (null for an unknown person). */
  | { load: 'membership'; personId: string }
  /** → `OrganisationDependants`. */
  | { load: 'dependants'; organisationId: string }
  /** → `Interval[]`: every period in which the person held any post, in any organisation. */
  | { load: 'officerPeriods'; personId: string }
  /** → `string | null`: the organisation whose stream holds this post or tenure id. */
  | { load: 'ownerOfId'; id: string }
  /** → `number`: the minimum age for admission (configuration). */
  | { load: 'minAge' }
  /** → `Record<meetingId, MeetingSummary>`: the meetings a decision's bases cite; unknown ones left out. */
  | { load: 'meetings'; meetingIds: readonly string[] }
  /** → `AncestryLink[]`: the organisation, its parent and so on up (empty for an unknown or absent id). */
  | { load: 'ancestry'; organisationId: string | undefined }
  /** → `CitingDecision[]`: every live event whose basis names the meeting. */
  | { load: 'decisionsCiting'; meetingId: string };

export type ContextNeeds = Readonly<Record<string, ContextRequest>>;

export const NO_NEEDS: ContextNeeds = {};
