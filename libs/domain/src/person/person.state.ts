import { type DomainError } from '../shared/domain-error';
import { emptyHistory, type StreamHistory } from '../shared/decider';
import { type LocalDate } from '../shared/local-date';
import { type LatinName, type PersonName } from '../shared/person-name';
import { type Membership, type MembershipEntry } from './membership-timeline';
import { type Contacts, type PersonEvent } from './person.events';

export interface PersonProfile {
  personId: string;
  name: PersonName;
  latinName?: LatinName;
  iin?: string;
  birthDate?: LocalDate;
  contacts?: Contacts;
  /** From null (always) or a date; admission asks for the citizenship on its own date. */
  citizenship: Array<{ from: LocalDate | null; value: string }>;
}

export interface PersonState {
  history: StreamHistory<PersonEvent>;
  profile: PersonProfile | null;
  /** Membership events as recorded; `memberships` is their replay in valid time. */
  membershipLog: MembershipEntry[];
  memberships: Membership[];
  /** Set when the log cannot be replayed (only in a candidate state, which is then refused). */
  timelineError: DomainError | null;
  dangling: ReadonlyArray<{ type: string }>;
  /** Set once the personal data is erased: the stream takes no further command. */
  erasure: { erasedOn: LocalDate } | null;
}

export const initialPersonState: PersonState = {
  history: emptyHistory,
  profile: null,
  membershipLog: [],
  memberships: [],
  timelineError: null,
  dangling: [],
  erasure: null,
};

export function citizenshipOn(profile: PersonProfile, date: LocalDate): string | undefined {
  return profile.citizenship.filter((c) => c.from === null || c.from <= date).pop()?.value;
}
