import { Injectable } from '@nestjs/common';
import {
  membershipPeriods,
  membershipPeriodsIn,
  organisationDecider,
  organisationFacts,
  organisationLifetime,
  personDecider,
  tenurePeriodsOf,
  type Interval,
  type MembershipPeriods,
  type OrganisationDependants,
  type OrganisationFacts,
} from '@baytaq/domain';
import { CommandRunner } from '../commands/command-runner';
import { organisationStream, personStream, RelationsIndex } from '../commands/relations.index';

/** Facts a decision needs from streams other than its own, loaded from those streams. */
@Injectable()
export class CrossStreamFacts {
  constructor(
    private readonly runner: CommandRunner,
    private readonly relations: RelationsIndex,
  ) {}

  async organisation(id: string | undefined): Promise<OrganisationFacts | null> {
    if (!id) return null;
    const { state } = await this.runner.load(organisationStream(id), organisationDecider);
    return organisationFacts(state);
  }

  async membership(personId: string): Promise<MembershipPeriods | null> {
    const { state, revision } = await this.runner.load(personStream(personId), personDecider);
    return revision < 0 ? null : membershipPeriods(state);
  }

  async dependants(organisationId: string): Promise<OrganisationDependants> {
    const children: OrganisationDependants['children'] = [];
    for (const childId of await this.relations.childrenOf(organisationId)) {
      const { state } = await this.runner.load(organisationStream(childId), organisationDecider);
      const lifetime = organisationLifetime(state);
      if (lifetime) children.push({ organisationId: childId, lifetime });
    }
    const memberPeriods: Interval[] = [];
    for (const personId of await this.relations.membersEverOf(organisationId)) {
      const { state } = await this.runner.load(personStream(personId), personDecider);
      memberPeriods.push(...membershipPeriodsIn(state, organisationId));
    }
    return { children, memberPeriods };
  }

  /** Every period in which the person held any post, in any organisation. */
  async officerPeriods(personId: string): Promise<Interval[]> {
    const periods: Interval[] = [];
    for (const organisationId of await this.relations.organisationsWithTenuresOf(personId)) {
      const { state } = await this.runner.load(organisationStream(organisationId), organisationDecider);
      periods.push(...tenurePeriodsOf(state, personId));
    }
    return periods;
  }
}
