import { type Basis, type MultilingualName, type PersonName } from '@baytaq/domain';

/** On the day asked about: `not_established` before its founding (lists leave those out). */
export type OrganisationStatus = 'not_established' | 'active' | 'dissolved';

export interface OrganisationSummary {
  id: string;
  kind: string;
  parentId: string | null;
  bodyType: string | null;
  name: MultilingualName;
  kato: string | null;
  status: OrganisationStatus;
  established: string;
  dissolved: string | null;
}

export interface Holder {
  tenureId: string;
  personId: string;
  name: PersonName | null;
  method: string;
  from: string;
  to: string | null;
}

export interface PostWithHolders {
  id: string;
  title: MultilingualName;
  role: string;
  seats: number | null;
  from: string;
  to: string | null;
  holders: Holder[];
}

export interface Registration {
  authority: string;
  number: string | null;
  bin: string | null;
  date: string;
}

export interface OrganisationDetail extends OrganisationSummary {
  /** Every name in valid time, each with the day it took effect. */
  names: Array<{ from: string; to: string | null; name: MultilingualName }>;
  dissolutionReason: string | null;
  children: OrganisationSummary[];
  registrations: Registration[];
  posts: PostWithHolders[];
}

export interface TreeNode {
  id: string;
  kind: string;
  name: MultilingualName;
  status: OrganisationStatus;
  kato: string | null;
  head: { personId: string; name: PersonName | null; postId: string; postTitle: MultilingualName } | null;
  /** Members placed in this organisation itself. */
  memberCount: number;
  /** Members of this organisation and everything under it. */
  totalMemberCount: number;
  children: TreeNode[];
}

export interface HistoryEntry {
  eventId: string;
  revision: number;
  position: string;
  type: string;
  effectiveDate: string | null;
  recordedAt: string;
  actor: string | null;
  basis: Basis | null;
  data: Record<string, unknown>;
  /** Set when the entry was retracted by `knownAt`: it was made in error. */
  retracted: { at: string; reason: string } | null;
}

export interface Succession {
  postId: string;
  organisationId: string;
  title: MultilingualName;
  seats: number | null;
  from: string;
  to: string | null;
  /** Tenures in order of start, and vacancies (no holder at all) as gaps between them. */
  entries: SuccessionEntry[];
}

export type SuccessionEntry =
  | {
      kind: 'tenure';
      tenureId: string;
      personId: string;
      name: PersonName | null;
      from: string;
      to: string | null;
      method: string;
      endReason: string | null;
      basis: Basis | null;
      endBasis: Basis | null;
      predecessorId: string | null;
      successorId: string | null;
    }
  | { kind: 'vacancy'; from: string; to: string | null };
