import type { Database } from 'better-sqlite3';
import { type MemberCounts } from './member-counts';
import { FilingReads } from './queries/filing-reads';
import { HistoryReads } from './queries/history-reads';
import { MemberCountReads } from './queries/member-count-reads';
import { OrganisationReads } from './queries/organisation-reads';
import { PeopleReads } from './queries/people-reads';
import { PopoloReads } from './queries/popolo-reads';
import { StructureReads } from './queries/structure-reads';

/** Every question the read models answer, as of a day and as known at a moment. */
export class RegistryReads {
  readonly organisations: OrganisationReads;
  readonly structure: StructureReads;
  readonly history: HistoryReads;
  readonly people: PeopleReads;
  readonly memberCounts: MemberCountReads;
  readonly filings: FilingReads;
  readonly popolo: PopoloReads;

  /** `generation` changes whenever the read models commit: answers cached before are stale. */
  constructor(db: Database, counts: MemberCounts, generation: () => number) {
    this.organisations = new OrganisationReads(db, generation);
    this.memberCounts = new MemberCountReads(db, counts);
    this.structure = new StructureReads(db, this.organisations, this.memberCounts);
    this.history = new HistoryReads(db);
    this.people = new PeopleReads(db);
    this.filings = new FilingReads(db);
    this.popolo = new PopoloReads(db);
  }
}
