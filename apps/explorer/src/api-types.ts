import type { Names, PersonName } from './format';

/** The shapes of the API's answers that the explorer reads (the OpenAPI document at /docs-json has them all). */
export interface Moment {
  asOf?: string;
  knownAt?: string;
}

export interface TreeNode {
  id: string;
  kind: string;
  name: Names;
  status: string;
  head: { personId: string; name: PersonName | null; postId: string; postTitle: Names } | null;
  memberCount: number;
  totalMemberCount?: number;
  children: TreeNode[];
}

export interface Holder {
  tenureId: string;
  personId: string;
  name: PersonName | null;
  method: string;
  from: string;
  to: string | null;
}

export interface Organisation extends Moment {
  id: string;
  kind: string;
  parentId: string | null;
  name: Names;
  status: string;
  established: string | null;
  dissolved: string | null;
  children: Array<{ id: string; kind: string; name: Names; status: string }>;
  posts: Array<{ id: string; title: Names; role: string; seats: number | null; holders: Holder[] }>;
}

export interface Basis {
  meetingId?: string;
  protocolNumber?: string;
  document?: string;
}

export interface HistoryEntry {
  eventId: string;
  type: string;
  effectiveDate: string | null;
  recordedAt: string;
  actor: string;
  basis: Basis | null;
  retracted: { at: string; reason: string } | null;
}

export type SuccessionEntry =
  | ({ kind: 'tenure'; endReason: string | null; basis: Basis | null } & Holder & {
        predecessorId: string | null;
        successorId: string | null;
      })
  | { kind: 'vacancy'; from: string; to: string | null };

export interface Succession extends Moment {
  postId: string;
  organisationId: string;
  title: Names;
  seats: number | null;
  from: string;
  to: string | null;
  entries: SuccessionEntry[];
  next: string | null;
}

export interface Position {
  tenureId: string;
  postId: string;
  postTitle: Names;
  organisationId: string;
  organisationName: Names;
  method: string;
  from: string;
  to: string | null;
  endReason: string | null;
}

export interface PersonFound {
  id: string;
  name: PersonName;
  latinName?: PersonName | null;
  /** Set (for a key that reads personal data) once the person's personal data was erased. */
  erased?: { on: string } | null;
}
