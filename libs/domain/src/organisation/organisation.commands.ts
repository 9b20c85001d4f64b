import { type Basis } from '../shared/basis';
import { type RetractEvent } from '../shared/decider';
import { type LocalDate } from '../shared/local-date';
import { type MultilingualName } from '../shared/multilingual-name';
import {
  type BodyType,
  type DissolutionReason,
  type OrganisationKind,
  type PostRole,
  type TenureEndReason,
  type TenureMethod,
} from './organisation.events';

export interface EstablishOrganisation {
  type: 'EstablishOrganisation';
  /** The stream's id, chosen by the client or the app, so that a retry cannot create twice. */
  organisationId: string;
  kind: OrganisationKind;
  parentId?: string;
  name: MultilingualName;
  bodyType?: BodyType;
  kato?: string;
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface RegisterOrganisation {
  type: 'RegisterOrganisation';
  authority: string;
  number?: string;
  bin?: string;
  effectiveDate: LocalDate;
}

export interface RenameOrganisation {
  type: 'RenameOrganisation';
  name: MultilingualName;
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface DissolveOrganisation {
  type: 'DissolveOrganisation';
  reason: DissolutionReason;
  /** Lineage of a merge or split. */
  successorIds?: string[];
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface CreatePost {
  type: 'CreatePost';
  postId: string;
  title: MultilingualName;
  role: PostRole;
  /** Omitted: 1. null: unlimited. */
  seats?: number | null;
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface AbolishPost {
  type: 'AbolishPost';
  postId: string;
  effectiveDate: LocalDate;
  basis?: Basis;
}

export interface StartTenure {
  type: 'StartTenure';
  postId: string;
  tenureId: string;
  personId: string;
  method: TenureMethod;
  effectiveDate: LocalDate;
  basis?: Basis;
  /**
   * A tenure already over when it is recorded (history being entered late). Without it a
   * backdated tenure would be open-ended and collide with what is known to follow it.
   */
  end?: { effectiveDate: LocalDate; reason: TenureEndReason; basis?: Basis };
}

export interface EndTenure {
  type: 'EndTenure';
  tenureId: string;
  effectiveDate: LocalDate;
  reason: TenureEndReason;
  basis?: Basis;
}

export type OrganisationCommand =
  | EstablishOrganisation
  | RegisterOrganisation
  | RenameOrganisation
  | DissolveOrganisation
  | CreatePost
  | AbolishPost
  | StartTenure
  | EndTenure
  | RetractEvent;
