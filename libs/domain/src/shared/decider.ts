import { accept, type Decision, domainError, type DomainError, reject } from './domain-error';
import { cleanText } from './clean-text';
import { type BaseContext } from './event-data';
import { type LocalDate } from './local-date';
import { type ContextNeeds } from './cross-stream';

/** An event as read from its stream: the id is what a retraction names. */
export interface Envelope<E> {
  eventId: string;
  event: E;
}

/** The stream as read, kept in the state so that a retraction can re-fold it without one event. */
export interface StreamHistory<E> {
  envelopes: ReadonlyArray<Envelope<E>>;
  retracted: ReadonlySet<string>;
}

export const emptyHistory: StreamHistory<never> = { envelopes: [], retracted: new Set() };

/** A stream state that knows its history; `foldStream` fills it. */
export interface WithHistory<E> {
  history: StreamHistory<E>;
}

export interface Decider<C, E, S extends WithHistory<E>, X> {
  initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: X): Decision<E>;
  /** What `decide` needs from other streams for this command, beside `today`: the app loads it. */
  needs(command: C, state: S): ContextNeeds;
  /** The rules a state must satisfy on every day; null when it does. Used to vet retractions. */
  checkInvariants(state: S): DomainError | null;
}

/** "The entry was made in error": the target stays in the log, and every fold ignores it. */
export interface EventRetracted {
  type: 'EventRetracted';
  data: { eventId: string; retractedType: string; reason: string; effectiveDate: LocalDate };
}

export interface RetractEvent {
  type: 'RetractEvent';
  eventId: string;
  reason: string;
}

type Evolver<E, S> = { initialState: S; evolve(state: S, event: E): S };

function foldExcluding<E extends { type: string }, S extends WithHistory<E>>(
  decider: Evolver<E, S>,
  envelopes: ReadonlyArray<Envelope<E>>,
  retracted: ReadonlySet<string>,
): S {
  const state = envelopes.reduce(
    (s, env) => (retracted.has(env.eventId) ? s : decider.evolve(s, env.event)),
    decider.initialState,
  );
  return { ...state, history: { envelopes, retracted } };
}

function retractedIds<E extends { type: string }>(envelopes: ReadonlyArray<Envelope<E>>): Set<string> {
  const ids = new Set<string>();
  for (const { event } of envelopes) {
    if (event.type === 'EventRetracted') ids.add((event as unknown as EventRetracted).data.eventId);
  }
  return ids;
}

/** The state of a stream from its events in stream order, ignoring retracted ones. */
export function foldStream<E extends { type: string }, S extends WithHistory<E>>(
  decider: Evolver<E, S>,
  envelopes: ReadonlyArray<Envelope<E>>,
): S {
  return foldExcluding(decider, envelopes, retractedIds(envelopes));
}

/**
 * The state after further events of the same stream: what `foldStream` gives for all of them,
 * without folding the known ones again. A retraction among them changes what the earlier events
 * mean, so then the whole stream is folded anew.
 */
export function extendStream<E extends { type: string }, S extends WithHistory<E>>(
  decider: Evolver<E, S>,
  state: S,
  more: ReadonlyArray<Envelope<E>>,
): S {
  if (more.length === 0) return state;
  const envelopes = [...state.history.envelopes, ...more];
  if (more.some((env) => env.event.type === 'EventRetracted')) return foldStream(decider, envelopes);
  const next = more.reduce((s, env) => decider.evolve(s, env.event), state);
  return { ...next, history: { envelopes, retracted: state.history.retracted } };
}

/**
 * Retraction is decided the same way in every stream: the target must be a live event of this
 * stream, and the stream without it must still satisfy the decider's invariants (plus any
 * cross-stream check the caller adds, such as "officers stay members").
 */
export function decideRetraction<E extends { type: string }, S extends WithHistory<E>>(
  decider: Evolver<E, S> & { checkInvariants(state: S): DomainError | null },
  command: RetractEvent,
  state: S,
  context: BaseContext,
  extraCheck: (without: S, target: E) => DomainError | null = () => null,
): Decision<EventRetracted> {
  const reason = cleanText(command.reason, 'reason', { max: 2000, blankCode: 'retraction.reason_required' });
  if (!reason.ok) return reason;
  const target = state.history.envelopes.find((env) => env.eventId === command.eventId);
  if (!target)
    return reject('event.not_found', `No event ${command.eventId} in this stream`, { eventId: command.eventId });
  if (state.history.retracted.has(command.eventId)) {
    return reject('event.already_retracted', `Event ${command.eventId} is already retracted`, {
      eventId: command.eventId,
    });
  }
  if (target.event.type === 'EventRetracted') {
    return reject('event.not_retractable', 'A retraction cannot itself be retracted', { eventId: command.eventId });
  }
  const without = foldExcluding(
    decider,
    state.history.envelopes,
    new Set([...state.history.retracted, command.eventId]),
  );
  const violation = decider.checkInvariants(without) ?? extraCheck(without, target.event);
  if (violation) {
    return {
      ok: false,
      error: domainError(
        'retraction.breaks_timeline',
        `Without this event the timeline would break: ${violation.message}`,
        {
          eventId: command.eventId,
          violation: violation.code,
          ...violation.details,
        },
      ),
    };
  }
  return accept([
    {
      type: 'EventRetracted',
      data: {
        eventId: command.eventId,
        retractedType: target.event.type,
        reason: reason.value!,
        effectiveDate: context.today,
      },
    },
  ]);
}
