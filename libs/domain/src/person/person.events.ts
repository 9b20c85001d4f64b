import { type Basis } from '../shared/basis';
import { type EventRetracted } from '../shared/decider';
import { type LocalDate } from '../shared/local-date';
import { type LatinName, type PersonName } from '../shared/person-name';

export const MEMBERSHIP_END_REASONS = ['resigned', 'expelled', 'died', 'ineligible'] as const;
export type MembershipEndReason = (typeof MEMBERSHIP_END_REASONS)[number];

export const DETAILS_CHANGE_REASONS = ['changed', 'corrected'] as const;
export type DetailsChangeReason = (typeof DETAILS_CHANGE_REASONS)[number];

export interface Contacts {
  phone?: string;
  email?: string;
  address?: string;
}

/**
 * Everything that identifies a person privately. It travels in one sub-object so that it can be
 * encrypted with a per-person key and erased by deleting the key, leaving the public record.
 */
export interface PersonalData {
  iin?: string;
  birthDate?: LocalDate;
  contacts?: Contacts;
}

export interface PersonRegistered {
  type: 'PersonRegistered';
  data: {
    personId: string;
    name: PersonName;
    latinName?: LatinName;
    citizenship: string;
    personal: PersonalData;
    effectiveDate: LocalDate;
  };
}

/** `corrected`: the old value was a mistake and never held; `changed`: it held until `effectiveDate`. */
export interface PersonDetailsChanged {
  type: 'PersonDetailsChanged';
  data: {
    reason: DetailsChangeReason;
    effectiveDate: LocalDate;
    name?: PersonName;
    latinName?: LatinName;
    citizenship?: string;
    personal?: PersonalData;
  };
}

export interface MemberAdmitted {
  type: 'MemberAdmitted';
  data: { organisationId: string; cardNumber?: string; effectiveDate: LocalDate; basis?: Basis; ageAttested?: true };
}

export interface MemberTransferred {
  type: 'MemberTransferred';
  data: { organisationId: string; effectiveDate: LocalDate; basis?: Basis };
}

export interface MembershipSuspended {
  type: 'MembershipSuspended';
  data: { effectiveDate: LocalDate; basis?: Basis };
}

export interface MembershipReinstated {
  type: 'MembershipReinstated';
  data: { effectiveDate: LocalDate; basis?: Basis };
}

export interface MembershipEnded {
  type: 'MembershipEnded';
  data: { reason: MembershipEndReason; effectiveDate: LocalDate; basis?: Basis };
}

/**
 * The person's personal data was destroyed (their key with it): every sealed field of their
 * events reads as erased from now on. An officer's name is public record, so the name they were
 * last known by is kept here; a person who never held a post keeps no name at all.
 */
export interface PersonalDataErased {
  type: 'PersonalDataErased';
  data: {
    erasedOn: LocalDate;
    reason: string;
    legalBasis: string;
    publicName?: PersonName;
    publicLatinName?: LatinName;
  };
}

export type MembershipEvent =
  MemberAdmitted | MemberTransferred | MembershipSuspended | MembershipReinstated | MembershipEnded;

export type PersonEvent =
  PersonRegistered | PersonDetailsChanged | MembershipEvent | PersonalDataErased | EventRetracted;
