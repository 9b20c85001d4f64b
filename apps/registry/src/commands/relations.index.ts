import { Inject, Injectable } from '@nestjs/common';
import { idOfStream } from '@baytaq/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@baytaq/event-store';
import { LogCatchUp } from './log-catch-up';

const TYPES = ['OrganisationEstablished', 'MemberAdmitted', 'MemberTransferred', 'PostCreated', 'TenureStarted'];

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/**
 * Which streams a decision must load besides its own: an organisation's children and the people
 * who were ever its members, and the organisations where a person ever held a post. Supersets
 * are harmless (the decision recomputes facts from the streams it loads, retractions included),
 * so the index only grows. It follows the global log and catches up before every use, so a
 * write is visible to the next command at once.
 */
@Injectable()
export class RelationsIndex {
  private readonly children = new Map<string, Set<string>>();
  private readonly members = new Map<string, Set<string>>();
  private readonly tenureOrganisations = new Map<string, Set<string>>();
  /** Post and tenure ids → the organisation whose stream holds them. */
  private readonly owners = new Map<string, string>();
  private readonly log: LogCatchUp;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.log = new LogCatchUp(store, { eventTypes: TYPES }, (event) => this.apply(event));
  }

  async childrenOf(organisationId: string): Promise<string[]> {
    await this.catchUp();
    return [...(this.children.get(organisationId) ?? [])];
  }

  async membersEverOf(organisationId: string): Promise<string[]> {
    await this.catchUp();
    return [...(this.members.get(organisationId) ?? [])];
  }

  async organisationsWithTenuresOf(personId: string): Promise<string[]> {
    await this.catchUp();
    return [...(this.tenureOrganisations.get(personId) ?? [])];
  }

  /** The organisation whose stream holds a post or a tenure: a known answer never changes, so only a miss catches up. */
  async ownerOf(postOrTenureId: string): Promise<string | undefined> {
    if (!this.owners.has(postOrTenureId)) await this.catchUp();
    return this.owners.get(postOrTenureId);
  }

  private catchUp(): Promise<void> {
    return this.log.run();
  }

  private apply(event: RecordedEvent): void {
    const data = event.data as Record<string, string | undefined>;
    switch (event.type) {
      case 'OrganisationEstablished':
        if (data['parentId']) add(this.children, data['parentId'], idOfStream(event.stream));
        break;
      case 'MemberAdmitted':
      case 'MemberTransferred':
        if (data['organisationId']) add(this.members, data['organisationId'], idOfStream(event.stream));
        break;
      case 'PostCreated':
        if (data['postId']) this.owners.set(data['postId'], idOfStream(event.stream));
        break;
      case 'TenureStarted':
        if (data['personId']) add(this.tenureOrganisations, data['personId'], idOfStream(event.stream));
        if (data['tenureId']) this.owners.set(data['tenureId'], idOfStream(event.stream));
        break;
    }
  }
}
