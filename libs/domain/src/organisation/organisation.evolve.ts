import { interval } from '../shared/interval';
import { type OrganisationEvent } from './organisation.events';
import { type OrganisationState } from './organisation.state';

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationEstablished': {
      const { organisationId, kind, parentId, bodyType, kato, name, effectiveDate } = event.data;
      return {
        ...state,
        profile: { organisationId, kind, parentId, bodyType, kato },
        lifetime: interval(effectiveDate, state.dissolution?.effectiveDate),
        names: [{ from: effectiveDate, name }, ...state.names].sort((a, b) =>
          a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
        ),
      };
    }
    case 'OrganisationRegistered':
      return { ...state, registrations: [...state.registrations, event.data] };
    case 'OrganisationRenamed': {
      const { name, effectiveDate } = event.data;
      // Stable sort keeps record order among same-day entries, so the later entry wins.
      const names = [...state.names, { from: effectiveDate, name }].sort((a, b) =>
        a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
      );
      return { ...state, names };
    }
    case 'OrganisationDissolved': {
      const { reason, effectiveDate } = event.data;
      return {
        ...state,
        dissolution: { reason, effectiveDate },
        lifetime: state.lifetime && interval(state.lifetime.from, effectiveDate),
      };
    }
    case 'PostCreated': {
      const { postId, title, role, seats, effectiveDate } = event.data;
      return {
        ...state,
        posts: { ...state.posts, [postId]: { id: postId, title, role, seats, period: interval(effectiveDate) } },
      };
    }
    case 'PostAbolished': {
      const post = state.posts[event.data.postId];
      if (!post) return { ...state, dangling: [...state.dangling, { type: event.type, ref: event.data.postId }] };
      return {
        ...state,
        posts: { ...state.posts, [post.id]: { ...post, period: interval(post.period.from, event.data.effectiveDate) } },
      };
    }
    case 'TenureStarted': {
      const { tenureId, postId, personId, method, effectiveDate } = event.data;
      return {
        ...state,
        tenures: {
          ...state.tenures,
          [tenureId]: { id: tenureId, postId, personId, method, period: interval(effectiveDate) },
        },
      };
    }
    case 'TenureEnded': {
      const tenure = state.tenures[event.data.tenureId];
      if (!tenure) return { ...state, dangling: [...state.dangling, { type: event.type, ref: event.data.tenureId }] };
      const ended = {
        ...tenure,
        period: interval(tenure.period.from, event.data.effectiveDate),
        endReason: event.data.reason,
      };
      return { ...state, tenures: { ...state.tenures, [tenure.id]: ended } };
    }
    case 'EventRetracted':
      return state; // foldStream drops the target; the retraction itself changes no timeline
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
