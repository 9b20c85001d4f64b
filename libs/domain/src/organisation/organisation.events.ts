import { type Basis } from '../shared/basis';
import { type EventRetracted } from '../shared/decider';
import { type LocalDate } from '../shared/local-date';
import { type MultilingualName } from '../shared/multilingual-name';

export const ORGANISATION_KINDS = [
  'party',
  'regional_branch',
  'city_branch',
  'district_branch',
  'primary_branch',
  'body',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const BODY_TYPES = [
  'congress',
  'conference',
  'political_council',
  'bureau',
  'counting_commission',
  'audit_commission',
  'other',
] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export const DISSOLUTION_REASONS = ['decision', 'merged', 'split', 'liquidated', 'other'] as const;
export type DissolutionReason = (typeof DISSOLUTION_REASONS)[number];

export const POST_ROLES = [
  'chair',
  'head',
  'deputy_chair',
  'deputy_head',
  'secretary',
  'treasurer',
  'member',
  'other',
] as const;
export type PostRole = (typeof POST_ROLES)[number];

/** A chairman (of a party, a regional branch, a council) and a head (of a city branch) both lead their organisation. */
export const HEAD_ROLES: readonly PostRole[] = ['chair', 'head'];

export const TENURE_METHODS = ['elected', 'appointed', 'co_opted', 'acting'] as const;
export type TenureMethod = (typeof TENURE_METHODS)[number];

export const TENURE_END_REASONS = [
  'resigned',
  'dismissed',
  'term_expired',
  'died',
  'post_abolished',
  'membership_ended',
  'other',
] as const;
export type TenureEndReason = (typeof TENURE_END_REASONS)[number];

export interface OrganisationEstablished {
  type: 'OrganisationEstablished';
  data: {
    organisationId: string;
    kind: OrganisationKind;
    parentId?: string;
    name: MultilingualName;
    bodyType?: BodyType;
    kato?: string;
    effectiveDate: LocalDate;
    basis?: Basis;
  };
}

export interface OrganisationRegistered {
  type: 'OrganisationRegistered';
  data: { authority: string; number?: string; bin?: string; effectiveDate: LocalDate };
}

export interface OrganisationRenamed {
  type: 'OrganisationRenamed';
  data: { name: MultilingualName; effectiveDate: LocalDate; basis?: Basis };
}

export interface OrganisationDissolved {
  type: 'OrganisationDissolved';
  data: { reason: DissolutionReason; successorIds?: string[]; effectiveDate: LocalDate; basis?: Basis };
}

export interface PostCreated {
  type: 'PostCreated';
  data: {
    postId: string;
    title: MultilingualName;
    role: PostRole;
    seats: number | null;
    effectiveDate: LocalDate;
    basis?: Basis;
  };
}

export interface PostAbolished {
  type: 'PostAbolished';
  data: { postId: string; effectiveDate: LocalDate; basis?: Basis };
}

export interface TenureStarted {
  type: 'TenureStarted';
  data: {
    tenureId: string;
    postId: string;
    personId: string;
    method: TenureMethod;
    effectiveDate: LocalDate;
    basis?: Basis;
  };
}

export interface TenureEnded {
  type: 'TenureEnded';
  data: {
    tenureId: string;
    postId: string;
    personId: string;
    reason: TenureEndReason;
    effectiveDate: LocalDate;
    basis?: Basis;
  };
}

export type OrganisationEvent =
  | OrganisationEstablished
  | OrganisationRegistered
  | OrganisationRenamed
  | OrganisationDissolved
  | PostCreated
  | PostAbolished
  | TenureStarted
  | TenureEnded
  | EventRetracted;
