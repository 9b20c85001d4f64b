import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { STREAM_PREFIX } from '@baytaq/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '@baytaq/event-store';
import { ProblemError } from '../http/problem';
import type { IdempotentRequest } from './write-context';

export interface HttpOutcome {
  status: number;
  body: Record<string, unknown>;
}

export type IdempotentOutcome = HttpOutcome & { replayed: boolean };

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key`: the first successful answer to a key is kept in a stream of its own,
 * created with "no stream", so that replicas agree on one first answer. A repeat with the same
 * body gets that answer and appends nothing; another body is 422. Requests with one key that
 * arrive while the first is running wait for it and answer as it does, refusals included.
 * Failures are not kept: the client may retry them. The record is a shortcut: a write's own
 * events carry its key and request hash, so that a retry finds them even when a crash came
 * between the write and its record (`CommandHandling`).
 */
@Injectable()
export class IdempotencyService {
  private readonly inFlight = new Map<string, { requestHash: string; outcome: Promise<HttpOutcome> }>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The key scoped to the caller, so that two clients' keys never collide. */
  request(actor: string, key: string, requestHash: string): IdempotentRequest {
    if (!KEY.test(key)) {
      throw ProblemError.of(
        400,
        'idempotency.invalid_key',
        'Idempotency-Key must be 1 to 200 visible ASCII characters',
      );
    }
    const digest = createHash('sha256').update(`${actor}\u0000${key}`).digest('hex').slice(0, 40);
    return { key, scope: `${STREAM_PREFIX.idempotency}${digest}`, requestHash };
  }

  async run(
    request: IdempotentRequest,
    actor: string,
    execute: () => Promise<HttpOutcome>,
  ): Promise<IdempotentOutcome> {
    const flying = this.inFlight.get(request.scope);
    if (flying) {
      if (flying.requestHash !== request.requestHash) throw keyReused();
      return { ...(await flying.outcome), replayed: true };
    }
    const first = this.first(request, actor, execute);
    // Waiters share its outcome, refusal included; with none, its rejection is the caller's alone.
    first.catch(() => undefined);
    this.inFlight.set(request.scope, { requestHash: request.requestHash, outcome: first });
    try {
      return await first;
    } finally {
      this.inFlight.delete(request.scope);
    }
  }

  private async first(
    request: IdempotentRequest,
    actor: string,
    execute: () => Promise<HttpOutcome>,
  ): Promise<IdempotentOutcome> {
    const [recorded] = await this.store.readStream(request.scope, { maxCount: 1 });
    if (recorded) return replay(recorded, request.requestHash);
    const outcome = await execute();
    const record = {
      // A fresh id: a racing first request (another replica) must meet a conflict here, not pass as a retry.
      id: randomUUID(),
      type: 'IdempotentRequestCompleted',
      data: { requestHash: request.requestHash, status: outcome.status, body: outcome.body },
      metadata: { actor },
    };
    try {
      await this.store.append(request.scope, [record], 'no_stream');
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const [winner] = await this.store.readStream(request.scope, { maxCount: 1 });
      if (winner) return replay(winner, request.requestHash);
      throw error;
    }
    return { ...outcome, replayed: false };
  }
}

function replay(recorded: RecordedEvent, hash: string): IdempotentOutcome {
  const data = recorded.data as { requestHash: string; status: number; body: Record<string, unknown> };
  if (data.requestHash !== hash) throw keyReused();
  return { status: data.status, body: data.body, replayed: true };
}

export function keyReused(): ProblemError {
  return ProblemError.of(
    422,
    'idempotency.key_reused',
    'this Idempotency-Key was used with a different request; use a new key for a new request',
  );
}
