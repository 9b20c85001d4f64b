import {
  type Envelope,
  type PersonalDataErased,
  meetingDecider,
  organisationDecider,
  personDecider,
  type WithHistory,
  STREAM_PREFIX,
} from '@baytaq/domain';
import { type Fact } from './fact-tables';
import { meetingFacts } from './meeting-facts';
import { organisationFacts } from './organisation-facts';
import { erasedPersonFacts, personFacts } from './person-facts';

type AnyState = WithHistory<{ type: string }>;

/** How the read side folds one kind of stream and which facts it draws from the state. */
export interface StreamKind {
  name: 'organisation' | 'person' | 'meeting';
  evolver: { initialState: AnyState; evolve(state: AnyState, event: { type: string }): AnyState };
  facts(state: AnyState): Fact[];
}

const kind = <S extends AnyState>(
  name: StreamKind['name'],
  evolver: { initialState: S; evolve(state: S, event: never): S },
  facts: (state: S) => Fact[],
): StreamKind => ({ name, evolver: evolver as unknown as StreamKind['evolver'], facts: facts as StreamKind['facts'] });

const KINDS: Array<[string, StreamKind]> = [
  [STREAM_PREFIX.organisation, kind('organisation', organisationDecider, organisationFacts)],
  [STREAM_PREFIX.person, kind('person', personDecider, personFacts)],
  [STREAM_PREFIX.meeting, kind('meeting', meetingDecider, meetingFacts)],
];

/** The kind of a stream by its name; undefined for streams the read models ignore (keys, idempotency). */
export function streamKindOf(stream: string): StreamKind | undefined {
  for (const [prefix, k] of KINDS) if (stream.startsWith(prefix)) return k;
  return undefined;
}

export const PROJECTED_PREFIXES = KINDS.map(([prefix]) => prefix);

export type { AnyState, Envelope };

/**
 * The kind that folds a stream of these events: a person erased anywhere among them is folded
 * as erased from their first event on (`erasedPersonFacts`), so that no version keeps what was erased.
 */
export function kindOfEvents(kind: StreamKind, events: ReadonlyArray<{ type: string; data: unknown }>): StreamKind {
  if (kind.name !== 'person') return kind;
  const erasure = events.find((e) => e.type === 'PersonalDataErased');
  if (!erasure) return kind;
  const data = erasure.data as PersonalDataErased['data'];
  return { ...kind, facts: (state) => erasedPersonFacts(kind.facts(state), data) };
}
