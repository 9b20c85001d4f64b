import { Inject, Injectable } from '@nestjs/common';
import {
  buildLeadershipChanges,
  buildMemberList,
  buildMembershipCompliance,
  buildStructure,
  type FilingDocument,
  type FilingLogCheckpoint,
  type FilingMoment,
  type LeadershipMeeting,
  lawRuleSets,
} from '@baytaq/filings';
import { meetingStream, organisationStream, personStream } from '@baytaq/domain';
import { type AsOf, type RegistryReads } from '@baytaq/read-models';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { ProblemError } from '../http/problem';
import { ReadGate } from '../reads/read-gate';
import { branchRegistrationData, memberListData, structureNodes } from './filing-data.gather';
import { type FilingRequest } from './filing-parameters';

/**
 * A filing's document, and whose personal data it holds: `subjects` is null for a document without
 * any (structure, leadership, compliance counts: officers and numbers), the members' ids for a
 * member list (an empty list too: it is still a read of one). A read that sends it records them.
 */
export interface FilingContent {
  doc: FilingDocument;
  subjects: string[] | null;
}

/** What a document is made with besides its request: the log's checkpoint it prints, and where to note its sources. */
export interface DocumentExtras {
  logCheckpoint?: FilingLogCheckpoint | undefined;
  /** Receives the streams whose events the rows rest on (organisations, people, meetings). */
  sources?: Set<string>;
}

/**
 * Gathers what a filing shows from the read models, as of its day and as known at its moment,
 * and hands it to the pure builders of `@baytaq/filings`.
 */
@Injectable()
export class FilingDataService {
  constructor(
    private readonly gate: ReadGate,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'law2022Effective'>,
  ) {}

  /**
   * The document, and whose personal data it holds: `subjects` is null for a document without any
   * (structure, leadership, compliance counts), the members' ids for a member list (even none).
   */
  async document(request: FilingRequest, issuedAt: string, extras: DocumentExtras = {}): Promise<FilingContent> {
    const { logCheckpoint, sources } = extras;
    // Embedded read models hold every event recorded (projected in the append's transaction);
    // fed from KurrentDB, they may lag: a filing as known at a moment must not miss one.
    await this.gate.reachHead();
    const reads = this.gate.reads;
    const { asOf, knownAt, from, to, organisationId } = request.parameters;
    const q: AsOf = { asOf, knownAt };
    const party = reads.organisations.list(q).find((o) => o.kind === 'party' && o.status === 'active');
    if (!party) {
      throw ProblemError.of(422, 'filing.no_party', `No party is active on ${asOf} as known at ${knownAt}`, {
        asOf,
        knownAt,
      });
    }
    const moment: FilingMoment = {
      lang: request.lang,
      partyName: party.name,
      asOf,
      knownAt,
      issuedAt,
      ...(logCheckpoint ? { logCheckpoint } : {}),
    };
    switch (request.kind) {
      case 'structure':
        return { doc: buildStructure(moment, { roots: structureNodes(reads, q, sources) }), subjects: null };
      case 'leadership-changes': {
        const data = this.leadershipData(reads, { from: from!, to: to! }, knownAt, sources);
        return { doc: buildLeadershipChanges(moment, data), subjects: null };
      }
      case 'membership-compliance': {
        const counts = reads.memberCounts.countsOn(q);
        const doc = buildMembershipCompliance(moment, {
          ruleSets: lawRuleSets(this.config.law2022Effective),
          totalMembers: [...counts.values()].reduce((sum, n) => sum + n, 0),
          regionCounts: new Map(reads.structure.byRegion(q, counts).map((row) => [row.kato!, row.count])),
          ...branchRegistrationData(reads, party.id, q, sources),
        });
        return { doc, subjects: null };
      }
      case 'member-list': {
        const data = memberListData(reads, organisationId!, q, sources);
        return { doc: buildMemberList(moment, data), subjects: data.members.map((m) => m.personId) };
      }
    }
  }

  private leadershipData(
    reads: RegistryReads,
    period: { from: string; to: string },
    knownAt: string,
    sources?: Set<string>,
  ) {
    const tenures = reads.filings.tenuresAround(period, knownAt);
    for (const t of tenures) {
      sources?.add(organisationStream(t.organisationId));
      sources?.add(personStream(t.personId));
    }
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
        if (id !== undefined) sources?.add(meetingStream(id));
      }
    }
    return { period, tenures, organisations, meetings };
  }
}
