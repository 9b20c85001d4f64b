import { Inject, Injectable } from '@nestjs/common';
import {
  type BaseContext,
  type ContextNeeds,
  type ContextRequest,
  type Interval,
  membershipPeriods,
  membershipPeriodsIn,
  organisationDecider,
  organisationLifetime,
  organisationStream,
  organisationSummary,
  type OrganisationSummary,
  personDecider,
  personStream,
  tenurePeriodsOf,
} from '@baytaq/domain';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
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
}
