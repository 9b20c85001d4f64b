import {
  type AncestryLink,
  type ContextNeeds,
  type MeetingState,
  type MeetingSummary,
  meetingHolderId,
  meetingSummary,
  type OrganisationState,
} from '@baytaq/domain';

/**
 * What a decision citing a meeting needs (the ContextLoader's `meetings` and `ancestry`), from
 * the streams the generator holds in memory: the meetings recorded so far and the organisations.
 */
export class BasisFacts {
  private readonly meetings = new Map<string, () => MeetingState>();

  constructor(private readonly organisation: (id: string) => OrganisationState | undefined) {}

  /** A meeting stream once recorded; its state is read when a decision cites it. */
  addMeeting(meetingId: string, state: () => MeetingState): void {
    this.meetings.set(meetingId, state);
  }

  /** The context fields the needs ask for that concern bases; the others are the caller's. */
  contextFor(needs: ContextNeeds): { meetings?: Record<string, MeetingSummary>; ancestry?: AncestryLink[] } {
    const out: { meetings?: Record<string, MeetingSummary>; ancestry?: AncestryLink[] } = {};
    const { meetings, ancestry } = needs;
    if (meetings?.load === 'meetings') out.meetings = this.summaries(meetings.meetingIds);
    if (ancestry?.load === 'ancestry')
      out.ancestry = ancestry.organisationId ? this.ancestry(ancestry.organisationId) : [];
    return out;
  }

  private summaries(ids: readonly string[]): Record<string, MeetingSummary> {
    const found: Record<string, MeetingSummary> = {};
    for (const id of ids) {
      const state = this.meetings.get(id)?.();
      const holder = state && meetingHolderId(state);
      const summary = state && holder ? meetingSummary(state, this.ancestry(holder)) : null;
      if (summary) found[id] = summary;
    }
    return found;
  }

  private ancestry(organisationId: string): AncestryLink[] {
    const links: AncestryLink[] = [];
    for (let id: string | undefined = organisationId; id !== undefined;) {
      const profile: OrganisationState['profile'] | undefined = this.organisation(id)?.profile;
      if (!profile) break;
      const { kind, bodyType } = profile;
      links.push(bodyType === undefined ? { organisationId: id, kind } : { organisationId: id, kind, bodyType });
      id = profile.parentId;
    }
    return links;
  }
}
