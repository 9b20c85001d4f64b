import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '@baytaq/event-store';
import { ProblemError } from '../http/problem';

export interface HttpOutcome {
  status: number;
  body: Record<string, unknown>;
}

export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';
const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key`: the first successful answer to a key is kept in a stream of its own,
 * created with "no stream", so that replicas agree on one first answer. A repeat with the same
 * body gets that answer and appends nothing; another body is 422. Failures are not kept: the
 * client may retry them.
 */
@Injectable()
export class IdempotencyService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The stream of a key, scoped to the caller so that two clients' keys never collide. */
  scopeOf(actor: string, key: string): string {
    if (!KEY.test(key)) {
      throw ProblemError.of(
        400,
        'idempotency.invalid_key',
        'Idempotency-Key must be 1 to 200 visible ASCII characters',
      );
    }
    const digest = createHash('sha256').update(`${actor}\u0000${key}`).digest('hex').slice(0, 40);
    return `${IDEMPOTENCY_STREAM_PREFIX}${digest}`;
  }

  async run(
    actor: string,
    key: string,
    hash: string,
    execute: (scope: string) => Promise<HttpOutcome>,
  ): Promise<HttpOutcome & { replayed: boolean }> {
    const scope = this.scopeOf(actor, key);
    const [first] = await this.store.readStream(scope, { maxCount: 1 });
    if (first) return this.replay(first, hash);
    const outcome = await execute(scope);
    const record = {
      // A fresh id: a racing first request must meet a conflict here, not pass as a retry.
      id: randomUUID(),
      type: 'IdempotentRequestCompleted',
      data: { requestHash: hash, status: outcome.status, body: outcome.body },
      metadata: { actor },
    };
    try {
      await this.store.append(scope, [record], 'no_stream');
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const [winner] = await this.store.readStream(scope, { maxCount: 1 });
      if (winner) return this.replay(winner, hash);
      throw error;
    }
    return { ...outcome, replayed: false };
  }

  private replay(recorded: RecordedEvent, hash: string): HttpOutcome & { replayed: boolean } {
    const data = recorded.data as { requestHash: string; status: number; body: Record<string, unknown> };
    if (data.requestHash !== hash) {
      throw ProblemError.of(
        422,
        'idempotency.key_reused',
        'this Idempotency-Key was used with a different request; use a new key for a new request',
      );
    }
    return { status: data.status, body: data.body, replayed: true };
  }
}
