export * from './name-key';
export * from './schema';
export * from './member-counts';
export * from './projector';
export * from './replay';
export * from './registry-reads';
export * from './embedded-read-models';
export * from './queries/temporal';
export * from './queries/read-types';
export type { MeetingDecision, MeetingRecord } from './queries/meeting-reads';
export type { BasisWithMeeting, PostRecord, TenureRecord } from './queries/post-tenure-reads';
export type {
  PersonRecord,
  Position,
  MembershipPeriod,
  MemberOnDate,
  Placement,
  SearchCursor,
  SearchPage,
} from './queries/people-reads';
export type { RetentionCandidate } from './queries/retention-reads';
export type { StoredRow } from './queries/person-record-reads';
export type { MembershipCountRow } from './queries/structure-reads';
export * from './catch-up-read-models';
export * from './open-projector';
export * from './writer-thread-read-models';
