import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { WriteResult } from './handle';
import { IdempotencyService, type HttpOutcome, type IdempotentOutcome } from './idempotency.service';
import { RegistryClock } from '../clock/registry-clock';
import { RequestHasher } from './request-hash';
import { header, writeContextOf } from './write-request';

/**
 * Around every write route: the write's context from the request (actor, correlation, If-Match),
 * `Idempotency-Key` (a repeat answers as the first did), and the answer: the write's result
 * without its stream name, with the written stream's revision as `ETag`.
 */
@Injectable()
export class WriteInterceptor implements NestInterceptor {
  constructor(
    private readonly clock: RegistryClock,
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
    private readonly hasher: RequestHasher,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler<WriteResult>): Observable<Record<string, unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
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
    request.write = write;
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const run = async (): Promise<HttpOutcome> => {
      const { stream: _stream, ...body } = await lastValueFrom(next.handle());
      return { status, body };
    };
    const outcome: Promise<IdempotentOutcome> = write.idempotency
      ? this.idempotency.run(write.idempotency, actor, run)
      : run().then((o) => ({ ...o, replayed: false }));
    return from(
      outcome.then(({ status: answered, body, replayed }) => {
        void reply.status(answered);
        if (typeof body['revision'] === 'number') void reply.header('etag', `"${body['revision']}"`);
        if (replayed) void reply.header('idempotent-replayed', 'true');
        return body;
      }),
    );
  }
}
