import type { Database } from 'better-sqlite3';
import { type MemberCounts } from './member-counts';
import { FilingReads } from './queries/filing-reads';
import { HistoryReads } from './queries/history-reads';
import { MeetingReads } from './queries/meeting-reads';
import { MemberCountReads } from './queries/member-count-reads';
import { OrganisationReads } from './queries/organisation-reads';
import { PeopleReads } from './queries/people-reads';
import { PersonRecordReads } from './queries/person-record-reads';
import { PopoloReads } from './queries/popolo-reads';
import { PostTenureReads } from './queries/post-tenure-reads';
import { RetentionReads } from './queries/retention-reads';
import { StructureReads } from './queries/structure-reads';
import { KNOWN_NOW } from './queries/temporal';

/** Every question the read models answer, as of a day and as known at a moment. */
export class RegistryReads {
  readonly organisations: OrganisationReads;
  readonly structure: StructureReads;
  readonly history: HistoryReads;
  readonly people: PeopleReads;
  /** Every stored version of a person's rows: for their subject access export. */
  readonly personRecord: PersonRecordReads;
  readonly memberCounts: MemberCountReads;
  readonly filings: FilingReads;
  readonly popolo: PopoloReads;
  readonly meetings: MeetingReads;
  readonly postsAndTenures: PostTenureReads;
  /** Former members due for review under the retention period. */
  readonly retention: RetentionReads;

  /**
   * `generation` changes whenever the read models commit: answers cached before are stale.
   * `recordedAt` is when the last event they hold was recorded: a question as known at that
   * moment or later is a question about now, which memory answers (member counts, timelines).
   */
  constructor(db: Database, counts: MemberCounts, generation: () => number, recordedAt: () => string | null) {
    const isNow = (knownAt: string) => {
      const latest = recordedAt();
      return knownAt === KNOWN_NOW || (latest !== null && knownAt >= latest);
    };
    this.organisations = new OrganisationReads(db, generation, isNow);
    this.memberCounts = new MemberCountReads(db, counts, isNow);
    this.structure = new StructureReads(db, this.organisations, this.memberCounts);
    this.history = new HistoryReads(db);
    this.people = new PeopleReads(db);
    this.personRecord = new PersonRecordReads(db);
    this.filings = new FilingReads(db);
    this.popolo = new PopoloReads(db);
    this.meetings = new MeetingReads(db);
    this.postsAndTenures = new PostTenureReads(db, this.meetings);
    this.retention = new RetentionReads(db);
  }
}
