import { type LocalDate } from '../shared/local-date';
import { type MembershipEntry, replayMemberships } from './membership-timeline';
import { ERASED_NAME } from './personal-fields';
import {
  type MembershipEvent,
  type PersonalDataErased,
  type PersonDetailsChanged,
  type PersonEvent,
} from './person.events';
import { type PersonProfile, type PersonState } from './person.state';

function withCitizenship(profile: PersonProfile, change: PersonDetailsChanged['data']): PersonProfile['citizenship'] {
  const value = change.citizenship;
  if (value === undefined) return profile.citizenship;
  if (change.reason === 'corrected') return [{ from: null, value }];
  const from: LocalDate = change.effectiveDate;
  return [...profile.citizenship.filter((c) => c.from !== from), { from, value }].sort((a, b) =>
    a.from === b.from ? 0 : a.from === null ? -1 : b.from === null ? 1 : a.from < b.from ? -1 : 1,
  );
}

function changeDetails(profile: PersonProfile, change: PersonDetailsChanged['data']): PersonProfile {
  const next: PersonProfile = { ...profile, citizenship: withCitizenship(profile, change) };
  if (change.name) next.name = change.name;
  if (change.latinName) next.latinName = change.latinName;
  if (change.personal?.iin !== undefined) next.iin = change.personal.iin;
  if (change.personal?.birthDate !== undefined) next.birthDate = change.personal.birthDate;
  if (change.personal?.contacts !== undefined) next.contacts = { ...profile.contacts, ...change.personal.contacts };
  return next;
}

function addMembershipEvent(state: PersonState, event: MembershipEvent): PersonState {
  const log: MembershipEntry[] = [...state.membershipLog, { seq: state.membershipLog.length, event }];
  const { memberships, error } = replayMemberships(log);
  return { ...state, membershipLog: log, memberships, timelineError: error };
}

/** What is left of the profile once the personal data is gone: the public name, if any, and the citizenship. */
function erasedProfile(profile: PersonProfile, erasure: PersonalDataErased['data']): PersonProfile {
  const erased: PersonProfile = {
    personId: profile.personId,
    name: erasure.publicName ?? ERASED_NAME,
    citizenship: profile.citizenship,
  };
  if (erasure.publicLatinName) erased.latinName = erasure.publicLatinName;
  return erased;
}

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, name, latinName, citizenship } = event.data;
      // After erasure the personal part may be gone; the public record must still fold.
      const personal = event.data.personal ?? {};
      const profile: PersonProfile = { personId, name, citizenship: [{ from: null, value: citizenship }] };
      if (latinName) profile.latinName = latinName;
      if (personal.iin !== undefined) profile.iin = personal.iin;
      if (personal.birthDate !== undefined) profile.birthDate = personal.birthDate;
      if (personal.contacts !== undefined) profile.contacts = personal.contacts;
      return { ...state, profile };
    }
    case 'PersonDetailsChanged':
      if (!state.profile) return { ...state, dangling: [...state.dangling, { type: event.type }] };
      return { ...state, profile: changeDetails(state.profile, event.data) };
    case 'MemberAdmitted':
    case 'MemberTransferred':
    case 'MembershipSuspended':
    case 'MembershipReinstated':
    case 'MembershipEnded':
      return addMembershipEvent(state, event);
    case 'PersonalDataErased': {
      const profile = state.profile && erasedProfile(state.profile, event.data);
      return { ...state, profile, erasure: { erasedOn: event.data.erasedOn } };
    }
    case 'EventRetracted':
      return state; // foldStream drops the target; the retraction itself changes no timeline
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
