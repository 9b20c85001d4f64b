import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import {
  buildLeadershipChanges,
  buildMemberList,
  buildMembershipCompliance,
  buildStructure,
  type FilingDocument,
  type FilingMoment,
  type LeadershipMeeting,
  lawRuleSets,
} from '@baytaq/filings';
import { type AsOf, type RegistryReads } from '@baytaq/read-models';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { ProblemError } from '../http/problem';
import { READ_MODELS, type ReadModelsHandle } from '../store/event-store.provider';
import { memberListData, structureNodes } from './filing-data.gather';
import { type FilingRequest } from './filing-parameters';

const CATCH_UP_MS = 5_000;
const POLL_MS = 10;

/**
 * Gathers what a filing shows from the read models, as of its day and as known at its moment,
 * and hands it to the pure builders of `@baytaq/filings`.
 */
@Injectable()
export class FilingDataService {
  constructor(
    @Inject(READ_MODELS) private readonly models: ReadModelsHandle,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'law2022Effective'>,
  ) {}

  async document(request: FilingRequest, issuedAt: string): Promise<FilingDocument> {
    await this.caughtUp();
    const reads = this.models.reads;
    const { asOf, knownAt, from, to, organisationId } = request.parameters;
    const q: AsOf = { asOf, knownAt };
    const party = reads.organisations.list(q).find((o) => o.kind === 'party' && o.status === 'active');
    if (!party) {
      throw ProblemError.of(422, 'filing.no_party', `No party is active on ${asOf} as known at ${knownAt}`, {
        asOf,
        knownAt,
      });
    }
    const moment: FilingMoment = { lang: request.lang, partyName: party.name, asOf, knownAt, issuedAt };
    switch (request.kind) {
      case 'structure':
        return buildStructure(moment, { roots: structureNodes(reads, q) });
      case 'leadership-changes':
        return buildLeadershipChanges(moment, this.leadershipData(reads, { from: from!, to: to! }, knownAt));
      case 'membership-compliance':
        return buildMembershipCompliance(moment, {
          ruleSets: lawRuleSets(this.config.law2022Effective),
          totalMembers: [...reads.memberCounts.countsOn(q).values()].reduce((sum, n) => sum + n, 0),
          regionCounts: new Map(reads.structure.byRegion(q).map((row) => [row.kato!, row.count])),
        });
      case 'member-list':
        return buildMemberList(moment, memberListData(reads, organisationId!, q));
    }
  }

  private leadershipData(reads: RegistryReads, period: { from: string; to: string }, knownAt: string) {
    const tenures = reads.filings.tenuresAround(period, knownAt);
    const organisations = new Map(
      [...new Set(tenures.map((t) => t.organisationId))].map((id) => [
        id,
        reads.organisations.summary(id, { asOf: period.to, knownAt })?.name ?? {},
      ]),
    );
    const meetings = new Map<string, LeadershipMeeting>();
    for (const t of tenures) {
      for (const id of [t.startBasis?.meetingId, t.endBasis?.meetingId]) {
        const meeting = id === undefined || meetings.has(id) ? null : reads.filings.meetingOf(id, knownAt);
        if (meeting) meetings.set(id!, meeting);
      }
    }
    return { period, tenures, organisations, meetings };
  }

  /**
   * A filing reads the read models as known at a moment: they must hold every event recorded by
   * then. Embedded, they do (projected in the append's transaction); fed from KurrentDB, they may lag.
   */
  private async caughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    if (head === undefined) return;
    const deadline = Date.now() + CATCH_UP_MS;
    for (;;) {
      const current = this.models.position();
      if (current !== undefined && this.store.comparePositions(current, head) >= 0) return;
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new ProblemError(
      ProblemError.of(503, 'read.position_not_reached', 'The read models have not caught up with the log yet').problem,
      { 'Retry-After': '1' },
    );
  }
}
