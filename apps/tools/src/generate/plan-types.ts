import type {
  Basis,
  BodyType,
  LocalDate,
  MeetingKind,
  MembershipEndReason,
  MultilingualName,
  OrganisationKind,
  PostRole,
  TenureEndReason,
  TenureMethod,
} from '@baytaq/domain';

/** The plan of the party: what the generator means to record, before any decider has seen it. */

export interface OrgPlan {
  /** Position in the plan: parents come before their children. */
  index: number;
  id: string;
  kind: OrganisationKind;
  parent?: OrgPlan;
  kato?: string;
  bodyType?: BodyType;
  name: MultilingualName;
  established: LocalDate;
  registration?: { date: LocalDate; authority: string; number?: string; bin?: string };
  renaming?: { date: LocalDate; name: MultilingualName };
  /** Dates of the meetings that elect this unit's officers; a body's are its parent's. */
  elections: LocalDate[];
  /** Index into REGIONS; null for the party and its bodies. */
  region: number | null;
  /** The meeting that established it (and elected its first officers); set once meetings are planned. */
  foundingMeeting?: MeetingPlan;
}

export interface PostPlan {
  id: string;
  org: OrgPlan;
  role: PostRole;
  seats: number;
  title: MultilingualName;
  created: LocalDate;
}

export interface MeetingPlan {
  id: string;
  org: OrgPlan;
  date: LocalDate;
  kind: MeetingKind;
  place: string;
  attendance: number;
  quorum: number;
  agenda: string[];
  /** Set once all meetings are known: numbered per organisation in date order; some minutes are not at hand. */
  protocolNumber?: string;
}

/** What a decision rests on: turned into a domain `Basis` when recorded. */
export interface BasisPlan {
  meeting?: MeetingPlan;
  document?: string;
  votes?: { for: number; against: number; abstained: number };
}

/** One holder's time in one seat of a post: [from, to). */
export interface SegmentPlan {
  post: PostPlan;
  seat: number;
  from: LocalDate;
  /** Undefined: still running on the last day. */
  to?: LocalDate;
  method: TenureMethod;
  endReason?: TenureEndReason;
  startBasis: BasisPlan;
  endBasis?: BasisPlan;
  /** The same person holds this segment as that one (re-elected, or elected after acting). */
  sameHolderAs?: SegmentPlan;
  /** An end recorded by mistake on `date` and retracted on `retractedOn`, the tenure running on. */
  mistakenEnd?: { date: LocalDate; retractedOn: LocalDate; reason: TenureEndReason };
  holder?: CadrePlan;
}

/** A member who holds posts: their membership is planned around their tenures. */
export interface CadrePlan {
  /** The person's index among all generated people. */
  index: number;
  /** Where the membership is held: a branch, or the party for founders. */
  home: OrgPlan;
  admitted: LocalDate;
  birthYearsBeforeAdmission: number;
  segments: SegmentPlan[];
  /** When the last segment ends; null while one runs to the last day. */
  busyUntil: LocalDate | null;
  leaves?: { date: LocalDate; reason: MembershipEndReason; basis: BasisPlan };
  transfer?: { date: LocalDate; to: OrgPlan };
  suspension?: { from: LocalDate; to: LocalDate };
}

export interface PartyPlan {
  party: OrgPlan;
  regions: OrgPlan[];
  /** City and district branches. */
  branches: OrgPlan[];
  bodies: OrgPlan[];
  /** Every organisation, parents first. */
  all: OrgPlan[];
  posts: PostPlan[];
}

/** A plan's basis as the domain records it. */
export function basisOf(plan: BasisPlan | undefined): Basis | undefined {
  if (plan === undefined) return undefined;
  const basis: Basis = {};
  if (plan.meeting) basis.meetingId = plan.meeting.id;
  if (plan.meeting?.protocolNumber) basis.protocolNumber = plan.meeting.protocolNumber;
  if (plan.document) basis.document = plan.document;
  if (plan.votes) basis.votes = { ...plan.votes };
  return basis;
}

/** The unit whose meetings elect a post's holders: a body's parent branch, or the unit itself. */
export function unitOf(org: OrgPlan): OrgPlan {
  return org.kind === 'body' && org.parent ? org.parent : org;
}
