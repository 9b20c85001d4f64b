import { Injectable } from '@nestjs/common';
import type { WriteResult } from './handle';
import { IdempotencyService, type IdempotentOutcome } from './idempotency.service';
import { RegistryClock } from '../clock/registry-clock';
import { RequestHasher } from './request-hash';
import type { WriteContext } from './write-context';
import { header, writeContextOf, type WriteCall } from './write-request';

/**
 * Every write route answers through here: the write's context from the request (actor,
 * correlation, If-Match), `Idempotency-Key` (a repeat answers as the first did), and the answer:
 * the write's result without its stream name, with the written stream's revision as `ETag`.
 * A call from the route rather than a Nest interceptor: an interceptor binds two async resources
 * and builds an observable chain per request, a cost every write paid on the hot path.
 */
@Injectable()
export class WriteAnswers {
  constructor(
    private readonly clock: RegistryClock,
    private readonly idempotency: IdempotencyService,
    private readonly hasher: RequestHasher,
  ) {}

  async answer(
    call: WriteCall,
    execute: (write: WriteContext) => Promise<WriteResult>,
  ): Promise<Record<string, unknown>> {
    const { request, reply, status } = call;
    const actor = request.principal?.name ?? 'anonymous';
    const write = writeContextOf(request, actor, this.clock.today());
    const key = header(request, 'idempotency-key');
    if (key !== undefined) {
      write.idempotency = this.idempotency.request(
        actor,
        key,
        this.hasher.hash(request.method, request.url, request.body),
      );
    }
    const run = async () => {
      const { stream: _stream, ...body } = await execute(write);
      return { status, body };
    };
    const { body, replayed }: IdempotentOutcome = write.idempotency
      ? await this.idempotency.run(write.idempotency, actor, run)
      : { ...(await run()), replayed: false };
    if (typeof body['revision'] === 'number') void reply.header('etag', `"${body['revision']}"`);
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return body;
  }
}
