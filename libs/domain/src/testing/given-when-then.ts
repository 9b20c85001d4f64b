import { type Decider, type Envelope, foldStream, type WithHistory } from '../shared/decider';
import { type Decision, type ErrorCode } from '../shared/domain-error';

/**
 * Decider tests in the style Given events / When command / Then events or error. Given events
 * get ids e1, e2, ... unless passed as envelopes (to name them in a retraction).
 */
export function deciderSpec<C, E extends { type: string }, S extends WithHistory<E>, X>(decider: Decider<C, E, S, X>) {
  return {
    given(...history: Array<E | Envelope<E>>) {
      const envelopes = history.map((h, i) => ('eventId' in h ? h : { eventId: `e${i + 1}`, event: h }));
      const state = foldStream(decider, envelopes);
      return {
        state,
        when(command: C, context: X) {
          const decision: Decision<E> = decider.decide(command, state, context);
          return {
            decision,
            then(...expected: E[]) {
              if (!decision.ok)
                throw new Error(`Expected events, got ${decision.error.code}: ${decision.error.message}`);
              expect(decision.events).toEqual(expected);
              // Event data is stored as JSON: nothing may be lost or added by a round trip.
              expect(JSON.parse(JSON.stringify(decision.events))).toStrictEqual(decision.events);
              return decision;
            },
            thenError(code: ErrorCode, details?: Record<string, unknown>) {
              if (decision.ok)
                throw new Error(`Expected ${code}, got events ${decision.events.map((e) => e.type).join(', ')}`);
              expect(decision.error.code).toBe(code);
              if (details) expect(decision.error.details).toMatchObject(details);
              return decision.error;
            },
          };
        },
      };
    },
  };
}
