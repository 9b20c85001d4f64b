import { type Interval } from './interval';

/**
 * Facts one stream's decision needs from another stream. The app layer loads the other stream
 * (or a read model) and fills these with the helpers exported beside each decider.
 */

/** What a decision about a child, a member or a meeting needs to know of an organisation. */
export interface OrganisationFacts {
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
}

/** What may not outlive an organisation: filled from its children's streams and the membership read model. */
export interface OrganisationDependants {
  children: Array<{ organisationId: string; lifetime: Interval }>;
  /** Every period in which someone held their membership in this organisation. */
  memberPeriods: Interval[];
}
