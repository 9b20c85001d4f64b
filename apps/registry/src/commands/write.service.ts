import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RegistryClock } from './registry-clock';
import { IdempotencyService } from './idempotency.service';
import { requestHash } from './request-hash';
import type { WriteResult } from './command-runner';
import { writeContextOf } from './write-request';
import type { WriteContext } from './write-context';

/** The key's name, as the auth guard leaves it on the request (every write route requires a key). */
function actorOf(request: FastifyRequest): string {
  return request.principal?.name ?? 'anonymous';
}

/**
 * Every write endpoint goes through here: metadata from the request, Idempotency-Key, the status
 * code, and the ETag of the written stream.
 */
@Injectable()
export class WriteService {
  constructor(
    private readonly clock: RegistryClock,
    private readonly idempotency: IdempotencyService,
  ) {}

  async execute(
    request: FastifyRequest,
    reply: FastifyReply,
    status: 200 | 201,
    write: (context: WriteContext) => Promise<WriteResult>,
  ): Promise<Record<string, unknown>> {
    const context = writeContextOf(request, actorOf(request), this.clock.today());
    const run = async (scope?: string) => {
      const result = await write(scope ? { ...context, idempotencyScope: scope } : context);
      const { stream: _stream, ...body } = result;
      return { status, body: body as Record<string, unknown> };
    };
    const outcome = context.idempotencyKey
      ? await this.idempotency.run(
          context.actor,
          context.idempotencyKey,
          requestHash(request.method, request.url, request.body),
          run,
        )
      : await run();
    void reply.status(outcome.status);
    if (typeof outcome.body['revision'] === 'number') void reply.header('etag', `"${outcome.body['revision']}"`);
    if ('replayed' in outcome && outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.body;
  }
}
