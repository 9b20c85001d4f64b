import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  type AncestryLink,
  type BaseContext,
  type ContextNeeds,
  type ContextRequest,
  type Interval,
  membershipPeriods,
  meetingDecider,
  meetingHolderId,
  meetingStream,
  meetingSummary,
  type MeetingSummary,
  membershipPeriodsIn,
  organisationDecider,
  organisationLifetime,
  organisationStream,
  organisationSummary,
  type OrganisationState,
  type OrganisationSummary,
  personDecider,
  personStream,
  tenurePeriodsOf,
} from '@baytaq/domain';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { MeetingDecisionsIndex } from './meeting-decisions.index';
import { RelationsIndex } from './relations.index';
import { StreamStates } from './stream-states';

/**
 * Fills a decision's context from what its decider declared it needs (`decider.needs`): the one
 * place that reads other streams for a decision. Each value is computed by the domain's own
 * helpers from the streams as they are now, retractions included.
 */
@Injectable()
export class ContextLoader {
  constructor(
    private readonly streams: StreamStates,
    private readonly relations: RelationsIndex,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    /** Only retractions of meetings need it: a loader without it serves every other decision. */
    @Optional() private readonly decisions?: MeetingDecisionsIndex,
  ) {}

  async load<X extends BaseContext>(needs: ContextNeeds, today: string): Promise<X> {
    const context: Record<string, unknown> = { today };
    for (const [field, request] of Object.entries(needs)) context[field] = await this.value(request);
    return context as X;
  }

  private async value(request: ContextRequest): Promise<unknown> {
    switch (request.load) {
      case 'organisation':
        return request.organisationId ? this.organisation(request.organisationId) : null;
      case 'organisations': {
        const found = await Promise.all(request.organisationIds.map((id) => this.organisation(id)));
        return found.filter((o): o is OrganisationSummary => o !== null);
      }
      case 'membership': {
        const { state, revision } = await this.streams.load(personStream(request.personId), personDecider);
        return revision < 0 ? null : membershipPeriods(state);
      }
      case 'dependants':
        return this.dependants(request.organisationId);
      case 'officerPeriods':
        return this.officerPeriods(request.personId);
      case 'ownerOfId':
        return (await this.relations.ownerOf(request.id)) ?? null;
      case 'minAge':
        return this.config.minAge;
      case 'meetings':
        return this.meetings(request.meetingIds);
      case 'ancestry':
        return request.organisationId ? this.ancestry(request.organisationId) : [];
      case 'decisionsCiting':
        if (!this.decisions) throw new Error('this loader has no index of the decisions citing meetings');
        return this.decisions.citing(request.meetingId);
      default: {
        const _exhaustive: never = request;
        return _exhaustive;
      }
    }
  }

  private async organisation(id: string): Promise<OrganisationSummary | null> {
    const { state } = await this.streams.load(organisationStream(id), organisationDecider);
    return organisationSummary(state);
  }

  private async dependants(organisationId: string) {
    const children: Array<{ organisationId: string; lifetime: Interval }> = [];
    for (const childId of await this.relations.childrenOf(organisationId)) {
      const { state } = await this.streams.load(organisationStream(childId), organisationDecider);
      const lifetime = organisationLifetime(state);
      if (lifetime) children.push({ organisationId: childId, lifetime });
    }
    const memberPeriods: Interval[] = [];
    for (const personId of await this.relations.membersEverOf(organisationId)) {
      const { state } = await this.streams.load(personStream(personId), personDecider);
      memberPeriods.push(...membershipPeriodsIn(state, organisationId));
    }
    return { children, memberPeriods };
  }

  /** Every period in which the person held any post, in any organisation. */
  private async officerPeriods(personId: string): Promise<Interval[]> {
    const periods: Interval[] = [];
    for (const organisationId of await this.relations.organisationsWithTenuresOf(personId)) {
      const { state } = await this.streams.load(organisationStream(organisationId), organisationDecider);
      periods.push(...tenurePeriodsOf(state, personId));
    }
    return periods;
  }

  /** The cited meetings that are recorded (retracted ones too: the rules refuse those by name). */
  private async meetings(ids: readonly string[]): Promise<Record<string, MeetingSummary>> {
    const found: Record<string, MeetingSummary> = {};
    for (const id of ids) {
      const { state } = await this.streams.load(meetingStream(id), meetingDecider);
      const holder = meetingHolderId(state);
      const summary = holder === null ? null : meetingSummary(state, await this.ancestry(holder));
      if (summary) found[id] = summary;
    }
    return found;
  }

  /** The organisation and its parents up to the party, from their (cached) streams. */
  private async ancestry(organisationId: string): Promise<AncestryLink[]> {
    const links: AncestryLink[] = [];
    for (let id: string | undefined = organisationId; id !== undefined && links.length < ANCESTRY_MAX;) {
      const loaded: { state: OrganisationState } = await this.streams.load(organisationStream(id), organisationDecider);
      const profile = loaded.state.profile;
      if (!profile) break;
      const { kind, bodyType, parentId } = profile;
      links.push(bodyType === undefined ? { organisationId: id, kind } : { organisationId: id, kind, bodyType });
      id = parentId;
    }
    return links;
  }
}

/** Deeper than any charter's tree (party, region, city, district, primary, bodies): a guard, not a rule. */
const ANCESTRY_MAX = 32;
