import { emptyHistory, type StreamHistory } from '../shared/decider';
import { type Interval } from '../shared/interval';
import { type LocalDate } from '../shared/local-date';
import { type MultilingualName } from '../shared/multilingual-name';
import {
  type BodyType,
  type DissolutionReason,
  type OrganisationEvent,
  type OrganisationKind,
  type PostRole,
  type TenureEndReason,
  type TenureMethod,
} from './organisation.events';

export interface OrganisationProfile {
  organisationId: string;
  kind: OrganisationKind;
  parentId?: string;
  bodyType?: BodyType;
  kato?: string;
}

export interface PostRecord {
  id: string;
  title: MultilingualName;
  role: PostRole;
  seats: number | null;
  /** [created, abolished): the post's own lifetime, before clipping to the organisation's. */
  period: Interval;
}

export interface TenureRecord {
  id: string;
  postId: string;
  personId: string;
  method: TenureMethod;
  period: Interval;
  endReason?: TenureEndReason;
}

/**
 * Timelines in valid time, not just "now": entries arrive backdated, so every rule is checked
 * against the periods, and the same state answers "as of D".
 */
export interface OrganisationState {
  history: StreamHistory<OrganisationEvent>;
  profile: OrganisationProfile | null;
  /** [established, dissolved). */
  lifetime: Interval | null;
  dissolution: { reason: DissolutionReason; effectiveDate: LocalDate } | null;
  /** Sorted by date; a later renaming on the same date wins. */
  names: Array<{ from: LocalDate; name: MultilingualName }>;
  registrations: Array<{ authority: string; number?: string; bin?: string; effectiveDate: LocalDate }>;
  posts: Readonly<Record<string, PostRecord>>;
  tenures: Readonly<Record<string, TenureRecord>>;
  /** Events that name something this fold has not seen: only possible once a retraction removed it. */
  dangling: ReadonlyArray<{ type: string; ref: string }>;
}

export const initialOrganisationState: OrganisationState = {
  history: emptyHistory,
  profile: null,
  lifetime: null,
  dissolution: null,
  names: [],
  registrations: [],
  posts: {},
  tenures: {},
  dangling: [],
};
