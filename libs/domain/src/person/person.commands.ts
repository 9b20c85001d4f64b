import { type Basis } from '../shared/basis';
import { type RetractEvent } from '../shared/decider';
import { type LocalDate } from '../shared/local-date';
import { type LatinName, type PersonName } from '../shared/person-name';
import { type Contacts, type DetailsChangeReason, type MembershipEndReason } from './person.events';

export interface RegisterPerson {
  type: 'RegisterPerson';
  personId: string;
  name: PersonName;
  latinName?: LatinName;
  iin?: string;
  /** Omitted with an IIN: taken from the IIN. */
  birthDate?: LocalDate;
  /** ISO 3166-1 alpha-2, e.g. KZ. */
  citizenship: string;
  contacts?: Contacts;
  /** Omitted: today. */
  effectiveDate?: LocalDate;
}

export interface ChangePersonDetails {
  type: 'ChangePersonDetails';
  reason: DetailsChangeReason;
  effectiveDate: LocalDate;
  name?: PersonName;
  latinName?: LatinName;
  iin?: string;
  birthDate?: LocalDate;
  citizenship?: string;
  contacts?: Contacts;
}

export interface AdmitMember {
  type: 'AdmitMember';
  /** A branch, or the party itself; not a body. */
  organisationId: string;
  effectiveDate: LocalDate;
  cardNumber?: string;
  basis?: Basis;
  /**
   * The registrar attests that the minimum age was checked on a document the registry does not
   * hold: the only way to admit someone whose birth date is not recorded (public figures of
   * historical entries). Recorded in the event, so that it stays auditable.
   */
  ageAttested?: boolean;
  /** A membership already over when recorded (history entered late); see StartTenure.end. */
  end?: { effectiveDate: LocalDate; reason: MembershipEndReason; basis?: Basis };
}

export interface TransferMember {
  type: 'TransferMember';
  organisationId: string;
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface SuspendMembership {
  type: 'SuspendMembership';
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface ReinstateMembership {
  type: 'ReinstateMembership';
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface TerminateMembership {
  type: 'TerminateMembership';
  effectiveDate: LocalDate;
  reason: MembershipEndReason;
  basis?: Basis;
}

/** Destroy the person's personal data (DOMAIN.md "Personal data and erasure"); admin only. */
export interface ErasePersonalData {
  type: 'ErasePersonalData';
  reason: string;
  /** The law or request the erasure rests on, e.g. the subject's withdrawal of consent. */
  legalBasis: string;
}

export type PersonCommand =
  | RegisterPerson
  | ChangePersonDetails
  | AdmitMember
  | TransferMember
  | SuspendMembership
  | ReinstateMembership
  | TerminateMembership
  | ErasePersonalData
  | RetractEvent;
